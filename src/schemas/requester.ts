/**
 * A requester (要望者): one YAML file per organisation or person in `content/requesters/`, the file name being
 * its id. Every request names its requesters as the list or form writes them; the registry gives each one
 * name in both languages, so that a society's requests are grouped under one name whatever the spelling.
 */
import { z } from 'astro/zod';
import { RequesterType } from '../data/vocabulary.ts';
import { sourceSchema, text } from './common.ts';

/** Where a requester's English name comes from. */
export const EnglishNameOrigin = ['own', 'editors'] as const;

/** A requester of the registry. */
export const requesterSchema = z.strictObject({
  /** The Japanese name, without legal-form prefixes such as 一般社団法人. */
  ja: text.describe("The Japanese name, without legal-form prefixes such as 一般社団法人."),
  /** The English name: the organisation's own where it publishes one, else the editors' translation. */
  en: text.describe("The English name: the organisation's own where it publishes one, else the editors' translation."),
  /** `own`: the organisation's own English name, read on the page in `source`; `editors`: the editors' translation. */
  enOrigin: z.enum(EnglishNameOrigin).describe("`own`: the organisation's own English name, read on the page in `source`; `editors`: the editors' translation."),
  /** What kind of requester it is. */
  type: z.enum(RequesterType.codes).describe("What kind of requester it is."),
  /** Other spellings in MHLW's lists and forms (with legal-form prefixes, former names, OCR slips), for matching. */
  aliases: z.array(text).default([]).describe("Other spellings in MHLW's lists and forms (with legal-form prefixes, former names, OCR slips), for matching."),
  /** The page the English name (and, for a former name, the renaming) was read on. Required for `own`. */
  source: sourceSchema.optional().describe("The page the English name (and, for a former name, the renaming) was read on. Required for `own`."),
  /** An editors' note, in English. */
  note: text.optional().describe("An editors' note, in English."),
}).superRefine((requester, ctx) => {
  if (requester.enOrigin === 'own' && requester.source?.url === undefined) {
    ctx.addIssue({ code: 'custom', path: ['source'], message: 'an English name marked "own" needs the source (with url) it was read on; otherwise mark it "editors"' });
  }
});

/** A validated requester. */
export type RequesterData = z.infer<typeof requesterSchema>;
