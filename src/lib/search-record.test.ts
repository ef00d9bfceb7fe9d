import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { requestSearchRecord } from './search-record.ts';
import { toRequestSummary } from './request-summary.ts';
import { fixtureSummary, realFormAlone } from '../../tests/support/records.ts';

describe('requestSearchRecord', () => {
  const summary = toRequestSummary(realFormAlone());
  const record = requestSearchRecord(summary);
  const $ = cheerio.load(record.html);

  it('stands for the Japanese page of the request', () => {
    expect(record.url).toBe('/requests/basiliximab-liver-transplant/');
    expect($('html').attr('lang')).toBe('ja');
  });

  it('holds every name of the drug, weighted above the prose, and what tells the request apart', () => {
    const body = $('[data-pagefind-body]');
    expect(body.find('h1').text()).toBe('バシリキシマブ');
    const names = body.find('[data-pagefind-weight="8"]').text();
    expect(names).toContain('basiliximab');
    expect(names).toContain('シムレクト');
    const text = body.text();
    expect(text).toContain('肝臓移植後の拒絶反応');
    expect(text).toContain('日本移植学会');
  });

  it('leaves out the wording every request page shares', () => {
    const text = $('[data-pagefind-body]').clone().find('[data-pagefind-ignore]').remove().end().text();
    expect(text).not.toContain('医療上の必要性');
    expect(text).not.toContain('公知申請');
  });

  it('carries the filters and the metadata of both languages', () => {
    const filters = $('[data-pagefind-filter]').map((_, element) => $(element).attr('data-pagefind-filter')).get();
    expect(filters).toContain('type:request');
    expect(filters).toContain('kind:form');
    expect(filters).toContain('requesterType:academicSociety');
    const meta: Record<string, string> = {};
    $('[data-pagefind-meta]').each((_, element) => {
      meta[$(element).attr('data-pagefind-meta') ?? ''] = $(element).text();
    });
    expect(meta).toMatchObject({ key: 'request/basiliximab-liver-transplant', title: 'バシリキシマブ', title_en: 'basiliximab', url_en: '/en/requests/basiliximab-liver-transplant/' });
  });

  it('files what is not known under unknown rather than leaving a facet out', () => {
    const filters = $('[data-pagefind-filter]').map((_, element) => $(element).attr('data-pagefind-filter')).get();
    expect(filters).toEqual(expect.arrayContaining(['round:unknown', 'wg:unknown', 'stage:unknown']));
    const known = cheerio.load(requestSearchRecord(toRequestSummary(fixtureSummary())).html);
    expect(known('[data-pagefind-filter]').map((_, element) => known(element).attr('data-pagefind-filter')).get()).toEqual(
      expect.arrayContaining(['round:IV', 'wg:pediatrics', 'pediatric:yes']),
    );
  });
});
