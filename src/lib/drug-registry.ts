/**
 * The drug registry (`content/drugs/`) as the summary projection needs it: an ingredient's WHO ATC codes and
 * English brand names, looked up by the INN a request gives. Pure, so the projection, the search index and the
 * exports share it.
 */
import { TherapeuticArea, type TherapeuticAreaCode } from '../data/vocabulary.ts';

/** An ingredient of the registry. */
export interface DrugEntry {
  /** The INN, as requests write it. */
  inn: string;
  /** WHO ATC codes. */
  atc: readonly string[];
  /** English brand names. */
  brandNames: readonly string[];
}

/** Looks ingredients up by INN (case and spacing ignored). */
export type DrugIndex = (inn: string) => DrugEntry | undefined;

/** The INN in comparable form. */
function innKey(inn: string): string {
  return inn.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Builds the lookup of a registry. */
export function createDrugIndex(entries: readonly DrugEntry[]): DrugIndex {
  const byInn = new Map(entries.map((entry) => [innKey(entry.inn), entry]));
  return (inn) => byInn.get(innKey(inn));
}

/** The therapeutic areas (ATC first levels) of a list of ATC codes, each once, in code order. */
export function therapeuticAreas(atc: readonly string[]): TherapeuticAreaCode[] {
  const codes = new Set(atc.map((code) => code.charAt(0)));
  return TherapeuticArea.codes.filter((code) => codes.has(code));
}
