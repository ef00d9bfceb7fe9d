/**
 * The primer's review is kept as tables in `docs/primer-review/` (one per chapter, one for the glossary: claim,
 * chapter and line, source, verdict), so that the next review starts from it. These tests keep the tables
 * readable and tied to the text: every chapter and both languages are covered, every verdict is one of the
 * five, every line points into the file, and each chapter's changelog ends at its last-reviewed date.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const reviewDir = join(root, 'docs/primer-review');
const slugs = readdirSync(join(root, 'content/primer/ja'))
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => file.slice(0, -'.mdx'.length));
const glossaryIds = new Set(
  readdirSync(join(root, 'content/glossary'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length)),
);
const VERDICTS = new Set(['kept', 'corrected', 'dated', 'removed', 'added']);

/** A row of a review table. */
interface ReviewRow {
  lang: string;
  line: string;
  claim: string;
  source: string;
  verdict: string;
  note: string;
}

function table(name: string): ReviewRow[] {
  return parse<ReviewRow>(readFileSync(join(reviewDir, `${name}.csv`), 'utf8'), { columns: true, skip_empty_lines: true });
}

describe('the primer review tables', () => {
  for (const slug of slugs) {
    it(`${slug}: covers both languages, with known verdicts and lines inside the chapter`, () => {
      expect(existsSync(join(reviewDir, `${slug}.csv`)), `docs/primer-review/${slug}.csv is missing`).toBe(true);
      const rows = table(slug);
      const problems: string[] = [];
      for (const lang of ['ja', 'en']) {
        const lines = readFileSync(join(root, 'content/primer', lang, `${slug}.mdx`), 'utf8').split('\n').length;
        const own = rows.filter((row) => row.lang === lang);
        if (own.length === 0) problems.push(`no rows for ${lang}`);
        own.forEach((row, index) => {
          const line = Number(row.line);
          if (!Number.isInteger(line) || line < 1 || line > lines) problems.push(`${lang} row ${index + 1}: line "${row.line}" is not a line of content/primer/${lang}/${slug}.mdx (1–${lines})`);
        });
      }
      rows.forEach((row, index) => {
        if (!VERDICTS.has(row.verdict)) problems.push(`row ${index + 2}: verdict "${row.verdict}" is not one of ${[...VERDICTS].join(', ')}`);
        if (row.claim.trim() === '') problems.push(`row ${index + 2}: the claim must be filled`);
        if (row.source.trim() === '' && row.verdict !== 'removed') problems.push(`row ${index + 2}: a claim that stays in the chapter needs its source`);
      });
      expect(problems, `docs/primer-review/${slug}.csv`).toEqual([]);
    });
  }

  it('glossary: every term was reviewed, and rows name existing terms with known verdicts', () => {
    const rows = table('glossary');
    expect([...glossaryIds].filter((id) => !rows.some((row) => row.line === id))).toEqual([]);
    const problems = rows.flatMap((row, index) => [
      ...(glossaryIds.has(row.line) ? [] : [`row ${index + 2}: "${row.line}" is not a glossary term id`]),
      ...(VERDICTS.has(row.verdict) ? [] : [`row ${index + 2}: verdict "${row.verdict}" is unknown`]),
    ]);
    expect(problems).toEqual([]);
  });
});

describe('the primer after its review', () => {
  for (const slug of slugs) {
    it(`${slug}: its changelog's latest entry is its last-reviewed date, in both languages`, () => {
      for (const lang of ['ja', 'en']) {
        const source = readFileSync(join(root, 'content/primer', lang, `${slug}.mdx`), 'utf8');
        const data = load(/^---\n([\s\S]*?)\n---\n/u.exec(source)?.[1] ?? '') as { lastReviewed: string; changes?: { date: string }[] };
        expect(data.changes?.[0]?.date, `content/primer/${lang}/${slug}.mdx: changes[0].date`).toBe(data.lastReviewed);
      }
    });
  }

  it('the glossary has at least 100 terms', () => {
    expect(glossaryIds.size).toBeGreaterThanOrEqual(100);
  });
});
