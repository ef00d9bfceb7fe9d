/**
 * The Content-Security-Policy in Chromium: every page of the sitemap loads without a single CSP violation, the
 * search (Pagefind's script, its WebAssembly and its index) still finds results under the policy, and an
 * inline script injected into a page is refused. Every request goes to 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useSiteAndChromium } from '../support/browser-suite.ts';
import { guardContext, type PageGuard } from '../support/page-guards.ts';
import { sitePaths } from '../support/site-pages.ts';

const run = useSiteAndChromium();
let context: BrowserContext;
let guard: PageGuard;

beforeAll(async () => {
  context = await run.browser.newContext();
  guard = await guardContext(context, run.site.url);
});

afterAll(async () => {
  await context.close();
});

describe('the Content-Security-Policy', () => {
  it('lets every page of the site, and the 404 page, load without a violation', { timeout: 900_000 }, async () => {
    const paths = [...sitePaths(), '/no-such-page/'];
    expect(paths.length).toBeGreaterThan(20);
    const before = guard.cspViolations.length;
    const page = await context.newPage();
    const withoutPolicy: string[] = [];
    for (const pathname of paths) {
      await page.goto(`${run.site.url}${pathname}`, { waitUntil: 'load' });
      if ((await page.locator('meta[http-equiv="content-security-policy"]').count()) !== 1) withoutPolicy.push(pathname);
    }
    await page.close();
    expect(withoutPolicy).toEqual([]);
    expect([...new Set(guard.cspViolations.slice(before))]).toEqual([]);
  });

  it('lets the search load Pagefind and its WebAssembly and show results, in both languages', async () => {
    const before = guard.cspViolations.length;
    const page = await context.newPage();
    for (const [prefix, query] of [
      ['', 'バシリキシマブ'],
      ['/en', 'basiliximab'],
    ] as const) {
      await page.goto(`${run.site.url}${prefix}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('site-search[data-state="ready"]');
      const hrefs = await page.locator('[data-search-results] > li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs).toContain(`${prefix}/requests/basiliximab-liver-transplant/`);
    }
    await page.close();
    expect(guard.cspViolations.slice(before)).toEqual([]);
  });

  it('refuses an inline script and an inline event handler injected into a page', async () => {
    const page = await context.newPage();
    await page.goto(`${run.site.url}/`);
    const before = guard.cspViolations.length;
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handler = true');
      image.src = '/no-such-image.png';
      document.body.append(image);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const state = window as unknown as { __injected?: boolean; __handler?: boolean };
      return { script: state.__injected === true, handler: state.__handler === true };
    });
    expect(ran).toEqual({ script: false, handler: false });
    expect(guard.cspViolations.length).toBeGreaterThan(before);
    await page.close();
  });

  it('never requested anything from outside 127.0.0.1', () => {
    expect([...guard.outside]).toEqual([]);
  });
});
