/**
 * The search page's state and rules, kept pure so they are unit-tested: which facets exist (built from the
 * vocabularies), how the state is written in the address (shareable, and the back button restores it), how it
 * becomes a Pagefind filter, and how results in two languages collapse to one per page.
 */
import {
  Classification,
  Country,
  RecordKind,
  RequesterType,
  Round,
  Stage,
  WorkingGroup,
  type Lang,
} from '../data/vocabulary.ts';
import { UNKNOWN } from './browse.ts';

/** One value of a facet. */
export interface FacetOption {
  /** The filter value, as written in the index and the address. */
  value: string;
  /** Label in Japanese. */
  ja: string;
  /** Label in English. */
  en: string;
}

/** A facet of the search page. */
export interface FacetDefinition {
  /** The Pagefind filter key, also the address parameter. */
  key: string;
  /** Legend in Japanese. */
  ja: string;
  /** Legend in English. */
  en: string;
  /** The values, in display order. */
  options: FacetOption[];
}

const unknown: FacetOption = { value: UNKNOWN, ja: '不明', en: 'Unknown' };
const fromVocabulary = (entries: readonly { code: string; ja: string; en: string }[]): FacetOption[] =>
  entries.map((entry) => ({ value: entry.code, ja: entry.ja, en: entry.en }));

/** Every facet, in display order. Request facets match request pages only. */
export const facets: FacetDefinition[] = [
  {
    key: 'type',
    ja: '種類',
    en: 'Type',
    options: [
      { value: 'request', ja: '要望', en: 'Requests' },
      { value: 'primer', ja: '入門', en: 'Primer' },
      { value: 'glossary', ja: '用語集', en: 'Glossary' },
    ],
  },
  { key: 'stage', ja: '検討の段階', en: 'Stage', options: [...fromVocabulary(Stage.entries), unknown] },
  { key: 'classification', ja: '分類', en: 'Classification', options: [...fromVocabulary(Classification.entries), unknown] },
  { key: 'requesterType', ja: '要望者の種類', en: 'Requester', options: [...fromVocabulary(RequesterType.entries), unknown] },
  { key: 'round', ja: '募集回', en: 'Round', options: [...fromVocabulary(Round.entries), unknown] },
  { key: 'wg', ja: '担当WG', en: 'Working group', options: [...fromVocabulary(WorkingGroup.entries), unknown] },
  {
    key: 'pediatric',
    ja: '小児',
    en: 'Paediatric',
    options: [{ value: 'yes', ja: '小児WG・小児の要望', en: 'Paediatric WG or request' }, { value: 'no', ja: '該当しない', en: 'No' }, unknown],
  },
  { key: 'kind', ja: '記録の種類', en: 'Record', options: fromVocabulary(RecordKind.entries) },
  { key: 'approvedIn', ja: '承認されている国', en: 'Approved in', options: fromVocabulary(Country.entries) },
];

const facetKeys = new Set(facets.map((facet) => facet.key));

const wordSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const SINGLE_KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]$/u;

/**
 * Splits a query into words the way the index was split, and joins them with spaces. The index is built as
 * Japanese (one index for both languages), but Pagefind splits a query by the page's `<html lang>`: on an
 * English page it would not split 日本リウマチ学会 into 日本 / リウマチ / 学会 and would match loosely. Splitting
 * here makes every page send the same query. A quoted phrase keeps its quotes.
 *
 * Words of a single kana are dropped unless they are the whole query: particles such as の, and the last
 * syllable the segmenter splits off a katakana name (アナキンラ → アナ / キン / ラ). Pagefind's Japanese indexing
 * loses such one-character words at the end of a run, so requiring one found nothing, while the rest of the
 * name still identifies the drug. Quoted phrases are kept as typed.
 */
export function segmentQuery(query: string): string {
  const trimmed = query.trim();
  const quoted = /^"(.+)"$/s.exec(trimmed);
  const words = [...wordSegmenter.segment(quoted?.[1] ?? trimmed)].filter((part) => part.isWordLike).map((part) => part.segment);
  const kept = quoted || words.length < 2 ? words : words.filter((word) => !SINGLE_KANA.test(word));
  const joined = kept.join(' ');
  return quoted ? `"${joined}"` : joined;
}

/** What the reader asked for: a query and the chosen values per facet. */
export interface SearchState {
  /** The text typed, trimmed. */
  query: string;
  /** Chosen values per facet key; a key is absent when nothing is chosen. */
  filters: Record<string, string[]>;
}

/** Reads the state from an address query string (`?q=…&stage=wg&stage=decision`); unknown keys are ignored. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!facetKeys.has(key) || !value) continue;
    const values = filters[key] ?? [];
    if (!values.includes(value)) values.push(value);
    filters[key] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** Writes the state as a query string, in facet order so that equal states give equal addresses. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const facet of facets) {
    const chosen = state.filters[facet.key] ?? [];
    for (const option of facet.options) if (chosen.includes(option.value)) params.append(facet.key, option.value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether the reader has asked for anything. */
export function isEmptyState(state: SearchState): boolean {
  return !state.query && Object.values(state.filters).every((values) => values.length === 0);
}

/** The Pagefind filter object: any of the chosen values within a facet, all facets together. */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(state.filters)) if (values.length > 0) filters[key] = { any: values };
  return filters;
}

/**
 * The filters of the main search: the reader's facets, plus pages for every reader (requests, `lang:both`)
 * or in the reader's language (primer and glossary). It never returns two versions of one page.
 */
export function primaryFilters(state: SearchState, lang: Lang): Record<string, { any?: string[]; none?: string[] }> {
  return { ...toPagefindFilters(state), lang: { any: ['both', lang] } };
}

/**
 * The filters of the second search: primer and glossary pages in the other language whose version in the
 * reader's language did not match (`matchedPages`, read from the main search's `page` filter counts). This is
 * how a Japanese reader typing English still finds an English chapter, without duplicates.
 */
export function crossLanguageFilters(state: SearchState, lang: Lang, matchedPages: readonly string[]): Record<string, { any?: string[]; none?: string[] }> {
  const filters: Record<string, { any?: string[]; none?: string[] }> = { ...toPagefindFilters(state), lang: { any: [lang === 'ja' ? 'en' : 'ja'] } };
  if (matchedPages.length > 0) filters.page = { none: [...matchedPages] };
  return filters;
}

/** The page keys a search matched, from its filter counts (`page` is set on primer and glossary pages). */
export function matchedPageKeys(filterCounts: Record<string, Record<string, number>> | undefined): string[] {
  return Object.entries(filterCounts?.page ?? {})
    .filter(([, count]) => count > 0)
    .map(([key]) => key);
}

/** Adds up filter counts of several searches, for the facet counts shown. */
export function sumFilterCounts(...counts: (Record<string, Record<string, number>> | undefined)[]): Record<string, Record<string, number>> {
  const total: Record<string, Record<string, number>> = {};
  for (const count of counts) {
    for (const [key, values] of Object.entries(count ?? {})) {
      const target = (total[key] ??= {});
      for (const [value, n] of Object.entries(values)) target[value] = (target[value] ?? 0) + n;
    }
  }
  return total;
}

/** A status a search query can name: its labels in both languages, and the page listing its requests. */
export interface StatusLink {
  /** Japanese label. */
  ja: string;
  /** English label. */
  en: string;
  /** Address of the list of requests at that status, in the page's language. */
  href: string;
  /** The link's text, in the page's language. */
  label: string;
}

/** Text in comparable form for matching a query against status labels. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s・、（）()]/gu, '');
}

/**
 * The statuses a query names (the query is part of a status label, or a label is part of the query), so a
 * reader who searches 公知申請 is offered the requests at those statuses, not only the glossary's explanation.
 */
export function statusesNamedBy(query: string, links: StatusLink[]): StatusLink[] {
  const folded = fold(query);
  if (folded.length < 3) return [];
  return links.filter((link) => [link.ja, link.en].some((label) => {
    const name = fold(label);
    return name.includes(folded) || (name.length >= 3 && folded.includes(name));
  }));
}
