/**
 * Browser tests of the statistics page in Chromium: both languages render every chart and its table, the
 * English page is labelled in English, and the charts follow dark mode and print without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndChromium } from '../support/browser-suite.ts';

const run = useSiteAndChromium();

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Approximate luminance (0–1) of `[r, g, b]` in 0–255. */
function luminance([r = 0, g = 0, b = 0]: number[]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('the statistics page', () => {
  it.each([
    ['ja', '/stats/'],
    ['en', '/en/stats/'],
  ])('renders every chart and its data table (%s), with JavaScript off', async (lang, pathname) => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.site.url}${pathname}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const charts = page.locator('figure[data-chart]');
    expect(await charts.count()).toBe(7);
    for (const chart of await charts.all()) {
      const svg = chart.locator('svg[role="img"]');
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(40);
      expect(await chart.locator('table[data-chart-table] tbody tr').count()).toBeGreaterThan(1);
      expect(await chart.locator('table[data-chart-table]').isVisible()).toBe(true);
      expect(await page.getByRole('img', { name: await chart.locator('figcaption').innerText() }).count()).toBeGreaterThanOrEqual(1);
    }
    expect(await page.locator('[data-official-figures] table').count()).toBe(2);
    await context.close();
  });

  it('labels the English page in English (Japanese only where marked lang="ja")', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/en/stats/`);
    expect(await page.locator('h1').innerText()).toBe('Statistics');
    expect(await page.locator('figure[data-chart="stage"] figcaption').innerText()).toBe('Requests by current stage');
    const unmarked = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang="ja"]').forEach((element) => {
        element.remove();
      });
      return copy.textContent;
    });
    expect(unmarked).not.toMatch(japanese);
    expect(await page.locator('figure[data-chart="classification"] tbody th').allInnerTexts()).toEqual([
      'Unapproved drug',
      'Off-label drug',
      'Rapid practical-use scheme item',
      'Unknown',
    ]);
    await page.close();
  });

  it('draws light text and bars on the dark background in dark mode, and dark ones in print', async () => {
    const context = await run.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${run.site.url}/en/stats/`);
    const colours = () =>
      page.locator('figure[data-chart="funnel"] svg').evaluate((svg) => {
        // Computed colours may be oklch(); a canvas turns any CSS colour into sRGB bytes.
        const context = document.createElement('canvas').getContext('2d');
        const rgb = (color: string): number[] => {
          if (!context) return [];
          context.clearRect(0, 0, 1, 1);
          context.fillStyle = color;
          context.fillRect(0, 0, 1, 1);
          return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
        };
        return {
          text: rgb(getComputedStyle(svg.querySelector('text') ?? svg).fill),
          bar: rgb(getComputedStyle(svg.querySelector('g[data-mark="bar"] rect') ?? svg).fill),
        };
      });
    const dark = await colours();
    expect(luminance(dark.text)).toBeGreaterThan(0.7);
    expect(luminance(dark.bar)).toBeGreaterThan(0.4);
    await page.emulateMedia({ media: 'print' });
    const print = await colours();
    expect(luminance(print.text)).toBeLessThan(0.2);
    expect(await page.locator('figure[data-chart="funnel"] svg').isVisible()).toBe(true);
    await context.close();
  });
});
