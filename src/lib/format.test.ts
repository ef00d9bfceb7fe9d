import { describe, expect, it } from 'vitest';
import { formatDate, originalLang, pubmedSearchUrl } from './format.ts';

describe('formatDate', () => {
  it('writes full and partial dates the way each language reads them', () => {
    expect(formatDate('2013-11-07', 'ja')).toBe('2013年11月7日');
    expect(formatDate('2013-11-07', 'en')).toBe('7 November 2013');
    expect(formatDate('2010-08', 'ja')).toBe('2010年8月');
    expect(formatDate('2010-08', 'en')).toBe('August 2010');
    expect(formatDate('2009', 'en')).toBe('2009');
  });
});

describe('originalLang', () => {
  it('marks Japanese originals only on English pages', () => {
    expect(originalLang('en')).toBe('ja');
    expect(originalLang('ja')).toBeUndefined();
  });
});

describe('pubmedSearchUrl', () => {
  it('builds a PubMed search from a Latin-script citation, without the Japanese notes', () => {
    const url = pubmedSearchUrl('Lupo L, Panzara P, et al. Basiliximab versus steroids. Transplantation 2008;86: 925-931. （文献5）');
    expect(url).toBeDefined();
    const term = new URL(url ?? '').searchParams.get('term');
    expect(new URL(url ?? '').host).toBe('pubmed.ncbi.nlm.nih.gov');
    expect(term).toBe('Lupo L, Panzara P, et al. Basiliximab versus steroids. Transplantation 2008;86: 925-931.');
  });

  it('offers no PubMed link for a Japanese-only citation', () => {
    expect(pubmedSearchUrl('日本移植学会ガイドライン 肝臓移植におけるバシリキシマブ')).toBeUndefined();
  });
});
