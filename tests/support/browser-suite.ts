/**
 * Test support for browser tests: serves the built site and launches Chromium once for the tests of a file,
 * and stops both afterwards. Separate from `site.ts` because it registers Vitest hooks, and the scripts that
 * use `site.ts` (screenshots, bench, Lighthouse) run outside Vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startSite, type SiteServer } from './site.ts';

/** The running site and browser of a test file; read them inside tests and hooks, not at import time. */
export interface BrowserSuite {
  /** The site served on 127.0.0.1. */
  readonly site: SiteServer;
  /** Headless Chromium. */
  readonly browser: Browser;
}

/** Starts the site and Chromium before the file's tests and closes both after them. */
export function useSiteAndChromium(): BrowserSuite {
  let site: SiteServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await startSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the ${name} is not running yet: use it inside a test or hook`);
    return value;
  };
  return {
    get site() {
      return ready(site, 'site');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
