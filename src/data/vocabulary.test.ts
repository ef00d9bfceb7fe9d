import { describe, expect, it } from 'vitest';
import {
  Classification,
  ClassificationSubtype,
  Country,
  NecessityAxis,
  SeriousnessCriterion,
  Stage,
  Status,
  UsefulnessCriterion,
  criteriaOf,
  vocabularyRegistry,
} from './vocabulary.ts';

describe('vocabularies', () => {
  for (const [name, vocabulary] of Object.entries(vocabularyRegistry)) {
    it(`${name} has unique codes and a label in both languages for every value`, () => {
      const codes = vocabulary.entries.map((entry) => entry.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(vocabulary.has(code)).toBe(true);
      for (const entry of vocabulary.entries) {
        expect(entry.ja.trim(), entry.code).not.toBe('');
        expect(entry.en.trim(), entry.code).not.toBe('');
      }
    });
  }

  it('looks up labels by code and rejects unknown codes with the list of valid ones', () => {
    expect(Country.label('AU', 'ja')).toBe('豪州');
    expect(Country.label('AU', 'en')).toBe('Australia');
    expect(() => Country.get('JP' as 'US')).toThrow(/expected one of US, UK, DE, FR, CA, AU/);
    expect(Country.has('CA')).toBe(true);
    expect(Country.has('JP')).toBe(false);
  });

  it('lists the six reference countries in the order of the form and knows 豪国 as Australia', () => {
    expect(Country.codes).toEqual(['US', 'UK', 'DE', 'FR', 'CA', 'AU']);
    expect(Country.get('AU').aliases).toContain('豪国');
  });

  it('orders statuses along the lifecycle, each in a known stage', () => {
    const orders = Status.entries.map((entry) => entry.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
    for (const entry of Status.entries) expect(Stage.has(entry.stage)).toBe(true);
  });

  it('marks exactly the end states as terminal', () => {
    const terminal = Status.entries.filter((entry) => entry.terminal).map((entry) => entry.code);
    expect(terminal.sort()).toEqual(['approved', 'not_high_need', 'out_of_scope', 'request_rescinded', 'withdrawn']);
    expect(Status.get('approved').negative).toBe(false);
    expect(Status.get('not_high_need').negative).toBe(true);
  });

  it('gives every classification sub-type an existing classification and a label that reads on its own', () => {
    for (const subtype of ClassificationSubtype.entries) {
      expect(Classification.has(subtype.classification)).toBe(true);
      expect(subtype.standalone.ja).not.toBe('上記以外のもの');
    }
  });

  it('keeps the official wording of the necessity criteria, ア to ウ on both axes', () => {
    expect(NecessityAxis.codes).toEqual(['seriousness', 'usefulness']);
    expect(SeriousnessCriterion.entries.map((entry) => entry.mark)).toEqual(['ア', 'イ', 'ウ']);
    expect(SeriousnessCriterion.get('A').ja).toBe('生命に重大な影響がある疾患（致死的な疾患）');
    expect(SeriousnessCriterion.get('A').variants).toContain('生命に重大な影響がある疾患（致命的な疾患）');
    expect(SeriousnessCriterion.get('B').ja).toBe('病気の進行が不可逆的で、日常生活に著しい影響を及ぼす疾患');
    expect(SeriousnessCriterion.get('C').ja).toBe('その他日常生活に著しい影響を及ぼす疾患');
    expect(UsefulnessCriterion.get('A').ja).toBe('既存の療法が国内にない');
    expect(UsefulnessCriterion.get('B').ja).toBe('欧米等の臨床試験において有効性・安全性等が既存の療法と比べて明らかに優れている');
    expect(UsefulnessCriterion.get('C').ja).toBe(
      '欧米等において標準的療法に位置づけられており、国内外の医療環境の違い等を踏まえても国内における有用性が期待できると考えられる',
    );
    expect(criteriaOf.usefulness).toBe(UsefulnessCriterion);
  });
});
