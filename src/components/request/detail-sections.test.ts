/**
 * Component tests: each section of the request page rendered on its own through Astro's Container API,
 * with the real request, in both languages.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import NecessityCriteria from './NecessityCriteria.astro';
import CountryMatrix from './CountryMatrix.astro';
import ForeignStatus from './ForeignStatus.astro';
import ReferenceList from './ReferenceList.astro';
import RequestedVsApproved from './RequestedVsApproved.astro';
import RequestOverview from './RequestOverview.astro';
import StatusHistory from './StatusHistory.astro';
import StatusBadge from './StatusBadge.astro';
import LiteratureSection from './LiteratureSection.astro';
import CitationItem from './CitationItem.astro';
import FieldValue from '../ui/FieldValue.astro';
import { toRequestSummary } from '../../lib/request-summary.ts';
import { fixtureSummary, realFormAlone } from '../../../tests/support/records.ts';

vi.mock('astro:content', async () => (await import('../../../tests/support/mocked-content.ts')).mockedContent());

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(component: AstroComponentFactory, props: Record<string, unknown>): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await container.renderToString(component, { props }));
}

const { data } = realFormAlone();
const form = data.form;
const text = ($: cheerio.CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

describe('NecessityCriteria', () => {
  it('shows both axes with all six items in their official wording and what the requester ticked', async () => {
    const $ = await render(NecessityCriteria, { lang: 'ja', form });
    expect($('[data-axis]')).toHaveLength(2);
    expect($('[data-criterion]')).toHaveLength(6);
    expect(text($, '[data-axis="seriousness"] [data-criterion="B"]')).toContain('病気の進行が不可逆的で、日常生活に著しい影響を及ぼす疾患');
    expect($('[data-axis="seriousness"] [data-criterion="B"] [data-tick]').attr('data-tick')).toBe('ticked');
    expect($('[data-axis="seriousness"] [data-criterion="A"] [data-tick]').attr('data-tick')).toBe('unticked');
    expect($('[data-axis="usefulness"] [data-criterion="A"] [data-tick]').attr('data-tick')).toBe('ticked');
    expect($('[data-axis="usefulness"] [data-criterion="C"] [data-tick]').attr('data-tick')).toBe('unreadable');
    expect(text($, '[data-axis="usefulness"]')).toContain('既存の療法が国内にないと考えた');
  });

  it('adds the English rendering on English pages and keeps the Japanese marked as Japanese', async () => {
    const $ = await render(NecessityCriteria, { lang: 'en', form });
    expect(text($, '[data-axis="usefulness"] [data-criterion="A"]')).toContain('No existing therapy is available in Japan');
    expect($('[data-axis="usefulness"] [data-criterion="A"] [lang="ja"]').first().text()).toBe('ア');
    expect($('p.verbatim[lang="ja"]').length).toBeGreaterThanOrEqual(2);
  });
});

describe('six-country tables', () => {
  it('lists the six countries in form order with approval and standard use in words', async () => {
    const $ = await render(CountryMatrix, { lang: 'en', form });
    expect($('tbody tr').map((_, row) => $(row).attr('data-country')).get()).toEqual(['US', 'UK', 'DE', 'FR', 'CA', 'AU']);
    expect(text($, 'tr[data-country="CA"] td:nth-of-type(2)')).toBe('✓ Ticked');
    expect(text($, 'tr[data-country="US"] td:nth-of-type(1)')).toBe('— Not ticked');
  });

  it('groups countries that only say 承認なし and details the Canadian guideline', async () => {
    const $ = await render(ForeignStatus, { lang: 'ja', form });
    expect($('[data-grouped-countries="US UK DE FR CA AU"]').text()).toContain('承認なし');
    expect($('[data-grouped-countries="US UK DE FR AU"]').text()).toContain('不明');
    const canada = text($, '[data-country-detail="CA"]');
    expect(canada).toContain('Clinical Guidelines For Transplant Medications');
    expect(canada).toContain('20mgを移植手術中と移植後4日目の2回投与する（肝臓、肺、心肺）');
    expect($('[data-country-detail="CA"] [data-citation]')).toHaveLength(2);
  });
});

describe('ReferenceList', () => {
  it('shows all 14 references with the form’s own numbers, quirks included', async () => {
    const $ = await render(ReferenceList, { lang: 'ja', form });
    expect($('[data-ref]').map((_, item) => $(item).attr('data-ref')).get()).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(text($, '#ref-3')).toContain('Neuhus P');
    expect($('#ref-12 a[href="http://www.bts.org.uk/transplantation/immunosuppression/"]')).toHaveLength(1);
  });

  it('links each Latin-script reference to a PubMed search, and not the Japanese-only one', async () => {
    const $ = await render(ReferenceList, { lang: 'en', form });
    expect($('#ref-4 a[href^="https://pubmed.ncbi.nlm.nih.gov/?term="]')).toHaveLength(1);
    expect($('#ref-14 a[href^="https://pubmed.ncbi.nlm.nih.gov/"]')).toHaveLength(0);
  });
});

describe('CitationItem', () => {
  it('marks a study the form flags as ICH-GCP compliant', async () => {
    const $ = await render(CitationItem, { lang: 'en', citation: { citation: 'Example A. A trial. J 2020;1:1-2.' }, ichGcp: true });
    expect(text($, '[data-ich-gcp]')).toBe('ICH-GCP compliant');
    const plain = await render(CitationItem, { lang: 'en', citation: { citation: 'Example A. A trial. J 2020;1:1-2.' } });
    expect(plain('[data-ich-gcp]')).toHaveLength(0);
  });
});

describe('RequestedVsApproved', () => {
  it('puts the requested indication and dosage beside the domestic approval, duplicated bullet kept', async () => {
    const $ = await render(RequestedVsApproved, { lang: 'ja', data });
    expect($('[data-compare="indication"] .card')).toHaveLength(2);
    expect(text($, '[data-compare="indication"] .card:nth-of-type(2)')).toContain('腎移植後の急性拒絶反応の抑制');
    const dosage = $('[data-compare="dosage"] .card').first().find('p').text();
    expect(dosage.split('本薬剤に対する重篤な過敏反応や移植片が生着しなかったときには二回目の投与は行わない')).toHaveLength(3);
  });
});

describe('LiteratureSection', () => {
  it('keeps the search expression verbatim and lists studies abroad and in Japan', async () => {
    const $ = await render(LiteratureSection, { lang: 'ja', form });
    expect($('code').text()).toBe('(Basiliximab) AND (“liver transplantation)');
    expect($('[data-region="overseas"] li')).toHaveLength(3);
    expect($('[data-region="japan"] > ol > li')).toHaveLength(4);
    expect(text($, '[data-region="overseas"] li:first-child')).toContain('（本文中の番号：文献4）');
  });
});

describe('RequestOverview', () => {
  it('shows unknown metadata as unknown and the form’s own fields as written', async () => {
    const summary = toRequestSummary(realFormAlone());
    const $ = await render(RequestOverview, { lang: 'en', summary, data });
    const fields = Object.fromEntries(
      $('dt')
        .map((_, dt) => [[text($, dt as never), $(dt).next('dd').text().replace(/\s+/g, ' ').trim()]])
        .get() as [string, string][],
    );
    expect(fields['Request number']).toMatch(/^Unknown/);
    expect(fields.Round).toMatch(/^Unknown/);
    expect(fields['Lead working group']).toMatch(/^Unknown/);
    expect(fields.Priority).toBe('1 of the requester’s 5 requests');
    expect(fields.Requester).toBe('日本移植学会 (Academic society)');
    expect(fields.Classification).toContain('Off-label drug');
    expect($('[data-status="unknown"]')).toHaveLength(1);
    expect($('a[data-glossary-link="off-label-drug"]').attr('href')).toBe('/en/glossary/#off-label-drug');
    expect($('a[data-glossary-link="academic-society"]').text()).toBe('Academic society');
  });
});

describe('StatusHistory and StatusBadge', () => {
  it('says plainly that the outcome is unknown when no event is recorded', async () => {
    const $ = await render(StatusHistory, { lang: 'en', history: [] });
    expect(text($, '[data-history-empty]')).toContain('Its current status is unknown.');
  });

  it('lists events oldest first with their date or "date unknown" and a source', async () => {
    const $ = await render(StatusHistory, { lang: 'ja', history: fixtureSummary().data.statusHistory });
    expect($('[data-event]').map((_, event) => $(event).attr('data-event')).get()).toEqual(['received', 'wg_review.company_view']);
    expect(text($, '[data-event="received"] time')).toBe('2024年5月1日');
    expect(text($, '[data-event="wg_review.company_view"]')).toContain('日付不明');
  });

  it('labels statuses from the vocabulary in each language', async () => {
    expect(text(await render(StatusBadge, { lang: 'ja', status: 'approved' }), 'span')).toBe('承認済み');
    expect(text(await render(StatusBadge, { lang: 'en', status: undefined }), 'span')).toBe('Unknown');
  });
});

describe('FieldValue', () => {
  it('distinguishes a blank field of the form from an unknown fact', async () => {
    expect(text(await render(FieldValue, { lang: 'ja', value: undefined }), '[data-missing]')).toContain('記載なし');
    expect(text(await render(FieldValue, { lang: 'en', value: '', missing: 'unknown' }), '[data-missing]')).toContain('Unknown');
  });

  it('shows form text as text, never as markup', async () => {
    const $ = await render(FieldValue, { lang: 'en', value: '<script>alert(1)</script> p<0.05 {体重}' });
    expect($('script')).toHaveLength(0);
    expect($('span').first().text()).toBe('<script>alert(1)</script> p<0.05 {体重}');
    expect($('span').first().attr('lang')).toBe('ja');
  });
});
