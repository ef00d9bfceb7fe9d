/**
 * Browser tests of the search page: text and facets together, the state in the address, the back button,
 * the keyboard, results rendered from the index, and search across the two languages.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndChromium } from '../support/browser-suite.ts';

const run = useSiteAndChromium();

/** Waits until the search has shown its results and returns their types, links and text. */
async function results(page: Page): Promise<{ type: string; href: string; text: string }[]> {
  await page.waitForSelector('site-search[data-state="ready"]');
  return page.locator('[data-search-results] > li').evaluateAll((items) =>
    items.map((item) => ({
      type: (item as HTMLElement).dataset.resultType ?? '',
      href: item.querySelector('a')?.getAttribute('href') ?? '',
      text: (item as HTMLElement).innerText,
    })),
  );
}

async function count(page: Page, facetValue: string): Promise<number> {
  return Number(await page.locator(`[data-count-for="${facetValue}"]`).innerText());
}

describe('search', () => {
  it('combines text and facets, keeps them in the address, and the back button restores them', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/search/`);
    await page.locator('#search-input').fill('学会');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/\?q=%E5%AD%A6%E4%BC%9A$/);
    const all = await results(page);
    expect(all.length).toBeGreaterThan(1);
    const requestCount = await count(page, 'type:request');
    expect(requestCount).toBeGreaterThan(0);

    await page.locator('[data-option="type:request"]').check();
    await page.waitForURL(/type=request/);
    const onlyRequests = await results(page);
    expect(onlyRequests.every((result) => result.type === 'request')).toBe(true);
    expect(onlyRequests).toHaveLength(Math.min(requestCount, 10));

    await page.locator('[data-option="round:I"]').check();
    await page.waitForURL(/type=request&round=I$/);
    const roundOne = await results(page);
    expect(roundOne.length).toBeLessThanOrEqual(onlyRequests.length);
    for (const result of roundOne) expect(result.href).toMatch(/^\/requests\//);

    await page.goBack();
    await page.waitForURL(/type=request$/);
    expect(await page.locator('[data-option="round:I"]').isChecked()).toBe(false);
    expect(await page.locator('[data-option="type:request"]').isChecked()).toBe(true);
    expect(await results(page)).toHaveLength(onlyRequests.length);

    await page.goBack();
    await page.waitForURL(/\?q=%E5%AD%A6%E4%BC%9A$/);
    expect(await page.locator('[data-option="type:request"]').isChecked()).toBe(false);
    expect(await page.locator('#search-input').inputValue()).toBe('学会');
    await page.close();
  });

  it('opens a shared address with its query and facets applied', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/en/search/?q=basiliximab&type=request`);
    const found = await results(page);
    expect(found.slice(0, 2).map((result) => result.href).sort()).toEqual(['/en/requests/basiliximab-liver-transplant/', '/en/requests/iii-1-50-basiliximab/']);
    expect(found[0]?.text).toContain('basiliximab');
    expect(await page.locator('[data-option="type:request"]').isChecked()).toBe(true);
    await page.close();
  });

  it('renders request results with drug, indication, status and requester, and marks primer and glossary results', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/search/?q=${encodeURIComponent('バシリキシマブ')}`);
    const found = await results(page);
    const request = page.locator('[data-search-results] > li[data-result-type="request"]:has(a[href="/requests/basiliximab-liver-transplant/"])');
    expect(await request.locator('a').innerText()).toBe('バシリキシマブ');
    expect(await request.innerText()).toContain('肝臓移植後の拒絶反応');
    expect(await request.locator('[data-status]').getAttribute('data-status')).toBe('wg_review');
    expect(await request.innerText()).toContain('日本移植学会');
    expect(found.some((result) => result.type === 'primer')).toBe(true);
    expect(await page.locator('[data-search-results] > li[data-result-type="primer"] p').first().innerText()).toBe('入門');
    await page.close();
  });

  it('finds Japanese requests from the English page and English chapters from the Japanese page', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/en/search/?q=${encodeURIComponent('肝臓移植')}`);
    expect((await results(page)).map((result) => result.href)).toContain('/en/requests/basiliximab-liver-transplant/');
    await page.goto(`${run.site.url}/search/?q=${encodeURIComponent('investigator-initiated')}`);
    const found = await results(page);
    expect(found.some((result) => result.href.startsWith('/en/primer/'))).toBe(true);
    expect(await page.locator('[data-search-results] > li', { hasText: '英語のページ' }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('works from the keyboard: / to the box, arrows through results, Enter to open', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/search/?q=${encodeURIComponent('バシリキシマブ')}`);
    await results(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${run.site.url}${first ?? ''}`);
    await page.close();
  });

  it('announces the number of results in a live region', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/en/search/?q=zzzznotaword`);
    await results(page);
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.innerText()).toMatch(/^No matches\. Try the Japanese ingredient name/);
    await page.close();
  });
});

describe('browse pages', () => {
  it('lists every request of a drug, links a single-request drug to its request, and lists statuses and WGs with unknowns', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/en/drugs/`);
    await page.locator('[data-browse-index="drugs"] a', { hasText: 'human secretin' }).click();
    expect(decodeURI(new URL(page.url()).pathname)).toBe('/en/drugs/human-secretin/');
    expect(await page.locator('[data-request-card]').count()).toBe(2);
    await page.goto(`${run.site.url}/en/drugs/`);
    await page.getByRole('navigation', { name: 'Jump to an initial letter' }).getByRole('link', { name: 'C', exact: true }).click();
    expect(await page.locator('#group-c a', { hasText: 'colchicine' }).isVisible()).toBe(true);
    await page.locator('[data-browse-index="drugs"] a', { hasText: 'colchicine' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/requests/rx-colchicine-fmf/');
    await page.goto(`${run.site.url}/status/unknown/`);
    expect(await page.locator('[data-request-card="iii-1-20-epoprostenol"]').count()).toBe(1);
    await page.goto(`${run.site.url}/en/wg/`);
    expect(await page.locator('[data-browse-index="wg"] li').count()).toBe(8);
    await page.close();
  });
});
