/**
 * The glossary query module: the only place that reads the `glossary` collection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localizedPath, type Lang } from '../i18n/index.ts';

/** A glossary entry of the content collection. */
export type GlossaryEntry = CollectionEntry<'glossary'>;

/** Every term, by id. */
export const allTerms: GlossaryEntry[] = (await getCollection('glossary')).sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(allTerms.map((term) => [term.id, term]));

/** A term by id; an unknown id is an error that names it (the content validator reports the file). */
export function getTerm(id: string): GlossaryEntry {
  const term = byId.get(id);
  if (!term) throw new Error(`Unknown glossary term "${id}"; expected the name of a file in content/glossary/`);
  return term;
}

/** The term that explains a vocabulary value (e.g. Status `approved`), if the glossary has one. */
export function termForVocabulary(vocabulary: string, code: string): GlossaryEntry | undefined {
  return allTerms.find((term) => term.data.vocabulary.some((link) => link.vocabulary === vocabulary && link.code === code));
}

/** The address of a term on the glossary page of a language. */
export function termHref(id: string, lang: Lang): string {
  return `${localizedPath('/glossary/', lang)}#${id}`;
}
