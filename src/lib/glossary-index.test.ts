import { describe, expect, it } from 'vitest';
import { groupAnchor, groupTerms, kanaRow, latinLetter, toHiragana } from './glossary-index.ts';

describe('kana rows', () => {
  it('files a reading under the row of its first kana, voiced or not, katakana or hiragana', () => {
    expect(kanaRow('こうちしんせい')).toBe('か');
    expect(kanaRow('がっかい')).toBe('か');
    expect(kanaRow('じーしーぴー')).toBe('さ');
    expect(kanaRow('ドラッグ・ラグ')).toBe('た');
    expect(kanaRow('ぱ')).toBe('は');
    expect(kanaRow('ん')).toBe('わ');
    expect(kanaRow('GCP')).toBe('他');
    expect(toHiragana('バシリキシマブ')).toBe('ばしりきしまぶ');
  });

  it('files an English term under its first letter, accents ignored', () => {
    expect(latinLetter('kōchi shinsei')).toBe('K');
    expect(latinLetter('Évaluation')).toBe('E');
    expect(latinLetter('1980 notice')).toBe('#');
  });
});

describe('groupTerms', () => {
  const terms = [
    { id: 'kochi-application', reading: 'こうちしんせい', en: 'Public-knowledge-based application' },
    { id: 'gcp', reading: 'じーしーぴー', en: 'Good Clinical Practice' },
    { id: 'academic-society', reading: 'がっかい', en: 'Academic society' },
    { id: 'notice-1980', reading: 'ごじゅうごねんつうち', en: '1980 insurance notice' },
  ];

  it('orders Japanese pages by reading under あ–わ rows', () => {
    expect(groupTerms(terms, 'ja').map((group) => [group.key, group.terms.map((term) => term.id)])).toEqual([
      ['か', ['academic-society', 'kochi-application', 'notice-1980']],
      ['さ', ['gcp']],
    ]);
  });

  it('orders English pages A–Z, with terms starting with a digit last', () => {
    expect(groupTerms(terms, 'en').map((group) => group.key)).toEqual(['A', 'G', 'P', '#']);
  });

  it('gives each group an ASCII anchor', () => {
    expect(groupAnchor('か')).toMatch(/^group-[0-9a-z]+$/);
    expect(groupAnchor('A')).toBe('group-a');
  });
});
