/**
 * Language helpers: the typed `t()` for UI strings, and the mapping between a page's Japanese and English
 * addresses. Japanese pages live at the root (`/requests/…`), English pages under `/en/`.
 */
import type { Lang } from '../data/vocabulary.ts';
import { en, ja, type UiKey } from './ui.ts';
import { withBase, withoutBase } from '../lib/base-path.ts';

export { basePath, withBase, withoutBase } from '../lib/base-path.ts';

export type { Lang } from '../data/vocabulary.ts';
export type { UiKey } from './ui.ts';

/** The languages of the site, default first. */
export const languages = ['ja', 'en'] as const satisfies readonly Lang[];

/** The language of pages that carry no prefix. */
export const defaultLang: Lang = 'ja';

/** The name of each language, written in that language (for the language switch). */
export const languageNames: Record<Lang, string> = { ja: '日本語', en: 'English' };

const tables: Record<Lang, Record<UiKey, string>> = { ja, en };

/** A translation function bound to one language. */
export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/**
 * Returns `t(key, values)` for a language. `{name}` placeholders in a string are replaced by `values.name`;
 * a placeholder without a value is an error, so a page never shows a raw `{name}`.
 */
export function useTranslations(lang: Lang): Translate {
  const table = tables[lang];
  return (key, values = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`UI string "${key}" (${lang}) needs a value for {${name}}`);
      return String(value);
    });
}

/** Whether a string is one of the site's languages. */
export function isLang(value: string | undefined): value is Lang {
  return value === 'ja' || value === 'en';
}

/** The language of a URL path: English under `/en/`, Japanese elsewhere (the base path is ignored). */
export function langFromPath(pathname: string): Lang {
  const path = withoutBase(pathname);
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'ja';
}

/** Strips the base and the language prefix from a path: `/en/requests/` → `/requests/`. */
export function unlocalizedPath(pathname: string): string {
  const path = withoutBase(pathname);
  if (path === '/en' || path === '/en/') return '/';
  return path.startsWith('/en/') ? path.slice(3) : path;
}

/**
 * The address of a site path in a language, under the base: `localizedPath('/requests/', 'en')` →
 * `/en/requests/` (or `/offlabel-jp/en/requests/` when the site is served under `/offlabel-jp/`).
 */
export function localizedPath(pathname: string, lang: Lang): string {
  const bare = unlocalizedPath(pathname.startsWith('/') ? pathname : `/${pathname}`);
  return withBase(lang === defaultLang ? bare : `/en${bare}`);
}

/** The address of the same page in the other language (used by the language switch). */
export function alternatePath(pathname: string): { lang: Lang; href: string } {
  const other: Lang = langFromPath(pathname) === 'ja' ? 'en' : 'ja';
  return { lang: other, href: localizedPath(pathname, other) };
}
