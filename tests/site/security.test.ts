/**
 * Security of the built site, read from the files in `dist/`: every page carries a strict
 * Content-Security-Policy (scripts only from the site itself or hashed, never `unsafe-inline`; nothing
 * from elsewhere), every inline script is covered by a hash, and no element has an inline event handler.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/site.ts';

const dist = path.resolve(distDir);
const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
  .map((name) => name.split(path.sep).join('/'))
  .sort();

/** The policy of a page as a map of directive → sources, from its `<meta http-equiv>`. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const $ = cheerio.load(html);
  const metas = $('meta[http-equiv]').filter((_, element) => ($(element).attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) return undefined;
  const directives = new Map<string, string[]>();
  for (const part of (metas.attr('content') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('Content-Security-Policy', () => {
  it('is carried by every page, scripts limited to the site and hashes, without unsafe-inline or unsafe-eval', () => {
    expect(pages.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const page of pages) {
      const policy = policyOf(readFileSync(path.join(dist, page), 'utf8'));
      if (!policy) {
        wrong.push(`${page}: no (or more than one) Content-Security-Policy meta element`);
        continue;
      }
      const scriptSources = [...(policy.get('script-src') ?? policy.get('default-src') ?? ['*']), ...(policy.get('script-src-elem') ?? [])];
      const allowed = scriptSources.every((source) => source === "'self'" || source === "'wasm-unsafe-eval'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source));
      if (!allowed) wrong.push(`${page}: script-src allows ${scriptSources.join(' ')}`);
      if (policy.get('default-src')?.join(' ') !== "'self'") wrong.push(`${page}: default-src is not 'self'`);
      if (policy.get('object-src')?.join(' ') !== "'none'") wrong.push(`${page}: object-src is not 'none'`);
      for (const [name, sources] of policy) {
        if (sources.some((source) => /^(https?:|\*|'unsafe-inline'|'unsafe-eval')/.test(source))) wrong.push(`${page}: ${name} allows ${sources.join(' ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('covers every inline script and style of a page with a hash in its policy, and has no style attribute it would block', () => {
    const uncovered: string[] = [];
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page), 'utf8');
      const policy = policyOf(html);
      const $ = cheerio.load(html);
      for (const [selector, directive] of [
        ['script:not([src])', 'script-src'],
        ['style', 'style-src'],
      ] as const) {
        $(selector).each((_, element) => {
          const hash = `'sha256-${createHash('sha256').update($(element).html() ?? '').digest('base64')}'`;
          if (!policy?.get(directive)?.includes(hash)) uncovered.push(`${page}: an inline ${selector.split(':')[0] ?? ''} is not in ${directive}`);
        });
      }
      // A style attribute would need 'unsafe-inline' (or a hash in style-src-attr): the policy blocks it.
      $('[style]').each((_, element) => {
        if (!policy?.has('style-src-attr')) uncovered.push(`${page}: <${$(element).prop('tagName')?.toLowerCase() ?? '?'} style="…"> is blocked by style-src`);
      });
    }
    expect(uncovered).toEqual([]);
  });

  it('finds no inline event handler (on…= attribute) and no javascript: link in any page', () => {
    const handlers: string[] = [];
    for (const page of pages) {
      const $ = cheerio.load(readFileSync(path.join(dist, page), 'utf8'));
      $('*').each((_, element) => {
        const tag = $(element).prop('tagName')?.toLowerCase() ?? '?';
        for (const name of Object.keys($(element).attr() ?? {})) {
          if (/^on/i.test(name)) handlers.push(`${page}: <${tag} ${name}>`);
        }
        const href = $(element).attr('href');
        if (href && /^\s*javascript:/i.test(href)) handlers.push(`${page}: <${tag} href="${href}">`);
      });
    }
    expect(handlers).toEqual([]);
  });
});
