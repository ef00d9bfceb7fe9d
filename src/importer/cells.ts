/**
 * The first pass over a form's text: each line becomes the table cells it holds, each cell the paragraphs
 * (blocks) it holds, and each block a run of text and checkboxes.
 *
 * The PDF extraction writes a table row as cells separated by tabs, and a cell's content either as plain
 * text or as an HTML fragment (`<p>`, `<ul>`, `<table>`, `<input type="checkbox">`). HTML is parsed with
 * cheerio (parse5 underneath), never with regular expressions over tags. Text is never interpreted twice:
 *
 * - A line with no HTML element the extractor writes is plain text and is kept exactly as written:
 *   `p<0.05`, `&lt;`, `{体重}` and `<script>` stay literal.
 * - In an HTML fragment, entities are decoded once by the parser (`&lt;推定方法&gt;` is the text
 *   `<推定方法>`), the extractor's own elements give structure, and anything else (an unknown tag, a
 *   comment) is kept as the exact source text it was written as. Nothing becomes markup downstream.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { SourceLine } from './source-text.ts';

/** A piece of a block: text, or a checkbox the form prints. */
export type Inline = { kind: 'text'; text: string } | { kind: 'checkbox'; checked: boolean };

/** A paragraph-level run (a `<p>`, a `<li>`, a plain line) with the line it starts on. */
export interface Block {
  /** 1-based source line. */
  line: number;
  /** Text and checkboxes in reading order. */
  inlines: Inline[];
}

/** One table cell of the extracted text (a tab-separated field, or a `<td>` of an HTML table). */
export interface Cell {
  /** 1-based source line. */
  line: number;
  /** The cell's paragraphs, in reading order. Empty for an empty cell. */
  blocks: Block[];
  /** Whether the cell was an HTML fragment (its text was decoded by the HTML parser). */
  markup: boolean;
  /** Things the tokenizer noticed (an unknown tag kept as text, a formula converted). */
  notes: string[];
}

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dl', 'dt', 'dd', 'pre', 'center']);
/** Elements that start a new cell. */
const CELL_TAGS = new Set(['td', 'th']);
/** Table structure around the cells. */
const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'colgroup', 'col']);
/** Formatting the extractor writes; its text is kept, the formatting dropped. */
const INLINE_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'sup', 'sub', 'span', 'font', 'small', 'big', 's', 'strike', 'ins', 'del', 'mark', 'a', 'label', 'nobr']);
/** Every element the extractor is known to write; a line containing none of them is plain text. */
const KNOWN_TAGS = new Set([...BLOCK_TAGS, ...CELL_TAGS, ...TABLE_TAGS, ...INLINE_TAGS, 'br', 'input', 'math']);

/** TeX commands the extractor writes inside `<math>` for single symbols, e.g. `150 <math>\mu</math> mole/L`. */
const TEX_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['\\mu', 'μ'],
  ['\\alpha', 'α'],
  ['\\beta', 'β'],
  ['\\gamma', 'γ'],
  ['\\delta', 'δ'],
  ['\\kappa', 'κ'],
  ['\\lambda', 'λ'],
  ['\\pi', 'π'],
  ['\\sigma', 'σ'],
  ['\\pm', '±'],
  ['\\times', '×'],
  ['\\le', '≤'],
  ['\\leq', '≤'],
  ['\\ge', '≥'],
  ['\\geq', '≥'],
  ['\\circ', '°'],
  ['\\cdot', '·'],
]);

/** HTML white space (not the full-width space, which is text). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** Whether a line holds one of the HTML elements the extractor writes. Used to decide plain or HTML. */
export function hasExtractorMarkup(text: string): boolean {
  return text.includes('<') && containsKnownElement(cheerio.load(text, {}, false).root().get(0)?.children ?? []);
}

/** Whether a parsed node is an element (`<p>`, `<script>` …). */
function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1;
}

/** Whether a parsed node is text. */
function isText(node: AnyNode): node is Text {
  return node.nodeType === 3;
}

function containsKnownElement(nodes: readonly AnyNode[]): boolean {
  return nodes.some((node) => isElement(node) && (KNOWN_TAGS.has(node.tagName.toLowerCase()) || containsKnownElement(node.children)));
}

class CellBuilder {
  readonly cells: Cell[] = [];
  private blocks: Block[] = [];
  private inlines: Inline[] = [];
  private notes: string[] = [];

  constructor(
    private readonly line: number,
    private readonly source: string,
  ) {}

  addText(text: string): void {
    if (text !== '') this.inlines.push({ kind: 'text', text });
  }

  addCheckbox(checked: boolean): void {
    this.inlines.push({ kind: 'checkbox', checked });
  }

  addNote(note: string): void {
    this.notes.push(note);
  }

  endBlock(): void {
    const inlines = normaliseInlines(this.inlines);
    if (inlines.length > 0) this.blocks.push({ line: this.line, inlines });
    this.inlines = [];
  }

  endCell(): void {
    this.endBlock();
    if (this.blocks.length > 0 || this.notes.length > 0) this.cells.push({ line: this.line, blocks: this.blocks, markup: true, notes: this.notes });
    this.blocks = [];
    this.notes = [];
  }

  /** The exact source text between two offsets of the cell. */
  slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }
}

/** Joins adjacent text, collapses HTML white space, and trims the block's ends. */
function normaliseInlines(inlines: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const last = merged.at(-1);
    if (inline.kind === 'text' && last?.kind === 'text') last.text += inline.text;
    else merged.push(inline.kind === 'text' ? { kind: 'text', text: inline.text } : inline);
  }
  const out: Inline[] = [];
  merged.forEach((inline, index) => {
    if (inline.kind === 'checkbox') {
      out.push(inline);
      return;
    }
    let text = inline.text.replace(HTML_SPACE, ' ');
    if (index === 0) text = text.replace(/^ /, '');
    if (index === merged.length - 1) text = text.replace(/ $/, '');
    if (text !== '') out.push({ kind: 'text', text });
  });
  return out;
}

/** The text inside a node, without touching the tree (loading a node into cheerio would move it). */
function textContent(node: AnyNode): string {
  if (isText(node)) return node.data;
  if ('children' in node) return node.children.map(textContent).join('');
  return '';
}

function convertMath(element: Element, builder: CellBuilder): void {
  const tex = textContent(element).trim();
  const symbol = TEX_SYMBOLS.get(tex);
  const location = element.sourceCodeLocation;
  if (symbol !== undefined) {
    builder.addText(symbol);
    builder.addNote(`formula <math>${tex}</math> written as ${symbol}`);
  } else if (location) {
    builder.addText(builder.slice(location.startOffset, location.endOffset));
    builder.addNote(`formula <math>${tex}</math> is not a single known symbol; kept as written`);
  } else {
    builder.addText(tex);
  }
}

function walk(nodes: readonly AnyNode[], builder: CellBuilder): void {
  for (const node of nodes) {
    if (isText(node)) {
      builder.addText(node.data);
      continue;
    }
    if (!isElement(node)) {
      // A comment, a doctype, a processing instruction: the exact source text, uninterpreted.
      const location = node.sourceCodeLocation;
      if (location) {
        const raw = builder.slice(location.startOffset, location.endOffset);
        builder.addText(raw);
        builder.addNote(`${raw.slice(0, 30)} is not part of the form's layout; kept as text`);
      }
      continue;
    }
    const name = node.tagName.toLowerCase();
    if (name === 'input' && (node.attribs.type ?? '').toLowerCase() === 'checkbox') {
      builder.addCheckbox('checked' in node.attribs);
    } else if (name === 'br') {
      builder.endBlock();
    } else if (name === 'math') {
      convertMath(node, builder);
    } else if (CELL_TAGS.has(name) || TABLE_TAGS.has(name)) {
      builder.endCell();
      walk(node.children, builder);
      builder.endCell();
    } else if (BLOCK_TAGS.has(name)) {
      builder.endBlock();
      walk(node.children, builder);
      builder.endBlock();
    } else if (INLINE_TAGS.has(name)) {
      walk(node.children, builder);
    } else {
      // Not an element the extractor writes (e.g. <script>, <foo>, an autolink <https://…>): keep the exact
      // source text of the whole element, children included, so that nothing is lost or interpreted.
      const location = node.sourceCodeLocation;
      if (location) {
        const raw = builder.slice(location.startOffset, location.endOffset);
        builder.addText(raw);
        builder.addNote(`<${name}> is not part of the form's layout; kept as the text ${JSON.stringify(raw.slice(0, 40))}`);
      }
    }
  }
}

/** A cell without its line number, as kept in the cache. */
type CellShape = Omit<Cell, 'line' | 'blocks'> & { blocks: Inline[][] };

/**
 * Parses one field as HTML when it holds an element the extractor writes, giving one cell per `<td>` of a
 * table; returns `undefined` for plain text.
 */
function parseMarkupField(html: string): CellShape[] | undefined {
  if (!html.includes('<')) return undefined;
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true }, false);
  const roots = $.root().get(0)?.children ?? [];
  if (!containsKnownElement(roots)) return undefined;
  const builder = new CellBuilder(0, html);
  walk(roots, builder);
  builder.endCell();
  return builder.cells.map((cell) => ({ markup: cell.markup, notes: cell.notes, blocks: cell.blocks.map((block) => block.inlines) }));
}

/**
 * Parsed fields by their text. Forms repeat the same cells (承認なし, 効能・効果, the checklists), and tests
 * import the same form many times; parsing each distinct field once keeps imports fast. Entries are never
 * changed after parsing; every caller gets fresh objects.
 */
const fieldCache = new Map<string, CellShape[] | null>();
const FIELD_CACHE_LIMIT = 20_000;

function parseFieldCached(html: string): CellShape[] | undefined {
  let shapes = fieldCache.get(html);
  if (shapes === undefined) {
    shapes = parseMarkupField(html) ?? null;
    if (fieldCache.size >= FIELD_CACHE_LIMIT) fieldCache.clear();
    fieldCache.set(html, shapes);
  }
  return shapes ?? undefined;
}

/**
 * Splits a source line into its cells: tab-separated fields, each parsed as HTML when it holds an element
 * the extractor writes, else kept as plain text. Empty fields are dropped.
 */
export function splitLineIntoCells(source: SourceLine): Cell[] {
  const cells: Cell[] = [];
  for (const field of source.text.split('\t')) {
    if (field.trim() === '') continue;
    const shapes = parseFieldCached(field);
    if (shapes) {
      for (const shape of shapes) {
        cells.push({
          line: source.line,
          markup: shape.markup,
          notes: [...shape.notes],
          blocks: shape.blocks.map((inlines) => ({ line: source.line, inlines: inlines.map((inline) => ({ ...inline })) })),
        });
      }
    } else {
      cells.push({ line: source.line, blocks: [{ line: source.line, inlines: [{ kind: 'text', text: field.trim() }] }], markup: false, notes: [] });
    }
  }
  return cells;
}

/** The text of a block, without its checkboxes. */
export function readBlockText(block: Block): string {
  return block.inlines
    .map((inline) => (inline.kind === 'text' ? inline.text : ' '))
    .join('')
    .trim();
}

/** The text of a cell: its blocks' text, one per line. */
export function readCellText(cell: Cell): string {
  return cell.blocks.map(readBlockText).filter((text) => text !== '').join('\n');
}
