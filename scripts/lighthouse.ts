/**
 * `npx tsx scripts/lighthouse.ts [dist]`: runs Lighthouse (the `lighthouse` npm package, driving Debian's
 * Chromium through chrome-launcher) on one page of each type of the built site, served on 127.0.0.1, and
 * prints the performance, accessibility, best-practices and SEO scores. The site is served gzip-compressed,
 * as any static host serves it. Exits with 1 when a page is under its budget: performance ≥ 98, the three
 * others 100, and names the audits that cost points. Lighthouse's default mobile profile (simulated slow
 * 4G, 4× CPU slowdown) is used; scores of a loaded machine vary by a point or two. `LIGHTHOUSE_PAGES` (comma-separated paths) overrides the pages.
 * Not part of `npm test`: a run takes about a minute. Run `npm run build` first.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../tests/support/site.ts';

/** The page of each type that is measured. */
const pageTypes: Record<string, string> = {
  home: '/',
  list: '/requests/',
  request: '/requests/basiliximab-liver-transplant/',
  'primer chapter': '/primer/request-system/',
  glossary: '/glossary/',
  search: '/search/',
};

/** The minimum score (0–100) of each category. */
const budgets = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof budgets;
const categories = Object.keys(budgets) as Category[];

const pages: [string, string][] = process.env.LIGHTHOUSE_PAGES
  ? process.env.LIGHTHOUSE_PAGES.split(',').map((pathname) => [pathname, pathname])
  : Object.entries(pageTypes);

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

const site = await serve(path.resolve(process.argv[2] ?? 'dist'));
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});

const failures: string[] = [];
try {
  const width = Math.max(16, ...pages.map(([label]) => label.length + 1));
  console.log(`${'page'.padEnd(width)} ${categories.map((category) => category.padStart(15)).join('')}`);
  for (const [label, pathname] of pages) {
    const result = await lighthouse(`${site.url}${pathname}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
    if (!result) throw new Error(`Lighthouse returned nothing for ${pathname}`);
    const scores = categories.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
    console.log(`${label.padEnd(width)} ${scores.map((score) => String(score).padStart(15)).join('')}`);
    categories.forEach((category, index) => {
      const score = scores[index] ?? 0;
      if (score >= budgets[category]) return;
      // Name the audits that cost points, so that the fix is obvious.
      const lost = (result.lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (result.lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${result.lhr.audits[ref.id]?.displayValue ?? result.lhr.audits[ref.id]?.score ?? ''})`);
      failures.push(`${label} ${pathname}: ${category} ${score} < ${budgets[category]}${lost.length ? `; failing audits: ${lost.join(', ')}` : ''}`);
    });
    for (const error of result.lhr.runtimeError ? [result.lhr.runtimeError.message] : []) failures.push(`${label}: ${error}`);
  }
} finally {
  chrome.kill();
  await site.close();
}

if (failures.length > 0) {
  console.log(`\nunder budget:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nevery page type is within budget');
}
