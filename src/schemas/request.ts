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
  status: z.enum(Status.codes),
  /** When, as precisely as the source says; left out when the source gives no date. */
  date: partialDate.optional(),
  /** The meeting at which it happened, as the source names it (e.g. 第66回検討会議). */
  meeting: text.optional(),
  /** The source that states this step. Required: no step without a source. */
  source: sourceSchema,
  /** A short note on the step, verbatim from the source where possible. */
  note: text.optional(),
});

/** A step of a request's history. */
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** The drug's names, used for the title, the drug pages and search. Editorial, not a field of the form. */
export const drugNamesSchema = z.strictObject({
  /** Ingredient name in Japanese, without formulation notes (e.g. バシリキシマブ). */
  ingredient: text,
  /**
   * The drug's English name, lower case: its INN (e.g. basiliximab), or the English nonproprietary name of a
   * vaccine or biologic. Required: English readers find and name every request by it.
   */
  inn: text,
  /**
   * WHO ATC codes of the ingredient (e.g. L04AC02), each read on a source named in the record's notes; left
   * out when none could be confirmed.
   */
  atc: z.array(z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, { error: 'expected a 7-character WHO ATC code such as L04AC02' })).default([]),
  /** Brand names, in Japan and abroad, as written in the sources. */
  brandNames: z.array(text).default([]),
  /** Other names the drug is known by (codes, older names), for search. */
  otherNames: z.array(text).default([]),
});

/** The columns of an MHLW request list table, verbatim. */
export const listRowSchema = z.strictObject({
  /** 成分名. */
  genericName: text,
  /** 要望効能・効果. */
  requestedIndication: text.optional(),
  /** 要望用法・用量. */
  requestedDosage: text.optional(),
  /** 要望者. */
  requesterName: text.optional(),
  /** The requester type, when the list or the name makes it certain. */
  requesterType: z.enum(RequesterType.codes).optional(),
  /** 会社名. */
  company: text.optional(),
  /** 未承認薬/適応外薬の分類. */
  classification: z.enum(Classification.codes).optional(),
  /** 検討状況等, verbatim. */
  statusText: text.optional(),
});

/** Record metadata shared by both kinds of record. */
const recordBase = {
  /**
   * 要望番号 as MHLW writes it (e.g. Ⅳ-194, IVS-33, III-(1)-56). Left out when no source gives it; two
   * records may not share a number.
   */
  requestNumber: text.optional(),
  /** The call for requests (要望募集) the request was filed in. */
  round: z.enum(Round.codes).optional(),
  /** Standard route or the rapid practical-use scheme. */
  scheme: z.enum(Scheme.codes).optional(),
  /** The working group that leads the review. */
  leadWg: z.enum(WorkingGroup.codes).optional(),
  /** Whether the paediatric WG also reviews it (小児WG column). */
  pediatricWg: z.boolean().optional(),
  /** The drug's names. */
  drug: drugNamesSchema,
  /**
   * The requested indication in English: the editors' faithful translation of the Japanese (the form's or
   * the list's 要望効能・効果, or what the source says was requested when the list leaves it blank). Shown on
   * English pages marked as the editors' translation, beside the Japanese original. Required whenever the
   * record gives the indication in Japanese.
   */
  indicationEn: text.optional(),
  /** A short editorial summary in the editors' own words, in both languages. */
  summary: bilingualText.optional(),
  /** The request's history, oldest first; the last event is the current status. Empty when unknown. */
  statusHistory: z.array(statusEventSchema).default([]),
  /** The sources this record was transcribed from. At least one. */
  sources: z.array(sourceSchema).min(1, { error: 'expected at least one source for the record' }),
  /** Date the record was last edited (YYYY-MM-DD). */
  updated: partialDate,
};

/** A record that transcribes a whole request form. */
export const formRecordSchema = z.strictObject({
  /** `form`: every section of the request form is transcribed. */
  kind: z.literal('form'),
  ...recordBase,
  /** The form, section by section. */
  form: formSchema,
});

/** A record that holds only the columns of an MHLW list table. */
export const summaryRecordSchema = z.strictObject({
  /** `summary`: only the list-table columns are known. */
  kind: z.literal('summary'),
  ...recordBase,
  /** The list-table row. */
  listRow: listRowSchema,
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
