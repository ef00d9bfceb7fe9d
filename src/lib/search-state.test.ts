import { describe, expect, it } from 'vitest';
import {
  crossLanguageFilters,
  facets,
  isEmptyState,
  matchedPageKeys,
  parseState,
  primaryFilters,
  segmentQuery,
  serializeState,
  statusesNamedBy,
  sumFilterCounts,
  toPagefindFilters,
} from './search-state.ts';
import { Country, Stage } from '../data/vocabulary.ts';

describe('search state in the address', () => {
  it('reads the query and facets, ignoring unknown parameters and repeats', () => {
    expect(parseState('?q=%E3%83%90%E3%82%B7%E3%83%AA+&stage=wg&stage=decision&stage=wg&utm_source=x&round=')).toEqual({
      query: 'バシリ',
      filters: { stage: ['wg', 'decision'] },
    });
  });

  it('writes equal states as equal addresses, in facet order', () => {
    const a = serializeState({ query: 'basiliximab', filters: { round: ['IV'], stage: ['wg', 'intake'] } });
    const b = serializeState({ query: 'basiliximab', filters: { stage: ['intake', 'wg'], round: ['IV'] } });
    expect(a).toBe(b);
    expect(a).toBe('?q=basiliximab&stage=intake&stage=wg&round=IV');
    expect(parseState(a)).toEqual({ query: 'basiliximab', filters: { stage: ['intake', 'wg'], round: ['IV'] } });
    expect(serializeState({ query: '', filters: {} })).toBe('');
  });

  it('knows when nothing is asked', () => {
    expect(isEmptyState(parseState(''))).toBe(true);
    expect(isEmptyState(parseState('?approvedIn=US'))).toBe(false);
  });
});

describe('facets', () => {
  it('come from the vocabularies, with "unknown" where a value may be missing', () => {
    const byKey = Object.fromEntries(facets.map((facet) => [facet.key, facet.options.map((option) => option.value)]));
    expect(byKey.stage).toEqual([...Stage.codes, 'unknown']);
    expect(byKey.approvedIn).toEqual([...Country.codes]);
    expect(Object.keys(byKey)).toEqual(['type', 'stage', 'classification', 'requesterType', 'round', 'wg', 'pediatric', 'kind', 'approvedIn']);
    for (const facet of facets) for (const option of facet.options) expect(option.ja && option.en).toBeTruthy();
  });
});

describe('Pagefind filters', () => {
  const state = { query: 'x', filters: { stage: ['wg', 'decision'], round: ['IV'] } };

  it('combine any value within a facet and every facet together', () => {
    expect(toPagefindFilters(state)).toEqual({ stage: { any: ['wg', 'decision'] }, round: { any: ['IV'] } });
  });

  it('ask the main search for pages for every reader or in the reader’s language', () => {
    expect(primaryFilters(state, 'en').lang).toEqual({ any: ['both', 'en'] });
  });

  it('ask the second search for other-language pages whose own-language version did not match', () => {
    const counts = { page: { glossary: 1, 'primer/request-system': 0, 'primer/regulation': 2 } };
    expect(matchedPageKeys(counts)).toEqual(['glossary', 'primer/regulation']);
    expect(crossLanguageFilters(state, 'ja', matchedPageKeys(counts))).toEqual({
      stage: { any: ['wg', 'decision'] },
      round: { any: ['IV'] },
      lang: { any: ['en'] },
      page: { none: ['glossary', 'primer/regulation'] },
    });
    expect(crossLanguageFilters(state, 'en', []).page).toBeUndefined();
  });

  it('add up the counts of both searches for the facets', () => {
    expect(sumFilterCounts({ type: { request: 2, primer: 1 } }, { type: { primer: 3 }, lang: { en: 3 } }, undefined)).toEqual({
      type: { request: 2, primer: 4 },
      lang: { en: 3 },
    });
  });
});

describe('segmentQuery', () => {
  it('splits Japanese into the words the index holds, whatever the page language', () => {
    expect(segmentQuery('日本リウマチ学会')).toBe('日本 リウマチ 学会');
    expect(segmentQuery(' 肝臓移植 拒絶反応 ')).toBe('肝臓 移植 拒絶 反応');
  });

  it('keeps Latin words and quoted phrases whole, and drops punctuation', () => {
    expect(segmentQuery('basiliximab')).toBe('basiliximab');
    expect(segmentQuery('public-knowledge application')).toBe('public knowledge application');
    expect(segmentQuery('"肝臓移植後の拒絶反応"')).toBe('"肝臓 移植 後 の 拒絶 反応"');
  });

  it('drops a lone kana split off a name, which the index does not keep, but not a lone kanji', () => {
    expect(segmentQuery('アナキンラ')).toBe('アナ キン');
    expect(segmentQuery('胃癌')).toBe('胃癌');
    expect(segmentQuery('ラ')).toBe('ラ');
  });
});

describe('statusesNamedBy', () => {
  const links = [
    { ja: '公知申請が妥当', en: 'Public-knowledge application judged appropriate', href: '/status/kochi_eligible/', label: 'a' },
    { ja: '公知申請済み', en: 'Public-knowledge application filed', href: '/status/kochi_filed/', label: 'b' },
    { ja: '事前評価終了（保険適用）', en: 'Prior assessment done; insurance coverage begins', href: '/status/prior_assessment_done/', label: 'c' },
    { ja: '承認済み', en: 'Approved', href: '/status/approved/', label: 'd' },
  ];

  it('offers every status whose label holds the query, in either language', () => {
    expect(statusesNamedBy('公知申請', links).map((link) => link.href)).toEqual(['/status/kochi_eligible/', '/status/kochi_filed/']);
    expect(statusesNamedBy('事前評価終了', links).map((link) => link.href)).toEqual(['/status/prior_assessment_done/']);
    expect(statusesNamedBy('public-knowledge', links)).toHaveLength(2);
  });

  it('offers nothing for a drug name or a query too short to mean a status', () => {
    expect(statusesNamedBy('リツキシマブ', links)).toEqual([]);
    expect(statusesNamedBy('承認', links)).toEqual([]);
  });
});
