/**
 * The Atom 1.0 feeds (RFC 4287): `/feed.xml` (requests by last update, and an entry per dated council meeting)
 * and one feed per working group, therapeutic area and drug (`/feeds/<kind>/<slug>.xml`). Pure: the routes pass
 * in the summaries and the site address. Entry ids are `tag:` URIs (RFC 4151), so they survive a change of the
 * site's address.
 */
import { Status } from '../data/vocabulary.ts';
import { localizedPath } from '../i18n/index.ts';
import { absoluteUrl, exportPaths } from './exports.ts';
import { firstLine, type RequestSummary } from './request-summary.ts';

/** The tagging entity of every feed id (RFC 4151: a name and the date it was first used). */
export const TAG_AUTHORITY = 'offlabel-jp,2026';

/** Escapes text for an XML element or attribute value. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as an RFC 3339 timestamp (midnight UTC of the first day it can
 * mean), as Atom's `updated` requires a full date-time.
 */
export function toRfc3339(partial: string): string {
  const [year, month = '01', day = '01'] = partial.split('-');
  return `${year ?? ''}-${month}-${day}T00:00:00Z`;
}

/** The summaries newest first by `updated`, ties by id, as the feed lists them. */
export function sortByUpdated(summaries: readonly RequestSummary[]): RequestSummary[] {
  return [...summaries].sort((a, b) => toRfc3339(b.updated).localeCompare(toRfc3339(a.updated)) || a.id.localeCompare(b.id));
}

/** The title of a request's entry: request number, drug and the first line of the indication. */
export function entryTitle(summary: RequestSummary): string {
  const drug = summary.drug.inn ? `${summary.drug.ingredient} (${summary.drug.inn})` : summary.drug.ingredient;
  const indication = firstLine(summary.indication);
  return [summary.requestNumber, drug].filter(Boolean).join(' ') + (indication ? ` — ${indication}` : '');
}

/** The plain-text summary of an entry: current status and date, requester, and the editorial summary. */
export function entrySummary(summary: RequestSummary): string {
  const status = summary.status
    ? `状況 / Status: ${Status.label(summary.status, 'ja')} / ${Status.label(summary.status, 'en')}${summary.statusDate ? ` (${summary.statusDate})` : ''}`
    : '状況 / Status: 不明 / unknown';
  const lines = [status];
  if (summary.requester.name) lines.push(`要望者 / Requester: ${summary.requester.name}`);
  if (summary.summary) lines.push(summary.summary.ja, summary.summary.en);
  return lines.join('\n');
}

/** Options of {@link buildAtomFeed}. */
export interface FeedOptions {
  /** The site's address. */
  site: URL | string;
  /** Feed title. */
  title: string;
  /** Feed subtitle. */
  subtitle: string;
  /** The feed's own path (default `/feed.xml`) and the tag its id ends with (default `feed`). */
  self?: { path: string; tag: string };
  /** Meetings to announce, each an entry of its own (the main feed's "what's new"). */
  meetings?: readonly FeedMeeting[];
}

/** A council meeting as a feed entry: what it did, to how many requests. */
export interface FeedMeeting {
  /** Page id (`council-62`). */
  id: string;
  /** Meeting number. */
  number: number;
  /** The day it met (only dated meetings are announced). */
  date: string;
  /** Page path (Japanese). */
  path: string;
  /** The requests it moved, as `number drug: status` lines. */
  steps: string[];
}

/** The entry of a meeting: its number and date, and each request it moved. */
function meetingEntry(meeting: FeedMeeting, site: URL | string): string {
  return [
    '  <entry>',
    `    <id>tag:${TAG_AUTHORITY}:meetings/${escapeXml(meeting.id)}</id>`,
    `    <title>${escapeXml(`第${meeting.number}回検討会議 / Council meeting ${meeting.number} (${meeting.date})`)}</title>`,
    `    <updated>${toRfc3339(meeting.date)}</updated>`,
    `    <link rel="alternate" type="text/html" hreflang="ja" href="${escapeXml(absoluteUrl(meeting.path, site))}"/>`,
    `    <link rel="alternate" type="text/html" hreflang="en" href="${escapeXml(absoluteUrl(localizedPath(meeting.path, 'en'), site))}"/>`,
    `    <summary type="text">${escapeXml(meeting.steps.length > 0 ? meeting.steps.join('\n') : '—')}</summary>`,
    '  </entry>',
  ].join('\n');
}

/**
 * How many entries the feed carries: the most recently updated requests. A feed reader only needs what changed
 * lately; with every request (1.8 MB at 3,000) each poll would fetch the whole site. `/requests.json` has all.
 */
export const FEED_ENTRIES = 100;

/** Builds the feed: an entry per request for the {@link FEED_ENTRIES} newest updates; the feed's `updated` is the newest entry's. */
export function buildAtomFeed(summaries: readonly RequestSummary[], { site, title, subtitle, self = { path: exportPaths.feed, tag: 'feed' }, meetings = [] }: FeedOptions): string {
  const sorted = sortByUpdated(summaries).slice(0, FEED_ENTRIES);
  const newest = [...sorted.map((summary) => toRfc3339(summary.updated)), ...meetings.map((meeting) => toRfc3339(meeting.date))].sort().at(-1);
  const feedUpdated = newest ?? '1970-01-01T00:00:00Z';
  const requestEntries = sorted.map((summary) => {
    const ja = absoluteUrl(summary.path, site);
    const en = absoluteUrl(localizedPath(summary.path, 'en'), site);
    return [
      '  <entry>',
      `    <id>tag:${TAG_AUTHORITY}:requests/${escapeXml(summary.id)}</id>`,
      `    <title>${escapeXml(entryTitle(summary))}</title>`,
      `    <updated>${toRfc3339(summary.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" hreflang="ja" href="${escapeXml(ja)}"/>`,
      `    <link rel="alternate" type="text/html" hreflang="en" href="${escapeXml(en)}"/>`,
      `    <summary type="text">${escapeXml(entrySummary(summary))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  // Meetings and requests in one list, newest first (a meeting before the requests updated the same day).
  const entries = [
    ...meetings.map((meeting) => ({ updated: toRfc3339(meeting.date), rank: 0, xml: meetingEntry(meeting, site) })),
    ...sorted.map((summary, index) => ({ updated: toRfc3339(summary.updated), rank: 1, xml: requestEntries[index] ?? '' })),
  ]
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.rank - b.rank)
    .map((entry) => entry.xml);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>tag:${TAG_AUTHORITY}:${escapeXml(self.tag)}</id>`,
    `  <title>${escapeXml(title)}</title>`,
    `  <subtitle>${escapeXml(subtitle)}</subtitle>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(self.path, site))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="ja" href="${escapeXml(absoluteUrl('/', site))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="en" href="${escapeXml(absoluteUrl('/en/', site))}"/>`,
    '  <author><name>offlabel-jp</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
