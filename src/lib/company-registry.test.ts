import { describe, expect, it } from 'vitest';
import { createCompanyIndex, splitCompanyNames, type CompanyEntry } from './company-registry.ts';

const shionogi: CompanyEntry = { id: 'shionogi', ja: '塩野義製薬株式会社', en: 'Shionogi & Co., Ltd.', enOrigin: 'own', aliases: ['塩野義製薬 (シオノギファーマ)'] };
const chugai: CompanyEntry = { id: 'chugai-pharmaceutical', ja: '中外製薬株式会社', en: 'Chugai Pharmaceutical Co., Ltd.', enOrigin: 'own', aliases: [] };
const bms: CompanyEntry = { id: 'bristol-myers-squibb', ja: 'ブリストル・マイヤーズ スクイブ株式会社', en: 'Bristol-Myers Squibb K.K.', enOrigin: 'own', aliases: ['ブリストル・マイヤーズ株式会社'] };
const santen: CompanyEntry = { id: 'santen', ja: '参天製薬株式会社', en: 'Santen Pharmaceutical Co., Ltd.', enOrigin: 'own', aliases: [] };
const index = createCompanyIndex([shionogi, chugai, bms, santen]);

describe('splitCompanyNames', () => {
  it('splits numbered items, 、 and spaces between numbered items, and keeps Co., Ltd. whole', () => {
    expect(splitCompanyNames('①塩野義製薬株式会社、②中外製薬株式会社')).toEqual(['塩野義製薬株式会社', '中外製薬株式会社']);
    expect(splitCompanyNames('①富士製薬工業株式会社 ②あすか製薬株式会社')).toEqual(['富士製薬工業株式会社', 'あすか製薬株式会社']);
    expect(splitCompanyNames('1. 株式会社ヤクルト本社\n2. アルフレッサ ファーマ株式会社')).toEqual(['株式会社ヤクルト本社', 'アルフレッサ ファーマ株式会社']);
    expect(splitCompanyNames('Chugai Pharmaceutical Co., Ltd., Santen')).toEqual(['Chugai Pharmaceutical Co., Ltd.', 'Santen']);
  });
});

describe('createCompanyIndex', () => {
  it('finds a company whatever legal form, middle dot or role note the list prints', () => {
    expect(index.find('塩野義製薬')).toBe(shionogi);
    expect(index.find('中外製薬')).toBe(chugai);
    expect(index.find('ブリストルマイヤーズ')).toBe(bms);
    expect(index.find('参天製薬株式会社(発売)')).toBe(santen);
    expect(index.find('塩野義製薬 (シオノギファーマ)')).toBe(shionogi);
  });

  it('resolves a cell naming several companies and reports the names it does not know', () => {
    expect(index.resolve('参天製薬株式会社(発売)、ファイザー株式会社(製造販売)')).toEqual({ entries: [santen], unmatched: ['ファイザー株式会社(製造販売)'] });
  });
});
