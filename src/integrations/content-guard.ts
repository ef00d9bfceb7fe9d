/**
 * Validates the content folder before Astro loads it (see `src/lib/content-validation.ts`).
 *
 * A build stops with one line per problem, each naming the file and the field, and exits with status 1
 * without building anything. It exits rather than throws: a thrown error makes Astro print "unhandled
 * error" and a stack trace into this file, which buries the author's actual mistake. The dev server only
 * reports the problems, so an author can fix files while it runs.
 */
import type { AstroIntegration } from 'astro';
import { formatProblem, validateContent } from '../lib/content-validation.ts';

/** The integration; `contentDir` defaults to `OFFLABEL_CONTENT_DIR` or `content`. */
export function contentGuard(contentDir = process.env.OFFLABEL_CONTENT_DIR ?? 'content'): AstroIntegration {
  return {
    name: 'offlabel:content-guard',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = validateContent(contentDir);
        if (problems.length === 0) return;
        for (const problem of problems) logger.error(formatProblem(problem));
        if (command === 'dev') return;
        logger.error(
          `${problems.length} problem(s) in the content; nothing was built. Fix each field named above (src/schemas/ documents every field); \`npm run validate\` checks the content without building.`,
        );
        process.exit(1);
      },
    },
  };
}
