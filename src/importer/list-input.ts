/**
 * Reading a list table as its editor has it: a CSV (UTF-8, or Shift_JIS/CP932 as Excel saves it on a Japanese
 * system), a TSV (a table pasted from a web page or a PDF viewer), or an Excel workbook (first sheet). Every
 * form ends as the same thing, a header row and data rows of text with the line each came from, so the
 * importer checks all of them alike. Headings are matched through {@link HEADING_ALIASES}, so a table keeps
 * the headings MHLW prints (一般名, 募集内容, 保険適用日 …).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { ImportError } from './report.ts';

/** A table read from a file: rows of cells with their 1-based line (CSV/TSV) or row (XLSX) numbers. */
export interface ListTable {
  /** The file, as messages name it. */
  input: string;
  /** Header cells. */
  header: string[];
  /** Data rows. */
  rows: { line: number; cells: string[] }[];
  /** How the file was read (format and encoding), for the report. */
  readAs: string;
}

/** The bytes of a text table as text: UTF-8 (with or without BOM), else Shift_JIS (CP932); never guessed silently. */
export function decodeTableText(input: string, bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'Shift_JIS (CP932)' } {
  if (bytes.length === 0) throw new ImportError(input, undefined, 'the file is empty', 'save the rows of the table into this file first');
  if (bytes.includes(0)) throw new ImportError(input, undefined, 'the file is binary (it contains NUL bytes), not a text table', 'save it as CSV or TSV, or as an .xlsx workbook');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'Shift_JIS (CP932)' };
    } catch {
      throw new ImportError(input, undefined, 'the file is neither UTF-8 nor Shift_JIS text', 'save the table as CSV (UTF-8) from your spreadsheet program');
    }
  }
}

/** Parses delimited text (CSV or TSV) into a table; a bad line is an error naming it. */
export function parseDelimited(input: string, text: string, delimiter: ',' | '\t', readAs: string): ListTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: false, delimiter, relax_quotes: delimiter === '\t' }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportError(input, line, `the ${delimiter === ',' ? 'CSV' : 'TSV'} cannot be read: ${error.message}`, 'check the quoting and the number of cells on that line (every row needs as many cells as the header)');
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new ImportError(input, 1, 'the table has no header row', 'the first row must name the columns; see docs/adding-a-request.md');
  return { input, header: header.record.map((cell) => cell.trim()), rows: body.map(({ record, info }) => ({ line: info.lines, cells: record })), readAs };
}

/** Whether a file is a workbook, by its name. */
export function isWorkbook(input: string): boolean {
  return /\.xlsx$/iu.test(input);
}

/** A cell of a workbook as text: dates as YYYY-MM-DD, numbers as written, empty cells as ''. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Reads the first sheet of a workbook into a table (row numbers as the spreadsheet shows them). */
export async function readWorkbook(input: string): Promise<ListTable> {
  let data: unknown[][];
  try {
    data = await readSheet(readFileSync(input));
  } catch (error) {
    throw new ImportError(input, undefined, `the workbook cannot be read (${error instanceof Error ? error.message : String(error)})`, 'save it again as an .xlsx workbook, or export the sheet as CSV');
  }
  const rows = data.map((row, index) => ({ line: index + 1, cells: row.map(cellText) })).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [header, ...body] = rows;
  if (!header) throw new ImportError(input, 1, 'the first sheet of the workbook is empty', 'put the table, with its header row, on the first sheet');
  return { input, header: header.cells.map((cell) => cell.trim()), rows: body, readAs: 'Excel workbook (.xlsx), first sheet' };
}

/** Reads a text table (CSV or TSV, by name or by its first line) from disk. */
export function readTextTable(input: string): ListTable {
  if (!statSync(input).isFile()) throw new ImportError(input, undefined, 'this is a folder, not a file', 'name one table to import, or a folder of them');
  const { text, encoding } = decodeTableText(input, readFileSync(input));
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  const tab = /\.tsv$/iu.test(input) || (firstLine.includes('\t') && !firstLine.includes(','));
  return parseDelimited(input, text, tab ? '\t' : ',', `${tab ? 'TSV' : 'CSV'}, ${encoding}`);
}

/** The extensions the list importer reads in a folder. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.xlsx'] as const;

/** Whether a file name is a table the importer reads. */
export function isTableFile(name: string): boolean {
  return TABLE_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)) && !path.basename(name).startsWith('~$');
}
