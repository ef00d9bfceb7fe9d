/**
 * What a primer chapter states, reduced to what must be the same in both languages: its headings, the sources
 * it cites (in order) and its numbers (years, dates, counts, periods). Wording may differ between the Japanese
 * and English chapter; these facts may not. Pure, so the pair test and the editors' check share it.
 */

/** The facts of one chapter that its translation must repeat. */
export interface ChapterFacts {
  /** Heading levels in order (2 for `##`, 3 for `###`). */
  headings: number[];
  /** Ids of the cited sources, in the order they are first cited. */
  cites: string[];
  /** The numbers the text states, as a sorted list of distinct values (see {@link chapterNumbers}). */
  numbers: string[];
}

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The chapter body without frontmatter, code, URLs, HTML/JSX tags' attributes other than Cite ids, and comments. */
function prose(body: string): string {
  return body
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/gu, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/```[\s\S]*?```/gu, '')
    .replace(/\]\([^)]*\)/gu, ']')
    .replace(/https?:\/\/\S+/gu, '')
    .replace(/<\/?[A-Za-z][^>]*>/gu, ' ');
}

/**
 * The numbers a chapter states: every year (1900–2099), and every other number of two or more digits (counts,
 * days, amounts, notice numbers), digits only (1,100 → 1100; full-width digits folded). English month names
 * count as their month numbers (25 December 2023 → 25, 12, 2023, as in 2023年12月25日). Japanese era years
 * (令和6年, 平成26年度) are left out, and 5万 counts as 50000: a chapter gives the Western year too, and that is compared. Numbers below
 * 10 are left out, because one language may spell them as words or kanji (Type 1 / 第一種, two / 2).
 */
export function chapterNumbers(body: string, lang: 'ja' | 'en'): string[] {
  let text = prose(body).normalize('NFKC');
  if (lang === 'ja') {
    text = text
      .replace(/(令和|平成|昭和)\s*(元|\d+)\s*(年度|年)/gu, ' ')
      .replace(/(\d+(?:\.\d+)?)\s*(億|万)/gu, (_, n: string, unit: string) => String(Math.round(Number(n) * (unit === '億' ? 1e8 : 1e4))));
  }
  else {
    text = text.replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/giu, (month) => ` ${EN_MONTHS.indexOf(month.toLowerCase()) + 1} `);
  }
  text = text.replace(/(\d),(?=\d{3}\b)/gu, '$1');
  const found = new Set<string>();
  for (const match of text.matchAll(/\d+(?:\.\d+)?/gu)) {
    const value = match[0].replace(/^0+(?=\d)/u, '');
    if (Number(value) >= 10) found.add(value);
  }
  return [...found].sort((a, b) => Number(a) - Number(b));
}

/** The facts of a chapter's MDX source that its translation must repeat. */
export function chapterFacts(body: string, lang: 'ja' | 'en'): ChapterFacts {
  const text = body.replace(/^---\n[\s\S]*?\n---\n/u, '').replace(/```[\s\S]*?```/gu, '');
  const headings = [...text.matchAll(/^(#{2,6})\s/gmu)].map((match) => (match[1] ?? '').length);
  const cites: string[] = [];
  for (const [, id = ''] of text.matchAll(/<Cite\s+id=["']([^"']+)["']/gu)) if (!cites.includes(id)) cites.push(id);
  return { headings, cites, numbers: chapterNumbers(body, lang) };
}

/** What differs between a chapter and its translation: one line per difference, empty when they agree. */
export function comparePair(ja: ChapterFacts, en: ChapterFacts): string[] {
  const problems: string[] = [];
  if (ja.headings.join() !== en.headings.join()) problems.push(`headings differ: ja has levels [${ja.headings.join(', ')}], en has [${en.headings.join(', ')}]`);
  if (ja.cites.join() !== en.cites.join()) problems.push(`citations differ (ids in order of first citation): ja [${ja.cites.join(', ')}], en [${en.cites.join(', ')}]`);
  const onlyJa = ja.numbers.filter((n) => !en.numbers.includes(n));
  const onlyEn = en.numbers.filter((n) => !ja.numbers.includes(n));
  if (onlyJa.length > 0) problems.push(`numbers only in the Japanese chapter: ${onlyJa.join(', ')}`);
  if (onlyEn.length > 0) problems.push(`numbers only in the English chapter: ${onlyEn.join(', ')}`);
  return problems;
}
