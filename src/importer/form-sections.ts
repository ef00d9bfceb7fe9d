/**
 * Finding the parts of a request form in its text: the form-version header, the title and the six
 * numbered sections plus the attachment list. A text with none of them is not a request form; a form
 * missing a whole numbered section is refused, because a missing page would otherwise go unnoticed.
 */
import type { FormVersionCode } from '../data/vocabulary.ts';
import { readCellText, splitLineIntoCells, type Cell } from './cells.ts';
import { ImportError } from './report.ts';
import type { SourceLine } from './source-text.ts';
import { normaliseForMatch, stripMarkdownDecorations } from './text-tools.ts';

/** The numbered sections of the form, plus the attachment list. */
export type SectionKey = 's1' | 's2' | 's3' | 's4' | 's5' | 's6' | 'attachments';

/** A line of the form with its cells, tokenized once. */
export interface FormLine extends SourceLine {
  /** The line's cells. */
  cells: Cell[];
}

/** One section: its heading's line and the lines after it up to the next heading. */
export interface FormSection {
  /** Which section. */
  key: SectionKey;
  /** Line of the heading. */
  headingLine: number;
  /** The section's lines, heading excluded. */
  lines: FormLine[];
}

/** The located parts of a form. */
export interface FormLayout {
  /** The form version from the header `(別添様式1)` / `(別添様式1-2)`, if printed. */
  version?: { code: FormVersionCode; line: number };
  /** Line of the title 未承認薬・適応外薬の要望. */
  titleLine?: number;
  /** The sections found. */
  sections: Map<SectionKey, FormSection>;
}

interface SectionSpec {
  key: SectionKey;
  heading: string;
  pattern: RegExp;
  required: boolean;
}

/** Section headings, matched on normalised text (NFKC, no spaces, lower case). */
const SECTION_SPECS: readonly SectionSpec[] = [
  { key: 's1', heading: '1. 要望内容に関連する事項', pattern: /^1\.?要望内容に関連する事項/, required: true },
  { key: 's2', heading: '2. 要望内容に係る欧米での承認等の状況', pattern: /^2\.?要望内容に係る欧米(等)?での承認等の状況/, required: true },
  { key: 's3', heading: '3. 要望内容に係る国内外の公表文献・成書等について', pattern: /^3\.?要望内容に係る国内外の公表文献/, required: true },
  { key: 's4', heading: '4. 実施すべき試験の種類とその方法案', pattern: /^4\.?実施すべき試験の種類/, required: true },
  { key: 's5', heading: '5. 備考', pattern: /^5\.?備考$/, required: true },
  { key: 's6', heading: '6. 参考文献一覧', pattern: /^6\.?参考文献一覧/, required: true },
  { key: 'attachments', heading: '[別添資料]', pattern: /^[[［【]別添資料/, required: false },
];

/** The heading text of a section, for messages. */
export function describeSection(key: SectionKey): string {
  return SECTION_SPECS.find((spec) => spec.key === key)?.heading ?? key;
}

/**
 * Which heading a line's text is, if any: a section heading, the form-version header or the title. A text
 * that reads as one cannot be a value on a line of its own.
 */
export function identifyHeading(text: string): SectionKey | 'version' | 'title' | undefined {
  const norm = normaliseForMatch(stripMarkdownDecorations(text));
  if (/^[(]?別添様式1(-2)?[)]?$/.test(norm)) return 'version';
  if (norm.startsWith('未承認薬・適応外薬の要望')) return 'title';
  return SECTION_SPECS.find((spec) => spec.pattern.test(norm))?.key;
}

/** The text of a line that holds a single short paragraph (a heading candidate), else `undefined`. */
function singleText(line: FormLine): string | undefined {
  const [cell, ...others] = line.cells;
  if (!cell || others.length > 0 || cell.blocks.length !== 1) return undefined;
  const text = readCellText(cell);
  return text.length <= 80 ? stripMarkdownDecorations(text) : undefined;
}

/** Tokenizes every line into cells. */
export function tokenizeForm(lines: readonly SourceLine[]): FormLine[] {
  return lines.map((line) => ({ ...line, cells: splitLineIntoCells(line) }));
}

/**
 * Finds the header, the title and the sections. Throws an {@link ImportError} when the text is not a
 * request form, when a section heading appears twice, or when a numbered section is missing.
 */
export function locateSections(input: string, lines: readonly FormLine[]): FormLayout {
  const layout: FormLayout = { sections: new Map() };
  let current: FormSection | undefined;
  for (const line of lines) {
    const text = singleText(line);
    const norm = text === undefined ? '' : normaliseForMatch(text);
    const version = /^[(]?別添様式1(-2)?[)]?$/.exec(norm);
    if (version && !layout.version) {
      layout.version = { code: version[1] ? 'betten1-2' : 'betten1', line: line.line };
      continue;
    }
    if (norm.startsWith('未承認薬・適応外薬の要望') && layout.titleLine === undefined && layout.sections.size === 0) {
      layout.titleLine = line.line;
      continue;
    }
    const spec = norm === '' ? undefined : SECTION_SPECS.find((candidate) => candidate.pattern.test(norm));
    if (spec) {
      const seen = layout.sections.get(spec.key);
      if (seen) {
        throw new ImportError(
          input,
          line.line,
          `the heading "${spec.heading}" appears twice (lines ${seen.headingLine} and ${line.line})`,
          'the extraction may have repeated a page; delete the repeated part of the text and import again',
        );
      }
      current = { key: spec.key, headingLine: line.line, lines: [] };
      layout.sections.set(spec.key, current);
      continue;
    }
    current?.lines.push(line);
  }
  if (!layout.version && layout.titleLine === undefined && !layout.sections.has('s1')) {
    throw new ImportError(
      input,
      undefined,
      'this does not look like a request form: none of "(別添様式1)", "未承認薬・適応外薬の要望" or "1. 要望内容に関連する事項" appears on a line of its own',
      'give the importer the text extracted from a 別添様式1 or 別添様式1-2 request form; for a list table, use npm run import:list',
    );
  }
  const missing = SECTION_SPECS.filter((spec) => spec.required && !layout.sections.has(spec.key));
  if (missing.length > 0) {
    const last = lines.at(-1)?.line;
    throw new ImportError(
      input,
      missing.length === 1 ? undefined : last,
      `the form is missing ${missing.length === 1 ? 'a whole section' : `${missing.length} whole sections`}: ${missing.map((spec) => `"${spec.heading}"`).join(', ')}`,
      'check that every page of the PDF was extracted (a missing page drops a section); if the form really has no such section, add its heading on a line of its own with nothing under it',
    );
  }
  return layout;
}
