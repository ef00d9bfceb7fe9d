/**
 * What the search index holds for a request: one record per request, built from its summary (the same
 * projection the list, the cards and the header read), not parsed back out of the rendered page.
 *
 * A request page repeats a lot that every request page has (section titles, the necessity criteria in their
 * official wording, country names, labels); indexing it made the index as slow to build as the site itself
 * and matched every request for words like 公知申請. The record holds only what tells one request from
 * another and what readers search by: every name of the drug, the indication (and its English translation),
 * the dosage, the requester (and its registry names in both languages), the company, the request number and
 * the editorial summary. Filters and result metadata come from the
 * summary too, in both languages, because one record serves readers of both (results link to the page in the
 * reader's language through `url_en`).
 *
 * The record is a small HTML document, given to Pagefind as if it were the page at `summary.path`, so that
 * Pagefind's weights (names count more than prose) work as they do for pages.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { UNKNOWN } from './browse.ts';
import { drugName, firstLine, type RequestSummary } from './request-summary.ts';
import { localizedPath } from '../i18n/index.ts';

/** A request as the search index sees it. */
export interface SearchRecord {
  /** The page the record stands for (the Japanese page; `url_en` in its metadata is the English one). */
  url: string;
  /** The record as an HTML document for Pagefind. */
  html: string;
}

/** Pagefind filters of a request, one `[key, value]` per value: every facet, `unknown` where not known. */
export function requestFilters(summary: RequestSummary): [string, string][] {
  return [
    ['type', 'request'],
    ['lang', 'both'],
    ['kind', summary.kind],
    ['classification', summary.classification ?? UNKNOWN],
    ['requesterType', summary.requester.type ?? UNKNOWN],
    ['round', summary.round ?? UNKNOWN],
    ['wg', summary.leadWg ?? UNKNOWN],
    ['stage', summary.stage ?? UNKNOWN],
    ['pediatric', summary.pediatricWg === true || summary.pediatricRequest === true ? 'yes' : summary.pediatricWg === false ? 'no' : UNKNOWN],
    ...summary.approvedIn.map((country): [string, string] => ['approvedIn', country]),
  ];
}

/** The metadata a search result is drawn from without fetching the page, in both languages. */
export function requestMeta(summary: RequestSummary): [string, string][] {
  return [
    ['key', `request/${summary.id}`],
    ['lang', 'ja'],
    ['type', 'request'],
    ['title', drugName(summary, 'ja')],
    ['title_en', drugName(summary, 'en')],
    ['url_en', localizedPath(summary.path, 'en')],
    ['indication', firstLine(summary.indication) ?? ''],
    ['indication_en', firstLine(summary.indicationEn) ?? ''],
    ['requester', summary.requester.entries.length > 0 ? summary.requester.entries.map((entry) => entry.ja).join('、') : (summary.requester.name ?? '')],
    ['requester_en', summary.requester.entries.map((entry) => entry.en).join('; ')],
    ['status', summary.status ?? UNKNOWN],
    ['kind', summary.kind],
    ['number', summary.requestNumber ?? ''],
  ];
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });
/** A paragraph of text, or nothing when there is no text. */
const paragraph = (value: string | undefined, properties: Element['properties'] = {}): Element[] =>
  value && value.trim() !== '' ? [element('p', properties, [text(value)])] : [];

/** The search record of a request. */
export function requestSearchRecord(summary: RequestSummary): SearchRecord {
  const title = drugName(summary, 'ja');
  const names = [
    ...new Set([summary.drug.ingredient, summary.drug.inn, summary.drug.asWritten, ...summary.drug.brandNames, ...summary.drug.brandNamesEn, ...summary.drug.otherNames]),
  ].filter((name) => name !== '' && name !== title);
  const attributes = element('div', { hidden: true, dataPagefindIgnore: '' }, [
    ...requestFilters(summary).map(([key, value]) => element('span', { dataPagefindFilter: `${key}:${value}` })),
    ...requestMeta(summary).map(([key, value]) => element('span', { dataPagefindMeta: key }, [text(value)])),
  ]);
  const body = element('article', { dataPagefindBody: '' }, [
    attributes,
    element('h1', {}, [text(title)]),
    ...paragraph(names.join(' · '), { dataPagefindWeight: '8' }),
    ...paragraph(summary.requestNumber),
    ...paragraph(summary.indication),
    ...paragraph(summary.indicationEn, { lang: 'en', dataPagefindWeight: '2' }),
    ...paragraph(summary.dosage),
    ...paragraph(summary.requester.name),
    ...paragraph(summary.requester.entries.map((entry) => entry.en).join(' · '), { lang: 'en' }),
    ...paragraph(summary.company),
    ...paragraph(summary.companies.map((entry) => entry.en).join(' · '), { lang: 'en' }),
    ...paragraph(summary.summary?.ja),
    ...paragraph(summary.summary?.en, { lang: 'en' }),
  ]);
  const tree: Root = {
    type: 'root',
    children: [element('html', { lang: 'ja' }, [element('head', {}, [element('title', {}, [text(title)])]), element('body', {}, [body])])],
  };
  return { url: summary.path, html: `<!doctype html>${toHtml(tree)}` };
}
