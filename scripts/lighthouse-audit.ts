/**
 * Lighthouse on a built site: serves it on 127.0.0.1 gzip-compressed, as any static host serves it, and runs
 * Lighthouse (the `lighthouse` npm package, driving Debian's Chromium through chrome-launcher) on one page of
 * each type. Lighthouse's default mobile profile (simulated slow 4G, 4× CPU slowdown) is used; each page is
 * measured three times and each category's median and spread reported. Used by `scripts/lighthouse.ts` and `npm run bench`.
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
  /** Median score per category over the runs, 0–100. */
  scores: Record<Category, number>;
  /** Every run's score per category, in run order. */
  runs: Record<Category, number[]>;
  /** Spread (highest minus lowest run) per category. */
  spread: Record<Category, number>;
}

/** The median of some numbers (the lower middle one for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * Runs Lighthouse on each `[label, pathname]` of the site in `dist` `runs` times and reports, per category, the
 * median and the spread of the runs. A category fails only when every run is under its budget (one slow run
 * on a busy machine is noise; every run slow is the page); the failure names the audits that cost points.
 */
export async function auditPages(dist: string, pages: readonly [string, string][], runs = 3): Promise<{ results: PageScores[]; failures: string[] }> {
  const site = await serve(path.resolve(dist));
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumArgs] });
  const results: PageScores[] = [];
  const failures: string[] = [];
  try {
    for (const [label, pathname] of pages) {
      const lhrs: Result[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${site.url}${pathname}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
        if (!result) throw new Error(`Lighthouse returned nothing for ${pathname}`);
        lhrs.push(result.lhr);
      }
      const lhr = lhrs[0];
      if (!lhr) throw new Error('runs must be at least 1');
      const score = (run: Result, category: Category): number => Math.round((run.categories[category]?.score ?? 0) * 100);
      const runScores = Object.fromEntries(categories.map((category) => [category, lhrs.map((run) => score(run, category))])) as Record<Category, number[]>;
      const scores = Object.fromEntries(categories.map((category) => [category, median(runScores[category])])) as Record<Category, number>;
      const spread = Object.fromEntries(categories.map((category) => [category, Math.max(...runScores[category]) - Math.min(...runScores[category])])) as Record<Category, number>;
      results.push({ label, pathname, scores, runs: runScores, spread });
      for (const category of categories) {
        if (runScores[category].some((value) => value >= lighthouseBudgets[category])) continue;
        // Every run under budget: name the audits that cost points in the best run, so that the fix is obvious.
        const best = lhrs.reduce((a, b) => (score(b, category) > score(a, category) ? b : a));
        const lost = (best.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (best.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id} (${best.audits[ref.id]?.displayValue ?? best.audits[ref.id]?.score ?? ''})`);
        failures.push(`${label} ${pathname}: ${category} ${runScores[category].join('/')} all < ${lighthouseBudgets[category]}${lost.length ? `; failing audits: ${lost.join(', ')}` : ''}`);
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
  const cell = (value: number, spread: number): string => `${value}${spread > 0 ? ` ±${spread}` : ''}`;
  return [
    `${header}   (median of the runs, ± the spread between them)`,
    ...results.map(({ label, scores, spread }) => `${label.padEnd(width)} ${categories.map((category) => cell(scores[category], spread[category]).padStart(15)).join('')}`),
  ].join('\n');
}
