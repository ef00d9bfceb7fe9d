/**
 * The primer query module: the only place that reads the `primer` collection. Chapters pair up across
 * languages by slug (`content/primer/<lang>/<slug>.mdx`).
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { localizedPath, type Lang } from '../i18n/index.ts';

/** A primer chapter entry. */
export type ChapterEntry = CollectionEntry<'primer'>;

/** A chapter in one language, with its slug. */
export interface Chapter {
  /** Slug shared by both languages. */
  slug: string;
  /** The entry. */
  entry: ChapterEntry;
}

const entries = await getCollection('primer');

/** The chapters of a language, in chapter order. */
export function chaptersIn(lang: Lang): Chapter[] {
  return entries
    .filter((entry) => entry.id.startsWith(`${lang}/`))
    .map((entry) => ({ slug: entry.id.slice(lang.length + 1), entry }))
    .sort((a, b) => a.entry.data.chapter - b.entry.data.chapter);
}

/**
 * Where the primer explains what insurance covers at each stage of an off-label request (chapter 4's table):
 * the chapter and the heading anchors Astro generates from its headings in each language. The site's link
 * check fails if a heading is renamed without this.
 */
export const COVERAGE_BY_STAGE = {
  chapter: 'reimbursement',
  anchor: { ja: '適応外使用の段階ごとの保険上の扱い', en: 'coverage-at-each-stage-of-an-off-label-request' },
} as const;

/** The address of a chapter (or of a heading in it) in a language. */
export function chapterHref(slug: string, lang: Lang, anchor?: string): string {
  return `${localizedPath(`/primer/${slug}/`, lang)}${anchor ? `#${anchor}` : ''}`;
}

/** Static paths of the chapter pages of a language, with the previous and next chapters. */
export function chapterPaths(lang: Lang): { params: { slug: string }; props: { chapter: Chapter; previous?: Chapter; next?: Chapter } }[] {
  const list = chaptersIn(lang);
  return list.map((chapter, index) => ({
    params: { slug: chapter.slug },
    props: { chapter, previous: list[index - 1], next: list[index + 1] },
  }));
}

/**
 * Where each glossary term is explained in the primer of a language: for every `<Term id="…">` in a chapter,
 * the section (`##` heading) it appears under, first use first. Heading slugs come from Astro's own
 * rendering, so the anchors always match the built pages.
 */
export async function termSections(lang: Lang): Promise<Map<string, { slug: string; anchor?: string; title: string }[]>> {
  const sections = new Map<string, { slug: string; anchor?: string; title: string }[]>();
  for (const chapter of chaptersIn(lang)) {
    const { headings } = await render(chapter.entry);
    const topLevel = headings.filter((heading) => heading.depth === 2);
    let index = -1;
    for (const line of (chapter.entry.body ?? '').split('\n')) {
      if (/^##\s/.test(line)) index += 1;
      for (const match of line.matchAll(/<Term\s+id="([^"]+)"/g)) {
        const id = match[1] ?? '';
        const heading = topLevel[index];
        const list = sections.get(id) ?? [];
        if (!list.some((place) => place.slug === chapter.slug)) {
          list.push({ slug: chapter.slug, anchor: heading?.slug, title: heading ? `${chapter.entry.data.title} — ${heading.text}` : chapter.entry.data.title });
        }
        sections.set(id, list);
      }
    }
  }
  return sections;
}
