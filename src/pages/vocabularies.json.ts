/** `/vocabularies.json`: every code the records use, with its Japanese and English label (see `src/lib/exports.ts`). */
import type { APIRoute } from 'astro';
import { vocabularyRegistry } from '../data/vocabulary.ts';
import { buildVocabularyDocument } from '../lib/exports.ts';

/** The vocabularies, pretty-printed. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(buildVocabularyDocument(vocabularyRegistry), null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
