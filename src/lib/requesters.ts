/**
 * The requester query module: the only place that reads the `requesters` collection (the registry of
 * `content/requesters/`).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createRequesterIndex, type RequesterEntry, type RequesterIndex } from './requester-registry.ts';

/** A requester entry of the content collection. */
export type RequesterCollectionEntry = CollectionEntry<'requesters'>;

/** Every requester of the registry, by id. */
export const allRequesters: RequesterCollectionEntry[] = (await getCollection('requesters')).sort((a, b) => a.id.localeCompare(b.id));

/** The registry as the matching needs it. */
export const requesterEntries: RequesterEntry[] = allRequesters.map((entry) => ({ id: entry.id, ...entry.data }));

/** Resolves the requester names of a list or form to registry entries. */
export const requesterIndex: RequesterIndex = createRequesterIndex(requesterEntries);

const byId = new Map(allRequesters.map((entry) => [entry.id, entry]));

/** A requester by id, if the registry has it. */
export function getRequester(id: string): RequesterCollectionEntry | undefined {
  return byId.get(id);
}
