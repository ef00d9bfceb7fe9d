/**
 * A company (製造販売業者) that lists and forms name for a request: one YAML file per company in
 * `content/companies/`, the file name being its id. The registry gives each company one name in both
 * languages, so the English pages show "Chugai Pharmaceutical Co., Ltd." where a list prints 中外製薬.
 */
import { z } from 'astro/zod';
import { EnglishNameOrigin } from './requester.ts';
import { sourceSchema, text } from './common.ts';

/** A company of the registry. */
export const companySchema = z
  .strictObject({
    /** The Japanese name, as the company writes it (e.g. 中外製薬株式会社). */
    ja: text.describe('The Japanese name, as the company writes it (e.g. 中外製薬株式会社).'),
    /** The English name: the company's own where it publishes one, else the editors' translation. */
    en: text.describe("The English name: the company's own where it publishes one, else the editors' translation."),
    /** `own`: the company's own English name, read on the page in `source`; `editors`: the editors' translation. */
    enOrigin: z.enum(EnglishNameOrigin).describe("`own`: the company's own English name, read on the page in `source`; `editors`: the editors' translation."),
    /** Other spellings in MHLW's lists and forms (without 株式会社, older names, OCR slips), for matching. */
    aliases: z.array(text).default([]).describe("Other spellings in MHLW's lists and forms (without 株式会社, older names, OCR slips), for matching."),
    /** The page the English name was read on. Required for `own`. */
    source: sourceSchema.optional().describe('The page the English name was read on. Required for `own`.'),
    /** An editors' note, in English (a former name, a merger, whose subsidiary it is). */
    note: text.optional().describe("An editors' note, in English (a former name, a merger, whose subsidiary it is)."),
  })
  .superRefine((company, ctx) => {
    if (company.enOrigin === 'own' && company.source?.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'an English name marked "own" needs the source (with url) it was read on; otherwise mark it "editors"' });
    }
  });

/** A validated company. */
export type CompanyData = z.infer<typeof companySchema>;
