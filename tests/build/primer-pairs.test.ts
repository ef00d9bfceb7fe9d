/**
 * The two languages of the primer say the same thing: for each chapter, the Japanese and English files have the
 * same headings, cite the same sources in the same order, list the same sources and state the same numbers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { chapterFacts, comparePair } from '../../src/lib/primer-pairs.ts';

const primerDir = join(import.meta.dirname, '../../content/primer');
const slugs = readdirSync(join(primerDir, 'ja')).filter((file) => file.endsWith('.mdx'));

/** The chapter's frontmatter fields the pair must share. */
function frontmatter(source: string): { chapter: number; sources: { id: string; url?: string }[]; lastReviewed: string } {
  const match = /^---\n([\s\S]*?)\n---\n/u.exec(source);
  return load(match?.[1] ?? '') as { chapter: number; sources: { id: string; url?: string }[]; lastReviewed: string };
}

describe('primer chapters in both languages', () => {
  it('every Japanese chapter has an English one and the other way round', () => {
    expect(readdirSync(join(primerDir, 'en')).filter((file) => file.endsWith('.mdx')).sort()).toEqual([...slugs].sort());
  });

  for (const file of slugs) {
    it(`${file}: same headings, citations, sources, numbers and review date`, () => {
      const ja = readFileSync(join(primerDir, 'ja', file), 'utf8');
      const en = readFileSync(join(primerDir, 'en', file), 'utf8');
      const problems = comparePair(chapterFacts(ja, 'ja'), chapterFacts(en, 'en'));
      const jaMeta = frontmatter(ja);
      const enMeta = frontmatter(en);
      if (jaMeta.chapter !== enMeta.chapter) problems.push(`chapter numbers differ: ja ${jaMeta.chapter}, en ${enMeta.chapter}`);
      if (jaMeta.lastReviewed !== enMeta.lastReviewed) problems.push(`lastReviewed differs: ja ${jaMeta.lastReviewed}, en ${enMeta.lastReviewed}`);
      const ids = (meta: typeof jaMeta) => meta.sources.map((source) => `${source.id} ${source.url ?? ''}`).join('\n');
      if (ids(jaMeta) !== ids(enMeta)) problems.push(`source lists differ (id and URL, in order):\nja:\n${ids(jaMeta)}\nen:\n${ids(enMeta)}`);
      expect(problems, `content/primer/{ja,en}/${file}`).toEqual([]);
    });
  }
});
