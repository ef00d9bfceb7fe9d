/**
 * The meetings query module: the only place that reads the `meetings` collection. A meeting page lists every
 * status event that names the meeting (read through `parseMeetingRef`), so adding a meeting's decisions to
 * the records is all it takes for them to appear on its page; meetings that events name but that have no
 * entry yet get a page too, built from the events' own sources.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { allRequestEntries, allRequests } from './requests.ts';
import { meetingId, parseMeetingRef } from './meeting-ref.ts';
import type { RequestSummary } from './request-summary.ts';
import type { Source } from '../schemas/common.ts';
import type { StatusEvent } from '../schemas/request.ts';

/** A meeting entry of the content collection. */
export type MeetingEntry = CollectionEntry<'meetings'>;

/** What a meeting did to one request: the request and the event that names the meeting. */
export interface MeetingStep {
  /** The request. */
  summary: RequestSummary;
  /** The step it took at the meeting. */
  event: StatusEvent;
}

/** A council meeting as the pages show it: its entry, when there is one, and the steps that name it. */
export interface Meeting {
  /** Page id (`council-67`). */
  id: string;
  /** The meeting's number. */
  number: number;
  /** The entry of `content/meetings/`, when the meeting has one (date, place, agenda, MHLW page). */
  entry?: MeetingEntry;
  /** The day it met, when a source gives it. */
  date?: string;
  /** Every request step that names the meeting, in request-number order. */
  steps: MeetingStep[];
  /** The sources of the page: the entry's, else the sources of the events that name the meeting. */
  sources: Source[];
}

const entries: MeetingEntry[] = await getCollection('meetings');
const summaryById = new Map(allRequests.map((summary) => [summary.id, summary]));

function buildMeetings(): Meeting[] {
  const byNumber = new Map<number, Meeting>();
  const meetingOf = (number: number): Meeting => {
    let meeting = byNumber.get(number);
    if (!meeting) {
      meeting = { id: meetingId({ body: 'council', number }), number, steps: [], sources: [] };
      byNumber.set(number, meeting);
    }
    return meeting;
  };
  for (const entry of entries) {
    const meeting = meetingOf(entry.data.number);
    meeting.entry = entry;
    if (entry.data.date !== undefined) meeting.date = entry.data.date;
    meeting.sources = [...entry.data.sources];
  }
  for (const request of allRequestEntries) {
    const summary = summaryById.get(request.id);
    if (!summary) continue;
    for (const event of request.data.statusHistory) {
      const ref = parseMeetingRef(event.meeting);
      if (!ref) continue;
      const meeting = meetingOf(ref.number);
      meeting.steps.push({ summary, event });
      if (!meeting.entry && !meeting.sources.some((source) => source.url === event.source.url)) meeting.sources.push(event.source);
    }
  }
  const collator = new Intl.Collator('ja', { numeric: true });
  for (const meeting of byNumber.values()) {
    meeting.steps.sort((a, b) => collator.compare(a.summary.requestNumber ?? `~${a.summary.id}`, b.summary.requestNumber ?? `~${b.summary.id}`));
  }
  return [...byNumber.values()].sort((a, b) => b.number - a.number);
}

/** Every council meeting with an entry or named by an event, newest (highest number) first. */
export const allMeetings: Meeting[] = buildMeetings();

const byId = new Map(allMeetings.map((meeting) => [meeting.id, meeting]));

/** A meeting by page id. */
export function getMeeting(id: string): Meeting | undefined {
  return byId.get(id);
}

/** The (Japanese) address of a meeting's page. */
export function meetingPath(id: string): string {
  return `/meetings/${id}/`;
}

/** The (Japanese) address of the page of the meeting an event names, when the event names a council meeting. */
export function meetingPathOf(event: Pick<StatusEvent, 'meeting'>): string | undefined {
  const ref = parseMeetingRef(event.meeting);
  return ref ? meetingPath(meetingId(ref)) : undefined;
}

/** Static paths of the meeting pages. */
export function meetingPaths(): { params: { id: string }; props: { meeting: Meeting } }[] {
  return allMeetings.map((meeting) => ({ params: { id: meeting.id }, props: { meeting } }));
}

/** Meetings grouped by the year they met, newest first; meetings without a known date form the last group. */
export function meetingsByYear(): { year?: string; meetings: Meeting[] }[] {
  const groups = new Map<string, Meeting[]>();
  for (const meeting of allMeetings) {
    const year = meeting.date?.slice(0, 4) ?? '';
    groups.set(year, [...(groups.get(year) ?? []), meeting]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : b.localeCompare(a)))
    .map(([year, meetings]) => (year === '' ? { meetings } : { year, meetings }));
}

/** The latest meeting with a known date that changed at least one request, for the home page. */
export function latestMeeting(): Meeting | undefined {
  return allMeetings.filter((meeting) => meeting.date !== undefined && meeting.steps.length > 0).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
}
