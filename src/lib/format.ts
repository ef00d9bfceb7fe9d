/**
 * Small formatting helpers shared by the request components.
 */
import type { Lang } from '../data/vocabulary.ts';

/**
 * The `lang` attribute for text copied from a Japanese document: `ja` on English pages (so that screen
 * readers and fonts treat it as Japanese), nothing on Japanese pages where it is already the page language.
 */
export function originalLang(pageLang: Lang): 'ja' | undefined {
  return pageLang === 'ja' ? undefined : 'ja';
}

/** English month names, built once: creating an `Intl` formatter per call made English pages 3× slower to build. */
const englishMonths = Array.from({ length: 12 }, (_, month) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month, 1)),
);

/** Formats a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date for reading: 2013年11月7日 / 7 November 2013. */
export function formatDate(value: string, lang: Lang): string {
  const [year, month, day] = value.split('-').map(Number);
  if (lang === 'ja') return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
  if (!month) return String(year);
  const monthName = englishMonths[month - 1] ?? String(month);
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/**
 * A PubMed search address for a citation written in Latin script, or `undefined` for citations that
 * PubMed cannot match (e.g. Japanese-only guideline titles). Japanese notes such as （文献4） are dropped
 * from the query.
 */
export function pubmedSearchUrl(citation: string): string | undefined {
  const latin = citation
    .replace(/[（(][^）)]*[\u3040-\u30ff\u4e00-\u9fff][^）)]*[）)]/g, ' ')
    .replace(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = latin.match(/[A-Za-z]{3,}/g) ?? [];
  if (words.length < 4) return undefined;
  return `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(latin)}`;
}

/**
 * The language a note or other free text is written in: Japanese when it holds kana or kanji, else English.
 * Notes are written in one language (a Japanese quotation with an English editors' remark counts as
 * Japanese); pages mark a note whose language is not the page's.
 */
export function textLang(text: string): Lang {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text) ? 'ja' : 'en';
}
