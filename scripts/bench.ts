/**
 * `npm run bench -- [--requests N] [--json] [--keep] [--no-lighthouse]`: builds the site with N synthetic
 * requests (default 3,000; generated into a temporary folder, never into content/) and prints what it costs:
 * build and index wall time, ms per request, peak memory of each step, dist and index size, the gzip weight
 * of each page type (HTML + CSS, and whether it loads JavaScript), the bytes a first search fetches, and the
 * Lighthouse scores of each page type (scripts/lighthouse-audit.ts; `--no-lighthouse` skips them, about a
 * minute). Each figure is printed beside its budget. `--json` prints the same as JSON.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSyntheticContent } from './synthetic-requests.ts';
import { launchChromium, startSite } from '../tests/support/site.ts';
import { auditPages, categories, lighthouseBudgets, scoreTable, type PageScores } from './lighthouse-audit.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const count = Number(option('--requests') ?? 3000);
const asJson = args.includes('--json');
if (!Number.isInteger(count) || count < 1) {
  console.error(`--requests must be a positive whole number, got ${option('--requests') ?? ''}`);
  process.exit(2);
}
const log = (line: string) => {
  if (!asJson) console.error(line);
};

/** Peak resident memory (VmHWM, kB) of every process in a tree, sampled from /proc while it runs. */
function watchMemory(rootPid: number): { stop(): Map<string, number> } {
  const peaks = new Map<number, { name: string; kb: number }>();
  const sample = () => {
    let entries: string[];
    try {
      entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
    } catch {
      return;
    }
    const parent = new Map<number, number>();
    for (const entry of entries) {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        parent.set(Number(entry), ppid);
      } catch {
        // The process ended between listing and reading.
      }
    }
    const inTree = (pid: number): boolean => {
      for (let current: number | undefined = pid, depth = 0; current && depth < 20; current = parent.get(current), depth++) {
        if (current === rootPid) return true;
      }
      return false;
    };
    for (const pid of parent.keys()) {
      if (!inTree(pid)) continue;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?';
        const kb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
        const previous = peaks.get(pid);
        if (!previous || kb > previous.kb) peaks.set(pid, { name, kb });
      } catch {
        // Ended.
      }
    }
  };
  const timer = setInterval(sample, 100);
  sample();
  return {
    stop() {
      clearInterval(timer);
      const byName = new Map<string, number>();
      for (const { name, kb } of peaks.values()) byName.set(name, Math.max(byName.get(name) ?? 0, kb));
      return byName;
    },
  };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    const stat = statSync(file);
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

/** HTML + linked CSS of a built page, gzipped, and whether the page loads any script. */
function pageWeight(dist: string, pagePath: string): { htmlCssGzip: number; loadsScript: boolean } {
  const html = readFileSync(path.join(dist, pagePath, 'index.html'), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => readFileSync(path.join(dist, match[1] ?? ''), 'utf8'));
  return { htmlCssGzip: gzipSync(html).length + css.reduce((sum, text) => sum + gzipSync(text).length, 0), loadsScript: /<script[\s>]/.test(html) };
}

/** What one production build cost. */
interface BuildResult {
  /** Wall time of the whole `astro build`, index included. */
  wallMs: number;
  /** Time Pagefind took to index the requests, alongside the build (the requests are sent when it starts). */
  indexAlongsideMs: number;
  /** Time the finished build still waited for the index (Pagefind writes it while the pages are rendered). */
  indexTailMs: number;
  /** Pages Astro wrote. */
  pages: number;
  /** Peak resident memory per process name, in kB. */
  peaks: Map<string, number>;
  /** The build's log. */
  output: string;
}

async function build(contentDir: string, outDir: string, cacheDir: string): Promise<BuildResult> {
  const started = performance.now();
  // Exactly what `npm run build` runs (package.json), so that its Node options are measured too.
  const child = spawn('npm', ['run', '--silent', 'build', '--', '--outDir', outDir], {
    env: { ...process.env, OFFLABEL_CONTENT_DIR: contentDir, OFFLABEL_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchMemory(child.pid ?? 0);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const peaks = memory.stop();
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.slice(-3000)}`);
  // Written by src/integrations/pagefind.ts.
  const indexed = /indexed \d+ requests in ([\d.]+) s alongside the build, then \d+ pages and wrote the index; the build waited ([\d.]+) s for it/.exec(output);
  if (!indexed) throw new Error(`the build log has no "indexed … requests" line:\n${output.slice(-2000)}`);
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  return { wallMs, indexAlongsideMs: Number(indexed[1]) * 1000, indexTailMs: Number(indexed[2]) * 1000, pages, peaks, output };
}

/** Bytes fetched from the moment a reader types a query on the search page until its results show. */
async function firstQueryBytes(dist: string, query: string): Promise<{ bytes: number; requests: number; results: string }> {
  const site = await startSite(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    let requests = 0;
    page.on('response', (response) => {
      void response
        .body()
        .then((body) => {
          bytes += body.length;
          requests += 1;
        })
        .catch(() => undefined);
    });
    await page.locator('#search-input').fill(query);
    await page.locator('#search-input').press('Enter');
    await page.waitForSelector('site-search[data-state="ready"]');
    await page.waitForLoadState('networkidle');
    const results = await page.locator('[data-search-status]').innerText();
    return { bytes, requests, results };
  } finally {
    await browser.close();
    await site.close();
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'offlabel-bench-'));
const contentDir = path.join(work, 'content');
const outDir = path.join(work, 'dist');
try {
  log(`Generating ${count} synthetic requests in ${contentDir} …`);
  generateSyntheticContent(contentDir, count);
  log('Building (astro build + Pagefind) …');
  const result = await build(contentDir, outDir, path.join(work, 'cache'));
  const buildMs = result.wallMs - result.indexTailMs;
  const nodePeak = result.peaks.get('node') ?? Math.max(...[...result.peaks.entries()].filter(([name]) => !name.startsWith('pagefind')).map(([, kb]) => kb));
  const pagefindPeak = Math.max(0, ...[...result.peaks.entries()].filter(([name]) => name.startsWith('pagefind')).map(([, kb]) => kb));
  const detailId = readdirSync(path.join(outDir, 'requests')).find((name) => name.startsWith('synthetic-')) ?? '';
  const pages = {
    home: pageWeight(outDir, ''),
    list: pageWeight(outDir, 'requests'),
    detail: pageWeight(outDir, `requests/${detailId}`),
    primerChapter: pageWeight(outDir, 'primer/request-system'),
    glossary: pageWeight(outDir, 'glossary'),
    search: pageWeight(outDir, 'search'),
  };
  log('Measuring a first search in Chromium …');
  const firstQuery = await firstQueryBytes(outDir, 'マブ');
  let lighthouseResults: PageScores[] = [];
  if (!args.includes('--no-lighthouse')) {
    log('Running Lighthouse on each page type …');
    const pagePaths: [string, string][] = [
      ['home', '/'],
      ['list', '/requests/'],
      ['detail', `/requests/${detailId}/`],
      ['primerChapter', '/primer/request-system/'],
      ['glossary', '/glossary/'],
      ['search', '/search/'],
    ];
    lighthouseResults = (await auditPages(outDir, pagePaths)).results;
  }
  const MiB = 1024 * 1024;
  const figures = {
    requests: count,
    pages: result.pages,
    buildSeconds: +(buildMs / 1000).toFixed(2),
    indexAlongsideSeconds: +(result.indexAlongsideMs / 1000).toFixed(2),
    indexTailSeconds: +(result.indexTailMs / 1000).toFixed(2),
    totalSeconds: +(result.wallMs / 1000).toFixed(2),
    msPerRequest: +(result.wallMs / count).toFixed(2),
    buildPeakMiB: +(nodePeak / 1024).toFixed(0),
    indexPeakMiB: +(pagefindPeak / 1024).toFixed(0),
    distMB: +(dirSize(outDir) / MiB).toFixed(1),
    indexMB: +(dirSize(path.join(outDir, 'pagefind')) / MiB).toFixed(1),
    pageGzipKB: Object.fromEntries(Object.entries(pages).map(([name, weight]) => [name, +(weight.htmlCssGzip / 1024).toFixed(1)])),
    pageLoadsScript: Object.fromEntries(Object.entries(pages).map(([name, weight]) => [name, weight.loadsScript])),
    firstQueryKB: +(firstQuery.bytes / 1024).toFixed(1),
    firstQueryRequests: firstQuery.requests,
    firstQueryResults: firstQuery.results,
    lighthouse: Object.fromEntries(lighthouseResults.map(({ label, scores }) => [label, scores])),
  };
  const budgets = {
    totalSeconds: 35,
    buildPeakMiB: 2048,
    indexPeakMiB: 2048,
    detailGzipKB: 20,
    listGzipKB: 100,
    firstQueryKB: 200,
    lighthouse: lighthouseBudgets,
  };
  const checks: [string, number | boolean | string, string, boolean][] = [
    ['build + index wall time', figures.totalSeconds, `≤ ${budgets.totalSeconds} s`, figures.totalSeconds <= budgets.totalSeconds],
    ['peak memory, astro build', figures.buildPeakMiB, `≤ ${budgets.buildPeakMiB} MiB`, figures.buildPeakMiB <= budgets.buildPeakMiB],
    ['peak memory, Pagefind', figures.indexPeakMiB, `≤ ${budgets.indexPeakMiB} MiB`, figures.indexPeakMiB <= budgets.indexPeakMiB],
    ['request detail page, HTML + CSS gzip', pages.detail.htmlCssGzip / 1024, `≤ ${budgets.detailGzipKB} KB`, pages.detail.htmlCssGzip / 1024 <= budgets.detailGzipKB],
    // JavaScript only where the reader searches or filters: the search page.
    ...Object.entries(pages)
      .filter(([name]) => name !== 'search')
      .map(([name, weight]): [string, boolean, string, boolean] => [`${name} page loads JavaScript`, weight.loadsScript, 'no', !weight.loadsScript]),
    ['request list page, HTML + CSS gzip', pages.list.htmlCssGzip / 1024, `≤ ${budgets.listGzipKB} KB`, pages.list.htmlCssGzip / 1024 <= budgets.listGzipKB],
    ['first search, bytes fetched', figures.firstQueryKB, `≤ ${budgets.firstQueryKB} KB`, figures.firstQueryKB <= budgets.firstQueryKB],
    ...lighthouseResults.map(({ label, scores }): [string, string, string, boolean] => [
      `Lighthouse, ${label} page (performance / accessibility / best practices / SEO)`,
      categories.map((category) => scores[category]).join(' / '),
      categories.map((category) => `${category === 'performance' ? '≥' : '='} ${lighthouseBudgets[category]}`).join(' / '),
      categories.every((category) => scores[category] >= lighthouseBudgets[category]),
    ]),
  ];
  if (asJson) {
    console.log(JSON.stringify({ figures, budgets, withinBudget: checks.every(([, , , ok]) => ok) }, null, 2));
  } else {
    const rows: [string, string][] = [
      ['synthetic requests', String(count)],
      ['pages built', String(figures.pages)],
      ['astro build (pages)', `${figures.buildSeconds} s`],
      ['Pagefind, requests (alongside the build)', `${figures.indexAlongsideSeconds} s`],
      ['Pagefind, still to finish after the pages', `${figures.indexTailSeconds} s`],
      ['build + index', `${figures.totalSeconds} s (${figures.msPerRequest} ms per request)`],
      ['peak memory, astro build', `${figures.buildPeakMiB} MiB`],
      ['peak memory, Pagefind', `${figures.indexPeakMiB} MiB`],
      ['dist size', `${figures.distMB} MB`],
      ['index size', `${figures.indexMB} MB`],
      ...Object.entries(figures.pageGzipKB).map(([name, kb]): [string, string] => [`${name} page, HTML + CSS gzip`, `${kb} KB${figures.pageLoadsScript[name] ? ' + JavaScript' : ', no JavaScript'}`]),
      ['first search (query "マブ")', `${figures.firstQueryKB} KB in ${figures.firstQueryRequests} requests — ${figures.firstQueryResults}`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n'));
    if (lighthouseResults.length > 0) console.log(`\nLighthouse (mobile profile, served gzip-compressed on 127.0.0.1):\n${scoreTable(lighthouseResults)}`);
    console.log('\nbudgets:');
    for (const [name, value, budget, ok] of checks) {
      const shown = typeof value === 'string' ? value : typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : value ? 'yes' : 'no';
      console.log(`  ${ok ? 'ok  ' : 'OVER'}  ${name}: ${shown} (${budget})`);
    }
  }
  process.exitCode = checks.every(([, , , ok]) => ok) ? 0 : 1;
} finally {
  if (args.includes('--keep')) log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
