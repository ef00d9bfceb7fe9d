/**
 * The query module: the only place that reads the `requests` collection. Pages and components import
 * from here and never call `getCollection` themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildRequests } from './build-requests.ts';
import { devEntryFor } from './dev-problems.ts';
import { sortSummaries, toRequestSummary, type RequestSummary, type SortDirection, type SortKey } from './request-summary.ts';
import type { Lang } from '../data/vocabulary.ts';
import { requesterIndex } from './requesters.ts';
import { drugIndex } from './drugs.ts';
import { companyIndex } from './companies.ts';

/** A request entry of the content collection. */
export type RequestEntry = CollectionEntry<'requests'>;

/**
 * Every request entry: in a build, the ones the content guard validated (src/lib/build-requests.ts), so that the
 * pages do not read a second copy back from Astro's data store; elsewhere (the dev server) the collection.
 */
async function loadRequestEntries(): Promise<RequestEntry[]> {
  const handed = buildRequests();
  if (!handed) return getCollection('requests');
  return handed.map((entry) => ({ id: entry.id, collection: 'requests', data: entry.data as RequestEntry['data'], body: entry.body }));
}

/** Every request entry, in a stable order (by id). */
export const allRequestEntries: RequestEntry[] = (await loadRequestEntries()).sort((a, b) => a.id.localeCompare(b.id));

const entriesWithSummaries = allRequestEntries.map((entry) => ({ entry, summary: toRequestSummary(entry, requesterIndex, drugIndex, companyIndex) }));

/** Every request as its summary, in the same order as {@link allRequestEntries}. */
export const allRequests: RequestSummary[] = entriesWithSummaries.map(({ summary }) => summary);

/** Static paths for the detail pages: one per request, with the entry and its summary as props. */
export function requestPaths(): { params: { id: string }; props: { entry: RequestEntry; summary: RequestSummary } }[] {
  return entriesWithSummaries.map((props) => ({ params: { id: props.entry.id }, props }));
}

/**
 * The version of a request its page shows: the one given, or in the dev server the version the content loader
 * validated after the latest edit of its file (src/lib/dev-problems.ts), so that an edit shows at once rather
 * than after Astro's data store has written it and reloaded the collection. Builds always get the one given.
 */
export function currentRequest(entry: RequestEntry, summary: RequestSummary): { entry: RequestEntry; summary: RequestSummary } {
  if (!import.meta.env.DEV) return { entry, summary };
  const fresh = devEntryFor(entry.id) as RequestEntry | undefined;
  if (!fresh) return { entry, summary };
  return { entry: fresh, summary: toRequestSummary(fresh, requesterIndex, drugIndex, companyIndex) };
}

/** Every request entry with its summary, in the same order as {@link allRequestEntries} (read by the exports). */
export const allRequestsWithSummaries: readonly { entry: RequestEntry; summary: RequestSummary }[] = entriesWithSummaries;

const sortedLists = new Map<string, readonly RequestSummary[]>();

/**
 * Every request in one list order, sorted once per order and language and then shared by all the pages of
 * that order (sorting 3,000 summaries again for each of their 30 pages was most of the list's build time).
 */
export function sortedRequests(key: SortKey, direction: SortDirection, lang: Lang): readonly RequestSummary[] {
  const cacheKey = `${key}/${direction}/${lang}`;
  let sorted = sortedLists.get(cacheKey);
  if (!sorted) {
    sorted = sortSummaries(allRequests, key, direction, lang);
    sortedLists.set(cacheKey, sorted);
  }
  return sorted;
}
