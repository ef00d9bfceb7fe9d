/**
 * Problems of request files the dev server found after an edit, by entry id. The content loader records them
 * (it keeps the last valid version of the entry in the store) and the request page throws them, so that the
 * validator's message appears in the browser's error overlay as well as in the terminal. Shared through
 * `globalThis` because the loader and the page modules are loaded separately in the one dev process.
 */
const KEY = Symbol.for('offlabel-jp/dev-problems');

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
