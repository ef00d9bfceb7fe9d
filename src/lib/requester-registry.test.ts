import { describe, expect, it } from 'vitest';
import { createRequesterIndex, normaliseRequesterName, splitRequesterNames, type RequesterEntry } from './requester-registry.ts';

const registry: RequesterEntry[] = [
  { id: 'japan-pediatric-society', ja: '日本小児科学会', en: 'Japan Pediatric Society', enOrigin: 'own', type: 'academicSociety', aliases: [] },
  { id: 'jspho', ja: '日本小児血液・がん学会', en: 'Japanese Society of Pediatric Hematology/Oncology', enOrigin: 'own', type: 'academicSociety', aliases: ['日本小児血液学会'] },
];

describe('the requester registry', () => {
  it('splits a cell at list separators but never inside a name with ・', () => {
    expect(splitRequesterNames('日本小児科学会、日本小児血液・がん学会\n日本感染症学会')).toEqual(['日本小児科学会', '日本小児血液・がん学会', '日本感染症学会']);
    expect(splitRequesterNames('日本感染症教育研究会及び社団法人日本感染症学会')).toEqual(['日本感染症教育研究会', '社団法人日本感染症学会']);
    expect(splitRequesterNames('日本小児血液学会/日本小児がん学会')).toEqual(['日本小児血液学会', '日本小児がん学会']);
    expect(splitRequesterNames('1)難治性血管炎に関する調査研究班 2)社団法人 日本感染症学会')).toEqual(['難治性血管炎に関する調査研究班', '社団法人 日本感染症学会']);
    expect(splitRequesterNames('研究事業「実態調査、発症機序の解明」班')).toEqual(['研究事業「実態調査、発症機序の解明」班']);
    expect(splitRequesterNames('日本皮膚科学会など')).toEqual(['日本皮膚科学会']);
  });

  it('matches names with legal-form words, full-width spaces and former names', () => {
    expect(normaliseRequesterName('公益社団法人　日本小児科学会')).toBe('日本小児科学会');
    const index = createRequesterIndex(registry);
    expect(index.find('一般社団法人日本小児血液・がん学会')?.id).toBe('jspho');
    expect(index.find('日本小児血液学会')?.id).toBe('jspho');
    expect(index.find('Japan Pediatric Society')?.id).toBe('japan-pediatric-society');
    expect(index.find('日本小児血液学会(現 日本小児血液・がん学会)')?.id).toBe('jspho');
  });

  it('resolves every requester of a cell once, and names those it does not know', () => {
    const index = createRequesterIndex(registry);
    expect(index.resolve('日本小児科学会、日本小児科学会、未知の会')).toEqual({ entries: [registry[0]], unmatched: ['未知の会'] });
    expect(index.resolve(undefined)).toEqual({ entries: [], unmatched: [] });
  });
});
