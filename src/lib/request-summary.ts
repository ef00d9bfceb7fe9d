/**
 * The one projection of a request record that every list, card, header, search attribute and export
 * reads. Pure (no `astro:content`), so it is unit-tested directly.
 *
 * Nothing outside this module reaches into a record's data for list or search fields: the table, the detail
 * header and the search index therefore cannot disagree about a drug's name, a status or a label.
 */
import {
  Status,
  type ClassificationCode,
  type CountryCode,
  type Lang,
  type RecordKindCode,
  type RequesterTypeCode,
  type RoundCode,
  type SchemeCode,
  type StageCode,
  type StatusCode,
  type TherapeuticAreaCode,
  type WorkingGroupCode,
} from '../data/vocabulary.ts';
import type { RequestData, StatusEvent } from '../schemas/request.ts';
import type { RequesterIndex } from './requester-registry.ts';
import type { CompanyIndex } from './company-registry.ts';
import { therapeuticAreas, type DrugIndex } from './drug-registry.ts';

/** The minimum of a content entry the projection needs: its id and validated data. */
export interface RequestRecord {
  /** Entry id (the file name without `.mdx`). */
  id: string;
  /** Validated frontmatter. */
  data: RequestData;
}

/** A request as every view sees it. Plain and serialisable. */
export interface RequestSummary {
  /** Entry id, also the last segment of the page address. */
  id: string;
  /** Address of the Japanese page; use `localizedPath` for the English one. */
  path: string;
  /** Full form or summary record. */
  kind: RecordKindCode;
  /** 要望番号, when a source gives it. */
  requestNumber?: string;
  /** The call for requests. */
  round?: RoundCode;
  /** Standard or rapid scheme. */
  scheme?: SchemeCode;
  /** Lead working group. */
  leadWg?: WorkingGroupCode;
  /** Whether the paediatric WG reviews it too. */
  pediatricWg?: boolean;
  /** The drug's names. */
  drug: {
    /** Ingredient in Japanese. */
    ingredient: string;
    /** English nonproprietary name. */
    inn: string;
    /** Brand names. */
    brandNames: string[];
    /** Other names, for search. */
    otherNames: string[];
    /** The ingredient exactly as the form or list writes it. */
    asWritten: string;
    /** WHO ATC codes, from the drug registry. */
    atc: string[];
    /** English brand names, from the drug registry. */
    brandNamesEn: string[];
  };
  /** Therapeutic areas (ATC first levels) of the drug; empty when no ATC code is known. */
  areas: TherapeuticAreaCode[];
  /** Requested indication, verbatim. */
  indication?: string;
  /** The editors' English translation of the requested indication. */
  indicationEn?: string;
  /** Requested dosage, verbatim. */
  dosage?: string;
  /**
   * The requester as the source writes it (`name`), its type (from the source, else from the registry when
   * every requester named is of one type), and the registry entries the name resolves to.
   */
  requester: { type?: RequesterTypeCode; name?: string; entries: RequesterRef[] };
  /** Company named on the form or list. */
  company?: string;
  /** The companies of the company registry that `company` names, in order (empty when none resolves). */
  companies: CompanyRef[];
  /** Unapproved, off-label or rapid scheme. */
  classification?: ClassificationCode;
  /** Current status: the last event of the history; absent when unknown. */
  status?: StatusCode;
  /** Stage of the current status. */
  stage?: StageCode;
  /** Date of the last event, when known. */
  statusDate?: string;
  /** Number of dated or undated events in the history. */
  eventCount: number;
  /** Countries whose approval box is ticked. */
  approvedIn: CountryCode[];
  /** Countries whose standard-use box is ticked. */
  standardUseIn: CountryCode[];
  /** Whether the paediatric-request box is ticked (forms) — absent when unknown. */
  pediatricRequest?: boolean;
  /** Editorial summary in both languages. */
  summary?: { ja: string; en: string };
  /** Date the record was last edited. */
  updated: string;
}

/** A requester of the registry, as a request names it. */
export interface RequesterRef {
  /** Registry id (the requester's page under /requesters/). */
  id: string;
  /** Japanese name. */
  ja: string;
  /** English name. */
  en: string;
  /** Whether the English name is the organisation's own or the editors' translation. */
  enOrigin: 'own' | 'editors';
}

/** A company of the registry, as a request names it: the same shape as a requester's reference. */
export type CompanyRef = RequesterRef;

/** Resolves a company cell through the registry, when there is one. */
function resolveCompanies(cell: string | undefined, index: CompanyIndex | undefined): CompanyRef[] {
  return (index?.resolve(cell).entries ?? []).map(({ id, ja, en, enOrigin }) => ({ id, ja, en, enOrigin }));
}

/** The last event of a history, which gives the current status. */
export function currentEvent(history: readonly StatusEvent[]): StatusEvent | undefined {
  return history.at(-1);
}

/** Resolves a requester cell through the registry, when there is one. */
function resolveRequester(name: string | undefined, type: RequesterTypeCode | undefined, index: RequesterIndex | undefined): RequestSummary['requester'] {
  const found = index?.resolve(name).entries ?? [];
  const entries = found.map(({ id, ja, en, enOrigin }) => ({ id, ja, en, enOrigin }));
  const types = new Set(found.map((entry) => entry.type));
  const registryType = types.size === 1 ? found[0]?.type : undefined;
  const resolvedType = type ?? registryType;
  return { ...(resolvedType === undefined ? {} : { type: resolvedType }), ...(name === undefined ? {} : { name }), entries };
}

/**
 * Projects a record to its summary; `requesters` resolves requester names to the requester registry, `drugs`
 * adds the ingredient's ATC codes and English brands from the drug registry, `companies` resolves the company
 * cell to the company registry.
 */
export function toRequestSummary({ id, data }: RequestRecord, requesters?: RequesterIndex, drugs?: DrugIndex, companies?: CompanyIndex): RequestSummary {
  const event = currentEvent(data.statusHistory);
  const registered = drugs?.(data.drug.inn);
  const atc = [...(registered?.atc ?? [])];
  const common = {
    id,
    path: `/requests/${id}/`,
    kind: data.kind,
    requestNumber: data.requestNumber,
    round: data.round,
    scheme: data.scheme,
    leadWg: data.leadWg,
    pediatricWg: data.pediatricWg,
    status: event?.status,
    stage: event ? Status.get(event.status).stage : undefined,
    statusDate: event?.date,
    eventCount: data.statusHistory.length,
    indicationEn: data.indicationEn,
    summary: data.summary,
    updated: data.updated,
    areas: therapeuticAreas(atc),
  };
  const names = {
    ingredient: data.drug.ingredient,
    inn: data.drug.inn,
    brandNames: data.drug.brandNames,
    otherNames: data.drug.otherNames,
    atc,
    brandNamesEn: [...(registered?.brandNames ?? [])],
  };
  if (data.kind === 'form') {
    const { form } = data;
    return {
      ...common,
      drug: { ...names, asWritten: form.drug.genericName },
      indication: form.requestedIndication,
      dosage: form.requestedDosage,
      requester: resolveRequester(form.requester.name, form.requester.type, requesters),
      company: form.drug.company,
      companies: resolveCompanies(form.drug.company, companies),
      classification: form.classification,
      approvedIn: form.foreignApprovals.filter((row) => row.approved === true).map((row) => row.country),
      standardUseIn: form.foreignStandardUse.filter((row) => row.used === true).map((row) => row.country),
      pediatricRequest: form.pediatricRequest,
    };
  }
  const row = data.listRow;
  return {
    ...common,
    drug: { ...names, asWritten: row.genericName },
    indication: row.requestedIndication,
    dosage: row.requestedDosage,
    requester: resolveRequester(row.requesterName, row.requesterType, requesters),
    company: row.company,
    companies: resolveCompanies(row.company, companies),
    classification: row.classification,
    approvedIn: [],
    standardUseIn: [],
  };
}

/** The drug's display name in a language: the INN on English pages, the Japanese name on Japanese ones. */
export function drugName(summary: Pick<RequestSummary, 'drug'>, lang: Lang): string {
  return lang === 'en' ? summary.drug.inn : summary.drug.ingredient;
}

/**
 * The requested indication's first line for a page language, with the language it is written in: on English
 * pages the editors' translation when there is one, else the Japanese original.
 */
export function indicationLine(summary: Pick<RequestSummary, 'indication' | 'indicationEn'>, lang: Lang): { text: string; lang: Lang } | undefined {
  const english = lang === 'en' ? firstLine(summary.indicationEn) : undefined;
  if (english !== undefined) return { text: english, lang: 'en' };
  const japanese = firstLine(summary.indication);
  return japanese === undefined ? undefined : { text: japanese, lang: 'ja' };
}

/**
 * The requesters' names for a page language: the registry's names (English on English pages) when the names
 * resolve, else the name as the source writes it (Japanese).
 */
export function requesterLine(summary: Pick<RequestSummary, 'requester'>, lang: Lang): { text: string; lang: Lang } | undefined {
  const { entries, name } = summary.requester;
  if (entries.length > 0) return { text: entries.map((entry) => (lang === 'en' ? entry.en : entry.ja)).join(lang === 'en' ? '; ' : '、'), lang };
  return name === undefined ? undefined : { text: name, lang: 'ja' };
}

/** The first line of a multi-line field without its bullet, for tables and titles. */
export function firstLine(value: string | undefined): string | undefined {
  const line = value
    ?.split('\n')
    .map((part) => part.replace(/^[・•●\-\s]+/, '').trim())
    .find((part) => part.length > 0);
  return line || undefined;
}

/** Columns of the request list, in table order. */
export const listColumns = ['number', 'drug', 'indication', 'requester', 'classification', 'status'] as const;

/** A column of the request list. */
export type ListColumn = (typeof listColumns)[number];

/**
 * Columns the request list can be sorted by. Every order is published as static pages in both languages, so
 * each one costs a full copy of the list; sorting by the first words of an indication or a requester's name, or
 * by three classifications, did not earn that (the browse pages group by requester, and search filters by
 * classification).
 */
export const sortKeys = ['number', 'drug', 'status'] as const satisfies readonly ListColumn[];

/** A sortable column. */
export type SortKey = (typeof sortKeys)[number];

/** Whether a list column can be sorted by. */
export function isSortKey(column: ListColumn): column is SortKey {
  return (sortKeys as readonly ListColumn[]).includes(column);
}

/** Sort direction. */
export type SortDirection = 'asc' | 'desc';

const collator: Record<Lang, Intl.Collator> = {
  ja: new Intl.Collator('ja', { numeric: true, sensitivity: 'base' }),
  en: new Intl.Collator('en', { numeric: true, sensitivity: 'base' }),
};

/** A request number in comparable form: full-width Roman numerals (Ⅳ) become ASCII (IV). */
function numberKey(value: string): string {
  return value.normalize('NFKC').toUpperCase();
}

function sortValue(summary: RequestSummary, key: SortKey, lang: Lang): string | number | undefined {
  switch (key) {
    case 'number':
      return summary.requestNumber ? numberKey(summary.requestNumber) : undefined;
    case 'drug':
      return drugName(summary, lang);
    case 'status':
      return summary.status ? Status.get(summary.status).order : undefined;
  }
}

/**
 * Sorts summaries by a column. Unknown values always go last, in either direction, so that sorting never
 * hides the records with known values behind the unknown ones. Ties fall back to the drug name, then the id.
 */
export function sortSummaries(list: readonly RequestSummary[], key: SortKey, direction: SortDirection, lang: Lang): RequestSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compareValues = (a: string | number, b: string | number): number =>
    typeof a === 'number' && typeof b === 'number' ? a - b : collator[lang].compare(String(a), String(b));
  return [...list].sort((a, b) => {
    const va = sortValue(a, key, lang);
    const vb = sortValue(b, key, lang);
    if (va === undefined && vb !== undefined) return 1;
    if (vb === undefined && va !== undefined) return -1;
    if (va !== undefined && vb !== undefined) {
      const order = compareValues(va, vb);
      if (order !== 0) return sign * order;
    }
    return collator[lang].compare(drugName(a, lang), drugName(b, lang)) || a.id.localeCompare(b.id);
  });
}

/** Counts per value of a facet, for the home page and filters. */
export function countBy<T extends string>(list: readonly RequestSummary[], pick: (summary: RequestSummary) => T | undefined): Map<T, number> {
  const counts = new Map<T, number>();
  for (const summary of list) {
    const value = pick(summary);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Every order the request list is published in: each sortable column in both directions. */
export const listOrders: { key: SortKey; direction: SortDirection }[] = sortKeys.flatMap((key) =>
  (['asc', 'desc'] as const).map((direction) => ({ key, direction })),
);

/** The default order of the request list. */
export const defaultListOrder = { key: 'number', direction: 'asc' } as const satisfies { key: SortKey; direction: SortDirection };

/** Rows per page of the request list; longer lists continue on numbered pages. */
export const LIST_PAGE_SIZE = 100;

/**
 * The (Japanese) address of a page of the request list in an order. Each order and page is a static page, so
 * sorting and paging work without JavaScript; page 1 of the default order is the list's own address.
 */
export function listPath(key: SortKey, direction: SortDirection, page = 1): string {
  const isDefault = key === defaultListOrder.key && direction === defaultListOrder.direction;
  if (isDefault && page === 1) return '/requests/';
  return `/requests/sort/${key}-${direction}/${page > 1 ? `${page}/` : ''}`;
}

/** The number of pages a list of `count` rows takes (at least one, so an empty list still has a page). */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));
}

/** One page of the request list: its order and page number. */
export interface ListPage {
  /** Column sorted by. */
  key: SortKey;
  /** Direction. */
  direction: SortDirection;
  /** Page number, from 1. */
  page: number;
}

/**
 * Static paths of the list pages under `/requests/sort/`: every order and page, except page 1 of the default
 * order, which is `/requests/` itself.
 */
export function sortedListPaths(total: number): { params: { rest: string }; props: ListPage }[] {
  const pages = pageCount(total);
  return listOrders.flatMap((order) =>
    Array.from({ length: pages }, (_, index) => ({ ...order, page: index + 1 }))
      .filter((page) => listPath(page.key, page.direction, page.page) !== '/requests/')
      .map((page) => ({ params: { rest: listPath(page.key, page.direction, page.page).slice('/requests/sort/'.length, -1) }, props: page })),
  );
}
