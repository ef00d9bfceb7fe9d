/**
 * The site under its base path, in the browser: `npm test` runs this file twice, against the root build and
 * against a build for `/offlabel-jp/` (served only under that path, as GitHub Pages serves a project site).
 * Search finds a request and links to it under the base, the language switch keeps the path, and the 404 page
 * (served at any missing address) loads its stylesheet and links home.
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndChromium } from '../support/browser-suite.ts';
import { distBase } from '../support/site.ts';

const run = useSiteAndChromium();

describe(`the site served under ${distBase}`, () => {
  it('searches from the search page and links the result under the base path', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}${distBase}en/search/?q=basiliximab`);
    await page.waitForSelector('site-search[data-state="ready"]');
    const href = await page.locator('[data-search-results] > li[data-result-type="request"] a').first().getAttribute('href');
    expect(href).toMatch(new RegExp(`^${distBase}en/requests/`, 'u'));
    await page.locator('[data-search-results] > li[data-result-type="request"] a').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(href);
    expect(await page.locator('h1').first().innerText()).toContain('basiliximab');
    await page.close();
  });

  it('switches language and keeps the page and the base path', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}${distBase}requests/`);
    await page.locator('a[hreflang="en"]').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`${distBase}en/requests/`);
    await page.close();
  });

  it('serves the 404 page with its stylesheet and a link home, at any missing address', async () => {
    const page = await run.browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('no-such-page')) failed.push(response.url());
    });
    const response = await page.goto(`${run.site.url}${distBase}en/no-such-page/deeper/`);
    expect(response?.status()).toBe(404);
    expect(failed).toEqual([]);
    const styled = await page.evaluate(() => document.styleSheets.length);
    expect(styled).toBeGreaterThan(0);
    expect(await page.locator('main a').first().getAttribute('href')).toBe(distBase);
    await page.close();
  });
});
