/**
 * `npm run import:list -- <rows.csv> [--out content/requests] [--dry-run] [--force] [--updated …]`: rows
 * of an MHLW list table in, one summary record per request out.
 *
 * One CSV row is one status event of one request (a request with three dated steps has three rows; a
 * request with no known status has one row with 状況 blank). Rows of the same request share its ID (or
 * 要望番号); the request's columns are given on its first row and may be repeated identically or left
 * blank on the others. Every row names its source, which becomes the source of its event and one of the
 * record's sources. The whole file is checked before anything is written: one bad row writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CsvError, parse } from 'csv-parse/sync';
import { requestSchema } from '../../schemas/request.ts';
import { describeIssues, formatProblem, normaliseRequestNumber } from '../content-validation.ts';
import { checkOutputFolder, ExitCode, parseImportArgs, readInputText, runCommand, type CommandIo, type CommonImportArgs } from './command.ts';
import {
  CellValueError,
  findColumn,
  LIST_COLUMNS,
  readRoundOfNumber,
  toClassification,
  toDate,
  toPediatric,
  toRequesterType,
  toRound,
  toScheme,
  toStatus,
  toWorkingGroup,
} from './list-columns.ts';
import { readRecordText, serializeRecord, verifyRecordText } from './record-file.ts';
import { slugifyDrugName, joinIdParts, RECORD_ID, slugify } from './record-id.ts';
import { formatReport, ImportError, ImportReport } from './report.ts';
import { writeRecordAtomically } from './write-record.ts';

/** Usage text of the command. */
export const IMPORT_LIST_USAGE = `usage: npm run import:list -- <rows.csv> [options]

Imports rows of an MHLW list table (one row per status event) as summary records.

options:
  --out <folder>     where records live (default: content/requests)
  --dry-run          check and report, but write nothing
  --force            replace existing records (their MDX bodies are kept)
  --updated <date>   the records' updated date, YYYY-MM-DD (default: today)

columns (first row; see docs/adding-a-request.md):
${LIST_COLUMNS.map((column) => `  ${column.name}${column.required ? ' (required)' : ''}: ${column.description}`).join('\n')}`;

/** Options of one list import (`input` is the CSV file): exactly the common import options. */
export type ListImportRequest = CommonImportArgs;

/** One record the import produced. */
export interface ListImportFile {
  /** Record id. */
  id: string;
  /** Path of the file. */
  path: string;
  /** File text. */
  text: string;
  /** What happened to it. */
  outcome: 'written' | 'unchanged' | 'dry-run';
}

interface Row {
  line: number;
  cells: Map<string, string>;
}

/** Reads the CSV into rows keyed by column name; throws {@link ImportError} naming the line for any fault. */
export function readListRows(input: string, text: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: false }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportError(input, line, `the CSV cannot be read: ${error.message}`, 'check the quoting and the number of cells on that line (every row needs as many cells as the header)');
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new ImportError(input, 1, 'the CSV has no header row', 'the first row must name the columns; see docs/adding-a-request.md');
  const names: string[] = [];
  for (const cell of header.record) {
    const column = findColumn(cell);
    if (!column) {
      throw new ImportError(input, 1, `unknown column "${cell}"`, `use the column names of docs/adding-a-request.md: ${LIST_COLUMNS.map((candidate) => candidate.name).join(', ')}`);
    }
    if (names.includes(column.name)) throw new ImportError(input, 1, `the column "${column.name}" appears twice`, 'keep one of them');
    names.push(column.name);
  }
  const missing = LIST_COLUMNS.filter((column) => column.required && !names.includes(column.name));
  if (missing.length > 0) {
    throw new ImportError(input, 1, `the header lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.map((column) => `"${column.name}"`).join(', ')}`, 'add them to the first row (their cells may be left blank where the source says nothing)');
  }
  if (body.length === 0) throw new ImportError(input, 2, 'the CSV has a header but no rows', 'add one row per status event of each request');
  return body.map(({ record, info }) => ({
    line: info.lines,
    cells: new Map(names.map((name, index) => [name, (record[index] ?? '').trim()])),
  }));
}

/** Columns that describe the request (same on every row of it), as opposed to the event and source columns. */
const REQUEST_COLUMNS = ['要望番号', '回', 'スキーム', '成分名', '成分', 'INN', '販売名', '要望効能・効果', '要望用法・用量', '要望者', '要望者区分', '会社名', '分類', 'WG', '小児', '検討状況', '概要（日）', '概要（英）'];

interface RequestGroup {
  id: string;
  rows: Row[];
  values: Map<string, { value: string; line: number }>;
}

function cell(row: Row, name: string): string {
  return row.cells.get(name) ?? '';
}

/** Converts a cell with a column's converter, turning a bad value into an error naming row and column. */
function convert<T>(input: string, row: Row, column: string, value: string, converter: (value: string) => T): T {
  try {
    return converter(value);
  } catch (error) {
    if (error instanceof CellValueError) throw new ImportError(input, row.line, `column "${column}": ${error.message}`, `correct the cell in column "${column}" on line ${row.line}`);
    throw error;
  }
}

/** The id of a row's request: the ID column, else number + INN, else round + INN (or romanised 成分). */
function rowId(input: string, row: Row): string {
  const explicit = cell(row, 'ID');
  if (explicit !== '') {
    if (!RECORD_ID.test(explicit)) throw new ImportError(input, row.line, `column "ID": "${explicit}" is not a valid id`, 'use lower-case letters, digits and hyphens, e.g. iv-194-hydroxocobalamin');
    return explicit;
  }
  const number = cell(row, '要望番号');
  const inn = cell(row, 'INN') || undefined;
  const ingredient = cell(row, '成分') || cell(row, '成分名');
  const roundCell = cell(row, '回');
  const round = roundCell === '' ? undefined : convert(input, row, '回', roundCell, toRound);
  const drug = ingredient === '' && inn === undefined ? undefined : slugifyDrugName(inn, ingredient);
  const id = number !== '' ? joinIdParts([slugify(number), inn === undefined ? undefined : slugify(inn)]) : joinIdParts([round === undefined ? undefined : `round${String(['I', 'II', 'III', 'IV'].indexOf(round) + 1)}`, drug]);
  if (id === undefined) throw new ImportError(input, row.line, 'cannot derive a record id for this row (no 要望番号, and no INN or 成分 to name it by)', 'fill the ID column with a lower-case id');
  return id;
}

/**
 * The key that ties a row to its request: the ID column, else the request number, else the id derived
 * from the row. Continuation rows of a request without a number should repeat its ID.
 */
function rowKey(input: string, row: Row): string {
  const explicit = cell(row, 'ID');
  if (explicit !== '') return `id:${explicit}`;
  const number = cell(row, '要望番号');
  if (number !== '') return `number:${normaliseRequestNumber(number)}`;
  return `id:${rowId(input, row)}`;
}

/** Groups rows by request, checking that the request's columns agree across its rows. */
function groupRows(input: string, rows: readonly Row[]): RequestGroup[] {
  const groups = new Map<string, RequestGroup>();
  const ids = new Map<string, number>();
  for (const row of rows) {
    const key = rowKey(input, row);
    let group = groups.get(key);
    if (!group) {
      const id = rowId(input, row);
      const clash = ids.get(id);
      if (clash !== undefined) throw new ImportError(input, row.line, `this row's request gets the id ${id}, which line ${clash} already uses for another request`, 'give one of them a different ID, or the same 要望番号 if they are the same request');
      ids.set(id, row.line);
      group = { id, rows: [], values: new Map() };
      groups.set(key, group);
    }
    group.rows.push(row);
    for (const column of ['ID', ...REQUEST_COLUMNS]) {
      const value = cell(row, column);
      if (value === '') continue;
      const seen = group.values.get(column);
      if (seen && seen.value !== value) {
        throw new ImportError(input, row.line, `column "${column}" says "${value}" but line ${seen.line} (same request ${group.id}) says "${seen.value}"`, 'give the request one value: repeat it exactly on every row, or leave the later rows blank');
      }
      if (!seen) group.values.set(column, { value, line: row.line });
    }
  }
  return [...groups.values()];
}

/** Builds the frontmatter of one summary record from its rows. */
function buildSummaryRecord(input: string, group: RequestGroup, updated: string, report: ImportReport): Record<string, unknown> {
  const first = group.rows[0];
  if (!first) throw new ImportError(input, undefined, `request ${group.id} has no rows`);
  const value = (column: string): string | undefined => group.values.get(column)?.value;
  const lineOf = (column: string): number => group.values.get(column)?.line ?? first.line;
  const found = (field: string, column: string, detail?: string): void => {
    report.addFound(`${group.id}: ${field}`, lineOf(column), detail);
  };
  const genericName = value('成分名');
  if (genericName === undefined) throw new ImportError(input, first.line, `column "成分名" is blank for request ${group.id}`, 'fill 成分名 on the first row of the request');
  const record: Record<string, unknown> = { kind: 'summary' };

  const number = value('要望番号');
  const implied = number === undefined ? undefined : readRoundOfNumber(number);
  if (number !== undefined) {
    record.requestNumber = number;
    found('requestNumber', '要望番号', number);
  } else report.addMissing(`${group.id}: requestNumber`, 'blank', first.line);
  const roundCell = value('回');
  const round = roundCell === undefined ? implied?.round : convert(input, first, '回', roundCell, toRound);
  if (roundCell !== undefined && implied && round !== implied.round) {
    throw new ImportError(input, lineOf('回'), `column "回" says ${String(round)} but the request number ${String(number)} belongs to round ${implied.round}`, 'correct one of the two');
  }
  if (round !== undefined) {
    record.round = round;
    found('round', roundCell === undefined ? '要望番号' : '回', roundCell === undefined ? `${round} (from the request number)` : round);
  }
  const schemeCell = value('スキーム');
  const scheme = schemeCell === undefined ? (implied?.scheme ?? (round !== undefined && round !== 'IV' ? 'standard' : undefined)) : convert(input, first, 'スキーム', schemeCell, toScheme);
  if (scheme !== undefined) {
    record.scheme = scheme;
    found('scheme', schemeCell === undefined ? '要望番号' : 'スキーム', schemeCell === undefined ? `${scheme} (from ${implied ? 'the request number' : `round ${String(round)}, before the rapid scheme`})` : scheme);
  }
  const wg = value('WG');
  if (wg !== undefined) {
    record.leadWg = convert(input, first, 'WG', wg, toWorkingGroup);
    found('leadWg', 'WG', String(record.leadWg));
  } else report.addMissing(`${group.id}: leadWg`, 'blank', first.line);
  const pediatric = value('小児');
  if (pediatric !== undefined) {
    record.pediatricWg = convert(input, first, '小児', pediatric, toPediatric);
    found('pediatricWg', '小児', String(record.pediatricWg));
  } else report.addMissing(`${group.id}: pediatricWg`, 'blank', first.line);

  const drug: Record<string, unknown> = { ingredient: value('成分') ?? genericName };
  const inn = value('INN');
  if (inn !== undefined) drug.inn = inn.toLowerCase();
  const brands = value('販売名');
  if (brands !== undefined) drug.brandNames = brands.split(/[、;；\n]/u).map((brand) => brand.trim()).filter((brand) => brand !== '');
  record.drug = drug;

  const ja = value('概要（日）');
  const en = value('概要（英）');
  if ((ja === undefined) !== (en === undefined)) {
    throw new ImportError(input, lineOf(ja === undefined ? '概要（英）' : '概要（日）'), 'a summary needs both 概要（日） and 概要（英）', 'fill both columns, or leave both blank');
  }
  if (ja !== undefined && en !== undefined) record.summary = { ja, en };

  const sources: Record<string, unknown>[] = [];
  const statusHistory: Record<string, unknown>[] = [];
  for (const row of group.rows) {
    const source: Record<string, unknown> = { title: cell(row, '出典') };
    if (source.title === '') throw new ImportError(input, row.line, 'column "出典" is blank', 'give every row the title of the source it was copied from');
    const url = cell(row, '出典URL');
    if (!/^https?:\/\/\S+$/u.test(url)) throw new ImportError(input, row.line, `column "出典URL": "${url}" is not an http(s) address`, 'give every row the address of its source');
    source.url = url;
    if (cell(row, '出典発行者') !== '') source.publisher = cell(row, '出典発行者');
    if (cell(row, '出典日付') !== '') source.date = convert(input, row, '出典日付', cell(row, '出典日付'), toDate);
    if (cell(row, '出典メモ') !== '') source.note = cell(row, '出典メモ');
    if (!sources.some((known) => isDeepStrictEqual(known, source))) sources.push(source);
    const status = cell(row, '状況');
    if (status === '') {
      for (const column of ['日付', '会議', '状況メモ']) {
        if (cell(row, column) !== '') throw new ImportError(input, row.line, `column "${column}" is filled but "状況" is blank`, 'name the status the date, meeting or note belongs to');
      }
      continue;
    }
    const code = convert(input, row, '状況', status, toStatus);
    const date = cell(row, '日付') === '' ? undefined : convert(input, row, '日付', cell(row, '日付'), toDate);
    const event: Record<string, unknown> = { status: code };
    if (date !== undefined) event.date = date;
    if (cell(row, '会議') !== '') event.meeting = cell(row, '会議');
    // The event names its source by title and address; the record's sources carry the notes.
    event.source = Object.fromEntries(Object.entries(source).filter(([key]) => key !== 'note'));
    if (cell(row, '状況メモ') !== '') event.note = cell(row, '状況メモ');
    statusHistory.push(event);
    report.addFound(`${group.id}: statusHistory[${statusHistory.length - 1}]`, row.line, `${code}${date === undefined ? ' (undated)' : ` ${date}`}`);
  }
  record.statusHistory = statusHistory;
  record.sources = sources;
  record.updated = updated;

  const listRow: Record<string, unknown> = { genericName };
  found('listRow.genericName', '成分名');
  const columns = [
    ['requestedIndication', '要望効能・効果'],
    ['requestedDosage', '要望用法・用量'],
    ['requesterName', '要望者'],
    ['requesterType', '要望者区分'],
    ['company', '会社名'],
    ['classification', '分類'],
    ['statusText', '検討状況'],
  ] as const;
  for (const [field, column] of columns) {
    const text = value(column);
    if (text === undefined) {
      report.addMissing(`${group.id}: listRow.${field}`, 'blank', first.line);
      continue;
    }
    if (field === 'requesterType') listRow[field] = convert(input, first, column, text, toRequesterType);
    else if (field === 'classification') listRow[field] = convert(input, first, column, text, toClassification);
    else listRow[field] = text;
    found(`listRow.${field}`, column, field === 'requesterType' || field === 'classification' ? String(listRow[field]) : undefined);
  }
  record.listRow = listRow;

  const result = requestSchema.safeParse(record);
  if (!result.success) {
    const problems = describeIssues(`${group.id} (lines ${group.rows.map((row) => row.line).join(', ')})`, result.error.issues, record, requestSchema);
    throw new ImportError(input, first.line, `the rows of request ${group.id} do not make a valid record:\n  ${problems.map(formatProblem).join('\n  ')}`, 'correct the cells named above');
  }
  return record;
}

/** Request numbers already used by records in the output folder, by normalised number. */
function existingNumbers(out: string): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const name of readdirSync(out)) {
    if (!name.endsWith('.mdx')) continue;
    const read = readRecordText(name, readFileSync(path.join(out, name), 'utf8'));
    if ('message' in read) continue;
    const number = read.data.requestNumber;
    if (typeof number === 'string') numbers.set(normaliseRequestNumber(number), name.slice(0, -'.mdx'.length));
  }
  return numbers;
}

/** One summary record built from the rows of a CSV, before it is checked against the output folder. */
export interface SummaryRecordPlan {
  /** Record id. */
  id: string;
  /** Line of the request's first row. */
  line: number;
  /** Frontmatter data. */
  data: Record<string, unknown>;
}

/**
 * Builds the summary records of a list CSV's text, without touching the disk: every row is read, grouped
 * and checked. Throws {@link ImportError} naming `input` and the line at the first fault.
 */
export function buildSummaryRecords(input: string, csvText: string, updated: string, report: ImportReport): SummaryRecordPlan[] {
  const groups = groupRows(input, readListRows(input, csvText));
  const seenNumbers = new Map<string, string>();
  return groups.map((group) => {
    const data = buildSummaryRecord(input, group, updated, report);
    const line = group.rows[0]?.line ?? 1;
    if (typeof data.requestNumber === 'string') {
      const key = normaliseRequestNumber(data.requestNumber);
      const other = seenNumbers.get(key);
      if (other !== undefined) throw new ImportError(input, line, `request number ${data.requestNumber} is also used by ${other} in this file`, 'give both rows the same ID, or correct the number');
      seenNumbers.set(key, group.id);
    }
    return { id: group.id, line, data };
  });
}

/** Imports a list CSV; throws {@link ImportError} for bad input, having written nothing. */
export function importList(request: ListImportRequest, io: CommandIo): ListImportFile[] {
  const text = readInputText(request.input);
  checkOutputFolder(request.input, request.out);
  const report = new ImportReport();
  const records = buildSummaryRecords(request.input, text, request.updated, report);
  const used = existingNumbers(request.out);
  const planned: { id: string; path: string; text: string; data: Record<string, unknown>; existing?: string }[] = [];
  const blocked: string[] = [];
  for (const record of records) {
    let data = record.data;
    const target = path.join(request.out, `${record.id}.mdx`);
    if (typeof data.requestNumber === 'string') {
      const other = used.get(normaliseRequestNumber(data.requestNumber));
      if (other !== undefined && other !== record.id) {
        throw new ImportError(request.input, record.line, `request number ${data.requestNumber} is already used by ${other}`, 'each request number may be used by one record; give the row that record\'s ID, or correct the number');
      }
    }
    let body = '';
    let existing: string | undefined;
    if (existsSync(target)) {
      existing = readFileSync(target, 'utf8');
      if (!request.force) blocked.push(target);
      const read = readRecordText(target, existing);
      if (!('message' in read)) {
        body = read.body;
        const candidate = { ...data, updated: read.data.updated };
        if (serializeRecord(candidate, body) === existing) data = candidate;
      }
    }
    const fileText = serializeRecord(data, body);
    const problems = verifyRecordText(target, fileText, data);
    if (problems.length > 0) {
      throw new ImportError(request.input, record.line, `the record ${record.id} would not be valid:\n  ${problems.map(formatProblem).join('\n  ')}`, 'correct the cells of that request; if they are right, please report this');
    }
    planned.push(existing === undefined ? { id: record.id, path: target, text: fileText, data } : { id: record.id, path: target, text: fileText, data, existing });
  }
  const blockedChanged = blocked.filter((file) => planned.find((plan) => plan.path === file)?.existing !== planned.find((plan) => plan.path === file)?.text);
  if (blockedChanged.length > 0) {
    throw new ImportError(request.input, undefined, `${blockedChanged.length === 1 ? 'this record already exists' : 'these records already exist'}: ${blockedChanged.join(', ')}`, 'pass --force to replace them (their MDX bodies are kept)');
  }
  io.out(formatReport(report, `Importing ${request.input}: ${records.length} request(s)`));
  const results: ListImportFile[] = [];
  for (const plan of planned) {
    let outcome: ListImportFile['outcome'];
    if (request.dryRun) {
      outcome = 'dry-run';
      io.out(`Dry run: ${plan.path} would be ${plan.existing === undefined ? 'created' : plan.existing === plan.text ? 'left unchanged' : 'replaced'}.`);
    } else if (plan.existing === plan.text) {
      outcome = 'unchanged';
      io.out(`Unchanged: ${plan.path}`);
    } else {
      writeRecordAtomically(request.input, { path: plan.path, text: plan.text, data: plan.data });
      outcome = 'written';
      io.out(`Wrote ${plan.path}`);
    }
    results.push({ id: plan.id, path: plan.path, text: plan.text, outcome });
  }
  if (request.dryRun) io.out('Dry run: nothing was written.');
  return results;
}

/** Parses the command line of `npm run import:list`. */
export function parseListImportArgs(argv: readonly string[], io: CommandIo): ListImportRequest | 'help' {
  const parsed = parseImportArgs(argv, io, {}, 'CSV file');
  return parsed === 'help' ? 'help' : parsed.args;
}

/** Runs `npm run import:list`; returns the exit code. Never throws. */
export function runImportList(argv: readonly string[], io: CommandIo): number {
  return runCommand(io, IMPORT_LIST_USAGE, () => {
    const request = parseListImportArgs(argv, io);
    if (request === 'help') {
      io.out(IMPORT_LIST_USAGE);
      return ExitCode.ok;
    }
    importList(request, io);
    return ExitCode.ok;
  });
}
