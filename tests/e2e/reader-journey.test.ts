/**
 * Browser tests: a reader walks the built site in Chromium — home, list, a request, the other language and
 * back — and every resource the pages load comes from 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { useSiteAndChromium } from '../support/browser-suite.ts';

const run = useSiteAndChromium();
const outside = new Set<string>();

/** A page that records every request not addressed to the test server. */
async function openPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await run.browser.newContext(options);
  const page = await context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(run.site.url) && !request.url().startsWith('data:')) outside.add(request.url());
  });
  return { context, page };
}

const detailPath = '/requests/basiliximab-liver-transplant/';

describe('a reader', () => {
  it('goes from home to the list to a request, switches to English and comes back', async () => {
    const { context, page } = await openPage();
    await page.goto(`${run.site.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.locator('[data-count="requests"] dd').innerText()).toMatch(/^\d+$/);

    await page.getByRole('link', { name: /^要望一覧/ }).last().click();
    await page.waitForURL(`${run.site.url}/requests/`);
    await page.locator('[data-request-id="basiliximab-liver-transplant"] a').first().click();
    await page.waitForURL(`${run.site.url}${detailPath}`);
    expect(await page.locator('h1').innerText()).toContain('バシリキシマブ');

    await page.locator('[data-language-switch]').click();
    await page.waitForURL(`${run.site.url}/en${detailPath}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('basiliximab');
    expect(await page.locator('#necessity-heading').innerText()).toBe('Criteria of medical necessity');

    await page.goBack();
    await page.waitForURL(`${run.site.url}${detailPath}`);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await context.close();
  });

  it('sees the six-country table, both necessity criteria and all 14 references of the real request', async () => {
    for (const prefix of ['', '/en']) {
      const { context, page } = await openPage();
      await page.goto(`${run.site.url}${prefix}${detailPath}`);
      const matrix = page.locator('[data-country-matrix] tbody tr');
      expect(await matrix.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-country')))).toEqual(['US', 'UK', 'DE', 'FR', 'CA', 'AU']);
      expect(await page.locator('[data-country-matrix] tr[data-country="CA"] td').nth(1).innerText()).toMatch(/(チェックあり|Ticked)/);
      expect(await page.locator('[data-axis]').count()).toBe(2);
      expect(await page.locator('[data-axis] [data-criterion]').count()).toBe(6);
      expect(await page.locator('[data-references] [data-ref]').count()).toBe(14);
      expect(await page.locator('#ref-14').innerText()).toContain('日本移植学会ガイドライン');
      await context.close();
    }
  });

  it('finds Japanese originals marked as Japanese on the English page', async () => {
    const { context, page } = await openPage();
    await page.goto(`${run.site.url}/en${detailPath}`);
    const rationale = page.locator('[data-axis="seriousness"] p.verbatim');
    expect(await rationale.getAttribute('lang')).toBe('ja');
    expect(await page.locator('[data-editorial-summary] p').last().innerText()).toMatch(/Japan Society for Transplantation/);
    expect(await page.locator('[data-note="en"]').count()).toBe(1);
    expect(await page.locator('[data-note="ja"]').count()).toBe(0);
    await context.close();
  });

  it('sorts the request list by any column without JavaScript', async () => {
    const { context, page } = await openPage({ javaScriptEnabled: false });
    await page.goto(`${run.site.url}/requests/`);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.locator('[data-sort-link="drug"]').click();
    await page.waitForURL(`${run.site.url}/requests/sort/drug-asc/`);
    expect(await page.locator('th[aria-sort] [data-sort-link]').getAttribute('data-sort-link')).toBe('drug');
    await page.locator('[data-sort-link="drug"]').click();
    await page.waitForURL(`${run.site.url}/requests/sort/drug-desc/`);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await context.close();
  });

  it('gets a 404 page in both languages for an address that does not exist', async () => {
    const { context, page } = await openPage();
    const response = await page.goto(`${run.site.url}/requests/no-such-request/`);
    expect(response?.status()).toBe(404);
    const body = await page.locator('main').innerText();
    expect(body).toContain('ページが見つかりません');
    expect(body).toContain('Page not found');
    await context.close();
  });

  it('finds the request by its katakana name and by its English name', async () => {
    for (const [path, query] of [
      ['/search/', 'バシリキシマブ'],
      ['/en/search/', 'basiliximab'],
    ] as const) {
      const { context, page } = await openPage();
      await page.goto(`${run.site.url}${path}?q=${encodeURIComponent(query)}`);
      const first = page.locator('[data-search-results] li a').first();
      await first.waitFor();
      const top = await page.locator('[data-search-results] > li a[data-result-link]').evaluateAll((links) => links.slice(0, 2).map((link) => link.getAttribute('href') ?? ''));
      expect(top.some((href) => href.endsWith('/requests/basiliximab-liver-transplant/'))).toBe(true);
      expect(await page.locator('[data-search-status]').innerText()).not.toBe('');
      await context.close();
    }
  });

  it('never requested anything from outside 127.0.0.1', () => {
    expect([...outside]).toEqual([]);
  });
});
