/**
 * Looking up the entries of a name registry (requesters, companies) by the names MHLW's lists print: each entry
 * under its Japanese name, English name and aliases, compared in a normalised form the registry chooses. Pure;
 * `requester-registry.ts` and `company-registry.ts` each give it their normalisation and cell splitting.
 */

/** What an entry of a name registry has. */
export interface NamedEntry {
  /** Japanese name. */
  ja: string;
  /** English name. */
  en: string;
  /** Other spellings. */
  aliases: readonly string[];
}

/** Looks names up in a registry. */
export interface NameIndex<E> {
  /** The entry a name stands for, or undefined. */
  find(name: string): E | undefined;
  /** Every entry named in a cell, in order, and the names no entry matches. */
  resolve(cell: string | undefined): { entries: E[]; unmatched: string[] };
}

/**
 * Builds the index of a registry. `normalise` makes names comparable; `split` cuts a cell into names. A name with
 * a note in brackets after it (日本リンパ腫学会(日本リンパ網内系学会より改称), 参天製薬株式会社(発売)) is found by the name alone.
 */
export function createNameIndex<E extends NamedEntry>(entries: readonly E[], normalise: (name: string) => string, split: (cell: string) => string[]): NameIndex<E> {
  const byName = new Map<string, E>();
  for (const entry of entries) {
    for (const name of [entry.ja, entry.en, ...entry.aliases]) byName.set(normalise(name), entry);
  }
  const find = (name: string): E | undefined => byName.get(normalise(name)) ?? byName.get(normalise(name.normalize('NFKC').replace(/\([^()]*\)$/u, '')));
  return {
    find,
    resolve(cell) {
      const found: E[] = [];
      const unmatched: string[] = [];
      if (cell === undefined) return { entries: found, unmatched };
      for (const name of split(cell)) {
        const entry = find(name);
        if (!entry) unmatched.push(name);
        else if (!found.includes(entry)) found.push(entry);
      }
      return { entries: found, unmatched };
    },
  };
}
