/**
 * The browse pages' groupings: requests by drug ingredient, requester, status and working group, each
 * group with a stable address. Pure (it works on summaries), so it is unit-tested directly.
 */
import { Status, TherapeuticArea, WorkingGroup, type Lang } from '../data/vocabulary.ts';
import { drugName, type RequestSummary } from './request-summary.ts';

/** The value used in addresses and filters when a field is unknown. */
export const UNKNOWN = 'unknown';

/** Turns a name into an address segment: lower-case ASCII words joined by hyphens, or the name itself (NFKC) when it has no Latin letters. */
export function slugify(name: string): string {
  const normalised = name.normalize('NFKC').trim();
  const ascii = normalised
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[\x20-\x7e]+$/.test(normalised) && ascii ? ascii : normalised.replace(/[\s/\\?#%]+/g, '-');
}

/** The address segment of a request's drug: its INN (English name). */
export function drugSlug(summary: Pick<RequestSummary, 'drug'>): string {
  return slugify(summary.drug.inn);
}

/** A group of requests on a browse page. */
export interface RequestGroup {
  /** Address segment. */
  slug: string;
  /** Heading in Japanese. */
  ja: string;
  /** Heading in English. */
  en: string;
  /** The requests, in list order. */
  requests: RequestSummary[];
}

/** A group's address segment and headings. */
interface GroupKey {
  slug: string;
  ja: string;
  en: string;
}

/** Groups summaries by one key each, or by several (a request filed by two societies is in both groups). */
function groupBy(list: readonly RequestSummary[], keyOf: (summary: RequestSummary) => GroupKey | readonly GroupKey[]): RequestGroup[] {
  const groups = new Map<string, RequestGroup>();
  for (const summary of list) {
    const keys = keyOf(summary);
    for (const key of Array.isArray(keys) ? (keys as readonly GroupKey[]) : [keys as GroupKey]) {
      const group = groups.get(key.slug) ?? { ...key, requests: [] };
      group.requests.push(summary);
      groups.set(key.slug, group);
    }
  }
  return [...groups.values()];
}

/** Requests grouped by drug ingredient (one page per ingredient), ordered by name in the language. */
export function groupByDrug(list: readonly RequestSummary[], lang: Lang): RequestGroup[] {
  const collator = new Intl.Collator(lang);
  return groupBy(list, (summary) => ({ slug: drugSlug(summary), ja: summary.drug.ingredient, en: drugName(summary, 'en') })).sort((a, b) =>
    collator.compare(a[lang], b[lang]),
  );
}

/**
 * Requests grouped by requester: one group per registry entry (a request filed by two societies is in both),
 * named in both languages by the registry; a name the registry lacks is its own group; requests whose
 * requester is unknown share one group.
 */
export function groupByRequester(list: readonly RequestSummary[], lang: Lang): RequestGroup[] {
  const collator = new Intl.Collator(lang);
  return groupBy(list, (summary): GroupKey | GroupKey[] => {
    if (summary.requester.entries.length > 0) return summary.requester.entries.map((entry) => ({ slug: entry.id, ja: entry.ja, en: entry.en }));
    return summary.requester.name
      ? { slug: slugify(summary.requester.name), ja: summary.requester.name, en: summary.requester.name }
      : { slug: UNKNOWN, ja: '要望者不明', en: 'Requester unknown' };
  }).sort((a, b) => (a.slug === UNKNOWN ? 1 : b.slug === UNKNOWN ? -1 : collator.compare(a[lang], b[lang])));
}

/** One group per status of the vocabulary (empty ones included) plus one for an unknown status. */
export function groupByStatus(list: readonly RequestSummary[]): RequestGroup[] {
  const groups: RequestGroup[] = Status.entries.map((status) => ({
    slug: status.code,
    ja: status.ja,
    en: status.en,
    requests: list.filter((summary) => summary.status === status.code),
  }));
  groups.push({ slug: UNKNOWN, ja: '検討状況不明', en: 'Status unknown', requests: list.filter((summary) => !summary.status) });
  return groups;
}

/**
 * One group per working group of the vocabulary plus one for an unknown lead WG. The paediatrics group also
 * holds requests the paediatrics WG reviews beside another lead WG (the 小児WG flag of the MHLW lists).
 */
export function groupByWorkingGroup(list: readonly RequestSummary[]): RequestGroup[] {
  const groups: RequestGroup[] = WorkingGroup.entries.map((wg) => ({
    slug: wg.code,
    ja: wg.ja,
    en: wg.en,
    requests: list.filter((summary) => summary.leadWg === wg.code || (wg.code === 'pediatrics' && summary.pediatricWg === true && summary.leadWg !== 'pediatrics')),
  }));
  groups.push({ slug: UNKNOWN, ja: '担当WG不明', en: 'Working group unknown', requests: list.filter((summary) => !summary.leadWg) });
  return groups;
}

/**
 * One group per therapeutic area (the first level of the WHO ATC code of the drug, from the drug registry)
 * plus one for requests whose drug has no confirmed ATC code. A drug with codes in two areas is in both.
 */
export function groupByTherapeuticArea(list: readonly RequestSummary[]): RequestGroup[] {
  const groups: RequestGroup[] = TherapeuticArea.entries.map((area) => ({
    slug: area.code.toLowerCase(),
    ja: `${area.code} ${area.ja}`,
    en: `${area.code} ${area.en}`,
    requests: list.filter((summary) => summary.areas.includes(area.code)),
  }));
  groups.push({ slug: UNKNOWN, ja: '薬効分類不明（ATCコード未確認）', en: 'Therapeutic area unknown (no confirmed ATC code)', requests: list.filter((summary) => summary.areas.length === 0) });
  return groups;
}
