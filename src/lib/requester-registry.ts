/**
 * Matching the requester names that lists and forms print (日本小児科学会、日本小児感染症学会 / 一般社団法人
 * 日本リウマチ学会) to the entries of the requester registry (`content/requesters/`). Pure, so the summary
 * projection, the validator and the tests share it.
 */
import { createNameIndex, type NameIndex } from './name-index.ts';
import type { RequesterTypeCode } from '../data/vocabulary.ts';

/** A registry entry as the matching needs it. */
export interface RequesterEntry {
  /** The entry's id (its file name). */
  id: string;
  /** Japanese name. */
  ja: string;
  /** English name. */
  en: string;
  /** Whether the English name is the organisation's own or the editors' translation. */
  enOrigin: 'own' | 'editors';
  /** Kind of requester. */
  type: RequesterTypeCode;
  /** Other spellings. */
  aliases: readonly string[];
}

/** Legal-form words that lists put before or after a name and that do not tell organisations apart. */
const LEGAL_FORMS = /(一般社団法人|公益社団法人|一般財団法人|公益財団法人|特定非営利活動法人|認定特定非営利活動法人|社会福祉法人|NPO法人|\(一社\)|\(公社\)|\(一財\)|\(公財\)|\(特非\)|\(NPO\))/gu;

/** A name in comparable form: NFKC, no spaces, no legal-form words. */
export function normaliseRequesterName(name: string): string {
  return name.normalize('NFKC').replace(LEGAL_FORMS, '').replace(/\s+/g, '').trim();
}

/**
 * The requester names a cell holds: one name per item, split at 、, ，, commas, semicolons, slashes, 及び and
 * numbered items (1) … 2) …) and line breaks, but never inside brackets (「…」, （…）) nor at ・, which is part of
 * names such as 日本小児血液・がん学会. A trailing など ("and others") is dropped.
 */
export function splitRequesterNames(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  const text = cell.normalize('NFKC').replace(/(^|\s)\d+\)\s*/gu, '\n').replace(/及び/gu, '、');
  for (const char of text) {
    if ('「（(『【'.includes(char)) depth += 1;
    if ('」）)』】'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,;；\n/／]/u.test(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim().replace(/など$/u, '').trim()).filter((part) => part !== '');
}

/** Looks requester names up in the registry. */
export type RequesterIndex = NameIndex<RequesterEntry>;

/** Builds the index of a registry: each entry under its Japanese name, English name and aliases. */
export function createRequesterIndex(entries: readonly RequesterEntry[]): RequesterIndex {
  return createNameIndex(entries, normaliseRequesterName, splitRequesterNames);
}
