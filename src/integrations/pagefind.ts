/**
 * Builds the Pagefind search index during `astro build`, through Pagefind's Node API, so that one build
 * command yields the site and its index in `dist/pagefind/`.
 *
 * The index is built beside the pages rather than after them. Pagefind runs in its own process, on the second
 * core, while Astro renders on the first:
 * 1. Requests are indexed from their data, not from their pages: each is one small record built from its
 *    summary (src/lib/search-record.ts), sent to Pagefind as soon as the build starts.
 * 2. The primer chapters and the glossary are indexed from their built pages, whose headings give search its
 *    links to sections and terms. Astro writes them part-way through the build; the integration watches for
 *    the 16 files, adds them as soon as all are complete, and has Pagefind write the index (about 3 s at 3,000
 *    requests) while Astro is still rendering request pages.
 * 3. When the build is done it waits for whatever is left; a page that never appeared is an error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { ValidatedEntry } from '../lib/content-validation.ts';
import { toRequestSummary, type RequestRecord } from '../lib/request-summary.ts';
import { requestSearchRecord } from '../lib/search-record.ts';
import { createRequesterIndex } from '../lib/requester-registry.ts';
import type { RequesterData } from '../schemas/requester.ts';
import { createDrugIndex } from '../lib/drug-registry.ts';
import type { DrugData } from '../schemas/drug.ts';
import { createCompanyIndex } from '../lib/company-registry.ts';
import type { CompanyData } from '../schemas/company.ts';
import { isLang, localizedPath, withoutBase, type Lang } from '../i18n/index.ts';

/** Options of {@link pagefindIndex}. */
export interface PagefindIndexOptions {
  /** The valid entries of a collection (from the content guard, which has read them before the build). */
  entries: (collection: 'requests' | 'primer' | 'requesters' | 'companies' | 'drugs') => readonly ValidatedEntry[];
}

/** The built pages indexed as pages (relative to the output folder): every primer chapter and the glossary, in both languages. */
export function indexedPagePaths(primerIds: readonly string[]): string[] {
  // Files in the output folder: the base path is where the site is served, not where the build writes.
  const file = (pathname: string, lang: Lang) => `${withoutBase(localizedPath(pathname, lang)).slice(1)}index.html`;
  const chapters = primerIds.map((id) => {
    const [lang, slug] = id.split('/');
    return file(`/primer/${slug ?? ''}/`, isLang(lang) ? lang : 'ja');
  });
  return [...chapters, file('/glossary/', 'ja'), file('/glossary/', 'en')].sort();
}

/** Throws with Pagefind's own errors when a step reports any. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/** A page's HTML once this build (started at `since`, epoch ms) has written all of it, else undefined. */
function completePage(file: string, since: number): string | undefined {
  // A file from the previous build is still there until Astro empties the output folder.
  if (!existsSync(file) || statSync(file).mtimeMs < since) return undefined;
  const html = readFileSync(file, 'utf8');
  return /<\/html>\s*$/.test(html) ? html : undefined;
}

/** Resolves when every file is written and complete (checked every `intervalMs`), or when `stop` is called. */
function whenWritten(files: readonly string[], since: number, intervalMs = 200): { ready: Promise<void>; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let resolve = () => {};
  const ready = new Promise<void>((done) => (resolve = done));
  // Only the files' dates are checked while pages are being written (reading the glossary page, a megabyte,
  // five times a second for the whole build cost a third of a second); each is read once, when all are there.
  const poll = () => {
    if (files.every((file) => existsSync(file) && statSync(file).mtimeMs >= since) && files.every((file) => completePage(file, since) !== undefined)) resolve();
    // unref: a build that fails part-way must still exit rather than wait on this timer.
    else timer = setTimeout(poll, intervalMs).unref();
  };
  poll();
  return {
    ready,
    stop: () => {
      clearTimeout(timer);
      resolve();
    },
  };
}

/** The integration. */
export function pagefindIndex({ entries }: PagefindIndexOptions): AstroIntegration {
  let outDir = '';
  let watcher: { stop(): void } | undefined;
  let indexing: Promise<{ records: number; recordSeconds: number; pages: number; finished: number }> | undefined;
  return {
    name: 'offlabel:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const started = performance.now();
        const since = Date.now();
        const pages = indexedPagePaths(entries('primer').map((entry) => entry.id));
        const written = whenWritten(
          pages.map((page) => path.join(outDir, page)),
          since,
        );
        watcher = written;
        indexing = (async () => {
          // One index for both languages: Pagefind would otherwise split it by <html lang>, and a search from an
          // English page could not find the Japanese text of a request (nor a Japanese page an English chapter).
          // Japanese segmentation keeps Latin words whole, so English names and terms are still found; the search
          // UI collapses a page's two languages into one result, preferring the reader's.
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const requesters = createRequesterIndex(entries('requesters').map((entry) => ({ id: entry.id, ...(entry.data as RequesterData) })));
          const drugs = createDrugIndex(entries('drugs').map((entry) => entry.data as DrugData));
          const companies = createCompanyIndex(entries('companies').map((entry) => ({ id: entry.id, ...(entry.data as CompanyData) })));
          const records = entries('requests').map((entry) => requestSearchRecord(toRequestSummary({ id: entry.id, data: entry.data } as RequestRecord, requesters, drugs, companies)));
          const added = await Promise.all(records.map((record) => index.addHTMLFile({ url: record.url, content: record.html })));
          for (const result of added) check('index a request', result.errors);
          const recordSeconds = (performance.now() - started) / 1000;
          await written.ready;
          for (const page of pages) {
            const html = completePage(path.join(outDir, page), since);
            if (html === undefined) throw new Error(`${page} was not built, so it could not be indexed`);
            check(`index ${page}`, (await index.addHTMLFile({ sourcePath: page, content: html })).errors);
          }
          check('write its index', (await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') })).errors);
          await pagefind.close();
          return { records: records.length, recordSeconds, pages: pages.length, finished: performance.now() };
        })();
        // Reported when awaited in astro:build:done; this keeps Node from calling it unhandled meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!indexing || !watcher) throw new Error('the Pagefind index was not started (astro:build:start did not run)');
        const waiting = performance.now();
        watcher.stop();
        const { records, recordSeconds, pages, finished } = await indexing;
        // The benchmark (scripts/bench.ts) reads this line: the time Pagefind took for the requests, and how
        // long the finished build still had to wait for the index.
        logger.info(
          `indexed ${records} requests in ${recordSeconds.toFixed(2)} s alongside the build, then ${pages} pages and wrote the index; the build waited ${(Math.max(0, finished - waiting) / 1000).toFixed(2)} s for it`,
        );
      },
    },
  };
}
