/**
 * What the dev server learned about an edited request file, by entry id, handed from the content loader to the
 * request page. Shared through `globalThis` because the loader and the page modules are loaded separately in
 * the one dev process. Never used by a build.
 *
 * - **Problems**: the loader keeps the last valid version of a broken entry in the store and records the
 *   validator's messages; the request page throws them, so that they appear in the browser's error overlay as
 *   well as in the terminal.
 * - **The fresh entry**: after a valid edit the loader records the entry it has just validated, and the request
 *   page shows it at once. Astro's data store writes an edit half a second after the last change
 *   (`SAVE_DEBOUNCE_MS`) and only then reloads the collection; without this the editor would wait for that.
 */
const KEY = Symbol.for('offlabel-jp/dev-problems');
const ENTRIES = Symbol.for('offlabel-jp/dev-entries');

function registry(): Map<string, string[]> {
  const store = globalThis as Record<symbol, Map<string, string[]> | undefined>;
  store[KEY] ??= new Map();
  return store[KEY];
}

/** Records the problems of an entry's file (an empty list clears them). */
export function recordDevProblems(id: string, problems: readonly string[]): void {
  if (problems.length === 0) registry().delete(id);
  else registry().set(id, [...problems]);
}

/** The problems recorded for an entry's file, if any. */
export function devProblemsFor(id: string): readonly string[] | undefined {
  return registry().get(id);
}

function entries(): Map<string, unknown> {
  const store = globalThis as Record<symbol, Map<string, unknown> | undefined>;
  store[ENTRIES] ??= new Map();
  return store[ENTRIES];
}

/** Records the entry the loader has just validated after an edit (`undefined` forgets it: the file was deleted). */
export function recordDevEntry(id: string, entry: unknown): void {
  if (entry === undefined) entries().delete(id);
  else entries().set(id, entry);
}

/** The entry last validated after an edit of this id's file, if any. */
export function devEntryFor(id: string): unknown {
  return entries().get(id);
}
