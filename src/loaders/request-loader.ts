/**
 * The content loader of the `requests` collection.
 *
 * Request files are MDX, but almost all of a request lives in its frontmatter and a body holds at most a few
 * `<Note>`s. Astro's `glob` loader would compile every MDX file into its own JavaScript module and bundle it
 * with Vite: about 6 ms per request, 18 s of a 3,000-request build, for bodies that are mostly empty. This
 * loader instead reads each file with the same validator that guards the build (frontmatter through the
 * collection's schema, body through Astro's MDX parser with only the allowed components), stores the data and
 * the raw body, and leaves rendering to `requestBodyHtml()` (src/lib/request-body.ts) on the page. In a build
 * the content guard has validated every file just before, and the pages read its entries directly
 * (src/lib/build-requests.ts), so the loader stores nothing; elsewhere the guard's result is handed over
 * rather than read again.
 */
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { formatProblem, siteCollections, takeValidation, validateCollection, validateFile, type CollectionSpec, type ValidatedEntry } from '../lib/content-validation.ts';
import { buildRequests } from '../lib/build-requests.ts';
import { recordDevEntry, recordDevProblems } from '../lib/dev-problems.ts';

/** Options of {@link requestLoader}. */
export interface RequestLoaderOptions {
  /** The content folder (the one that holds `requests/`). */
  contentDir: string;
}

function requestSpec(contentDir: string): CollectionSpec {
  const spec = siteCollections(path.resolve(contentDir)).find((collection) => collection.name === 'requests');
  if (!spec) throw new Error('siteCollections() has no "requests" collection');
  return spec;
}

/** The loader: every `*.mdx` under `<contentDir>/requests/`, with its id from the file name. */
export function requestLoader({ contentDir }: RequestLoaderOptions): Loader {
  const spec = requestSpec(contentDir);
  return {
    name: 'offlabel:request-loader',
    load: (context) => {
      const { store, logger, watcher } = context;
      const displayRoot = path.dirname(path.resolve(contentDir));
      /** Stores one valid entry. */
      const put = (entry: ValidatedEntry): { id: string; collection: string; data: Record<string, unknown>; body: string; filePath: string } => {
        const filePath = path.relative(process.cwd(), path.join(spec.dir, `${entry.id}.mdx`)).split(path.sep).join('/');
        const data = entry.data as Record<string, unknown>;
        store.set({ id: entry.id, data, body: entry.body, filePath, digest: context.generateDigest({ data, body: entry.body }) });
        return { id: entry.id, collection: 'requests', data, body: entry.body, filePath };
      };
      /** Stores the valid entries; returns the problems of the others, which are left out. */
      const sync = (handedOver?: readonly ValidatedEntry[]): string[] => {
        const { entries, problems } = handedOver ? { entries: handedOver, problems: [] } : validateCollection(spec, displayRoot);
        const seen = new Set<string>();
        for (const entry of entries) {
          seen.add(entry.id);
          put(entry);
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        return problems.map(formatProblem);
      };
      // The content guard has just validated every file before the build; reuse its result the first time. A
      // build with problems has already stopped there, so problems reach this point only on the dev server,
      // which keeps running with the valid requests while the author fixes the others.
      // A build's pages read the content guard's entries directly (src/lib/build-requests.ts): nothing to store.
      if (!watcher && buildRequests()) return Promise.resolve();
      const skipped = sync(takeValidation(contentDir)?.entries.get('requests'));
      if (skipped.length > 0) logger.warn(`${skipped.length} problem(s) listed above; those requests are left out until they are fixed`);
      if (!watcher) return Promise.resolve();
      watcher.add(spec.dir);
      // After an edit only the changed file is read and validated again (a few ms, whatever the number of
      // requests). A broken edit keeps the last valid version on the site, and its problems are printed here and
      // thrown by the request's page, so that the browser shows them in the error overlay; the server keeps running.
      // Checks across files (duplicate request numbers, registries) run in `npm run validate` and the build.
      watcher.on('all', (event, changed) => {
        if (!changed.startsWith(spec.dir) || !changed.endsWith('.mdx')) return;
        const name = path.relative(spec.dir, changed).split(path.sep).join('/');
        const id = name.replace(/\.mdx$/u, '');
        if (event === 'unlink') {
          store.delete(id);
          recordDevProblems(id, []);
          recordDevEntry(id, undefined);
          logger.info(`removed ${name}`);
          return;
        }
        const { entry, problems } = validateFile(spec, name, displayRoot);
        const messages = problems.map(formatProblem);
        // The page shows the fresh entry at once; the store catches up when Astro writes it.
        if (entry && problems.length === 0) recordDevEntry(id, put(entry));
        recordDevProblems(id, messages);
        for (const message of messages) logger.error(message);
        logger.info(`reloaded ${name}${messages.length > 0 ? `: ${messages.length} problem(s); the last valid version stays on the site until they are fixed` : ''}`);
      });
      return Promise.resolve();
    },
  };
}
