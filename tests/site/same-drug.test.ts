/**
 * Checks over the built site (run after `npm run build`): a request page names the other requests about the
 * same ingredient, in the page's language, and a request whose ingredient has no other says nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/site.ts';

function page(pathname: string): cheerio.CheerioAPI {
  const file = path.join(path.resolve(distDir), pathname, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing; run "npm run build" first`);
  return cheerio.load(readFileSync(file, 'utf8'));
}

describe('other requests about the same ingredient', () => {
  it('links each of the two secretin requests to the other, in the page language', () => {
    const ja = page('requests/iii-1-56');
    expect(ja('[data-same-drug] h2').text()).toBe('同じ成分についての要望がほかに1件あります');
    expect(ja('[data-same-drug] a').map((_, link) => ja(link).attr('href')).get()).toEqual(['/requests/iii-1-57/']);
    const en = page('en/requests/iii-1-57');
    expect(en('[data-same-drug] a').map((_, link) => en(link).attr('href')).get()).toEqual(['/en/requests/iii-1-56/']);
    expect(en('[data-same-drug] li').text()).toContain('ガストリノーマ');
  });

  it('shows nothing for an ingredient with a single request', () => {
    expect(page('requests/rx-colchicine-fmf')('[data-same-drug]')).toHaveLength(0);
  });
});
