/**
 * Test support for browser tests: records what a page should never do — load anything from outside the
 * test server on 127.0.0.1, or trip the Content-Security-Policy.
 */
import type { BrowserContext } from 'playwright-core';

/** What the watched pages did wrong, collected across every page of a context. */
export interface PageGuard {
  /** Every request addressed somewhere other than the test server (data: and blob: URLs excepted). */
  outside: Set<string>;
  /** Every CSP violation: console "Refused to …" messages and `securitypolicyviolation` events. */
  cspViolations: string[];
}

/**
 * Watches a browser context: every request of every page it opens, its console and its CSP violation
 * events. Call before opening pages.
 */
export async function guardContext(context: BrowserContext, siteUrl: string): Promise<PageGuard> {
  const guard: PageGuard = { outside: new Set(), cspViolations: [] };
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    guard.cspViolations.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${siteUrl}/`) && url !== siteUrl && !url.startsWith('data:') && !url.startsWith('blob:')) guard.outside.add(url);
  });
  context.on('console', (message) => {
    if (/Refused to|Content[- ]Security[- ]Policy/i.test(message.text())) guard.cspViolations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
  return guard;
}

