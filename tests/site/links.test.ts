/**
 * Checks over the built site in `dist/` (run after `npm run build`): every internal link and anchor
 * resolves, every glossary term link lands on a term, every citation marker on a source, and every primer
 * chapter exists in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { distBase, distDir } from '../support/site.ts';

const dist = path.resolve(distDir);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    .map((name) => path.join(dir, name));
}

/** The address of a built file: `dist/en/primer/x/index.html` → `/en/primer/x/` (under the base path, if any). */
function sitePath(file: string): string {
  const relative = path.relative(dist, file).split(path.sep).join('/');
  return `${distBase}${relative.replace(/index\.html$/, '')}`;
}

/** The built file an address is served from, or undefined (also for an address outside the base path). */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(distBase)) return undefined;
  const decoded = decodeURIComponent(`/${pathname.slice(distBase.length)}`);
  for (const candidate of [path.join(dist, decoded, 'index.html'), path.join(dist, decoded)]) {
    if (existsSync(candidate) && candidate.endsWith('.html')) return candidate;
    if (existsSync(candidate) && !candidate.endsWith('/') && path.extname(candidate)) return candidate;
  }
  return undefined;
}

const pages = new Map<string, cheerio.CheerioAPI>();
function load(file: string): cheerio.CheerioAPI {
  let page = pages.get(file);
  if (!page) {
    page = cheerio.load(readFileSync(file, 'utf8'));
    pages.set(file, page);
  }
  return page;
}

function idsOf(file: string): Set<string> {
  const $ = load(file);
  return new Set($('[id]').map((_, element) => $(element).attr('id')).get());
}

const files = htmlFiles(dist);

describe('the built site', () => {
  it('has pages to check (run npm run build first)', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('has no broken internal link or anchor', () => {
    const broken: string[] = [];
    for (const file of files) {
      const $ = load(file);
      const from = sitePath(file);
      $('a[href], link[href]').each((_, element) => {
        const href = $(element).attr('href') ?? '';
        if (/^[a-z]+:/i.test(href) || href.startsWith('//')) return;
        const url = new URL(href, `http://site${from}`);
        const target = url.pathname === from && href.startsWith('#') ? file : fileFor(url.pathname);
        // Every internal address must carry the base path: a root-relative link without it is broken under a sub-path.
        if (!target) {
          broken.push(`${from} → ${href} (no such page)`);
          return;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor)) broken.push(`${from} → ${href} (no element with id "${anchor}")`);
      });
    }
    expect(broken).toEqual([]);
  });

  it('sends every glossary term link to a term entry in the same language', () => {
    const problems: string[] = [];
    for (const lang of ['ja', 'en'] as const) {
      const glossary = `${distBase}${lang === 'ja' ? '' : 'en/'}glossary/`;
      const entries = new Set(
        load(path.join(dist, lang === 'ja' ? '' : 'en', 'glossary', 'index.html'))('[data-term-entry]')
          .map((_, element) => element.attribs['data-term-entry'])
          .get(),
      );
      for (const file of files.filter((candidate) => (lang === 'en') === sitePath(candidate).startsWith(`${distBase}en/`))) {
        const $ = load(file);
        $('a[data-term], a[data-glossary-link]').each((_, element) => {
          const href = $(element).attr('href') ?? '';
          const [target, id] = href.split('#');
          if (target !== glossary || !id || !entries.has(id)) problems.push(`${sitePath(file)} → ${href}`);
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('links each glossary term to the primer sections that use it, not just the chapter', () => {
    for (const [glossary, chapter] of [
      ['glossary/index.html', '/primer/request-system/#'],
      ['en/glossary/index.html', '/en/primer/request-system/#'],
    ] as const) {
      const $ = load(path.join(dist, glossary));
      const links = $('[data-term-entry="kochi-application"] [data-primer-places] a')
        .map((_, element) => $(element).attr('href'))
        .get();
      expect(links.some((href) => href.startsWith(`${distBase.slice(0, -1)}${chapter}`)), `${glossary}: ${links.join(', ')}`).toBe(true);
    }
  });

  it('gives every citation marker of a chapter a numbered source on that chapter', () => {
    const chapterFiles = files.filter((file) => /\/primer\/[^/]+\/index\.html$/.test(file));
    expect(chapterFiles.length).toBe(14);
    for (const file of chapterFiles) {
      const $ = load(file);
      const sources = $('[data-chapter-sources] > li')
        .map((_, element) => $(element).attr('id'))
        .get();
      const markers = $('a[data-cite]');
      expect(markers.length, sitePath(file)).toBeGreaterThan(0);
      markers.each((_, element) => {
        const id = $(element).attr('data-cite') ?? '';
        expect(sources, `${sitePath(file)} cites ${id}`).toContain(`source-${id}`);
        expect($(element).text()).toBe(`[${sources.indexOf(`source-${id}`) + 1}]`);
      });
    }
  });

  it('publishes every primer chapter in both languages with the same chapter number', () => {
    const slugs = (lang: string) =>
      readdirSync(path.join(dist, lang === 'ja' ? '' : 'en', 'primer'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    expect(slugs('ja')).toEqual(slugs('en'));
    expect(slugs('ja')).toHaveLength(7);
    for (const slug of slugs('ja')) {
      const number = (lang: string) => load(path.join(dist, lang, 'primer', slug, 'index.html'))('article header p').first().text();
      expect(number('').replace(/\D/g, ''), slug).toBe(number('en').replace(/\D/g, ''));
    }
  });

  it('marks every page with its language and links it to the same page in the other language', () => {
    for (const file of files.filter((candidate) => !candidate.endsWith('404.html'))) {
      const $ = load(file);
      const from = sitePath(file);
      expect($('html').attr('lang'), from).toBe(from.startsWith(`${distBase}en/`) ? 'en' : 'ja');
      const other = $('[data-language-switch]').attr('href') ?? '';
      expect(fileFor(other), `${from} switches to ${other}`).toBeDefined();
    }
  });
});
