/** The drug-registry query module: the only place that reads the `drugs` collection (`content/drugs/`). */
import { getCollection } from 'astro:content';
import { createDrugIndex, type DrugEntry, type DrugIndex } from './drug-registry.ts';

/** Every ingredient of the registry. */
export const drugEntries: DrugEntry[] = (await getCollection('drugs')).map((entry) => entry.data);

/** Looks an ingredient up by INN. */
export const drugIndex: DrugIndex = createDrugIndex(drugEntries);
