/**
 * How the glossary (and the drug index) is ordered and grouped: under the rows of the kana table (あ か さ … わ) by
 * reading on Japanese pages, under A–Z by English term on English pages. Pure, so it is unit-tested directly.
 */
import type { Lang } from '../data/vocabulary.ts';

/** The kana rows, each with the hiragana that start it. */
const KANA_ROWS: readonly (readonly [string, string])[] = [
  ['あ', 'あいうえおぁぃぅぇぉゔ'],
  ['か', 'かきくけこがぎぐげごゕゖ'],
  ['さ', 'さしすせそざじずぜぞ'],
  ['た', 'たちつてとだぢづでどっ'],
  ['な', 'なにぬねの'],
  ['は', 'はひふへほばびぶべぼぱぴぷぺぽ'],
  ['ま', 'まみむめも'],
  ['や', 'やゆよゃゅょ'],
  ['ら', 'らりるれろ'],
  ['わ', 'わゐゑをんゎ'],
];

/** Turns katakana into hiragana, leaving everything else as it is. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

/** The kana row (あ, か, …) a reading is filed under; `他` when it starts with anything else. */
export function kanaRow(reading: string): string {
  const first = toHiragana(reading.trim()).charAt(0);
  for (const [row, members] of KANA_ROWS) if (members.includes(first)) return row;
  return '他';
}

/** The letter an English term is filed under (A–Z), `#` for anything else. */
export function latinLetter(term: string): string {
  const first = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** The minimum of a term that ordering needs. */
export interface SortableTerm {
  /** Term id. */
  id: string;
  /** Hiragana reading. */
  reading: string;
  /** English term. */
  en: string;
}

/** A group of the glossary index. */
export interface TermGroup<T> {
  /** The heading: a kana row or a letter. */
  key: string;
  /** Terms of the group, in reading order (Japanese) or alphabetical order (English). */
  terms: T[];
}

const kanaOrder = ['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ', '他'];

/** Groups and orders terms for the glossary page of a language (or drugs for the drug index: reading = ingredient). */
export function groupTerms<T extends SortableTerm>(terms: readonly T[], lang: Lang): TermGroup<T>[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const keyOf = (term: T) => (lang === 'ja' ? kanaRow(term.reading) : latinLetter(term.en));
  const sortKey = (term: T) => (lang === 'ja' ? toHiragana(term.reading) : term.en);
  const groups = new Map<string, T[]>();
  for (const term of [...terms].sort((a, b) => collator.compare(sortKey(a), sortKey(b)) || a.id.localeCompare(b.id))) {
    const key = keyOf(term);
    groups.set(key, [...(groups.get(key) ?? []), term]);
  }
  const order = (key: string) => (lang === 'ja' ? kanaOrder.indexOf(key) : key === '#' ? 99 : key.charCodeAt(0));
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b)).map(([key, list]) => ({ key, terms: list }));
}

/** The anchor id of a group heading on the glossary page. */
export function groupAnchor(key: string): string {
  return `group-${encodeURIComponent(key).replace(/%/g, '').toLowerCase()}`;
}
