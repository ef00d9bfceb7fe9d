/**
 * The request record: what the site knows about one request (要望), validated for every file in
 * `content/requests/`.
 *
 * A record is either a **full form** (`kind: form`, every section of 別添様式1 transcribed under `form`) or a
 * **summary record** (`kind: summary`, only the columns of an MHLW list table under `listRow`). Both share
 * the record metadata: request number, round, scheme, working group, the drug's names for search, the
 * dated status history with a source for every event, and the sources of the record itself.
 *
 * Objects are strict: a misspelt key fails validation instead of being silently dropped.
 */
import { z } from 'astro/zod';
import { Classification, RequesterType, Round, Scheme, Status, WorkingGroup } from '../data/vocabulary.ts';
import { bilingualText, partialDate, sourceSchema, text } from './common.ts';
import { formSchema } from './form.ts';

/** One dated step of a request's history. */
export const statusEventSchema = z.strictObject({
  /** The status the request reached. */
  status: z.enum(Status.codes).describe("The status the request reached."),
  /** When, as precisely as the source says; left out when the source gives no date. */
  date: partialDate.optional().describe("When, as precisely as the source says; left out when the source gives no date."),
  /** The meeting at which it happened, as the source names it (e.g. 第66回検討会議). */
  meeting: text.optional().describe("The meeting at which it happened, as the source names it (e.g. 第66回検討会議)."),
  /** The source that states this step. Required: no step without a source. */
  source: sourceSchema.describe("The source that states this step. Required: no step without a source."),
  /** A short note on the step, verbatim from the source where possible. */
  note: text.optional().describe("A short note on the step, verbatim from the source where possible."),
});

/** A step of a request's history. */
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** The drug's names, used for the title, the drug pages and search. Editorial, not a field of the form. */
export const drugNamesSchema = z.strictObject({
  /** Ingredient name in Japanese, without formulation notes (e.g. バシリキシマブ). */
  ingredient: text.describe("Ingredient name in Japanese, without formulation notes (e.g. バシリキシマブ)."),
  /**
   * The drug's English name, lower case: its INN (e.g. basiliximab), or the English nonproprietary name of a
   * vaccine or biologic. Required: English readers find and name every request by it.
   */
  inn: text.describe("The drug's English name, lower case: its INN (e.g. basiliximab), or the English nonproprietary name of a vaccine or biologic. Required: English readers find and name every request by it."),
  /** Brand names, in Japan and abroad, as written in the sources. */
  brandNames: z.array(text).default([]).describe("Brand names, in Japan and abroad, as written in the sources."),
  /** Other names the drug is known by (codes, older names), for search. */
  otherNames: z.array(text).default([]).describe("Other names the drug is known by (codes, older names), for search."),
});

/** The columns of an MHLW request list table, verbatim. */
export const listRowSchema = z.strictObject({
  /** 成分名. */
  genericName: text.describe("成分名: the ingredient name exactly as the list prints it."),
  /** 要望効能・効果. */
  requestedIndication: text.optional().describe("要望効能・効果: the requested indication exactly as the list prints it."),
  /** 要望用法・用量. */
  requestedDosage: text.optional().describe("要望用法・用量: the requested dosage exactly as the list prints it."),
  /** 要望者. */
  requesterName: text.optional().describe("要望者: the requester(s) exactly as the source prints them."),
  /** The requester type, when the list or the name makes it certain. */
  requesterType: z.enum(RequesterType.codes).optional().describe("The requester type, when the list or the name makes it certain."),
  /** 会社名. */
  company: text.optional().describe("会社名: the company exactly as the list prints it."),
  /** 未承認薬/適応外薬の分類. */
  classification: z.enum(Classification.codes).optional().describe("未承認薬/適応外薬の分類: whether the drug is unapproved in Japan, used off-label, or a rapid-scheme item."),
  /** 検討状況等, verbatim. */
  statusText: text.optional().describe("検討状況等, verbatim."),
});

/** Record metadata shared by both kinds of record. */
const recordBase = {
  /**
   * 要望番号 as MHLW writes it (e.g. Ⅳ-194, IVS-33, III-(1)-56). Left out when no source gives it; two
   * records may not share a number.
   */
  requestNumber: text.optional().describe("要望番号 as MHLW writes it (e.g. Ⅳ-194, IVS-33, III-(1)-56). Left out when no source gives it; two records may not share a number."),
  /** The call for requests (要望募集) the request was filed in. */
  round: z.enum(Round.codes).optional().describe("The call for requests (要望募集) the request was filed in."),
  /** Standard route or the rapid practical-use scheme. */
  scheme: z.enum(Scheme.codes).optional().describe("Standard route or the rapid practical-use scheme."),
  /** The working group that leads the review. */
  leadWg: z.enum(WorkingGroup.codes).optional().describe("The working group that leads the review."),
  /** Whether the paediatric WG also reviews it (小児WG column). */
  pediatricWg: z.boolean().optional().describe("Whether the paediatric WG also reviews it (小児WG column)."),
  /** The drug's names. */
  drug: drugNamesSchema.describe("The drug's names."),
  /**
   * The requested indication in English: the editors' faithful translation of the Japanese (the form's or
   * the list's 要望効能・効果, or what the source says was requested when the list leaves it blank). Shown on
   * English pages marked as the editors' translation, beside the Japanese original. Required whenever the
   * record gives the indication in Japanese.
   */
  indicationEn: text.optional().describe("The requested indication in English: the editors' faithful translation of the Japanese (the form's or the list's 要望効能・効果, or what the source says was requested when the list leaves it blank). Shown on English pages marked as the editors' translation, beside the Japanese original. Required whenever the record gives the indication in Japanese."),
  /** A short editorial summary in the editors' own words, in both languages. */
  summary: bilingualText.optional().describe("A short editorial summary in the editors' own words, in both languages."),
  /** The request's history, oldest first; the last event is the current status. Empty when unknown. */
  statusHistory: z.array(statusEventSchema).default([]).describe("The request's history, oldest first; the last event is the current status. Empty when unknown."),
  /** The sources this record was transcribed from. At least one. */
  sources: z.array(sourceSchema).min(1, { error: 'expected at least one source for the record' }).describe("The sources this record was transcribed from. At least one."),
  /** Date the record was last edited (YYYY-MM-DD). */
  updated: partialDate.describe("Date the record was last edited (YYYY-MM-DD)."),
};

/** A record that transcribes a whole request form. */
export const formRecordSchema = z.strictObject({
  /** `form`: every section of the request form is transcribed. */
  kind: z.literal('form').describe("`form`: every section of the request form is transcribed."),
  ...recordBase,
  /** The form, section by section. */
  form: formSchema.describe("The form, section by section."),
});

/** A record that holds only the columns of an MHLW list table. */
export const summaryRecordSchema = z.strictObject({
  /** `summary`: only the list-table columns are known. */
  kind: z.literal('summary').describe("`summary`: only the list-table columns are known."),
  ...recordBase,
  /** The list-table row. */
  listRow: listRowSchema.describe("The list-table row."),
});

/** Checks that need the whole record: the history must run oldest first. */
function checkHistoryOrder(record: { statusHistory: StatusEvent[] }, ctx: z.RefinementCtx): void {
  let previous: string | undefined;
  record.statusHistory.forEach((event, index) => {
    if (event.date && previous && event.date < previous) {
      ctx.addIssue({
        code: 'custom',
        path: ['statusHistory', index, 'date'],
        message: `events must be listed oldest first, but ${event.date} comes after ${previous}`,
      });
    }
    if (event.date) previous = event.date;
  });
}

/** An indication given in Japanese must have its English translation. */
function checkEnglishIndication(record: { kind: string; indicationEn?: string; listRow?: { requestedIndication?: string }; form?: { requestedIndication?: string } }, ctx: z.RefinementCtx): void {
  const japanese = record.kind === 'form' ? record.form?.requestedIndication : record.listRow?.requestedIndication;
  if (japanese !== undefined && record.indicationEn === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['indicationEn'],
      message: 'the record gives the requested indication in Japanese but not in English; add indicationEn, the editors’ English translation of it',
    });
  }
}

/** A request record of either kind; `kind` tells which. */
export const requestSchema = z
  .discriminatedUnion('kind', [formRecordSchema, summaryRecordSchema], {
    error: 'expected kind to be "form" (full request form) or "summary" (list-table columns)',
  })
  .superRefine(checkHistoryOrder)
  .superRefine(checkEnglishIndication);

/** A validated request record. */
export type RequestData = z.infer<typeof requestSchema>;

/** A validated full-form record. */
export type FormRecordData = Extract<RequestData, { kind: 'form' }>;

/** A validated summary record. */
export type SummaryRecordData = Extract<RequestData, { kind: 'summary' }>;

/** Whether a record transcribes a whole form. */
export function isFormRecord(data: RequestData): data is FormRecordData {
  return data.kind === 'form';
}
