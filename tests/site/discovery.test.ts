/**
 * Checks over the discovery metadata of the built site (run after `npm run build`): the Atom feed, the
 * sitemap with its hreflang alternates, and the canonical link and Open Graph tags of every page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/site.ts';
import type { ExportDocument } from '../../src/lib/exports.ts';

const dist = path.resolve(distDir);

function readDist(file: string): string {
  const full = path.join(dist, file);
  if (!existsSync(full)) throw new Error(`${full} is missing; run "npm run build" first`);
  return readFileSync(full, 'utf8');
}

const document = JSON.parse(readDist('requests.json')) as ExportDocument;
const site = new URL('/', document.schema);

/** Every HTML page of dist as its site path (`/en/primer/x/`), without Pagefind's files and the 404 page. */
const pagePaths = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind') && name !== '404.html')
  .map((name) => `/${name.split(path.sep).join('/').replace(/index\.html$/, '')}`)
  .sort();

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

type Link = { rel?: string; href: string; hreflang?: string; type?: string };
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['entry', 'link', 'url', 'xhtml:link'].includes(name),
});

describe('/feed.xml', () => {
  const { feed } = parser.parse(readDist('feed.xml')) as {
    feed: { xmlns: string; id: string; title: string; updated: string; author?: { name: string }; link: Link[]; entry: { id: string; title: string; updated: string; link: Link[]; summary?: unknown }[] };
  };

  it('is an Atom 1.0 feed with id, title, updated, author and self and alternate links', () => {
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^(tag:|https?:)/);
    expect(feed.title).toBeTruthy();
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author?.name).toBeTruthy();
    expect(feed.link.find((link) => link.rel === 'self')?.href).toBe(new URL('feed.xml', site).href);
    expect(feed.link.some((link) => link.rel === 'alternate')).toBe(true);
  });

  it('has an entry per recently updated request and per dated council meeting, each with a unique id, a title, an RFC 3339 updated and links to existing pages', () => {
    const requests = feed.entry.filter((entry) => entry.id.includes(':requests/'));
    const meetings = feed.entry.filter((entry) => entry.id.includes(':meetings/'));
    expect(requests).toHaveLength(Math.min(document.count, 100));
    expect(meetings.length).toBeGreaterThan(0);
    expect(requests.length + meetings.length).toBe(feed.entry.length);
    expect(new Set(feed.entry.map((entry) => entry.id)).size).toBe(feed.entry.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^(tag:|https?:)/);
      expect(entry.title).not.toBe('');
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.link.length).toBeGreaterThan(0);
      for (const link of entry.link) {
        expect(link.href.startsWith(site.href)).toBe(true);
        expect(existsSync(path.join(dist, decodeURIComponent(new URL(link.href).pathname), 'index.html')), link.href).toBe(true);
      }
    }
  });

  it('lists entries by last update, newest first, and dates the feed by its newest entry', () => {
    const updated = feed.entry.map((entry) => entry.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(feed.updated).toBe(updated[0]);
  });
});

describe('/sitemap.xml', () => {
  const { urlset } = parser.parse(readDist('sitemap.xml')) as { urlset: { url: { loc: string; 'xhtml:link'?: Link[] }[] } };
  const locs = urlset.url.map((url) => url.loc);

  it('lists every HTML page except 404 exactly once', () => {
    expect(pagePaths.length).toBeGreaterThan(10);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.map((loc) => decodeURIComponent(new URL(loc).pathname)).sort()).toEqual(pagePaths);
    for (const loc of locs) expect(loc.startsWith(site.href)).toBe(true);
  });

  it('gives each page its ja, en and x-default alternates, which are pages of the site', () => {
    const listed = new Set(locs);
    for (const url of urlset.url) {
      const alternates = new Map((url['xhtml:link'] ?? []).map((link) => [link.hreflang, link.href]));
      expect([...alternates.keys()].sort(), url.loc).toEqual(['en', 'ja', 'x-default']);
      expect(alternates.get('x-default')).toBe(alternates.get('ja'));
      for (const href of alternates.values()) expect(listed.has(href), `${url.loc} → ${href}`).toBe(true);
      expect([alternates.get('ja'), alternates.get('en')]).toContain(url.loc);
    }
  });
});

describe('page metadata', () => {
  it('gives every page one canonical link to itself, language alternates and Open Graph tags', () => {
    const problems: string[] = [];
    for (const pagePath of pagePaths) {
      const $ = cheerio.load(readFileSync(path.join(dist, pagePath, pagePath.endsWith('/') ? 'index.html' : ''), 'utf8'));
      const own = new URL(pagePath, site).href;
      const canonical = $('link[rel="canonical"]');
      if (canonical.length !== 1 || canonical.attr('href') !== own) problems.push(`${pagePath}: canonical ${canonical.length}× ${canonical.attr('href') ?? ''}`);
      const lang = $('html').attr('lang');
      const og = (property: string): string | undefined => $(`meta[property="${property}"]`).attr('content');
      for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name', 'og:locale', 'og:locale:alternate']) {
        if (!og(property)) problems.push(`${pagePath}: no ${property}`);
      }
      if (og('og:url') !== own) problems.push(`${pagePath}: og:url ${og('og:url') ?? ''}`);
      if (og('og:locale') !== (lang === 'en' ? 'en_US' : 'ja_JP')) problems.push(`${pagePath}: og:locale ${og('og:locale') ?? ''} on a ${lang ?? ''} page`);
      const hreflangs = $('link[rel="alternate"][hreflang]')
        .map((_, element) => $(element).attr('hreflang'))
        .get()
        .sort();
      if (hreflangs.join() !== 'en,ja,x-default') problems.push(`${pagePath}: hreflang ${hreflangs.join()}`);
      const feedLink = $('link[rel="alternate"][type="application/atom+xml"]');
      if (feedLink.attr('href') !== new URL('feed.xml', site).href) problems.push(`${pagePath}: no feed link`);
    }
    expect(problems).toEqual([]);
  });

  it('gives the 404 page no canonical link and no language alternates', () => {
    const $ = cheerio.load(readDist('404.html'));
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($('link[rel="alternate"][hreflang]')).toHaveLength(0);
    expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
  });
});

describe('the feeds of a working group, a therapeutic area and a drug', () => {
  const feeds = readdirSync(path.join(dist, 'feeds'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.xml'));

  it('exist for the groups a reader can follow, and each reads as an Atom feed of that group', () => {
    expect(feeds.some((name) => name.startsWith('wg/'))).toBe(true);
    expect(feeds.some((name) => name.startsWith('areas/'))).toBe(true);
    expect(feeds.some((name) => name.startsWith('drugs/'))).toBe(true);
    for (const name of feeds) {
      const parsed = parser.parse(readDist(`feeds/${name}`)) as { feed: { id: string; title: string; link: Link[] } };
      expect(parsed.feed.title).toBeTruthy();
      expect(parsed.feed.id).toBe(`tag:offlabel-jp,2026:feeds/${name.replace(/\.xml$/, '')}`);
      expect(parsed.feed.link.find((link) => link.rel === 'self')?.href).toBe(new URL(`feeds/${name}`, site).href);
    }
  });
});
