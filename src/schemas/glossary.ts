/**
 * A glossary term: one YAML file per term in `content/glossary/`, the file name being the term's id.
 *
 * Read by the glossary pages, the `<Term>` component used in MDX, and the request pages' label links.
 */
import { z } from 'astro/zod';
import { bilingualText, sourceSchema, text } from './common.ts';

/** Which vocabulary value a term explains (e.g. the status `approved`). */
export const vocabularyRefSchema = z.strictObject({
  /** The vocabulary's name, as exported from `src/data/vocabulary.ts`. */
  vocabulary: z.enum(['Status', 'Stage', 'Classification', 'ClassificationSubtype', 'RequesterType', 'Round', 'Scheme', 'WorkingGroup', 'Country', 'FormVersion', 'NecessityAxis', 'SeriousnessCriterion', 'UsefulnessCriterion']),
  /** The code within that vocabulary. */
  code: text,
});

/** A link from a term to a place in the primer. */
export const primerRefSchema = z.strictObject({
  /** The chapter's slug (its file name without extension, the same in both languages). */
  chapter: text,
  /** The heading anchor in each language, as Astro generates it from the heading text. */
  anchor: z
    .strictObject({
      /** Anchor on the Japanese chapter. */
      ja: text,
      /** Anchor on the English chapter. */
      en: text,
    })
    .optional(),
});

/** A glossary term. */
export const glossarySchema = z.strictObject({
  /** The term in Japanese, as officially written. */
  ja: text,
  /** Its reading in hiragana (katakana words may repeat themselves); used to sort under あ–ん. */
  reading: text,
  /** The usual English rendering. */
  en: text,
  /** A one-sentence definition in each language, in the editors' own words (shown in tooltips). */
  short: bilingualText,
  /** A fuller definition in each language, in the editors' own words. */
  definition: bilingualText,
  /** Other spellings and abbreviations in either language, for search and matching. */
  aliases: z.array(text).default([]),
  /** Ids of related glossary terms. */
  related: z.array(text).default([]),
  /** Places in the primer that explain the term. */
  primer: z.array(primerRefSchema).default([]),
  /** Vocabulary values the term explains. */
  vocabulary: z.array(vocabularyRefSchema).default([]),
  /** Sources of the definition. At least one. */
  sources: z.array(sourceSchema).min(1),
});

/** A validated glossary term. */
export type GlossaryData = z.infer<typeof glossarySchema>;
