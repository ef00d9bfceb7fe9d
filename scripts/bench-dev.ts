/**
 * The editor's loop, measured (`npm run bench -- --dev [--requests N]`, default 1,000): starts the dev server on
 * N synthetic requests (generated into a temporary folder, never into content/), opens a request's page, edits
 * its file and times how long the page takes to show the edit, three times. Then it breaks the file and checks
 * that the validator's message reaches the terminal and the page (the browser's error overlay), that the server
 * keeps running, and that the page comes back once the file is fixed.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSyntheticContent } from './synthetic-requests.ts';
import { freePort, launchChromium } from '../tests/support/site.ts';

/** What the dev benchmark measured. */
export interface DevFigures {
  /** Requests in the content folder. */
  requests: number;
  /** Milliseconds from each edit to the page showing it. */
  editToUpdateMs: number[];
  /** Their median. */
  medianMs: number;
  /** What a broken edit produced, in words. */
  brokenEdit: string;
  /** Whether the server answered again after the broken edit was fixed. */
  serverKeptRunning: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches a page's text, or the error as text. */
async function page(url: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: String(error) };
  }
}

/** Polls a page until `test` holds; returns the milliseconds it took, or throws after `timeoutMs`. */
async function until(url: string, test: (result: { status: number; text: string }) => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (test(await page(url))) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not change within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Runs the dev benchmark in `work` with `requests` synthetic requests. */
export async function benchDev(work: string, requests: number): Promise<DevFigures> {
  const contentDir = path.join(work, 'content-dev');
  generateSyntheticContent(contentDir, requests);
  const port = await freePort();
  const server = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, OFFLABEL_CONTENT_DIR: contentDir, OFFLABEL_CACHE_DIR: path.join(work, 'cache-dev'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let terminal = '';
  server.stdout.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  const file = path.join(contentDir, 'requests', 'synthetic-00001.mdx');
  const original = readFileSync(file, 'utf8');
  const url = `http://127.0.0.1:${port}/en/requests/synthetic-00001/`;
  try {
    await until(url, ({ status }) => status === 200, 180_000);
    const editToUpdateMs: number[] = [];
    for (let edit = 1; edit <= 3; edit++) {
      const marker = `Edited indication number ${edit} ${Date.now()}`;
      writeFileSync(file, original.replace(/^indicationEn: .*$/mu, `indicationEn: ${marker}`));
      editToUpdateMs.push(await until(url, ({ text }) => text.includes(marker), 30_000));
    }
    const before = terminal.length;
    writeFileSync(file, original.replace(/^ {2}inn: .*$/mu, '  inn: ""'));
    await until(url, ({ status }) => status >= 500, 30_000).catch(() => undefined);
    await sleep(300);
    const printed = terminal.slice(before);
    const inTerminal = printed.includes('synthetic-00001.mdx') && printed.includes('drug.inn');
    // The error page is Vite's: its client draws the overlay from the error it receives, so read it in a browser.
    const browser = await launchChromium();
    let overlay = '';
    try {
      const tab = await browser.newPage();
      await tab.goto(url);
      overlay = await tab
        .waitForFunction(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '', undefined, { timeout: 15_000 })
        .then(async (handle) => handle.jsonValue())
        .catch(() => '');
    } finally {
      await browser.close();
    }
    const inOverlay = overlay.includes('synthetic-00001.mdx') && overlay.includes('drug.inn');
    writeFileSync(file, original);
    const serverKeptRunning = await until(url, ({ status }) => status === 200, 30_000).then(
      () => true,
      () => false,
    );
    const sorted = [...editToUpdateMs].sort((a, b) => a - b);
    return {
      requests,
      editToUpdateMs,
      medianMs: sorted[1] ?? sorted[0] ?? NaN,
      brokenEdit: `validator message ${inTerminal ? 'in the terminal' : 'NOT in the terminal'} and ${inOverlay ? 'in the page (error overlay)' : 'NOT in the page'}; server ${serverKeptRunning ? 'kept running and showed the fixed page' : 'did not recover'}`,
      serverKeptRunning: serverKeptRunning && inTerminal && inOverlay,
    };
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}
