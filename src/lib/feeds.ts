/**
 * The feeds a reader can follow: the site's own, with a "what's new" entry per dated council meeting, and one per
 * working group, therapeutic area and drug (each group that has a page of its own). Route files read only this
 * module.
 */
import { Status } from '../data/vocabulary.ts';
import { buildAtomFeed, type FeedMeeting } from './atom-feed.ts';
import { browseGroups, hasGroupPage, type BrowseKind } from './browse-pages.ts';
import type { RequestGroup } from './browse.ts';
import { allMeetings, meetingPath } from './meetings.ts';
import { allRequests } from './requests.ts';

/** The kinds of group that have feeds of their own. */
export const feedKinds = ['wg', 'areas', 'drugs'] as const satisfies readonly BrowseKind[];

/** A kind of group with feeds. */
export type FeedKind = (typeof feedKinds)[number];

/** The (Japanese-and-English) address of a group's feed. */
export function groupFeedPath(kind: FeedKind, slug: string): string {
  return `/feeds/${kind}/${slug}.xml`;
}

/** Whether a browse kind has feeds per group. */
export function isFeedKind(kind: BrowseKind): kind is FeedKind {
  return (feedKinds as readonly string[]).includes(kind);
}

/** The dated meetings as feed entries, each with the steps its requests took. */
export function feedMeetings(): FeedMeeting[] {
  return allMeetings
    .filter((meeting) => meeting.date !== undefined && meeting.date.length === 10)
    .map((meeting) => ({
      id: meeting.id,
      number: meeting.number,
      date: meeting.date ?? '',
      path: meetingPath(meeting.id),
      steps: meeting.steps.map(({ summary, event }) => `${summary.requestNumber ?? ''} ${summary.drug.ingredient} (${summary.drug.inn}): ${Status.label(event.status, 'ja')} / ${Status.label(event.status, 'en')}`.trim()),
    }));
}

/** The site's feed. */
export function siteFeed(site: URL, title: string, subtitle: string): string {
  return buildAtomFeed(allRequests, { site, title, subtitle, meetings: feedMeetings() });
}

/** Static paths of the group feeds: one per group with a page of its own. */
export function groupFeedPaths(): { params: { kind: FeedKind; slug: string }; props: { kind: FeedKind; group: RequestGroup } }[] {
  return feedKinds.flatMap((kind) =>
    browseGroups(kind, 'ja')
      .filter((group) => hasGroupPage(kind, group))
      .map((group) => ({ params: { kind, slug: group.slug }, props: { kind, group } })),
  );
}

/** A group's feed. */
export function groupFeed(kind: FeedKind, group: RequestGroup, site: URL): string {
  return buildAtomFeed(group.requests, {
    site,
    title: `offlabel-jp — ${group.ja} / ${group.en}`,
    subtitle: `${group.ja} / ${group.en}`,
    self: { path: groupFeedPath(kind, group.slug), tag: `feeds/${kind}/${group.slug}` },
  });
}
