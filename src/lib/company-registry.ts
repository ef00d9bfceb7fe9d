/**
 * Matching the company names that lists and forms print (①塩野義製薬株式会社、②中外製薬株式会社 / ファイザー /
 * 参天製薬株式会社(発売)) to the entries of the company registry (`content/companies/`). Pure, so the summary
 * projection, the search index, the exports and the tests share it.
 */
import { createNameIndex, type NameIndex } from './name-index.ts';

/** A registry entry as the matching needs it. */
export interface CompanyEntry {
  /** The entry's id (its file name). */
  id: string;
  /** Japanese name. */
  ja: string;
  /** English name. */
  en: string;
  /** Whether the English name is the company's own or the editors' translation. */
  enOrigin: 'own' | 'editors';
  /** Other spellings. */
  aliases: readonly string[];
}

/** Legal-form words that do not tell companies apart (株式会社, (株), 合同会社, Inc., Co., Ltd. …). */
const LEGAL_FORMS = /(株式会社|有限会社|合同会社|\(株\)|\(有\)|\bCo\.,?\s*Ltd\.?|\bLtd\.?|\bInc\.?|\bCorporation\b|\bGmbH\b|\bK\.K\.)/giu;

/** Numbered-item marks lists put before each company (①, ②, 1), (1), and 1. at the start of a line). */
const ITEM_MARKS = /[①-⑳]|(^|\s)\(?\d+\)\s*|^\s*\d+\.\s+/gmu;

/** A name in comparable form: NFKC, lower case, no spaces, middle dots or legal-form words. */
export function normaliseCompanyName(name: string): string {
  return name.replace(/[①-⑳]/gu, '').normalize('NFKC').replace(LEGAL_FORMS, '').replace(/[\s・·.,]+/gu, '').toLowerCase();
}

/**
 * The company names a cell holds, one per item: split at numbered marks (①, ②, 1.), 、, ，, commas not followed by a
 * legal form (`Co., Ltd.` stays whole), semicolons, slashes and line breaks, never inside brackets.
 */
export function splitCompanyNames(cell: string): string[] {
  const text = cell.replace(ITEM_MARKS, '\n').normalize('NFKC').replace(/,(?=\s*(Ltd|Inc)\b)/giu, '\uE000');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('「(『【'.includes(char)) depth += 1;
    if ('」)』】'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,;\n/]/u.test(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.replace(/\uE000/gu, ',').trim()).filter((part) => part !== '' && part !== '-');
}

/** Looks company names up in the registry. */
export type CompanyIndex = NameIndex<CompanyEntry>;

/** Builds the index of a registry: each entry under its Japanese name, English name and aliases. */
export function createCompanyIndex(entries: readonly CompanyEntry[]): CompanyIndex {
  return createNameIndex(entries, normaliseCompanyName, splitCompanyNames);
}
