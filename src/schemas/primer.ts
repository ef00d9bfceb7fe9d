/**
 * A primer chapter: one MDX file per chapter and language, `content/primer/<lang>/<slug>.mdx`. The slug is
 * the same in both languages, so a chapter and its translation pair up by file name.
 *
 * Read by the primer pages (table of contents, previous/next links, citations) and the glossary links.
 */
import { z } from 'astro/zod';
import { partialDate, sourceSchema, text } from './common.ts';

/** A numbered source of a chapter, cited in the text with `<Cite id="…" />`. */
export const chapterSourceSchema = sourceSchema.extend({
  /** Short id used by `<Cite id="…" />` in the chapter body, e.g. `pmd-act`. */
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a short id of lower-case letters, digits and hyphens' }),
});

/** One review of a chapter: when it was checked and what that review changed, in the chapter's language. */
export const chapterChangeSchema = z.strictObject({
  /** Date of the review. */
  date: partialDate.describe('Date of the review.'),
  /** What the review changed (corrected, added, dated or removed), in one or two sentences. */
  summary: text.describe('What the review changed (corrected, added, dated or removed), in one or two sentences.'),
});

/** A primer chapter's frontmatter. */
export const primerSchema = z.strictObject({
  /** Chapter title. */
  title: text,
  /** One or two sentences saying what the chapter covers (used for the page description and listings). */
  description: text,
  /** Chapter number, 1–7; fixes the reading order and the previous/next links. */
  chapter: z.number().int().min(1).max(7),
  /** Date the chapter's facts were last checked against its sources. */
  lastReviewed: partialDate,
  /** The chapter's reviews, newest first: shown as a short changelog at the end of the chapter. */
  changes: z.array(chapterChangeSchema).default([]).describe("The chapter's reviews, newest first: shown as a short changelog at the end of the chapter."),
  /** The chapter's numbered sources, in the order they are first cited. */
  sources: z.array(chapterSourceSchema).min(1),
});

/** A validated primer chapter's frontmatter. */
export type PrimerData = z.infer<typeof primerSchema>;
