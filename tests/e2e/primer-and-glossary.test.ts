/**
 * Browser tests: a reader opens a primer chapter, reads a term's short definition from the keyboard, follows
 * the term and lands on its entry in the glossary.
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndChromium } from '../support/browser-suite.ts';

const run = useSiteAndChromium();

describe('the primer and the glossary', () => {
  it('opens a term’s short definition with the keyboard, without hovering', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/primer/request-system/`);
    const button = page.locator('[data-term-button]').first();
    const popover = page.locator(`#${(await button.getAttribute('popovertarget')) ?? ''}`);
    expect(await popover.isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await popover.isVisible()).toBe(true);
    expect((await popover.innerText()).length).toBeGreaterThan(10);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    await page.close();
  });

  it('follows a term from a chapter and lands on its definition in the glossary', async () => {
    for (const prefix of ['', '/en']) {
      const page = await run.browser.newPage();
      await page.goto(`${run.site.url}${prefix}/primer/request-system/`);
      const link = page.locator('a[data-term="kochi-application"]').first();
      await link.click();
      await page.waitForURL(`${run.site.url}${prefix}/glossary/#kochi-application`);
      const entry = page.locator('#kochi-application');
      expect(await entry.isVisible()).toBe(true);
      const box = await entry.boundingBox();
      const viewport = page.viewportSize();
      expect(box && viewport && box.y >= 0 && box.y < viewport.height).toBe(true);
      expect(await entry.innerText()).toContain(prefix ? 'Public-knowledge-based application' : '公知申請');
      expect(await page.locator('[data-term-entry="kochi-application"] p').first().innerText()).toMatch(/1999/);
      await page.close();
    }
  });

  it('numbers citations and jumps to the cited source', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/en/primer/regulation/`);
    const marker = page.locator('a[data-cite]').first();
    expect(await marker.innerText()).toBe('[1]');
    await marker.click();
    expect(page.url()).toMatch(/#source-/);
    expect(await page.locator('[data-chapter-sources] > li').first().isVisible()).toBe(true);
    await page.close();
  });

  it('walks the chapters in order with previous and next links', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/primer/`);
    expect(await page.locator('[data-chapter-list] > li').count()).toBe(7);
    await page.locator('[data-chapter-list] a').first().click();
    await page.locator('a[rel="next"]').click();
    expect(await page.locator('article header p').first().innerText()).toBe('第2章');
    await page.close();
  });
});
