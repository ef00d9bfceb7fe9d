/**
 * Validates the content folder before Astro loads it (see `src/lib/content-validation.ts`).
 *
 * A build stops with one line per problem, each naming the file and the field, and exits with status 1
 * without building anything. It exits rather than throws: a thrown error makes Astro print "unhandled
 * error" and a stack trace into this file, which buries the author's actual mistake. The dev server only
 * reports the problems, so an author can fix files while it runs.
 *
 * The validated entries are kept for the search index (src/integrations/pagefind.ts) and handed over to the
 * request loader (src/loaders/request-loader.ts), which would otherwise read and parse every request again,
 * and, in a build, to the pages themselves (src/lib/build-requests.ts).
 */
import type { AstroIntegration } from 'astro';
import { formatProblem, handOverValidation, validateSite, type ValidatedEntry } from '../lib/content-validation.ts';
import { handOverBuildRequests } from '../lib/build-requests.ts';

/** The guard, and the entries it validated (available once `astro:config:setup` has run). */
export interface ContentGuard {
  /** The integration. */
  integration: AstroIntegration;
  /** The valid entries of a collection; throws if asked before the guard has run. */
  entries(collection: string): readonly ValidatedEntry[];
}

/** Creates the guard; `contentDir` defaults to `OFFLABEL_CONTENT_DIR` or `content`. */
export function contentGuard(contentDir = process.env.OFFLABEL_CONTENT_DIR ?? 'content'): ContentGuard {
  let validated: Map<string, ValidatedEntry[]> | undefined;
  return {
    entries: (collection) => {
      if (!validated) throw new Error('the content guard has not run yet');
      return validated.get(collection) ?? [];
    },
    integration: {
      name: 'offlabel:content-guard',
      hooks: {
        'astro:config:setup': ({ command, logger }) => {
          const validation = validateSite(contentDir);
          const { problems, entries } = validation;
          validated = entries;
          handOverValidation(contentDir, validation);
          // A build's pages read the validated requests directly (src/lib/build-requests.ts).
          if (command === 'build') handOverBuildRequests(entries.get('requests') ?? []);
          if (problems.length === 0) return;
          for (const problem of problems) logger.error(formatProblem(problem));
          if (command === 'dev') return;
          logger.error(
            `${problems.length} problem(s) in the content; nothing was built. Fix each field named above (src/schemas/ documents every field); \`npm run validate\` checks the content without building.`,
          );
          process.exit(1);
        },
      },
    },
  };
}
