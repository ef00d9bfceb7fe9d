import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fixtureSummary, realFormAlone } from '../../tests/support/records.ts';
import { toRequestSummary, type RequestSummary } from './request-summary.ts';
import { FEED_ENTRIES, buildAtomFeed, entryTitle, escapeXml, sortByUpdated, toRfc3339 } from './atom-feed.ts';

const real = toRequestSummary(realFormAlone());
const fixture = toRequestSummary(fixtureSummary());

function withUpdated(summary: RequestSummary, updated: string, id = summary.id): RequestSummary {
  return { ...summary, id, path: `/requests/${id}/`, updated };
}

describe('toRfc3339', () => {
  it('turns a day, a month or a year into a UTC timestamp', () => {
    expect(toRfc3339('2026-11-22')).toBe('2026-11-22T00:00:00Z');
    expect(toRfc3339('2026-11')).toBe('2026-11-01T00:00:00Z');
    expect(toRfc3339('2026')).toBe('2026-01-01T00:00:00Z');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });
});

describe('buildAtomFeed', () => {
  const list = [withUpdated(real, '2025-01-01', 'a'), withUpdated(fixture, '2026-03', 'b'), withUpdated(real, '2026-03-02', 'c')];

  it('lists entries newest first, ties by id', () => {
    expect(sortByUpdated(list).map((summary) => summary.id)).toEqual(['c', 'b', 'a']);
  });

  it('writes a feed with the required Atom elements and tag: ids', () => {
    const xml = buildAtomFeed(list, { site: 'https://example.org', title: 'T & t', subtitle: 'S' });
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'entry' || name === 'link' });
    const { feed } = parser.parse(xml) as { feed: { id: string; title: string; updated: string; link: { rel: string; href: string }[]; entry: { id: string; updated: string; link: { href: string }[] }[] } };
    expect(feed.title).toBe('T & t');
    expect(feed.updated).toBe('2026-03-02T00:00:00Z');
    expect(feed.link.find((link) => link.rel === 'self')?.href).toBe('https://example.org/feed.xml');
    expect(feed.entry.map((entry) => entry.id)).toEqual(['tag:offlabel-jp,2026:requests/c', 'tag:offlabel-jp,2026:requests/b', 'tag:offlabel-jp,2026:requests/a']);
    expect(feed.entry[0]?.link.map((link) => link.href)).toEqual(['https://example.org/requests/c/', 'https://example.org/en/requests/c/']);
  });

  it('announces each dated meeting as an entry among the requests, newest first, with the steps it took', () => {
    const meeting = { id: 'council-62', number: 62, date: '2026-02-10', path: '/meetings/council-62/', steps: ['Ⅳ-1 テスト (test): 承認済み / Approved'] };
    const xml = buildAtomFeed(list, { site: 'https://example.org', title: 'T', subtitle: 'S', meetings: [meeting] });
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'entry' || name === 'link' });
    const { feed } = parser.parse(xml) as { feed: { updated: string; entry: { id: string; summary: { '#text': string } }[] } };
    expect(feed.entry.map((entry) => entry.id)).toEqual(['tag:offlabel-jp,2026:requests/c', 'tag:offlabel-jp,2026:requests/b', 'tag:offlabel-jp,2026:meetings/council-62', 'tag:offlabel-jp,2026:requests/a']);
    expect(feed.entry[2]?.summary['#text']).toContain('承認済み / Approved');
    expect(feed.updated).toBe('2026-03-02T00:00:00Z');
  });

  it('carries only the most recently updated requests', () => {
    const many = Array.from({ length: FEED_ENTRIES + 5 }, (_, index) => withUpdated(real, `2020-01-${String((index % 28) + 1).padStart(2, '0')}`, `r${String(index).padStart(3, '0')}`));
    const xml = buildAtomFeed(many, { site: 'https://example.org', title: 'T', subtitle: 'S' });
    expect(xml.match(/<entry>/g)).toHaveLength(FEED_ENTRIES);
    expect(xml).toContain('<updated>2020-01-28T00:00:00Z</updated>');
  });

  it('titles an entry with the drug and the first line of the indication', () => {
    expect(entryTitle(real)).toMatch(/^バシリキシマブ \(basiliximab\) — /);
  });
});
