/**
 * The browse pages: for each kind (drug, requester, status, working group) an index of groups and a page per
 * group. Route files read only this module.
 */
import { allRequests } from './requests.ts';
import { drugSlug, groupByDrug, groupByRequester, groupByStatus, groupByTherapeuticArea, groupByWorkingGroup, type RequestGroup } from './browse.ts';
import { sortSummaries, type RequestSummary } from './request-summary.ts';
import type { Lang } from '../data/vocabulary.ts';
import type { UiKey } from '../i18n/index.ts';

/** The kinds of browse page, each at `/<kind>/`. */
export const browseKinds = ['drugs', 'areas', 'requesters', 'status', 'wg'] as const;

/** A kind of browse page. */
export type BrowseKind = (typeof browseKinds)[number];

/** Title and lead of each kind's index, and the glossary term or vocabulary behind it. */
export const browseText: Record<BrowseKind, { title: UiKey; lead: UiKey; glossaryVocabulary?: string }> = {
  drugs: { title: 'browse.drugs.title', lead: 'browse.drugs.lead' },
  areas: { title: 'browse.areas.title', lead: 'browse.areas.lead' },
  requesters: { title: 'browse.requesters.title', lead: 'browse.requesters.lead' },
  status: { title: 'browse.status.title', lead: 'browse.status.lead', glossaryVocabulary: 'Status' },
  wg: { title: 'browse.wg.title', lead: 'browse.wg.lead', glossaryVocabulary: 'WorkingGroup' },
};

const groupsCache = new Map<string, RequestGroup[]>();

/** The groups of a kind, each with its requests in request-number order (grouped once per kind and language). */
export function browseGroups(kind: BrowseKind, lang: Lang): RequestGroup[] {
  const cached = groupsCache.get(`${kind}/${lang}`);
  if (cached) return cached;
  const groups =
    kind === 'drugs'
      ? groupByDrug(allRequests, lang)
      : kind === 'areas'
        ? groupByTherapeuticArea(allRequests)
        : kind === 'requesters'
        ? groupByRequester(allRequests, lang)
        : kind === 'status'
          ? groupByStatus(allRequests)
          : groupByWorkingGroup(allRequests);
  const sorted = groups.map((group) => ({ ...group, requests: sortSummaries(group.requests, 'number', 'asc', lang) }));
  groupsCache.set(`${kind}/${lang}`, sorted);
  return sorted;
}

const drugGroupsBySlug = new Map<Lang, Map<string, RequestGroup>>();

/** The other requests about the same ingredient as `summary` (its drug page's group), in request-number order. */
export function otherRequestsOfDrug(summary: RequestSummary, lang: Lang): RequestSummary[] {
  let bySlug = drugGroupsBySlug.get(lang);
  if (!bySlug) {
    bySlug = new Map(browseGroups('drugs', lang).map((group) => [group.slug, group]));
    drugGroupsBySlug.set(lang, bySlug);
  }
  return (bySlug.get(drugSlug(summary))?.requests ?? []).filter((other) => other.id !== summary.id);
}

/**
 * Whether a group has a page of its own. A drug or a requester with a single request has none: that page
 * would only repeat the request, so the index links to the request itself. (At 3,000 requests, most drugs
 * have one; their pages doubled the site's page count and build time.) Statuses and working groups always
 * have a page, even an empty one, so that their list is complete.
 */
export function hasGroupPage(kind: BrowseKind, group: RequestGroup): boolean {
  return kind === 'status' || kind === 'wg' || kind === 'areas' || group.requests.length > 1;
}

/** The (Japanese) address a group links to: its own page, or the page of its only request. */
export function groupHref(kind: BrowseKind, group: RequestGroup): string {
  const only = group.requests[0];
  return hasGroupPage(kind, group) || !only ? browsePath(kind, group.slug) : only.path;
}

/** The (Japanese) address of a kind's index or of one group. */
export function browsePath(kind: BrowseKind, slug?: string): string {
  return slug ? `/${kind}/${slug}/` : `/${kind}/`;
}

/** Static paths of the kind indexes. */
export function browseIndexPaths(): { params: { kind: BrowseKind }; props: { kind: BrowseKind } }[] {
  return browseKinds.map((kind) => ({ params: { kind }, props: { kind } }));
}

/** Static paths of every group page of every kind (see {@link hasGroupPage}), in a language. */
export function browseGroupPaths(lang: Lang): { params: { kind: BrowseKind; slug: string }; props: { kind: BrowseKind; group: RequestGroup } }[] {
  return browseKinds.flatMap((kind) =>
    browseGroups(kind, lang)
      .filter((group) => hasGroupPage(kind, group))
      .map((group) => ({ params: { kind, slug: group.slug }, props: { kind, group } })),
  );
}
