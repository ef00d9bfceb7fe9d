/**
 * Validates the content folder before Astro loads it (see `src/lib/content-validation.ts`). A build stops
 * with one line per problem, each naming the file and the field; the dev server only reports them, so an
 * author can fix files while it runs.
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
        const lines = problems.map(formatProblem);
        if (command === 'dev') {
          for (const line of lines) logger.error(line);
          return;
        }
        throw new Error(`${problems.length} problem(s) in the content; nothing was built:\n${lines.map((line) => `  ${line}`).join('\n')}`);
      },
    },
  };
}
