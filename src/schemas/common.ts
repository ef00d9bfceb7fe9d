/**
 * Small field schemas shared by the request schema and, later, the primer and glossary schemas.
 *
 * Pure zod (through `astro/zod`), so the same objects run in Astro's content layer, in the content
 * validator (`src/lib/validate-content.ts`) and in unit tests.
 */
import { z } from 'astro/zod';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string names a real calendar day, month or year. */
export function isValidPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/**
 * A date that may be known only to the year or month: `2013`, `2013-11` or `2013-11-07`.
 * YAML turns an unquoted `2013-11-07` into a Date; that is accepted and normalised back to the string.
 */
export const partialDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'expected a date written as YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine(isValidPartialDate, { error: 'expected a real date written as YYYY, YYYY-MM or YYYY-MM-DD' }),
);

/** A non-empty string with surrounding white space removed. */
export const text = z.string().trim().min(1, { error: 'expected text, got an empty string (leave the field out instead)' });

/** An absolute http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** Where a fact comes from: a web page, a meeting paper, or the request form itself. */
export const sourceSchema = z.strictObject({
  /** Human-readable title of the source, in the language it is written in. */
  title: text.describe("Human-readable title of the source, in the language it is written in."),
  /** Address of the source; left out for a document that has no public address (e.g. the form as received). */
  url: httpUrl.optional().describe("Address of the source; left out for a document that has no public address (e.g. the form as received)."),
  /**
   * Address of the original document that the source copies (e.g. the MHLW page a wic-net copy names as its
   * 公開元URL); left out when the source is the original or names none.
   */
  original: httpUrl.optional().describe("Address of the original document that the source copies (e.g. the MHLW page a wic-net copy names as its 公開元URL); left out when the source is the original or names none."),
  /** Publisher or body that issued the source (e.g. 厚生労働省). */
  publisher: text.optional().describe("Publisher or body that issued the source (e.g. 厚生労働省)."),
  /** Date of the source document, when it states one. */
  date: partialDate.optional().describe("Date of the source document, when it states one."),
  /** What the source supports, or a caveat about it. */
  note: text.optional().describe("What the source supports, or a caveat about it."),
});

/** A source citation. */
export type Source = z.infer<typeof sourceSchema>;

/** A string in both site languages, written by the editors. */
export const bilingualText = z.strictObject({
  /** Japanese text. */
  ja: text.describe("Japanese text."),
  /** English text. */
  en: text.describe("English text."),
});

/** A string in both site languages. */
export type BilingualText = z.infer<typeof bilingualText>;
