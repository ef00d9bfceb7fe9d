/**
 * `npm run bench -- [--requests N] [--runs K] [--json] [--keep] [--no-lighthouse] [--scale] [--dev]`: builds the
 * site with N synthetic requests (default 3,000; generated into a temporary folder marked synthetic, never into
 * content/) and prints what it costs, measured against a floor built in the same run: the same Astro
 * configuration with as many trivial pages and as many trivial search records (scripts/bench-floor.ts). The
 * two builds alternate K times (default 3) and the medians are compared, in wall time and in CPU time, so that a
 * slow or busy machine slows both: the budget is on the ratio, not on seconds. Also printed: peak memory of each
 * process, dist and index size, the gzip weight of each page type (HTML + CSS, and whether it loads JavaScript),
 * the bytes a first search fetches, and the Lighthouse scores of each page type (median and spread of three
 * runs; `--no-lighthouse` skips them). `--scale` instead builds once each at 1,000, 3,000 and 10,000 requests
 * (our build and the floor) and prints the cost per request and peak memory; `--dev` measures the dev server's
 * edit-to-update time (scripts/bench-dev.ts). `--json` prints the figures as JSON.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSyntheticContent } from './synthetic-requests.ts';
import { writeFloorProject } from './bench-floor.ts';
import { benchDev } from './bench-dev.ts';
import { launchChromium, startSite } from '../tests/support/site.ts';
import { auditPages, categories, lighthouseBudgets, scoreTable, type PageScores } from './lighthouse-audit.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const count = Number(option('--requests') ?? 3000);
const runs = Number(option('--runs') ?? 3);
const asJson = args.includes('--json');
if (!Number.isInteger(count) || count < 1) {
  console.error(`--requests must be a positive whole number, got ${option('--requests') ?? ''}`);
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive whole number, got ${option('--runs') ?? ''}`);
  process.exit(2);
}
/** Budget: our build + index may cost at most this many times the floor (wall and CPU time, medians). */
const RATIO_BUDGET = 1.5;
/** Budget: peak resident memory of any one process, MiB. */
const MEMORY_BUDGET_MIB = 2048;
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
  /** CPU time (user + system) of the build and every process it waited for. */
  cpuMs: number;
  /** Pages Astro wrote. */
  pages: number;
  /** Peak resident memory per process name, in kB. */
  peaks: Map<string, number>;
  /** The build's log. */
  output: string;
}

/**
 * Runs exactly what `npm run build` runs (package.json, so that its Node options are measured too), under GNU
 * `time` for the CPU time of the whole process tree; `root` builds another Astro project (the floor).
 */
async function build(outDir: string, env: Record<string, string>, root?: string): Promise<BuildResult> {
  const timeFile = `${outDir}.time`;
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'npm', 'run', '--silent', 'build', '--', '--outDir', outDir, ...(root ? ['--root', root] : [])], {
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchMemory(child.pid ?? 0);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  const peaks = memory.stop();
  if (code !== 0) throw new Error(`astro build${root ? ` of ${root}` : ''} failed (exit ${code}):\n${output.slice(-3000)}`);
  const [user = NaN, system = NaN] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  return { wallMs, cpuMs: (user + system) * 1000, pages, peaks, output };
}

/** The median of some numbers (the lower middle one for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** Peak memory of the biggest process of a build, MiB. */
function peakMiB(result: BuildResult): number {
  return Math.max(0, ...result.peaks.values()) / 1024;
}

/** One comparison of our build with the floor at a request count: medians of `times` alternating runs. */
async function compareWithFloor(work: string, requests: number, times: number): Promise<{ ours: BuildResult[]; floor: BuildResult[]; wallRatio: number; cpuRatio: number }> {
  const contentDir = path.join(work, `content-${requests}`);
  log(`Generating ${requests} synthetic requests in ${contentDir} …`);
  generateSyntheticContent(contentDir, requests);
  const ours: BuildResult[] = [];
  const floor: BuildResult[] = [];
  const floorDir = path.join(work, `floor-${requests}`);
  for (let run = 1; run <= times; run++) {
    log(`Run ${run}/${times} at ${requests} requests: our build …`);
    ours.push(await build(path.join(work, `dist-${requests}`), { OFFLABEL_CONTENT_DIR: contentDir, OFFLABEL_CACHE_DIR: path.join(work, `cache-${requests}`) }));
    if (run === 1) writeFloorProject(floorDir, ours[0]?.pages ?? 0, requests);
    log(`Run ${run}/${times} at ${requests} requests: the floor …`);
    floor.push(await build(path.join(work, `floor-dist-${requests}`), { OFFLABEL_CACHE_DIR: path.join(work, `floor-cache-${requests}`) }, floorDir));
  }
  const wallRatio = median(ours.map((run) => run.wallMs)) / median(floor.map((run) => run.wallMs));
  const cpuRatio = median(ours.map((run) => run.cpuMs)) / median(floor.map((run) => run.cpuMs));
  return { ours, floor, wallRatio, cpuRatio };
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

const work = mkdtempSync(path.join(tmpdir(), 'offlabel-bench-synthetic-'));
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
try {
  if (args.includes('--dev')) {
    const dev = await benchDev(work, Number(option('--requests') ?? 1000));
    if (asJson) console.log(JSON.stringify(dev, null, 2));
    else {
      console.log(`dev server, ${dev.requests} requests: edit to update ${dev.editToUpdateMs.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (median ${dev.medianMs.toFixed(0)} ms; budget ≤ 1000 ms)`);
      console.log(`broken edit: ${dev.brokenEdit}`);
      console.log(`  ${dev.medianMs <= 1000 ? 'ok  ' : 'OVER'}  edit to update: ${dev.medianMs.toFixed(0)} ms (≤ 1000 ms)`);
    }
    process.exitCode = dev.medianMs <= 1000 && dev.serverKeptRunning ? 0 : 1;
  } else if (args.includes('--scale')) {
    const rows: { requests: number; pages: number; ours: BuildResult; floor: BuildResult }[] = [];
    for (const requests of [1000, 3000, 10000]) {
      const { ours, floor } = await compareWithFloor(work, requests, 1);
      const [mine, base] = [ours[0], floor[0]];
      if (mine && base) rows.push({ requests, pages: mine.pages, ours: mine, floor: base });
      rmSync(path.join(work, `dist-${requests}`), { recursive: true, force: true });
      rmSync(path.join(work, `floor-dist-${requests}`), { recursive: true, force: true });
    }
    const table = rows.map(({ requests, pages, ours, floor }) => ({
      requests,
      pages,
      oursSeconds: +(ours.wallMs / 1000).toFixed(1),
      floorSeconds: +(floor.wallMs / 1000).toFixed(1),
      wallRatio: +(ours.wallMs / floor.wallMs).toFixed(2),
      cpuRatio: +(ours.cpuMs / floor.cpuMs).toFixed(2),
      msPerRequest: +(ours.wallMs / requests).toFixed(2),
      peakMiB: +peakMiB(ours).toFixed(0),
    }));
    const biggest = table.at(-1);
    const ok = biggest !== undefined && biggest.peakMiB <= MEMORY_BUDGET_MIB;
    if (asJson) console.log(JSON.stringify({ table, memoryBudgetMiB: MEMORY_BUDGET_MIB, withinBudget: ok }, null, 2));
    else {
      console.log('requests   pages   ours     floor    ratio (wall / CPU)   ms per request   peak memory, one process');
      for (const row of table) {
        console.log(
          `${String(row.requests).padStart(8)} ${String(row.pages).padStart(7)} ${`${row.oursSeconds} s`.padStart(8)} ${`${row.floorSeconds} s`.padStart(8)}   ${`${row.wallRatio} / ${row.cpuRatio}`.padEnd(18)} ${String(row.msPerRequest).padStart(14)} ${`${row.peakMiB} MiB`.padStart(14)}`,
        );
      }
      console.log(`\n  ${ok ? 'ok  ' : 'OVER'}  peak memory of one process at ${biggest?.requests ?? '?'} requests: ${biggest?.peakMiB ?? '?'} MiB (≤ ${MEMORY_BUDGET_MIB} MiB)`);
    }
    process.exitCode = ok ? 0 : 1;
  } else {
    const comparison = await compareWithFloor(work, count, runs);
    const result = comparison.ours.at(-1);
    if (!result) throw new Error('no build ran');
    const outDir = path.join(work, `dist-${count}`);
    const indexed = /indexed \d+ requests in ([\d.]+) s alongside the build, then \d+ pages and wrote the index; the build waited ([\d.]+) s for it/.exec(result.output);
    if (!indexed) throw new Error(`the build log has no "indexed … requests" line:\n${result.output.slice(-2000)}`);
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
    let lighthouseFailures: string[] = [];
    if (!args.includes('--no-lighthouse')) {
      log('Running Lighthouse on each page type (three runs each) …');
      const pagePaths: [string, string][] = [
        ['home', '/'],
        ['list', '/requests/'],
        ['detail', `/requests/${detailId}/`],
        ['primerChapter', '/primer/request-system/'],
        ['glossary', '/glossary/'],
        ['search', '/search/'],
      ];
      ({ results: lighthouseResults, failures: lighthouseFailures } = await auditPages(outDir, pagePaths));
    }
    const MiB = 1024 * 1024;
    const medianOf = (builds: BuildResult[], key: 'wallMs' | 'cpuMs'): number => median(builds.map((build) => build[key]));
    const figures = {
      requests: count,
      runs,
      pages: result.pages,
      oursWallSeconds: +(medianOf(comparison.ours, 'wallMs') / 1000).toFixed(2),
      floorWallSeconds: +(medianOf(comparison.floor, 'wallMs') / 1000).toFixed(2),
      oursCpuSeconds: +(medianOf(comparison.ours, 'cpuMs') / 1000).toFixed(2),
      floorCpuSeconds: +(medianOf(comparison.floor, 'cpuMs') / 1000).toFixed(2),
      wallRatio: +comparison.wallRatio.toFixed(2),
      cpuRatio: +comparison.cpuRatio.toFixed(2),
      indexAlongsideSeconds: Number(indexed[1]),
      indexTailSeconds: Number(indexed[2]),
      msPerRequest: +(medianOf(comparison.ours, 'wallMs') / count).toFixed(2),
      buildPeakMiB: +(nodePeak / 1024).toFixed(0),
      indexPeakMiB: +(pagefindPeak / 1024).toFixed(0),
      distMB: +(dirSize(outDir) / MiB).toFixed(1),
      indexMB: +(dirSize(path.join(outDir, 'pagefind')) / MiB).toFixed(1),
      pageGzipKB: Object.fromEntries(Object.entries(pages).map(([name, weight]) => [name, +(weight.htmlCssGzip / 1024).toFixed(1)])),
      pageLoadsScript: Object.fromEntries(Object.entries(pages).map(([name, weight]) => [name, weight.loadsScript])),
      firstQueryKB: +(firstQuery.bytes / 1024).toFixed(1),
      firstQueryRequests: firstQuery.requests,
      firstQueryResults: firstQuery.results,
      lighthouse: Object.fromEntries(lighthouseResults.map(({ label, scores, spread }) => [label, { median: scores, spread }])),
    };
    const budgets = {
      ratio: RATIO_BUDGET,
      buildPeakMiB: MEMORY_BUDGET_MIB,
      indexPeakMiB: MEMORY_BUDGET_MIB,
      detailGzipKB: 20,
      listGzipKB: 100,
      firstQueryKB: 200,
      lighthouse: lighthouseBudgets,
    };
    const checks: [string, number | boolean | string, string, boolean][] = [
      ['build + index, wall time ÷ floor (median)', figures.wallRatio, `≤ ${budgets.ratio}`, figures.wallRatio <= budgets.ratio],
      ['build + index, CPU time ÷ floor (median)', figures.cpuRatio, `≤ ${budgets.ratio}`, figures.cpuRatio <= budgets.ratio],
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
        `Lighthouse, ${label} page, median (performance / accessibility / best practices / SEO)`,
        categories.map((category) => scores[category]).join(' / '),
        `${categories.map((category) => `${category === 'performance' ? '≥' : '='} ${lighthouseBudgets[category]}`).join(' / ')}; fails only when every run is under`,
        !lighthouseFailures.some((failure) => failure.startsWith(`${label} `)),
      ]),
    ];
    if (asJson) {
      console.log(JSON.stringify({ figures, budgets, withinBudget: checks.every(([, , , ok]) => ok) }, null, 2));
    } else {
      const rows: [string, string][] = [
        ['synthetic requests', String(count)],
        ['pages built', String(figures.pages)],
        [`our build + index (median of ${runs})`, `${figures.oursWallSeconds} s wall, ${figures.oursCpuSeconds} s CPU (${figures.msPerRequest} ms per request)`],
        [`floor, same config, trivial pages (median of ${runs})`, `${figures.floorWallSeconds} s wall, ${figures.floorCpuSeconds} s CPU`],
        ['ratio to the floor', `${figures.wallRatio} wall, ${figures.cpuRatio} CPU`],
        ['  every run, ours', comparison.ours.map((run) => `${seconds(run.wallMs)} / ${seconds(run.cpuMs)} CPU`).join(', ')],
        ['  every run, floor', comparison.floor.map((run) => `${seconds(run.wallMs)} / ${seconds(run.cpuMs)} CPU`).join(', ')],
        ['Pagefind, requests (alongside the build, last run)', `${figures.indexAlongsideSeconds} s`],
        ['Pagefind, still to finish after the pages', `${figures.indexTailSeconds} s`],
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
        const shown = typeof value === 'string' ? value : typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value ? 'yes' : 'no';
        console.log(`  ${ok ? 'ok  ' : 'OVER'}  ${name}: ${shown} (${budget})`);
      }
    }
    process.exitCode = checks.every(([, , , ok]) => ok) ? 0 : 1;
  }
} finally {
  if (args.includes('--keep')) log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
