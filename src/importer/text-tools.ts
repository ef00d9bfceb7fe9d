/**
 * Small text helpers shared by the form parsers: comparing labels across full-width and half-width
 * spellings, cutting a label off the front of a cell, re-joining lines that the PDF wrapped, and reading
 * the extractor's Markdown decorations (`### `, `**bold**`, `*italic*`, `<https://…>`) on plain lines.
 *
 * Comparison uses a normalised copy (NFKC, no white space); the text that goes into a record is always the
 * original.
 */
import { httpUrl } from '../schemas/common.ts';

/** Normalised texts already computed: labels and cells repeat, and NFKC is the parser's hottest step. */
const normalised = new Map<string, string>();

/** A copy of the text for comparisons: NFKC (so `（` equals `(` and `Ⅲ` equals `III`), no white space, lower case. */
export function normaliseForMatch(text: string): string {
  let norm = normalised.get(text);
  if (norm === undefined) {
    norm = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    if (normalised.size >= 50_000) normalised.clear();
    normalised.set(text, norm);
  }
  return norm;
}

/** Whether the text starts with the label, ignoring width, case and white space. */
export function startsWithLabel(text: string, label: string): boolean {
  return normaliseForMatch(text).startsWith(normaliseForMatch(label));
}

/**
 * Cuts a label off the front of a text, comparing as {@link normaliseForMatch} does, and returns the rest
 * of the original text (trimmed), or `undefined` when the text does not start with the label.
 */
export function cutLabel(text: string, label: string): string | undefined {
  const target = normaliseForMatch(label);
  if (!normaliseForMatch(text).startsWith(target)) return undefined;
  let consumed = '';
  for (let index = 0; index < text.length; index += 1) {
    consumed += text.charAt(index);
    if (normaliseForMatch(consumed) === target) return text.slice(index + 1).trim();
  }
  return '';
}

/** Opening and closing brackets the forms use around an instruction, in both widths. */
const OPEN = '(（';
const CLOSE = ')）';

/**
 * Splits a leading bracketed group off a text: `(該当するものにチェックする。) rest` gives the group and
 * `rest`. An unclosed group (a label split by a page break) returns `closed: false` and consumes the text.
 */
export function cutLeadingGroup(text: string): { group: string; rest: string; closed: boolean } | undefined {
  const trimmed = text.trimStart();
  if (trimmed === '' || !OPEN.includes(trimmed.charAt(0))) return undefined;
  let depth = 0;
  for (let index = 0; index < trimmed.length; index += 1) {
    const char = trimmed.charAt(index);
    if (OPEN.includes(char)) depth += 1;
    else if (CLOSE.includes(char)) {
      depth -= 1;
      if (depth === 0) return { group: trimmed.slice(0, index + 1), rest: trimmed.slice(index + 1).trim(), closed: true };
    }
  }
  return { group: trimmed, rest: '', closed: false };
}

/** Characters after which a wrapped line carries on mid-sentence (no full stop, no closing bracket). */
function endsMidSentence(text: string): boolean {
  const last = text.at(-1) ?? '';
  return /[、，,\p{L}]/u.test(last);
}

/** Display width, counting East Asian wide characters as two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

/** A line shorter than this (in columns) was not wrapped by the PDF: its break is the author's. */
const WRAP_WIDTH = 60;

/** Whether a line starts a new item: a number, a bullet, a bracket, a circled number. */
export function startsNewItem(text: string): boolean {
  return /^(?:\d+[.)．）]|[(（[［【〔<＜]|[①-⑳]|[・•\-–—※]|[ivx]+\))/iu.test(text.trim());
}

/**
 * Whether `next` continues `previous` in the same sentence: the PDF wrapped a long line mid-sentence, and
 * the next line does not start an item of its own.
 */
export function isWrappedLine(previous: string, next: string): boolean {
  return displayWidth(previous) >= WRAP_WIDTH && endsMidSentence(previous) && !startsNewItem(next);
}

/** The glue for two pieces of one wrapped sentence: a space between Latin words, nothing in Japanese. */
export function wrapGlue(previous: string, next: string): string {
  return /[A-Za-z0-9.,;:)]$/.test(previous) && /^[A-Za-z0-9(]/.test(next) ? ' ' : '';
}

/** Joins paragraph lines: a line the PDF wrapped mid-sentence is glued back, other breaks are kept. */
export function joinParagraphLines(lines: readonly string[]): string {
  let out = '';
  let previous: string | undefined;
  for (const line of lines) {
    if (line === '') continue;
    if (previous === undefined) out = line;
    else out += isWrappedLine(previous, line) ? wrapGlue(previous, line) + line : `\n${line}`;
    previous = line;
  }
  return out;
}

/** Joins the lines of one citation, which the PDF may have wrapped anywhere. */
export function joinCitationLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (line === '') continue;
    out = out === '' ? line : out + wrapGlue(out, line) + line;
  }
  return out;
}

/** A Markdown heading marker the extractor puts before some headings (`### 3. …`). */
const HEADING_MARK = /^#{1,6}[ \t]+/;

/**
 * Removes the Markdown decorations the extractor adds to plain lines: a leading heading marker, `**bold**`
 * pairs and `*italic*` pairs around words. Other asterisks (`p*0.05`) stay.
 */
export function stripMarkdownDecorations(line: string): string {
  let text = line.replace(HEADING_MARK, '');
  const strongPairs = text.split('**').length - 1;
  if (strongPairs > 0 && strongPairs % 2 === 0) text = text.split('**').join('');
  text = text.replace(/(^|[\s(（])\*(\S(?:[^*\n]*?\S)?)\*(?=$|[\s.,;:)）])/gu, '$1$2');
  return text;
}

/** Whether a plain line carries an extractor decoration that {@link stripMarkdownDecorations} would remove. */
export function hasMarkdownDecoration(line: string): boolean {
  return stripMarkdownDecorations(line) !== line;
}

/** A Markdown autolink, `<https://…>`, as the extractor writes a printed address. */
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/u;

/**
 * Takes a printed address out of a text: `(<https://x>)` or `<https://x>` gives the address and the text
 * without it.
 */
export function takeAutolink(text: string): { url?: string; rest: string } {
  const match = AUTOLINK.exec(text);
  const url = match?.[1] ?? '';
  // An address the schema would refuse stays in the text, as printed.
  if (!match || !httpUrl.safeParse(url).success) return { rest: text };
  let before = text.slice(0, match.index);
  let after = text.slice(match.index + match[0].length);
  if (/[(（]\s*$/.test(before) && /^\s*[)）]/.test(after)) {
    before = before.replace(/[(（]\s*$/, '');
    after = after.replace(/^\s*[)）]/, '');
  }
  return { url, rest: `${before.trimEnd()} ${after.trimStart()}`.trim() };
}

/** Checkbox glyphs some extractions print instead of `<input type="checkbox">`. */
const CHECKED_GLYPHS = '☑☒■✓✔';
const UNCHECKED_GLYPHS = '☐□';

/** Whether a character is a checkbox glyph; returns its state or `undefined`. */
export function readGlyph(char: string): boolean | undefined {
  if (CHECKED_GLYPHS.includes(char)) return true;
  if (UNCHECKED_GLYPHS.includes(char)) return false;
  return undefined;
}
