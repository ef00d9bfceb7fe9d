/**
 * Writing a form page as the importer's cell stream: each table row band a line of tab-separated cells (each
 * cell an HTML fragment of `<p>` paragraphs, `<input type="checkbox">` boxes and nested `<table>`s), and
 * each paragraph outside the tables a line of plain text (`**…**` around a bold start). This is the same
 * text the form parser reads from a text file, so every guarantee of the text importer holds for a PDF.
 *
 * Checkboxes are read three ways: Unicode glyphs (☐ ☑ ☒ ■ □, as MS Gothic prints them), Wingdings code
 * points (a symbol font's private-use characters), and small drawn squares with a tick inside. A box whose
 * content is not a tick or blank is left out and reported, never guessed.
 */
import type { Glyph, PdfPage } from './pdf-document.ts';
import { buildTables, findDrawnBoxes, glyphIn, type DrawnBox, type Rect, type Table } from './page-layout.ts';

/** A line of the rebuilt text, with the page it comes from. */
export interface PageLine {
  /** The line, in the importer's text format. */
  text: string;
  /** 1-based page number. */
  page: number;
}

/** Something the reader decided and a human should check, with its page. */
export interface PageNote {
  /** 1-based page number. */
  page: number;
  /** What was found and done. */
  message: string;
}

/** Wingdings code points (as the low byte, or U+F0xx) that are boxes. Wingdings only: other symbol fonts differ. */
const WINGDINGS_BOXES: ReadonlyMap<number, boolean> = new Map([
  [0x6f, false], // □
  [0x70, false], // ◻ (bold)
  [0x71, false], // ❑
  [0x72, false], // ❒
  [0xa8, false], // ◻
  [0xfd, true], // ☒
  [0xfe, true], // ☑
]);

/** Marks that tick a drawn box: a check (✓ ✔ ✅ レ √), a cross (× ✗ ✘ X x ☓), a filled square or circle. */
const TICK_MARKS = /^[✓✔✅レ√×✗✘☓XxVv■●○◯]$/u;

const CHECKED = '☑';
const UNCHECKED = '☐';

function isPrivateUse(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xe000 && code <= 0xf8ff;
}

function isSymbolFont(font: string): boolean {
  return /wingdings|webdings|symbol|opensymbol|dingbat|marlett/i.test(font);
}

/**
 * Replaces symbol-font boxes with ☐/☑ and drops other symbol-font characters, with a note for each kind
 * it could not read.
 */
export function readSymbolGlyphs(glyphs: readonly Glyph[], page: number, notes: PageNote[]): Glyph[] {
  const out: Glyph[] = [];
  const unknown = new Map<string, number>();
  for (const glyph of glyphs) {
    const privateUse = isPrivateUse(glyph.text);
    if (!privateUse && !(isSymbolFont(glyph.font) && /^[\x21-\xff]$/.test(glyph.text))) {
      out.push(glyph);
      continue;
    }
    const code = (glyph.text.codePointAt(0) ?? 0) & 0xff;
    // Wingdings 2 and 3 put other symbols at the same code points; LibreOffice substitutes OpenSymbol for Wingdings.
    const otherWingdings = /wingdings[ -]?[23]/i.test(glyph.font);
    const wingdings = !otherWingdings && (/wingdings|opensymbol/i.test(glyph.font) || privateUse);
    const box = wingdings ? WINGDINGS_BOXES.get(code) : undefined;
    if (box === undefined) {
      const key = `U+${(glyph.text.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} (${glyph.font || 'unnamed font'})`;
      unknown.set(key, (unknown.get(key) ?? 0) + 1);
      continue;
    }
    out.push({ ...glyph, text: box ? CHECKED : UNCHECKED, space: false });
  }
  for (const [key, count] of unknown) {
    notes.push({ page, message: `a symbol-font character ${key} is not a checkbox the importer knows${count > 1 ? ` (${count} times)` : ''}; left out — if it is a box, check the form and set the field by hand` });
  }
  return out;
}

/**
 * Turns drawn boxes into ☐/☑ glyphs placed where the box is: blank inside is ☐, a tick mark is ☑. Anything
 * else inside leaves the box out (the field stays unset) and adds a note.
 */
export function readDrawnBoxes(glyphs: readonly Glyph[], boxes: readonly DrawnBox[], page: number, notes: PageNote[]): Glyph[] {
  const consumed = new Set<Glyph>();
  const added: Glyph[] = [];
  for (const box of boxes) {
    const marks = box.inside.filter((glyph) => !glyph.space);
    for (const glyph of box.inside) consumed.add(glyph);
    const size = box.bottom - box.top;
    const baseline = box.inside[0]?.y ?? box.bottom - size * 0.15;
    const place = { x: box.left, width: box.right - box.left, y: baseline, size: box.inside[0]?.size ?? size, font: '', bold: false, space: false };
    const text = marks.map((glyph) => glyph.text).join('');
    if (marks.length === 0) added.push({ ...place, text: UNCHECKED });
    else if (TICK_MARKS.test(text)) added.push({ ...place, text: CHECKED });
    else {
      notes.push({ page, message: `a drawn checkbox holds ${JSON.stringify(text)}, which is not a tick; the box is left unset — look at the form and set the field by hand` });
    }
  }
  return [...glyphs.filter((glyph) => !consumed.has(glyph)), ...added];
}

function isWide(char: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f☐☑]/u.test(char);
}

/** A line of glyphs. */
interface TextLine {
  glyphs: Glyph[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  baseline: number;
  size: number;
}

/** Groups glyphs into lines by vertical overlap (a superscript joins its line), each sorted left to right. */
export function groupLines(glyphs: readonly Glyph[]): TextLine[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const glyph of sorted) {
    const top = glyph.y - glyph.size * 0.88;
    const bottom = glyph.y + glyph.size * 0.12;
    const line = lines.find((candidate) => {
      const overlap = Math.min(candidate.bottom, bottom) - Math.max(candidate.top, top);
      return overlap > Math.min(candidate.bottom - candidate.top, bottom - top) * 0.5;
    });
    if (line) {
      line.glyphs.push(glyph);
      if (glyph.size >= line.size) {
        line.baseline = glyph.y;
        line.size = glyph.size;
      }
      line.top = Math.min(line.top, top);
      line.bottom = Math.max(line.bottom, bottom);
    } else lines.push({ glyphs: [glyph], top, bottom, left: 0, right: 0, baseline: glyph.y, size: glyph.size });
  }
  for (const line of lines) {
    line.glyphs.sort((a, b) => a.x - b.x);
    const ink = line.glyphs.filter((glyph) => !glyph.space);
    line.left = ink[0]?.x ?? line.glyphs[0]?.x ?? 0;
    const last = ink.at(-1) ?? line.glyphs.at(-1);
    line.right = last ? last.x + last.width : line.left;
  }
  return lines.filter((line) => line.glyphs.some((glyph) => !glyph.space)).sort((a, b) => a.baseline - b.baseline);
}

/** A run of text of one weight. */
interface Run {
  text: string;
  bold: boolean;
}

/**
 * The text of a line: a space glyph is a space; a gap between two Latin glyphs wider than a fifth of the
 * em is a space too (some producers position words instead of printing spaces); a gap next to a Japanese
 * character is layout (Word's and LibreOffice's automatic spacing), not a character.
 */
function lineRuns(line: TextLine): Run[] {
  const runs: Run[] = [];
  let previous: Glyph | undefined;
  let pendingSpace = false;
  for (const glyph of line.glyphs) {
    if (glyph.space) {
      if (previous) pendingSpace = true;
      continue;
    }
    if (previous) {
      const gap = glyph.x - (previous.x + previous.width);
      const wide = isWide(previous.text.at(-1) ?? '') || isWide(glyph.text[0] ?? '');
      if (!pendingSpace && gap > glyph.size * (wide ? 1.5 : 0.2)) pendingSpace = true;
    }
    const text = `${pendingSpace ? ' ' : ''}${glyph.text}`;
    const last = runs.at(-1);
    if (last && (last.bold === glyph.bold || text.trim() === '')) last.text += text;
    else runs.push({ text, bold: glyph.bold });
    pendingSpace = false;
    previous = glyph;
  }
  return runs;
}

/** A paragraph: its lines' runs, joined. */
interface Paragraph {
  runs: Run[];
  top: number;
  /** Where its last line ends. */
  end: number;
  /** The em of its last line. */
  size: number;
  /** Whether its last line ends with a space glyph (the text goes on after a space). */
  trailingSpace: boolean;
}

/** Whether a line's last glyph is a space (a line wrapped at a space keeps it as its last glyph). */
function endsWithSpace(line: TextLine): boolean {
  return line.glyphs.at(-1)?.space === true;
}

const PARAGRAPH_START = /^(?:[☐☑●◆◇※【]|[・•][ \u3000]|[①-⑳]|[0-9０-９]{1,2}[).．)）](?![0-9０-９])|[ア-ン][ \u3000]|[ⅰ-ⅻ]|[ivx]{1,4}[)）])/u;

/** How many brackets a text opens and does not close. */
function openBrackets(text: string): number {
  return (text.match(/[(（［[〔【「『]/gu) ?? []).length - (text.match(/[)）］\]〕】」』]/gu) ?? []).length;
}

/**
 * Joins lines into paragraphs. A line starts a new paragraph when the gap above it is wider than the
 * region's usual line step, when it starts with a box, bullet or item number, or when the line above ended
 * short of the right edge by more than the new line's first word would need.
 */
export function groupParagraphs(lines: readonly TextLine[], right: number, step: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let previous: TextLine | undefined;
  for (const line of lines) {
    const runs = lineRuns(line);
    const text = runs.map((run) => run.text).join('');
    let start = !previous;
    if (previous) {
      const gap = line.baseline - previous.baseline;
      const open = paragraphs.at(-1);
      const inBracket = open !== undefined && openBrackets(open.runs.map((run) => run.text).join('')) > 0;
      if (gap > step * 1.12 || gap < 0) start = true;
      else if (inBracket) start = false;
      else if (PARAGRAPH_START.test(text)) start = true;
      else if (right - previous.right > firstWordWidth(line) + line.size * 0.5) start = true;
    }
    const current = paragraphs.at(-1);
    if (start || !current) paragraphs.push({ runs: runs.map((run) => ({ ...run })), top: line.top, end: line.right, size: line.size, trailingSpace: endsWithSpace(line) });
    else {
      const lastChar = current.runs.at(-1)?.text.at(-1) ?? '';
      const joiner = previous && endsWithSpace(previous) ? ' ' : isWide(lastChar) || isWide(text[0] ?? '') || lastChar === '-' || lastChar === '' ? '' : ' ';
      const first = runs[0];
      const tail = current.runs.at(-1);
      if (first && tail && first.bold === tail.bold) {
        tail.text += `${joiner}${first.text}`;
        current.runs.push(...runs.slice(1).map((run) => ({ ...run })));
      } else {
        if (tail) tail.text += joiner;
        current.runs.push(...runs.map((run) => ({ ...run })));
      }
      current.end = line.right;
      current.size = line.size;
      current.trailingSpace = endsWithSpace(line);
    }
    previous = line;
  }
  return paragraphs;
}

/** Characters that may not start a line in Japanese typesetting (行頭禁則). */
const NO_LINE_START = /^[、。，．,.)）\]］｝〕〉》」』】〙〗・：；:;!?！？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ]$/u;

/** The width of a line's first word: its Latin letters up to a space or a Japanese character, or its first character. */
function firstWordWidth(line: TextLine): number {
  const ink = line.glyphs.filter((glyph) => !glyph.space);
  const first = ink[0];
  if (!first) return 0;
  // A line breaks only where the typesetter may break: at a space, before a Japanese character, never before
  // closing punctuation (行頭禁則). The unit that could not fit above runs to the first such place.
  const startsWide = isWide(first.text);
  let end = first.x + first.width;
  for (const glyph of line.glyphs.slice(line.glyphs.indexOf(first) + 1)) {
    if (glyph.space) break;
    if (!NO_LINE_START.test(glyph.text) && (startsWide || isWide(glyph.text))) break;
    end = glyph.x + glyph.width;
  }
  return end - first.x;
}

/**
 * The distance between baselines of consecutive lines of one paragraph: the low end (a fifth of the way up)
 * of the steps between lines that stand under each other. Row and paragraph gaps are larger, and common in
 * a form full of one-line cells, so the median would take them for the line step.
 */
export function lineStep(lines: readonly TextLine[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (!a || !b) continue;
    const step = b.baseline - a.baseline;
    const underEachOther = Math.min(a.right, b.right) > Math.max(a.left, b.left);
    if (underEachOther && step > a.size * 0.9 && step < a.size * 2.2) steps.push(step);
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 5)] ?? (lines[0]?.size ?? 10) * 1.45;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph as HTML: text escaped, bold in `<b>`, boxes as `<input type="checkbox">`. */
function paragraphHtml(paragraph: Paragraph): string {
  const parts = paragraph.runs.map((run) => {
    const html = escapeHtml(run.text).replace(/[☐☑]/gu, (box) => (box === CHECKED ? '<input type="checkbox" checked>' : '<input type="checkbox">'));
    return run.bold && run.text.trim() !== '' ? `<b>${html}</b>` : html;
  });
  return `<p>${parts.join('')}</p>`;
}

/** A paragraph as a plain line: `**` around a bold start, tabs (which would split cells) as spaces. */
function paragraphPlain(paragraph: Paragraph): string {
  return paragraph.runs
    .map((run) => (run.bold && run.text.trim() !== '' ? run.text.replace(/^(\s*)(.*?)(\s*)$/su, '$1**$2**$3') : run.text))
    .join('')
    .replace(/\t/g, ' ')
    .trim();
}

/** A piece of a cell in reading order: a paragraph, or a nested table already written as HTML. */
type Part = { kind: 'para'; top: number; paragraph: Paragraph } | { kind: 'table'; top: number; rows: RowCell[][] };

/** A cell of a table row: where it stands and what it holds. */
interface RowCell {
  left: number;
  right: number;
  /** Where its text lines end when full. */
  textRight: number;
  parts: Part[];
}

/** What stands on a page, in order: tables (rows of cells) and paragraphs outside them. */
type PageItem = { kind: 'table'; top: number; rows: RowCell[][] } | { kind: 'para'; top: number; paragraph: Paragraph };

/** What a cell holds, in reading order: paragraphs and nested tables. */
function cellContent(cell: Rect & { nested: Table[] }, glyphs: readonly Glyph[], step: number): RowCell {
  const own = glyphs.filter((glyph) => !cell.nested.some((table) => glyphIn(glyph, table)));
  const lines = groupLines(own);
  const padding = Math.max(0, Math.min(...lines.map((line) => line.left), cell.right) - cell.left);
  const textRight = Math.max(...lines.map((line) => line.right), cell.right - padding);
  const parts: Part[] = groupParagraphs(lines, textRight, step).map((paragraph) => ({ kind: 'para', top: paragraph.top, paragraph }));
  for (const table of cell.nested) {
    const inner = glyphs.filter((glyph) => glyphIn(glyph, table));
    parts.push({ kind: 'table', top: table.top, rows: tableRows(table, inner, step) });
  }
  parts.sort((a, b) => a.top - b.top);
  return { left: cell.left, right: cell.right, textRight, parts };
}

/** A cell as the HTML fragment the parser reads. */
function cellHtml(cell: RowCell): string {
  return cell.parts
    .map((part) => (part.kind === 'para' ? paragraphHtml(part.paragraph) : `<table>${part.rows.map((row) => `<tr>${row.map((inner) => `<td>${cellHtml(inner)}</td>`).join('')}</tr>`).join('')}</table>`))
    .join(' ');
}

/** A table's row bands, each the cells starting in it, left to right. */
function tableRows(table: Table, glyphs: readonly Glyph[], step: number): RowCell[][] {
  const rows = new Map<number, RowCell[]>();
  const remaining = new Set(glyphs);
  for (const cell of table.cells) {
    const inside = [...remaining].filter((glyph) => glyphIn(glyph, cell));
    for (const glyph of inside) remaining.delete(glyph);
    const row = rows.get(cell.row) ?? [];
    row.push(cellContent(cell, inside, step));
    rows.set(cell.row, row);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
}

/** Whether a line is a page number or running header a form prints in its margins. */
function isPageFurniture(text: string, top: number, pageHeight: number): boolean {
  const margin = top < pageHeight * 0.06 || top > pageHeight * 0.92;
  return margin && /^(?:[-－‐–—]?\s*\d{1,3}\s*[-－‐–—]?|\d{1,3}\s*\/\s*\d{1,3}|page\s*\d+|\d+\s*ページ)$/iu.test(text.trim());
}

/** A page made ready for layout: its glyphs (boxes read) and its tables. */
interface PreparedPage {
  page: PdfPage;
  glyphs: Glyph[];
  tables: Table[];
}

function preparePage(page: PdfPage, notes: PageNote[]): PreparedPage {
  let glyphs = readSymbolGlyphs(page.glyphs, page.number, notes);
  const { boxes, rest } = findDrawnBoxes(page.segments, glyphs);
  glyphs = readDrawnBoxes(glyphs, boxes, page.number, notes);
  return { page, glyphs, tables: buildTables(rest) };
}

/** The items of one page, in the order they stand on it. */
function pageItems(prepared: PreparedPage, step: number, flowRight: number): PageItem[] {
  const { page, glyphs, tables } = prepared;
  const items: PageItem[] = [];
  const outside: Glyph[] = [];
  const inTable = new Map<Table, Glyph[]>();
  for (const glyph of glyphs) {
    const table = tables.find((candidate) => glyphIn(glyph, candidate));
    if (!table) outside.push(glyph);
    else {
      const list = inTable.get(table);
      if (list) list.push(glyph);
      else inTable.set(table, [glyph]);
    }
  }
  for (const table of tables) {
    const rows = tableRows(table, inTable.get(table) ?? [], step).filter((row) => row.some((cell) => cell.parts.length > 0));
    if (rows.length > 0) items.push({ kind: 'table', top: table.top, rows });
  }
  const flowLines = groupLines(outside);
  const right = Math.max(flowRight, ...flowLines.map((line) => line.right));
  for (const paragraph of groupParagraphs(flowLines, right, step)) {
    const text = paragraphPlain(paragraph);
    if (text === '' || isPageFurniture(text, paragraph.top, page.height)) continue;
    items.push({ kind: 'para', top: paragraph.top, paragraph });
  }
  return items.sort((a, b) => a.top - b.top);
}

function paragraphText(paragraph: Paragraph): string {
  return paragraph.runs.map((run) => run.text).join('');
}

/**
 * Whether a cell's text stops in mid-flow at the bottom of a page: its last line is full and does not end
 * a sentence, or a bracket is still open.
 */
function endsOpen(cell: RowCell): boolean {
  const last = cell.parts.at(-1);
  if (last?.kind === 'table') return (last.rows.at(-1) ?? []).some(endsOpen);
  if (last?.kind !== 'para') return false;
  const text = paragraphText(last.paragraph).trim();
  if (openBrackets(text) > 0) return true;
  const full = last.paragraph.end >= cell.textRight - last.paragraph.size * 1.5;
  return full && !/[。．.!！?？:：]$/u.test(text);
}

/**
 * Joins a table row that a page break cut in two: the last row of one page and the first of the next,
 * when they have the same columns and a cell's text stops in mid-flow. Each cell's text continues its
 * paragraph across the break.
 */
function joinSplitRows(upper: RowCell[], lower: RowCell[]): RowCell[] | undefined {
  // Cells are matched by their columns. A lower cell with no partner above is the rest of a cell that
  // started rows earlier (a merged label); it may only be empty.
  const partner = (cell: RowCell): RowCell | undefined => lower.find((other) => Math.abs(other.left - cell.left) < 3 && Math.abs(other.right - cell.right) < 3);
  const unmatched = lower.filter((other) => !upper.some((cell) => partner(cell) === other));
  if (unmatched.some((other) => other.parts.length > 0)) return undefined;
  const pairs = upper.map((cell) => partner(cell));
  if (!upper.some((cell, index) => endsOpen(cell) && pairs[index]?.parts[0]?.kind === cell.parts.at(-1)?.kind)) return undefined;
  lower = pairs.map((other) => other ?? { left: 0, right: 0, textRight: 0, parts: [] });
  return upper.map((cell, index) => {
    const other = lower[index] ?? { parts: [] };
    const tail = cell.parts.at(-1);
    const head = other.parts[0];
    if (tail?.kind === 'para' && head?.kind === 'para' && endsOpen(cell)) {
      const joined = joinParagraphs(tail.paragraph, head.paragraph);
      return { ...cell, parts: [...cell.parts.slice(0, -1), { ...tail, paragraph: joined }, ...other.parts.slice(1)] };
    }
    if (tail?.kind === 'table' && head?.kind === 'table') {
      // A nested table that the page break cut: one table again, its cut row joined when it was cut mid-text.
      const last = tail.rows.at(-1);
      const first = head.rows[0];
      const joinedRow = last && first ? joinSplitRows(last, first) : undefined;
      const rows = joinedRow ? [...tail.rows.slice(0, -1), joinedRow, ...head.rows.slice(1)] : [...tail.rows, ...head.rows];
      return { ...cell, parts: [...cell.parts.slice(0, -1), { ...tail, rows }, ...other.parts.slice(1)] };
    }
    return { ...cell, parts: [...cell.parts, ...other.parts] };
  });
}

function joinParagraphs(a: Paragraph, b: Paragraph): Paragraph {
  const lastChar = a.runs.at(-1)?.text.at(-1) ?? '';
  const firstChar = b.runs[0]?.text[0] ?? '';
  const joiner = a.trailingSpace ? ' ' : isWide(lastChar) || isWide(firstChar) || lastChar === '' ? '' : ' ';
  const runs = a.runs.map((run) => ({ ...run }));
  const tail = runs.at(-1);
  if (tail) tail.text += joiner;
  runs.push(...b.runs.map((run) => ({ ...run })));
  return { ...b, top: a.top, runs };
}

/**
 * Lays out a whole document: each page's tables and paragraphs, rows cut by a page break joined again, and
 * everything written as the lines of the importer's text, each with its page.
 */
export function documentLines(pages: readonly PdfPage[]): { lines: PageLine[]; notes: PageNote[] } {
  const notes: PageNote[] = [];
  const prepared = pages.map((page) => preparePage(page, notes));
  const linesOfPages = prepared.map((entry) => groupLines(entry.glyphs));
  const step = lineStep(linesOfPages.flat());
  const pageItemsList = prepared.map((entry, index) => {
    const lefts = (linesOfPages[index] ?? []).map((line) => line.left);
    // The text's right edge, taking the margins as equal on both sides.
    const flowRight = lefts.length > 0 ? entry.page.width - Math.min(...lefts) : 0;
    return pageItems(entry, step, flowRight);
  });
  for (let index = 1; index < pageItemsList.length; index++) {
    const before = pageItemsList[index - 1] ?? [];
    const after = pageItemsList[index] ?? [];
    const last = before.at(-1);
    const first = after[0];
    if (last?.kind !== 'table' || first?.kind !== 'table') continue;
    const upper = last.rows.at(-1);
    const lower = first.rows[0];
    if (!upper || !lower) continue;
    const joined = joinSplitRows(upper, lower);
    if (!joined) continue;
    last.rows[last.rows.length - 1] = joined;
    first.rows.shift();
    if (first.rows.length === 0) after.shift();
    notes.push({ page: index, message: `a table row runs on from page ${index} to page ${index + 1}; its two parts were joined into one row` });
  }
  const lines: PageLine[] = [];
  pageItemsList.forEach((items, index) => {
    const page = prepared[index]?.page.number ?? index + 1;
    for (const item of items) {
      if (item.kind === 'para') lines.push({ text: paragraphPlain(item.paragraph), page });
      else for (const row of item.rows) lines.push({ text: row.map(cellHtml).join('\t'), page });
    }
  });
  return { lines, notes };
}

