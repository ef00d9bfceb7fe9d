import { readFileSync } from 'node:fs';
import { realFormAlone } from '../../tests/support/records.ts';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from './content-validation.ts';
import { requestSchema } from '../schemas/request.ts';
import {
  LIST_PAGE_SIZE,
  countBy,
  drugName,
  firstLine,
  listOrders,
  listPath,
  pageCount,
  sortSummaries,
  sortedListPaths,
  toRequestSummary,
  type RequestRecord,
  type RequestSummary,
} from './request-summary.ts';

function record(file: string, id: string): RequestRecord {
  const split = splitFrontmatter(file, readFileSync(file, 'utf8'));
  if ('message' in split) throw new Error(split.message);
  return { id, data: requestSchema.parse(split.data) };
}

const real = record('content/requests/basiliximab-liver-transplant.mdx', 'basiliximab-liver-transplant');
const formAlone = realFormAlone();
const fixture = record('tests/fixtures/content/valid-summary/requests/fixture-summary.mdx', 'fixture-summary');

describe('toRequestSummary', () => {
  it('projects a full form to what lists and search need', () => {
    const summary = toRequestSummary(real);
    expect(summary).toMatchObject({
      id: 'basiliximab-liver-transplant',
      path: '/requests/basiliximab-liver-transplant/',
      kind: 'form',
      drug: { ingredient: 'バシリキシマブ', inn: 'basiliximab', brandNames: ['シムレクト'], asWritten: 'バシリキシマブ (抗 CD25 抗体製剤 : 遺伝子組換え) 静注用' },
      requester: { type: 'academicSociety', name: '日本移植学会', entries: [] },
      company: 'ノバルティスファーマ株式会社',
      classification: 'offLabel',
      approvedIn: [],
      standardUseIn: ['CA'],
      pediatricRequest: false,
      requestNumber: 'III-(1)-49',
      round: 'III',
    });
    expect(summary.indication?.split('\n')).toHaveLength(4);
  });

  it('leaves unknown metadata unknown instead of guessing', () => {
    const summary = toRequestSummary(formAlone);
    expect(summary.requestNumber).toBeUndefined();
    expect(summary.round).toBeUndefined();
    expect(summary.status).toBeUndefined();
    expect(summary.stage).toBeUndefined();
  });

  it('takes the current status from the last event of the history', () => {
    const summary = toRequestSummary(fixture);
    expect(summary).toMatchObject({ kind: 'summary', status: 'wg_review.company_view', stage: 'wg', eventCount: 2, statusDate: undefined });
    expect(summary.requester).toEqual({ type: 'academicSociety', name: 'フィクスチャ学会', entries: [] });
  });
});

describe('names and lines', () => {
  it('shows the INN on English pages and the Japanese name on Japanese pages', () => {
    const summary = toRequestSummary(real);
    expect(drugName(summary, 'en')).toBe('basiliximab');
    expect(drugName(summary, 'ja')).toBe('バシリキシマブ');
  });

  it('takes the first non-empty line of a field without its bullet', () => {
    expect(firstLine('・ 下記のような場合\n・ 肝機能低下例')).toBe('下記のような場合');
    expect(firstLine('\n\n')).toBeUndefined();
    expect(firstLine(undefined)).toBeUndefined();
  });
});

describe('sorting the list', () => {
  const base = toRequestSummary(fixture);
  const make = (id: string, patch: Partial<RequestSummary>): RequestSummary => ({ ...base, id, ...patch });
  const list = [
    make('no-number', { requestNumber: undefined, status: undefined, drug: { ...base.drug, ingredient: 'アナキンラ', inn: 'anakinra' } }),
    make('iv-194', { requestNumber: 'Ⅳ-194', status: 'wg_review.requester_query', drug: { ...base.drug, ingredient: 'ヒドロキソコバラミン', inn: 'hydroxocobalamin' } }),
    make('iii-1-56', { requestNumber: 'III-(1)-56', status: 'approved', drug: { ...base.drug, ingredient: '合成ヒトセクレチン', inn: 'secretin' } }),
    make('ivs-33', { requestNumber: 'IVS-33', status: undefined, drug: { ...base.drug, ingredient: 'ダルベポエチン アルファ', inn: 'darbepoetin alfa' } }),
  ];
  const ids = (sorted: RequestSummary[]) => sorted.map((summary) => summary.id);

  it('sorts request numbers with full-width numerals as their ASCII reading, unknown numbers last', () => {
    expect(ids(sortSummaries(list, 'number', 'asc', 'ja'))).toEqual(['iii-1-56', 'iv-194', 'ivs-33', 'no-number']);
    expect(ids(sortSummaries(list, 'number', 'desc', 'ja'))).toEqual(['ivs-33', 'iv-194', 'iii-1-56', 'no-number']);
  });

  it('sorts by status along the lifecycle and keeps unknown statuses last in both directions', () => {
    expect(ids(sortSummaries(list, 'status', 'asc', 'en'))).toEqual(['iv-194', 'iii-1-56', 'no-number', 'ivs-33']);
    expect(ids(sortSummaries(list, 'status', 'desc', 'en'))).toEqual(['iii-1-56', 'iv-194', 'no-number', 'ivs-33']);
  });

  it('sorts drug names by the name shown in each language', () => {
    expect(ids(sortSummaries(list, 'drug', 'asc', 'en'))).toEqual(['no-number', 'ivs-33', 'iv-194', 'iii-1-56']);
    expect(ids(sortSummaries(list, 'drug', 'asc', 'ja'))[0]).toBe('no-number');
  });

  it('publishes every order and page at a stable address, the first default page at /requests/', () => {
    expect(listOrders).toHaveLength(6);
    expect(listPath('number', 'asc')).toBe('/requests/');
    expect(listPath('number', 'asc', 2)).toBe('/requests/sort/number-asc/2/');
    expect(listPath('status', 'desc')).toBe('/requests/sort/status-desc/');
    expect(listPath('status', 'desc', 3)).toBe('/requests/sort/status-desc/3/');
    expect(sortedListPaths(15).map((path) => path.params.rest)).not.toContain('number-asc');
    expect(sortedListPaths(15)).toHaveLength(5);
    const long = sortedListPaths(LIST_PAGE_SIZE * 2 + 1);
    expect(long).toHaveLength(6 * 3 - 1);
    expect(long.map((path) => path.params.rest)).toContain('number-asc/3');
    expect(long.find((path) => path.params.rest === 'drug-desc/2')?.props).toEqual({ key: 'drug', direction: 'desc', page: 2 });
  });

  it('counts pages, with one page for an empty list', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(LIST_PAGE_SIZE)).toBe(1);
    expect(pageCount(LIST_PAGE_SIZE + 1)).toBe(2);
  });

  it('counts facet values', () => {
    expect(countBy(list, (summary) => summary.status)).toEqual(new Map([['wg_review.requester_query', 1], ['approved', 1]]));
  });
});
