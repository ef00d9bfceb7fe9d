/**
 * A meeting of the council (医療上の必要性の高い未承認薬・適応外薬検討会議): one YAML file per meeting in
 * `content/meetings/`, named `council-<number>.yaml`. Status events name their meeting in words
 * (`meeting: 第67回医療上の必要性の高い未承認薬・適応外薬検討会議`); `src/lib/meeting-ref.ts` reads the number
 * from those words, so a meeting page lists every event that names it and a request's timeline links to it.
 */
import { z } from 'astro/zod';
import { httpUrl, partialDate, sourceSchema, text } from './common.ts';

/** A council meeting. */
export const meetingSchema = z.strictObject({
  /** The meeting's number (第NN回). Must match the file name. */
  number: z.number().int().positive().describe("The meeting's number (第NN回). Must match the file name."),
  /** The day it met, when a source gives it with its year. */
  date: partialDate.optional().describe("The day it met, when a source gives it with its year."),
  /** Where it met, as the source writes it. */
  place: text.optional().describe("Where it met, as the source writes it."),
  /** Agenda items (議題), as the source writes them. */
  agenda: z.array(text).default([]).describe("Agenda items (議題), as the source writes them."),
  /** MHLW's page for the meeting (papers or minutes). */
  page: httpUrl.optional().describe("MHLW's page for the meeting (papers or minutes)."),
  /** Addresses of its papers, when a source lists them. */
  papers: z.array(httpUrl).default([]).describe("Addresses of its papers, when a source lists them."),
  /** Where the date, place and agenda were read. At least one. */
  sources: z.array(sourceSchema).min(1, { error: 'expected at least one source for the meeting' }).describe("Where the date, place and agenda were read. At least one."),
  /** An editors' note, in English (e.g. two sources disagreeing on the date). */
  note: text.optional().describe("An editors' note, in English (e.g. two sources disagreeing on the date)."),
});

/** A validated meeting. */
export type MeetingData = z.infer<typeof meetingSchema>;
