/**
 * The search-quality suite: every query of tests/search-quality/queries.yaml is typed into the search page of
 * the built site in Chromium, and its expected pages must be among the first five results. Prints recall@5
 * and MRR (mean reciprocal rank of the first expected page) per kind and overall.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndChromium } from '../support/browser-suite.ts';

interface Query {
  kind: string;
  lang: 'ja' | 'en';
  query: string;
  expect: string[];
}

const queries = parse(readFileSync('tests/search-quality/queries.yaml', 'utf8')) as Query[];

const run = useSiteAndChromium();
let page: Page;

beforeAll(async () => {
  page = await run.browser.newPage();
});

/** The links of the first five results for a query typed on the search page of a language. */
async function topFive(query: Query): Promise<string[]> {
  await page.goto(`${run.site.url}${query.lang === 'en' ? '/en' : ''}/search/?q=${encodeURIComponent(query.query)}`);
  await page.waitForSelector('site-search[data-state="ready"]');
  return page.locator('[data-search-results] > li a[data-result-link]').evaluateAll((links) => links.slice(0, 5).map((link) => link.getAttribute('href') ?? ''));
}

describe('search quality', () => {
  it('has at least 40 queries of every kind, at least 20 of them English queries of an English reader', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(queries.map((query) => query.kind))).toEqual(
      new Set(['katakana', 'english', 'english-disease', 'english-requester', 'english-company', 'brand', 'prefix', 'kanji', 'quoted', 'society', 'topic', 'cross-language']),
    );
    const english = queries.filter((query) => query.lang === 'en' && query.kind.startsWith('english') && /^[\x20-\x7e]+$/.test(query.query));
    expect(english.length).toBeGreaterThanOrEqual(20);
  });

  // One page load per query: about a second each, more on a busy machine.
  it('finds every expected page in the first five results', { timeout: 600_000 }, async () => {
    const misses: string[] = [];
    const byKind = new Map<string, { recall: number[]; reciprocal: number[] }>();
    for (const query of queries) {
      const results = await topFive(query);
      const found = query.expect.filter((page) => results.includes(page));
      const firstRank = Math.min(...query.expect.map((page) => results.indexOf(page)).filter((rank) => rank >= 0));
      const stats = byKind.get(query.kind) ?? { recall: [], reciprocal: [] };
      stats.recall.push(found.length / query.expect.length);
      stats.reciprocal.push(Number.isFinite(firstRank) ? 1 / (firstRank + 1) : 0);
      byKind.set(query.kind, stats);
      if (found.length < query.expect.length) misses.push(`[${query.lang}] ${query.query} → expected ${query.expect.join(', ')}; got ${results.join(', ') || 'nothing'}`);
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const all = [...byKind.values()];
    const lines = [...byKind.entries()].map(
      ([kind, stats]) => `  ${kind.padEnd(15)} n=${String(stats.recall.length).padStart(2)}  recall@5 ${(mean(stats.recall) * 100).toFixed(1)}%  MRR ${mean(stats.reciprocal).toFixed(3)}`,
    );
    const recall = mean(all.flatMap((stats) => stats.recall));
    const mrr = mean(all.flatMap((stats) => stats.reciprocal));
    console.log(`search quality (${queries.length} queries): recall@5 ${(recall * 100).toFixed(1)}%, MRR ${mrr.toFixed(3)}\n${lines.join('\n')}`);
    expect(misses).toEqual([]);
  });
});
