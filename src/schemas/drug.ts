/**
 * An ingredient of the drug registry: one YAML file per ingredient in `content/drugs/`, named after its INN
 * (`basiliximab.yaml`). It gives what belongs to the ingredient rather than to a request: its WHO ATC codes
 * and its English brand names, each read on the page in `source`. Requests join it by their `drug.inn`.
 */
import { z } from 'astro/zod';
import { sourceSchema, text } from './common.ts';

/** A 7-character WHO ATC code (e.g. L04AC02). */
export const atcCode = z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, { error: 'expected a 7-character WHO ATC code such as L04AC02' });

/** An ingredient. */
export const drugSchema = z.strictObject({
  /** The INN, exactly as the requests write it in `drug.inn` (lower case). */
  inn: text.describe('The INN, exactly as the requests write it in drug.inn (lower case).'),
  /** WHO ATC codes of the ingredient, as the source states them. */
  atc: z.array(atcCode).default([]).describe('WHO ATC codes of the ingredient, as the source states them.'),
  /** English brand names (abroad or in Japan), as the source gives them. */
  brandNames: z.array(text).default([]).describe('English brand names (abroad or in Japan), as the source gives them.'),
  /** The page the codes and names were read on. */
  source: sourceSchema.describe('The page the codes and names were read on.'),
  /** An editors' note, in English (e.g. an older code the source also gives). */
  note: text.optional().describe("An editors' note, in English (e.g. an older code the source also gives)."),
});

/** A validated ingredient. */
export type DrugData = z.infer<typeof drugSchema>;
