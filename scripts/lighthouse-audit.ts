/**
 * Lighthouse on a built site: serves it on 127.0.0.1 gzip-compressed, as any static host serves it, and runs
 * Lighthouse (the `lighthouse` npm package, driving Debian's Chromium through chrome-launcher) on one page of
 * each type. Lighthouse's default mobile profile (simulated slow 4G, 4× CPU slowdown) is used; each page is
 * measured three times and the median run reported. Used by `scripts/lighthouse.ts` and `npm run bench`.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../tests/support/site.ts';

/** The page of each type that is measured on the real site. */
export const pageTypes: Record<string, string> = {
  home: '/',
  list: '/requests/',
  request: '/requests/basiliximab-liver-transplant/',
  'primer chapter': '/primer/request-system/',
  glossary: '/glossary/',
  search: '/search/',
};

/** The minimum score (0–100) of each category. */
export const lighthouseBudgets = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
/** A Lighthouse category with a budget. */
export type Category = keyof typeof lighthouseBudgets;
/** The categories, in report order. */
export const categories = Object.keys(lighthouseBudgets) as Category[];

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/**
 * Serves a built site on 127.0.0.1 as a static host would: gzip for text (the test server in
 * tests/support/site.ts sends everything uncompressed, which Lighthouse's simulated 4G would punish).
 */
async function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      let file = path.join(root, pathname);
      if (!file.startsWith(root)) file = path.join(root, '404.html');
      if (pathname.endsWith('/')) file = path.join(file, 'index.html');
      let status = 200;
      if (!(await stat(file).catch(() => undefined))?.isFile()) {
        status = 404;
        file = path.join(root, '404.html');
      }
      const type = types[path.extname(file)];
      let body = await readFile(file);
      response.statusCode = status;
      if (type) response.setHeader('content-type', type);
      if (type && type !== 'application/wasm' && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body);
        response.setHeader('content-encoding', 'gzip');
      }
      response.end(body);
    })().catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The scores of one page. */
export interface PageScores {
  /** Page type (or path). */
  label: string;
  /** Path measured. */
  pathname: string;
  /** Score per category, 0–100. */
  scores: Record<Category, number>;
}

/**
 * Runs Lighthouse on each `[label, pathname]` of the site in `dist` (`runs` times, reporting the median run);
 * returns the scores and, for every score under its budget, a line naming the audits that cost points.
 */
export async function auditPages(dist: string, pages: readonly [string, string][], runs = 3): Promise<{ results: PageScores[]; failures: string[] }> {
  const site = await serve(path.resolve(dist));
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumArgs] });
  const results: PageScores[] = [];
  const failures: string[] = [];
  try {
    for (const [label, pathname] of pages) {
      // Each page is measured `runs` times and the run with the median performance score is reported, as
      // Lighthouse's documentation advises: one run on a busy machine can lose ten points to a CPU spike.
      const runResults: { lhr: Result; performance: number }[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${site.url}${pathname}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
        if (!result) throw new Error(`Lighthouse returned nothing for ${pathname}`);
        runResults.push({ lhr: result.lhr, performance: result.lhr.categories.performance?.score ?? 0 });
      }
      runResults.sort((a, b) => a.performance - b.performance);
      const median = runResults[Math.floor(runResults.length / 2)];
      if (!median) throw new Error('runs must be at least 1');
      const { lhr } = median;
      const scores = Object.fromEntries(categories.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as Record<Category, number>;
      results.push({ label, pathname, scores });
      for (const category of categories) {
        if (scores[category] >= lighthouseBudgets[category]) continue;
        // Name the audits that cost points, so that the fix is obvious.
        const lost = (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score ?? ''})`);
        failures.push(`${label} ${pathname}: ${category} ${scores[category]} < ${lighthouseBudgets[category]}${lost.length ? `; failing audits: ${lost.join(', ')}` : ''}`);
      }
      if (lhr.runtimeError) failures.push(`${label}: ${lhr.runtimeError.message}`);
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  return { results, failures };
}

/** The scores as a text table. */
export function scoreTable(results: readonly PageScores[]): string {
  const width = Math.max(16, ...results.map(({ label }) => label.length + 1));
  const header = `${'page'.padEnd(width)} ${categories.map((category) => category.padStart(15)).join('')}`;
  return [header, ...results.map(({ label, scores }) => `${label.padEnd(width)} ${categories.map((category) => String(scores[category]).padStart(15)).join('')}`)].join('\n');
}
