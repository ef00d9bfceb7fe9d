import { describe, expect, it } from 'vitest';
import { alternatePath, langFromPath, localizedPath, unlocalizedPath, useTranslations } from './index.ts';
import { en, ja } from './ui.ts';

describe('t()', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
  });

  it('fills placeholders and refuses to leave one empty', () => {
    const t = useTranslations('en');
    expect(t('list.caption', { count: 250, from: 101, to: 200, sort: 'drug' })).toBe('Requests 101–200 of 250, sorted by drug');
    expect(() => t('list.caption', { count: 3, from: 1, to: 3 })).toThrow(/needs a value for \{sort\}/);
    expect(useTranslations('ja')('nav.requests')).toBe('要望一覧');
  });
});

describe('language paths', () => {
  it('maps a page to the same page in the other language', () => {
    expect(alternatePath('/requests/basiliximab-liver-transplant/')).toEqual({ lang: 'en', href: '/en/requests/basiliximab-liver-transplant/' });
    expect(alternatePath('/en/requests/sort/drug-asc/')).toEqual({ lang: 'ja', href: '/requests/sort/drug-asc/' });
    expect(alternatePath('/')).toEqual({ lang: 'en', href: '/en/' });
    expect(alternatePath('/en/')).toEqual({ lang: 'ja', href: '/' });
  });

  it('tells the language of a path and strips or adds the prefix', () => {
    expect(langFromPath('/en/search/')).toBe('en');
    expect(langFromPath('/english-notes/')).toBe('ja');
    expect(unlocalizedPath('/en')).toBe('/');
    expect(localizedPath('/requests/', 'en')).toBe('/en/requests/');
    expect(localizedPath('/en/requests/', 'ja')).toBe('/requests/');
    expect(localizedPath('requests/', 'ja')).toBe('/requests/');
  });
});
