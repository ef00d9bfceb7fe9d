/**
 * The defects readers tripped over (issue 14), each measured where the reader meets it: in Chromium against
 * the built site, at phone width where that is where it happened, and on paper through a printed PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSiteAndChromium } from '../support/browser-suite.ts';

const run = useSiteAndChromium();

/** Opens a page in a fresh context; returns it with a closer. */
async function open(pathname: string, options: { width?: number; javaScript?: boolean } = {}) {
  const context = await run.browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await page.goto(`${run.site.url}${pathname}`, { waitUntil: 'networkidle' });
  return { page, close: () => context.close() };
}

/** Types a query into the search page of a language and waits for the results. */
async function search(query: string, lang: 'ja' | 'en') {
  const opened = await open(`${lang === 'en' ? '/en' : ''}/search/?q=${encodeURIComponent(query)}`);
  await opened.page.waitForSelector('site-search[data-state="ready"]');
  return opened;
}

describe('search', () => {
  it('ranks the word itself above longer words that start with it', async () => {
    const { page, close } = await search('lice', 'en');
    const first = await page.locator('[data-search-results] > li a[data-result-link]').first().getAttribute('href');
    expect(first).toBe('/en/requests/iii-4-11-ivermectin/');
    await close();
  });

  it('shows no stray "?" of the glossary buttons in result excerpts', async () => {
    const { page, close } = await search('公知申請', 'ja');
    const excerpts = await page.locator('[data-search-results] > li p.muted').allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(0);
    expect(excerpts.filter((text) => /[^\s]\?(\s|$)|\s\?\s/.test(text))).toEqual([]);
    await close();
  });

  it('offers the requests at a status when the query names one', async () => {
    const { page, close } = await search('公知申請', 'ja');
    const offers = page.locator('[data-status-offers] a');
    expect(await offers.count()).toBeGreaterThan(0);
    expect(await offers.first().getAttribute('href')).toMatch(/^\/status\/kochi_/);
    await close();
  });

  it('suggests what to try when nothing matches', async () => {
    const { page, close } = await search('zzzqqqxxx', 'en');
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/No matches\. Try the Japanese ingredient name/);
    await close();
  });

  it('keeps the query and the filters when the reader switches language', async () => {
    const { page, close } = await search('rituximab', 'en');
    await page.locator('[data-option="stage:wg"]').check();
    await page.waitForSelector('site-search[data-state="ready"]');
    const href = await page.locator('[data-language-switch]').getAttribute('href');
    expect(href).toMatch(/^\/search\/\?/);
    expect(href).toContain('q=rituximab');
    expect(href).toContain('stage=wg');
    await close();
  });

  it('reaches the first result from the box without passing every filter (phone width)', async () => {
    const { page, close } = await search('ondansetron', 'en');
    await page.setViewportSize({ width: 390, height: 800 });
    await page.locator('#search-input').focus();
    let presses = 0;
    for (; presses < 40; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.hasAttribute('data-result-link') ?? false)) break;
    }
    expect(presses + 1).toBeLessThanOrEqual(4);
    await close();
  });
});

describe('labels and wording', () => {
  it('labels the requester line of a request header', async () => {
    for (const [prefix, label] of [['', '要望者'], ['/en', 'Requester']] as const) {
      const { page, close } = await open(`${prefix}/requests/iv-223-hydrocortisone/`, { javaScript: false });
      expect(await page.locator('[data-request-header]').innerText()).toContain(label);
      await close();
    }
  });

  it('reads naturally in list captions and counts', async () => {
    const ja = await open('/requests/', { javaScript: false });
    expect(await ja.page.locator('caption').first().innerText()).not.toContain('順順');
    await ja.close();
    const en = await open('/en/status/', { javaScript: false });
    expect(await en.page.locator('main').innerText()).not.toMatch(/requests: \d/);
    await en.close();
  });

  it('costs one tab stop per glossary term in a primer chapter', async () => {
    const { page, close } = await open('/primer/request-system/');
    const terms = await page.locator('[data-term]').count();
    expect(terms).toBeGreaterThan(3);
    const stops = await page.evaluate(() => [...document.querySelectorAll('[data-term-button]')].filter((button) => (button as HTMLElement).tabIndex >= 0).length);
    expect(stops).toBe(0);
    // The link itself carries the short definition for keyboard and screen-reader users.
    const described = await page.locator('[data-term]').first().getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    await close();
  });
});

describe('languages', () => {
  it('marks every English note on a Japanese request page as English, visibly', async () => {
    for (const id of ['iv-73-ondansetron', 'iv-191-rituximab', 'round1-gemcitabine']) {
      const { page, close } = await open(`/requests/${id}/`, { javaScript: false });
      const notes = await page.locator('[data-note-lang="en"]').evaluateAll((nodes) => nodes.map((node) => ({ lang: node.getAttribute('lang'), marked: node.querySelector('span')?.textContent ?? '' })));
      for (const note of notes) expect(note).toEqual({ lang: 'en', marked: '英語' });
      await close();
    }
  });

  it('titles English request pages in English', async () => {
    const { page, close } = await open('/en/requests/iv-73-ondansetron/', { javaScript: false });
    expect(await page.title()).toMatch(/^ondansetron — Prevention and treatment of postoperative nausea/);
    await close();
  });
});

describe('phone and print', () => {
  it('keeps the glossary letter index shorter than the space left above a term it jumps to (390 px)', async () => {
    const { page, close } = await open('/en/glossary/', { width: 390 });
    const bar = await page.locator('nav[aria-label] [data-jump-list]').first().evaluate((list) => list.closest('nav')?.getBoundingClientRect().height ?? 0);
    const margin = await page.locator('main h3[id]').first().evaluate((heading) => parseFloat(getComputedStyle(heading).scrollMarginTop));
    expect(bar).toBeGreaterThan(0);
    expect(bar).toBeLessThanOrEqual(margin);
    await close();
  });

  it('prints the full address of the page and the date of its version', async () => {
    const { page, close } = await open('/requests/iv-73-ondansetron/', { javaScript: false });
    const pdf = await page.pdf({ format: 'A4' });
    const folder = mkdtempSync(path.join(tmpdir(), 'offlabel-print-'));
    try {
      const file = path.join(folder, 'page.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/https?:\/\/\S+\/requests\/iv-73-ondansetron\//);
      expect(text).toMatch(/\d{4}-\d{2}-\d{2}\s*作成/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await close();
  });
});
