import { describe, expect, it } from 'vitest';
import { drugSlug, groupByDrug, groupByRequester, groupByStatus, groupByWorkingGroup, slugify, UNKNOWN } from './browse.ts';
import { toRequestSummary, type RequestSummary } from './request-summary.ts';
import { Status, WorkingGroup } from '../data/vocabulary.ts';
import { fixtureSummary, realFormAlone } from '../../tests/support/records.ts';

const real = toRequestSummary(realFormAlone());
const fixture = toRequestSummary(fixtureSummary());
const make = (id: string, patch: Partial<RequestSummary>): RequestSummary => ({ ...fixture, id, ...patch });

describe('addresses', () => {
  it('uses the INN for a drug page', () => {
    expect(drugSlug(real)).toBe('basiliximab');
    expect(drugSlug({ drug: { ...real.drug, inn: 'secretin (synthetic human)' } })).toBe('secretin-synthetic-human');
    expect(slugify('Darbepoetin Alfa')).toBe('darbepoetin-alfa');
    expect(slugify('日本リウマチ学会 / 研究班')).toBe('日本リウマチ学会-研究班');
  });
});

describe('groups', () => {
  const list = [
    real,
    make('a', { drug: { ...real.drug, asWritten: 'x' }, requester: { name: '日本移植学会', entries: [] }, status: 'approved', leadWg: 'biologics', pediatricWg: false }),
    make('b', { requester: { entries: [] }, status: undefined, leadWg: undefined, pediatricWg: true }),
  ];

  it('puts every request about one ingredient on one page', () => {
    const groups = groupByDrug(list, 'en');
    const basiliximab = groups.find((group) => group.slug === 'basiliximab');
    expect(basiliximab?.requests.map((summary) => summary.id)).toEqual(['basiliximab-liver-transplant', 'a']);
    expect(basiliximab?.en).toBe('basiliximab');
    expect(basiliximab?.ja).toBe('バシリキシマブ');
  });

  it('groups requesters, with the unknown ones last', () => {
    const groups = groupByRequester(list, 'ja');
    expect(groups.map((group) => group.slug)).toEqual(['日本移植学会', UNKNOWN]);
    expect(groups[0]?.requests).toHaveLength(2);
  });

  it('has a page for every status and working group, and one for unknown', () => {
    const statuses = groupByStatus(list);
    expect(statuses.map((group) => group.slug)).toEqual([...Status.codes, UNKNOWN]);
    expect(statuses.find((group) => group.slug === 'approved')?.requests.map((summary) => summary.id)).toEqual(['a']);
    expect(statuses.at(-1)?.requests.map((summary) => summary.id)).toEqual(['basiliximab-liver-transplant', 'b']);
    const wgs = groupByWorkingGroup(list);
    expect(wgs.map((group) => group.slug)).toEqual([...WorkingGroup.codes, UNKNOWN]);
    expect(wgs.find((group) => group.slug === 'pediatrics')?.requests.map((summary) => summary.id)).toEqual(['b']);
  });
});
