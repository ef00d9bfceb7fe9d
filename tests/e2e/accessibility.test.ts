/**
 * Accessibility: axe-core runs in Chromium with the WCAG 2.0/2.1/2.2 A and AA rules, in the light and the dark
 * color scheme, over every page that has a template of its own and an even spread of the pages that share one
 * (see `samplePaths`; `OFFLABEL_CHECK_ALL_PAGES=1` audits every URL of the sitemap), and finds no violation.
 * Every request the pages make goes to 127.0.0.1.
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndChromium } from '../support/browser-suite.ts';
import { samplePaths, sitePaths } from '../support/site-pages.ts';
import { guardContext } from '../support/page-guards.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const run = useSiteAndChromium();
const outside = new Set<string>();

/** Runs axe on the page as it is and returns one line per violating node: rule, help, target and page. */
async function audit(page: Page, label: string): Promise<string[]> {
  const violations = await page.evaluate(
    async (runTags) => {
      const injected = (window as unknown as { axe: typeof axe }).axe;
      return (await injected.run(document, { runOnly: { type: 'tag', values: runTags }, resultTypes: ['violations'] })).violations;
    },
    tags,
  );
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${label} ${violation.id} (${violation.help}): ${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  );
}

const paths = samplePaths(sitePaths(), 24, ['basiliximab-liver-transplant']);

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  it('checks every page of the site', () => {
    expect(paths).toContain('/');
    expect(paths).toContain('/en/search/');
    expect(paths.length).toBeGreaterThan(20);
  });

  it('finds no violation on any page, in the light and in the dark color scheme', { timeout: 900_000 }, async () => {
    const context = await run.browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    const guard = await guardContext(context, run.site.url);
    const queue = [...paths];
    const found: string[] = [];
    // Each page is loaded once and audited in both schemes; two tabs at a time (axe is CPU-bound).
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        const page = await context.newPage();
        for (let pathname = queue.shift(); pathname !== undefined; pathname = queue.shift()) {
          await page.emulateMedia({ colorScheme: 'light' });
          await page.goto(`${run.site.url}${pathname}`, { waitUntil: 'load' });
          // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
          await page.evaluate(axe.source);
          found.push(...(await audit(page, `${pathname} [light]`)));
          await page.emulateMedia({ colorScheme: 'dark' });
          found.push(...(await audit(page, `${pathname} [dark]`)));
        }
        await page.close();
      }),
    );
    await context.close();
    for (const url of guard.outside) outside.add(url);
    expect(found.sort()).toEqual([]);
  });

  it('never requested anything from outside 127.0.0.1', () => {
    expect([...outside]).toEqual([]);
  });
});
