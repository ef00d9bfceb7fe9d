/**
 * `npm run import:list -- <rows.csv | folder> [--out content/requests] [--dry-run] [--force] [--updated …]`:
 * rows of MHLW list tables in, one record per request out.
 *
 * One CSV row is one status event of one request (a request with three dated steps has three rows; a
 * request with no known status has one row with 状況 blank). Rows of the same request share its 要望番号
 * (spelling variants are one number) or its ID, within a file and across the files of a folder: a request
 * seen in several papers becomes one record with one event per paper. Within one file the request's columns
 * must agree; across files the most authoritative, then most recent source gives a column's value, and the
 * difference is reported.
 *
 * Existing records are merged, never dropped: new events and sources are added (an event already present,
 * same status, date and source address, is skipped), blank fields are filled, and a differing value is kept
 * as it is and reported. A full-form record only gains events, sources and its number. `--force` rebuilds
 * summary records wholly from the rows instead. Every input is checked before anything is written: one bad
 * row writes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { requestSchema } from '../schemas/request.ts';
import { describeIssues, formatProblem, normaliseRequestNumber } from '../lib/content-validation.ts';
import { Status } from '../data/vocabulary.ts';
import { parseMeetingRef } from '../lib/meeting-ref.ts';
import { checkOutputFolder, ExitCode, parseImportArgs, runCommand, UsageError, type CommandIo, type CommonImportArgs } from './command.ts';
import { isTableFile, isWorkbook, parseDelimited, readTextTable, readWorkbook, type ListTable } from './list-input.ts';
import {
  CellValueError,
  LIST_COLUMNS,
  resolveHeading,
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
export const IMPORT_LIST_USAGE = `usage: npm run import:list -- <table | folder> [options]

Imports rows of MHLW list tables (one row per status event) as records. A table is a CSV (UTF-8, or
Shift_JIS as Excel saves it), a TSV (pasted from a web page or PDF viewer) or an .xlsx workbook (first
sheet); a folder imports every table in it (and its subfolders) at once, merging the rows of one request
into one record. Existing records are merged: new events and sources are added, nothing is dropped.
MHLW's own headings are accepted (一般名, 募集内容, 開発の意思の申し出があった企業, 公知とされた効能・効果等の
概要, …); a date column such as 承認日 or 保険適用日 adds that event.

options:
  --out <folder>          where records live (default: content/requests)
  --dry-run               check and report what would change, but write nothing
  --force                 rebuild existing summary records wholly from the rows (MDX bodies are kept)
  --updated <date>        the records' updated date, YYYY-MM-DD (default: today)
  --source-title <text>   出典 of rows that leave it blank (a table copied from one page)
  --source-url <url>      出典URL of rows that leave it blank
  --update-only           refuse rows of requests not on the site yet (a meeting's table that should only update)
  --meetings <folder>     meeting entries that date undated events (default: meetings/ beside --out)

columns (first row; see docs/adding-a-request.md):
${LIST_COLUMNS.map((column) => `  ${column.name}${column.required ? ' (required)' : ''}: ${column.description}`).join('\n')}`;

/** Options of one list import: the common import options (`input` is a table or a folder of them) and row defaults. */
export interface ListImportRequest extends CommonImportArgs {
  /** Source of rows that name none. */
  defaults?: RowDefaults;
  /** The folder of meeting entries (default: `meetings/` beside the output folder). */
  meetings?: string;
  /** Refuse rows of requests that are not on the site yet (a table that should only update). */
  updateOnly?: boolean;
}

/** One record the import produced. */
export interface ListImportFile {
  /** Record id. */
  id: string;
  /** Path of the file. */
  path: string;
  /** File text. */
  text: string;
  /** What happened to it. */
  outcome: 'created' | 'merged' | 'replaced' | 'unchanged' | 'dry-run';
}

/** One data row of a CSV, with where it stands. */
interface Row {
  /** The CSV file the row is in. */
  input: string;
  /** Position of that file in the import (0 for the first). */
  fileOrder: number;
  /** 1-based line of the row in its file. */
  line: number;
  /** Cells by column name. */
  cells: Map<string, string>;
}

/** What every row of an input gets when its table has no source columns: the page the table was copied from. */
export interface RowDefaults {
  /** 出典 of every row that leaves it blank. */
  sourceTitle?: string;
  /** 出典URL of every row that leaves it blank. */
  sourceUrl?: string;
}

/**
 * Reads a table into rows keyed by column name; throws {@link ImportError} naming the line for any fault.
 * Headings go through the alias table (MHLW's own headings); a date column that states an event (承認日,
 * 保険適用日 …) adds that event to the row's request as a row of its own.
 */
export function readListRows(input: string, text: string, fileOrder = 0, defaults: RowDefaults = {}): Row[] {
  return tableRows(parseDelimited(input, text, ',', 'CSV'), fileOrder, defaults);
}

/** Turns a table read from any format into rows (see {@link readListRows}). */
export function tableRows(table: ListTable, fileOrder = 0, defaults: RowDefaults = {}): Row[] {
  const { input } = table;
  const names: (string | undefined)[] = [];
  const events: { index: number; status: string; heading: string }[] = [];
  table.header.forEach((heading, index) => {
    const resolved = resolveHeading(heading);
    if (resolved === undefined) {
      throw new ImportError(input, 1, `unknown column "${heading}"`, `use a column name of docs/adding-a-request.md (${LIST_COLUMNS.map((candidate) => candidate.name).join(', ')}) or one of MHLW's headings it lists`);
    }
    if (resolved.kind === 'ignore') {
      names.push(undefined);
      return;
    }
    if (resolved.kind === 'event') {
      names.push(undefined);
      events.push({ index, status: resolved.status, heading });
      return;
    }
    if (names.includes(resolved.column)) throw new ImportError(input, 1, `the column "${resolved.column}" appears twice (heading "${heading}")`, 'keep one of them');
    names.push(resolved.column);
  });
  const present = new Set(names.filter((name): name is string => name !== undefined));
  const missing = LIST_COLUMNS.filter((column) => column.required && !present.has(column.name)).filter(
    (column) => !(column.name === '出典' && defaults.sourceTitle !== undefined) && !(column.name === '出典URL' && defaults.sourceUrl !== undefined),
  );
  if (missing.length > 0) {
    throw new ImportError(input, 1, `the header lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.map((column) => `"${column.name}"`).join(', ')}`, 'add them to the first row (their cells may be left blank where the source says nothing); for a table copied from one page, --source-title and --source-url stand for 出典 and 出典URL');
  }
  if (table.rows.length === 0) throw new ImportError(input, 2, 'the table has a header but no rows', 'add one row per status event of each request');
  const rows: Row[] = [];
  for (const { line, cells } of table.rows) {
    const map = new Map<string, string>();
    names.forEach((name, index) => {
      if (name !== undefined) map.set(name, (cells[index] ?? '').trim());
    });
    if (defaults.sourceTitle !== undefined && (map.get('出典') ?? '') === '') map.set('出典', defaults.sourceTitle);
    if (defaults.sourceUrl !== undefined && (map.get('出典URL') ?? '') === '') map.set('出典URL', defaults.sourceUrl);
    rows.push({ input, fileOrder, line, cells: map });
    for (const event of events) {
      const date = (cells[event.index] ?? '').trim();
      if (date === '' || /^[-－—ー]$/u.test(date)) continue;
      const eventCells = new Map(map);
      eventCells.set('状況', event.status);
      eventCells.set('日付', date);
      eventCells.set('状況メモ', `${event.heading}: ${date}`);
      eventCells.delete('会議');
      rows.push({ input, fileOrder, line, cells: eventCells });
    }
  }
  return rows;
}

/** Columns that describe the request (same on every row of it), as opposed to the event and source columns. */
const REQUEST_COLUMNS = ['要望番号', '回', 'スキーム', '成分名', '成分', 'INN', '販売名', '要望効能・効果', '効能・効果（英）', '要望用法・用量', '要望者', '要望者区分', '会社名', '分類', 'WG', '小児', '検討状況', '概要（日）', '概要（英）'];

/** A request column's value and the row it was taken from. */
interface CellValue {
  value: string;
  row: Row;
}

interface RequestGroup {
  id: string;
  rows: Row[];
  values: Map<string, CellValue>;
}

function cell(row: Row, name: string): string {
  return row.cells.get(name) ?? '';
}

/** Converts a cell with a column's converter, turning a bad value into an error naming file, row and column. */
function convert<T>(row: Row, column: string, value: string, converter: (value: string) => T): T {
  try {
    return converter(value);
  } catch (error) {
    if (error instanceof CellValueError) throw new ImportError(row.input, row.line, `column "${column}": ${error.message}`, `correct the cell in column "${column}" on line ${row.line}`);
    throw error;
  }
}

/** The id of a row's request: the ID column, else number + INN, else round + INN (or romanised 成分). */
function rowId(row: Row): string {
  const explicit = cell(row, 'ID');
  if (explicit !== '') {
    if (!RECORD_ID.test(explicit)) throw new ImportError(row.input, row.line, `column "ID": "${explicit}" is not a valid id`, 'use lower-case letters, digits and hyphens, e.g. iv-194-hydroxocobalamin');
    return explicit;
  }
  const number = cell(row, '要望番号');
  const inn = cell(row, 'INN') || undefined;
  const ingredient = cell(row, '成分') || cell(row, '成分名');
  const roundCell = cell(row, '回');
  const round = roundCell === '' ? undefined : convert(row, '回', roundCell, toRound);
  const drug = ingredient === '' && inn === undefined ? undefined : slugifyDrugName(inn, ingredient);
  const roundPart = round === undefined ? undefined : `round${String(['I', 'II', 'III', 'IV'].indexOf(round) + 1)}`;
  const id = number !== '' ? joinIdParts([roundPart !== undefined && readRoundOfNumber(number) === undefined ? roundPart : undefined, slugify(number), inn === undefined ? undefined : slugify(inn)]) : joinIdParts([roundPart, drug]);
  if (id === undefined) throw new ImportError(row.input, row.line, 'cannot derive a record id for this row (no 要望番号, and no INN or 成分 to name it by)', 'fill the ID column with a lower-case id');
  return id;
}

/**
 * The key that ties a row to its request: the request number (with its round when the number is a bare
 * integer, as round I numbers are), else the ID column, else the id derived from the row.
 */
function rowKey(row: Row): string {
  const number = cell(row, '要望番号');
  if (number !== '') {
    const round = cell(row, '回');
    const bare = readRoundOfNumber(number) === undefined;
    return `number:${bare && round !== '' ? `${convert(row, '回', round, toRound)}:` : ''}${normaliseRequestNumber(number)}`;
  }
  const explicit = cell(row, 'ID');
  if (explicit !== '') return `id:${explicit}`;
  return `id:${rowId(row)}`;
}

/** Dates of council meetings by number, to order undated events that name their meeting. */
export type MeetingDates = ReadonlyMap<number, string>;

/** When a row's event happened, as far as it says: its date, else its meeting's date, else its source's date. */
function rowWhen(row: Row, meetings: MeetingDates): string | undefined {
  const date = cell(row, '日付');
  if (date !== '') return convert(row, '日付', date, toDate);
  const meeting = parseMeetingRef(cell(row, '会議') || undefined);
  const meetingDate = meeting === undefined ? undefined : meetings.get(meeting.number);
  if (meetingDate !== undefined) return meetingDate;
  const sourceDate = cell(row, '出典日付');
  return sourceDate === '' ? undefined : convert(row, '出典日付', sourceDate, toDate);
}

/**
 * How much a row's source can be trusted for the wording of a list column: MHLW's own papers (also when read
 * through a copy) and PMDA's pages first, then professional bodies' copies of official notices (the hospital
 * pharmacists' association), then everything else (news, companies, blogs).
 */
function sourceAuthority(row: Row): number {
  const publisher = cell(row, '出典発行者');
  if (/厚生労働省|医薬品医療機器総合機構|PMDA/u.test(publisher)) return 3;
  if (/病院薬剤師会|医師会|薬剤師会/u.test(publisher)) return 2;
  return 1;
}

/**
 * Compares two rows' sources for a differing request column: the more authoritative source first (see
 * {@link sourceAuthority}), then the more recent (date, then meeting number), then file and line order.
 */
function compareRecency(a: Row, b: Row, meetings: MeetingDates): number {
  const authority = sourceAuthority(a) - sourceAuthority(b);
  if (authority !== 0) return authority;
  const wa = rowWhen(a, meetings) ?? '';
  const wb = rowWhen(b, meetings) ?? '';
  if (wa !== wb) return wa < wb ? -1 : 1;
  const ma = parseMeetingRef(cell(a, '会議') || undefined)?.number ?? -1;
  const mb = parseMeetingRef(cell(b, '会議') || undefined)?.number ?? -1;
  if (ma !== mb) return ma - mb;
  return a.fileOrder - b.fileOrder || a.line - b.line;
}

/** Where a row stands, for messages: `file:line`. */
function place(row: Row): string {
  return `${row.input}:${row.line}`;
}

/**
 * Groups rows by request across every input. Within one file a request's columns must agree; across files
 * the most authoritative, then most recent source's value is taken and the difference is reported as an oddity.
 */
function groupRows(rows: readonly Row[], meetings: MeetingDates, report: ImportReport): RequestGroup[] {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) byKey.set(rowKey(row), [...(byKey.get(rowKey(row)) ?? []), row]);
  // An unnumbered row whose ID is the ID a numbered request's rows give belongs to that request: that is how a
  // source without the number (a news item, a WG sheet) is tied to it, the row's note saying why.
  const numberedById = new Map<string, string>();
  for (const [key, keyRows] of byKey) {
    if (!key.startsWith('number:')) continue;
    const explicit = [...new Set(keyRows.map((row) => cell(row, 'ID')).filter((id) => id !== ''))];
    if (explicit.length > 1) {
      const row = keyRows.find((candidate) => cell(candidate, 'ID') === explicit[1]) as Row;
      throw new ImportError(row.input, row.line, `the rows of request number ${cell(row, '要望番号')} give two IDs, ${explicit.join(' and ')}`, 'give one request one ID (or none: it is derived from the number and the INN)');
    }
    if (explicit[0] !== undefined) numberedById.set(`id:${explicit[0]}`, key);
  }
  for (const [key, keyRows] of [...byKey]) {
    const owner = numberedById.get(key);
    if (owner === undefined) continue;
    byKey.set(owner, [...(byKey.get(owner) ?? []), ...keyRows].sort((a, b) => a.fileOrder - b.fileOrder || a.line - b.line));
    byKey.delete(key);
  }
  const groups = new Map<string, RequestGroup>();
  const ids = new Map<string, Row>();
  for (const [key, keyRows] of byKey) {
    const [firstRow] = keyRows;
    if (firstRow === undefined) continue;
    const named = keyRows.find((row) => cell(row, 'ID') !== '') ?? keyRows.find((row) => cell(row, 'INN') !== '') ?? keyRows.find((row) => cell(row, '成分') !== '' || cell(row, '成分名') !== '') ?? firstRow;
    const id = rowId(named);
    const clash = ids.get(id);
    if (clash !== undefined) throw new ImportError(named.input, named.line, `this row's request gets the id ${id}, which ${place(clash)} already uses for another request`, 'give one of them a different ID, or the same 要望番号 if they are the same request');
    ids.set(id, named);
    groups.set(key, { id, rows: keyRows, values: new Map() });
  }
  for (const group of groups.values()) {
    for (const row of group.rows) {
      for (const column of REQUEST_COLUMNS) {
        const value = cell(row, column);
        if (value === '') continue;
        const seen = group.values.get(column);
        if (!seen) {
          group.values.set(column, { value, row });
          continue;
        }
        if (seen.value === value) continue;
        if (seen.row.input === row.input) {
          throw new ImportError(row.input, row.line, `column "${column}" says "${value}" but line ${seen.row.line} (same request ${group.id}) says "${seen.value}"`, 'give the request one value: repeat it exactly on every row, or leave the later rows blank');
        }
        const newer = compareRecency(row, seen.row, meetings) > 0 ? row : seen.row;
        const older = newer === row ? seen.row : row;
        const kept = newer === row ? value : seen.value;
        report.addOddity(`${group.id}: ${column}`, undefined, `${place(newer)} says "${kept}", ${place(older)} says "${newer === row ? seen.value : value}"; the value of the more authoritative, then more recent source is kept`);
        group.values.set(column, { value: kept, row: newer });
      }
    }
  }
  return [...groups.values()];
}

/** The identity of an event: the same status on the same date from the same source is one event. */
function eventKey(event: { status?: unknown; date?: unknown; source?: unknown }): string {
  const source = event.source as { url?: string; title?: string } | undefined;
  return [String(event.status), typeof event.date === 'string' ? event.date : '', source?.url ?? source?.title ?? ''].join('\u0000');
}

/** The identity of a source: its address, else its title. */
function sourceKey(source: Record<string, unknown>): string {
  return String(source.url ?? source.title);
}

/**
 * Orders a history oldest first. Events with a date (their own, else their meeting's) are ordered by it; events
 * without one are ordered among themselves by meeting number, else by the lifecycle order of their statuses,
 * and merged in among the dated ones by that lifecycle order (an undated development request goes before a
 * dated approval). Dated events therefore always stay in date order, as the schema requires. Ties keep the
 * order the events were given in.
 */
export function orderHistory<E extends { status: string; date?: string; meeting?: string }>(events: readonly E[], meetings: MeetingDates): E[] {
  const when = (event: E): string | undefined => {
    if (event.date !== undefined) return event.date;
    const ref = parseMeetingRef(event.meeting);
    return ref === undefined ? undefined : meetings.get(ref.number);
  };
  const statusOrder = (event: E): number => (Status.has(event.status) ? Status.get(event.status).order : 0);
  const dated = events.filter((event) => when(event) !== undefined).sort((a, b) => {
    const wa = when(a) ?? '';
    const wb = when(b) ?? '';
    return wa === wb ? statusOrder(a) - statusOrder(b) : wa < wb ? -1 : 1;
  });
  const undated = events.filter((event) => when(event) === undefined).sort((a, b) => {
    const ma = parseMeetingRef(a.meeting)?.number;
    const mb = parseMeetingRef(b.meeting)?.number;
    if (ma !== undefined && mb !== undefined && ma !== mb) return ma - mb;
    return statusOrder(a) - statusOrder(b);
  });
  const ordered: E[] = [];
  let next = 0;
  for (const event of undated) {
    while (next < dated.length && statusOrder(dated[next] as E) <= statusOrder(event)) ordered.push(dated[next++] as E);
    ordered.push(event);
  }
  return [...ordered, ...dated.slice(next)];
}

/**
 * Refuses a dated history that runs backwards (approved in 2015, then under WG review in 2016) unless the later
 * event carries a note saying why (a new request for the same drug, a re-examination): a step back is either a
 * slip in the table or something the page must explain.
 */
function checkBackwardSteps(history: readonly Record<string, unknown>[], rowOf: ReadonlyMap<Record<string, unknown>, Row>, id: string): void {
  let furthest: { order: number; status: string; date: string } | undefined;
  for (const event of history) {
    const status = String(event.status);
    const date = typeof event.date === 'string' ? event.date : undefined;
    if (date === undefined || !Status.has(status)) continue;
    const order = Status.get(status).order;
    const row = rowOf.get(event);
    if (furthest && Math.floor(order / 10) < Math.floor(furthest.order / 10) && event.note === undefined && row) {
      throw new ImportError(row.input, row.line, `request ${id} would go back from ${furthest.status} (${furthest.date}) to ${status} (${date})`, 'check the status and the date; if the step back is real (a re-examination, a new request), say so in 状況メモ');
    }
    if (!furthest || order > furthest.order) furthest = { order, status, date };
  }
}

/**
 * Builds the frontmatter of one summary record from its rows. `existing` is the record the rows will be merged
 * into, when there is one: a table that only adds events (an MHLW list has no INN column) takes the drug's
 * English name and indication from it instead of failing for their absence.
 */
function buildSummaryRecord(group: RequestGroup, updated: string, meetings: MeetingDates, report: ImportReport, existing?: Record<string, unknown>): Record<string, unknown> {
  const first = group.rows[0];
  if (!first) throw new Error(`request ${group.id} has no rows`);
  const value = (column: string): string | undefined => group.values.get(column)?.value;
  const rowOf = (column: string): Row => group.values.get(column)?.row ?? first;
  const found = (field: string, column: string, detail?: string): void => {
    report.addFound(`${group.id}: ${field}`, rowOf(column).line, detail);
  };
  const fail = (column: string, message: string, fix: string): never => {
    const row = rowOf(column);
    throw new ImportError(row.input, row.line, message, fix);
  };
  const genericName = value('成分名') ?? value('成分') ?? fail('成分名', `column "成分名" is blank for request ${group.id}`, 'fill 成分名 on the first row of the request');
  const record: Record<string, unknown> = { kind: 'summary' };

  const number = value('要望番号');
  const implied = number === undefined ? undefined : readRoundOfNumber(number);
  if (number !== undefined) {
    record.requestNumber = number;
    found('requestNumber', '要望番号', number);
  } else report.addMissing(`${group.id}: requestNumber`, 'blank', first.line);
  const roundCell = value('回');
  const round = roundCell === undefined ? implied?.round : convert(rowOf('回'), '回', roundCell, toRound);
  if (roundCell !== undefined && implied && round !== implied.round) {
    fail('回', `column "回" says ${String(round)} but the request number ${String(number)} belongs to round ${implied.round}`, 'correct one of the two');
  }
  if (round !== undefined) {
    record.round = round;
    found('round', roundCell === undefined ? '要望番号' : '回', roundCell === undefined ? `${round} (from the request number)` : round);
  }
  const schemeCell = value('スキーム');
  const scheme = schemeCell === undefined ? (implied?.scheme ?? (round !== undefined && round !== 'IV' ? 'standard' : undefined)) : convert(rowOf('スキーム'), 'スキーム', schemeCell, toScheme);
  if (scheme !== undefined) {
    record.scheme = scheme;
    found('scheme', schemeCell === undefined ? '要望番号' : 'スキーム', schemeCell === undefined ? `${scheme} (from ${implied ? 'the request number' : `round ${String(round)}, before the rapid scheme`})` : scheme);
  }
  const wg = value('WG');
  if (wg !== undefined) {
    record.leadWg = convert(rowOf('WG'), 'WG', wg, toWorkingGroup);
    found('leadWg', 'WG', String(record.leadWg));
  } else report.addMissing(`${group.id}: leadWg`, 'blank', first.line);
  const pediatric = value('小児');
  if (pediatric !== undefined) {
    record.pediatricWg = convert(rowOf('小児'), '小児', pediatric, toPediatric);
    found('pediatricWg', '小児', String(record.pediatricWg));
  } else report.addMissing(`${group.id}: pediatricWg`, 'blank', first.line);

  const existingDrug = existing?.drug as { inn?: string; ingredient?: string } | undefined;
  const inn = value('INN') ?? existingDrug?.inn ?? fail('INN', `column "INN" is blank for request ${group.id}`, 'give the drug’s English name (INN, lower case) on the first row of the request: English readers find it by that name');
  const drug: Record<string, unknown> = { ingredient: value('成分') ?? genericName, inn: inn.toLowerCase() };
  const brands = value('販売名');
  if (brands !== undefined) drug.brandNames = brands.split(/[、;；\n]/u).map((brand) => brand.trim()).filter((brand) => brand !== '');
  record.drug = drug;
  const indicationEn = value('効能・効果（英）');
  if (indicationEn !== undefined) {
    record.indicationEn = indicationEn;
    found('indicationEn', '効能・効果（英）');
  } else if (typeof existing?.indicationEn === 'string') {
    record.indicationEn = existing.indicationEn;
  } else if (value('要望効能・効果') !== undefined) {
    fail('要望効能・効果', `column "効能・効果（英）" is blank for request ${group.id}, whose 要望効能・効果 is given`, 'give the editors’ English translation of the requested indication on the first row of the request');
  }

  const ja = value('概要（日）');
  const en = value('概要（英）');
  if ((ja === undefined) !== (en === undefined)) {
    fail(ja === undefined ? '概要（英）' : '概要（日）', 'a summary needs both 概要（日） and 概要（英）', 'fill both columns, or leave both blank');
  }
  if (ja !== undefined && en !== undefined) record.summary = { ja, en };

  const sources: Record<string, unknown>[] = [];
  const statusHistory: Record<string, unknown>[] = [];
  const seenEvents = new Set<string>();
  const rowOfEvent = new Map<Record<string, unknown>, Row>();
  for (const row of group.rows) {
    const source: Record<string, unknown> = { title: cell(row, '出典') };
    if (source.title === '') throw new ImportError(row.input, row.line, 'column "出典" is blank', 'give every row the title of the source it was copied from');
    const url = cell(row, '出典URL');
    if (!/^https?:\/\/\S+$/u.test(url)) throw new ImportError(row.input, row.line, `column "出典URL": "${url}" is not an http(s) address`, 'give every row the address of its source');
    source.url = url;
    const original = cell(row, '原典URL');
    if (original !== '') {
      if (!/^https?:\/\/\S+$/u.test(original)) throw new ImportError(row.input, row.line, `column "原典URL": "${original}" is not an http(s) address`, 'give the address of the original document, or leave the cell blank');
      source.original = original;
    }
    if (cell(row, '出典発行者') !== '') source.publisher = cell(row, '出典発行者');
    if (cell(row, '出典日付') !== '') source.date = convert(row, '出典日付', cell(row, '出典日付'), toDate);
    if (cell(row, '出典メモ') !== '') source.note = cell(row, '出典メモ');
    if (!sources.some((known) => sourceKey(known) === sourceKey(source))) sources.push(source);
    const status = cell(row, '状況');
    if (status === '') {
      for (const column of ['日付', '会議', '状況メモ']) {
        if (cell(row, column) !== '') throw new ImportError(row.input, row.line, `column "${column}" is filled but "状況" is blank`, 'name the status the date, meeting or note belongs to');
      }
      continue;
    }
    const code = convert(row, '状況', status, toStatus);
    const date = cell(row, '日付') === '' ? undefined : convert(row, '日付', cell(row, '日付'), toDate);
    const event: Record<string, unknown> = { status: code };
    if (date !== undefined) event.date = date;
    if (cell(row, '会議') !== '') event.meeting = cell(row, '会議');
    // The event names its source by title and addresses; the record's sources carry the notes.
    event.source = Object.fromEntries(Object.entries(source).filter(([key]) => key !== 'note'));
    if (cell(row, '状況メモ') !== '') event.note = cell(row, '状況メモ');
    const key = eventKey(event);
    if (seenEvents.has(key)) {
      report.addOddity(`${group.id}: statusHistory`, row.line, `${place(row)} repeats the event ${code}${date === undefined ? '' : ` ${date}`} from the same source; kept once`);
      continue;
    }
    seenEvents.add(key);
    const meetingRef = parseMeetingRef(cell(row, '会議') || undefined);
    const meetingDate = meetingRef === undefined ? undefined : meetings.get(meetingRef.number);
    if (date !== undefined && meetingDate !== undefined && !meetingDate.startsWith(date) && !date.startsWith(meetingDate)) {
      throw new ImportError(row.input, row.line, `the row dates its event ${date}, but the meeting it names (${cell(row, '会議')}) met on ${meetingDate}`, 'correct the date or the meeting (an event at a meeting has the meeting\'s date), or leave 日付 blank and let the meeting date it');
    }
    rowOfEvent.set(event, row);
    statusHistory.push(event);
    report.addFound(`${group.id}: status event`, row.line, `${code}${date === undefined ? ' (undated)' : ` ${date}`}`);
  }
  record.statusHistory = orderHistory(statusHistory as { status: string; date?: string; meeting?: string }[], meetings);
  checkBackwardSteps(record.statusHistory as Record<string, unknown>[], rowOfEvent, group.id);
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
    if (field === 'requesterType') listRow[field] = convert(rowOf(column), column, text, toRequesterType);
    else if (field === 'classification') listRow[field] = convert(rowOf(column), column, text, toClassification);
    else listRow[field] = text;
    found(`listRow.${field}`, column, field === 'requesterType' || field === 'classification' ? String(listRow[field]) : undefined);
  }
  record.listRow = listRow;

  const result = requestSchema.safeParse(record);
  if (!result.success) {
    const problems = describeIssues(`${group.id} (${group.rows.map(place).join(', ')})`, result.error.issues, record, requestSchema);
    throw new ImportError(first.input, first.line, `the rows of request ${group.id} do not make a valid record:\n  ${problems.map(formatProblem).join('\n  ')}`, 'correct the cells named above');
  }
  return record;
}

/** An existing record in the output folder. */
interface ExistingRecord {
  id: string;
  path: string;
  text: string;
  data: Record<string, unknown>;
  body: string;
}

/** Records already in the output folder, by id, and their ids by normalised request number. */
function readExisting(out: string): { byId: Map<string, ExistingRecord>; byNumber: Map<string, string> } {
  const byId = new Map<string, ExistingRecord>();
  const byNumber = new Map<string, string>();
  for (const name of readdirSync(out)) {
    if (!name.endsWith('.mdx')) continue;
    const file = path.join(out, name);
    const text = readFileSync(file, 'utf8');
    const read = readRecordText(file, text);
    if ('message' in read) continue;
    const id = name.slice(0, -'.mdx'.length);
    byId.set(id, { id, path: file, text, data: read.data, body: read.body });
    const number = read.data.requestNumber;
    if (typeof number === 'string') byNumber.set(normaliseRequestNumber(number), id);
  }
  return { byId, byNumber };
}

/** One summary record built from the rows, before it is checked against the output folder. */
export interface SummaryRecordPlan {
  /** Record id. */
  id: string;
  /** The first row of the request: its file and line. */
  input: string;
  /** Line of the request's first row. */
  line: number;
  /** Frontmatter data. */
  data: Record<string, unknown>;
}

/** One CSV's name and text. */
export interface ListInput {
  /** The file's path, as messages name it. */
  input: string;
  /** A table already read (an .xlsx workbook is read before the import, since reading it is asynchronous). */
  table?: ListTable;
  /** Its text (a CSV). */
  text: string;
}

/**
 * Builds the summary records of one or more list CSVs, without touching the disk: every row is read, grouped
 * across files and checked. Throws {@link ImportError} naming the file and line at the first fault.
 */
export function buildSummaryRecords(
  inputs: readonly ListInput[],
  updated: string,
  report: ImportReport,
  meetings: MeetingDates = new Map(),
  defaults: RowDefaults = {},
  existingFor: (group: { id: string; number?: string }) => Record<string, unknown> | undefined = () => undefined,
): SummaryRecordPlan[] {
  const rows = inputs.flatMap((file, order) => (file.table ? tableRows(file.table, order, defaults) : readListRows(file.input, file.text, order, defaults)));
  const groups = groupRows(rows, meetings, report).filter((group) => {
    // A request that no row names a drug for (a page showing only its number) stays in the CSV as provenance,
    // but makes no record: a record is found and read by its drug.
    const named = group.rows.some((row) => ['成分名', '成分', 'INN'].some((column) => cell(row, column) !== ''));
    if (!named) report.addNote(`Skipped ${group.id} (${group.rows.map(place).join(', ')}): no row names its drug (成分名, 成分 or INN), so it makes no record.`);
    return named;
  });
  const seenNumbers = new Map<string, { id: string; row: Row }>();
  return groups.map((group) => {
    const number = group.rows.map((row) => cell(row, '要望番号')).find((value) => value !== '');
    const data = buildSummaryRecord(group, updated, meetings, report, existingFor(number === undefined ? { id: group.id } : { id: group.id, number }));
    const first = group.rows[0] as Row;
    if (typeof data.requestNumber === 'string') {
      const key = normaliseRequestNumber(data.requestNumber);
      const other = seenNumbers.get(key);
      if (other !== undefined) throw new ImportError(first.input, first.line, `request number ${data.requestNumber} is also used by ${other.id} (${place(other.row)})`, 'give both rows the same ID, or correct the number');
      seenNumbers.set(key, { id: group.id, row: first });
    }
    return { id: group.id, input: first.input, line: first.line, data };
  });
}

/** The CSV files an input names: the file itself, or every `.csv` below a folder, in path order. */
export function listInputFiles(input: string): string[] {
  if (!existsSync(input)) throw new ImportError(input, undefined, 'no such file or folder', 'check the path (it is relative to the folder you run npm from)');
  if (!statSync(input).isDirectory()) return [input];
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (isTableFile(entry.name)) files.push(full);
    }
  };
  walk(input);
  if (files.length === 0) throw new ImportError(input, undefined, 'the folder holds no table (.csv, .tsv or .xlsx)', 'name a table, or a folder of them');
  return files;
}

/**
 * Reads the dates of council meetings from the meeting entries beside the requests folder
 * (`content/meetings/council-NN.yaml`), so that undated events can be ordered by their meeting and a date that
 * contradicts its meeting is refused. No folder, no dates.
 */
export function readMeetingDates(out: string, meetingsFolder?: string): Map<number, string> {
  const folder = meetingsFolder ?? path.join(out, '..', 'meetings');
  const dates = new Map<number, string>();
  if (!existsSync(folder)) return dates;
  for (const name of readdirSync(folder)) {
    const match = /^council-(\d+)\.yaml$/u.exec(name);
    if (!match?.[1]) continue;
    const entry: unknown = parseYaml(readFileSync(path.join(folder, name), 'utf8'));
    if (isRecord(entry) && typeof entry.date === 'string') dates.set(Number(match[1]), entry.date);
  }
  return dates;
}

/** What merging rows into an existing record changed, for the report. */
interface MergeResult {
  data: Record<string, unknown>;
  changes: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges a record built from rows into an existing one without dropping anything: events and sources not yet
 * present are added, fields the existing record lacks are filled; a field that differs keeps its existing
 * value and is reported. A full-form record gains only events, sources and record metadata.
 */
function mergeInto(existing: Record<string, unknown>, incoming: Record<string, unknown>, meetings: MeetingDates, id: string, report: ImportReport): MergeResult {
  const data: Record<string, unknown> = structuredClone(existing);
  const changes: string[] = [];
  const fill = (target: Record<string, unknown>, from: Record<string, unknown>, prefix: string, keys: readonly string[]): void => {
    for (const key of keys) {
      const value = from[key];
      if (value === undefined) continue;
      if (target[key] === undefined || (Array.isArray(target[key]) && target[key].length === 0 && Array.isArray(value) && value.length > 0)) {
        target[key] = structuredClone(value);
        changes.push(`filled ${prefix}${key}`);
      } else if (!isDeepStrictEqual(target[key], value)) {
        report.addOddity(`${id}: ${prefix}${key}`, undefined, `the record says ${JSON.stringify(target[key])}, the rows say ${JSON.stringify(value)}; the record's value is kept (edit the record, or rebuild it with --force)`);
      }
    }
  };
  fill(data, incoming, '', ['requestNumber', 'round', 'scheme', 'leadWg', 'pediatricWg', 'indicationEn', 'summary']);
  if (isRecord(data.drug) && isRecord(incoming.drug)) fill(data.drug, incoming.drug, 'drug.', ['inn', 'brandNames']);
  if (data.kind === 'summary' && isRecord(data.listRow) && isRecord(incoming.listRow)) {
    fill(data.listRow, incoming.listRow, 'listRow.', ['genericName', 'requestedIndication', 'requestedDosage', 'requesterName', 'requesterType', 'company', 'classification', 'statusText']);
  }
  const history = Array.isArray(data.statusHistory) ? (data.statusHistory as Record<string, unknown>[]) : [];
  const known = new Set(history.map(eventKey));
  for (const event of incoming.statusHistory as { status: string; date?: string; source: { title: string } }[]) {
    if (known.has(eventKey(event))) continue;
    history.push(event);
    known.add(eventKey(event));
    changes.push(`added event ${event.status}${event.date === undefined ? '' : ` ${event.date}`} (${event.source.title})`);
  }
  data.statusHistory = orderHistory(history as { status: string; date?: string; meeting?: string }[], meetings);
  const sources = Array.isArray(data.sources) ? (data.sources as Record<string, unknown>[]) : [];
  for (const source of incoming.sources as Record<string, unknown>[]) {
    if (sources.some((knownSource) => sourceKey(knownSource) === sourceKey(source))) continue;
    sources.push(source);
    changes.push(`added source ${String(source.title)}`);
  }
  data.sources = sources;
  return { data: inRecordOrder(data), changes };
}

/** The order of a record's keys in the files both importers write, so that a merged record reads like an imported one. */
const RECORD_KEY_ORDER = ['kind', 'requestNumber', 'round', 'scheme', 'leadWg', 'pediatricWg', 'drug', 'indicationEn', 'summary', 'statusHistory', 'sources', 'updated', 'form', 'listRow'];

/** A record with its keys in {@link RECORD_KEY_ORDER} (unknown keys last, as they were). */
function inRecordOrder(data: Record<string, unknown>): Record<string, unknown> {
  const rank = (key: string): number => (RECORD_KEY_ORDER.includes(key) ? RECORD_KEY_ORDER.indexOf(key) : RECORD_KEY_ORDER.length);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
}

/** Reads every table an import names: text tables at once, workbooks (asynchronous) ahead of the import. */
export async function loadListInputs(input: string): Promise<ListInput[]> {
  return Promise.all(listInputFiles(input).map(async (file) => ({ input: file, text: '', table: isWorkbook(file) ? await readWorkbook(file) : readTextTable(file) })));
}

/**
 * Imports list tables (a file or a folder); throws {@link ImportError} for bad input, having written nothing.
 * `preloaded` holds the tables read ahead ({@link loadListInputs}); without it, text tables are read here and a
 * workbook is refused (it needs the asynchronous reader of the command).
 */
export function importList(request: ListImportRequest, io: CommandIo, preloaded?: readonly ListInput[]): ListImportFile[] {
  const inputs: readonly ListInput[] =
    preloaded ??
    listInputFiles(request.input).map((file) => {
      if (isWorkbook(file)) throw new ImportError(file, undefined, 'a workbook is read by the command (npm run import:list), not by this call', 'run npm run import:list, or export the sheet as CSV');
      return { input: file, text: '', table: readTextTable(file) };
    });
  const files = inputs.map((file) => file.input);
  checkOutputFolder(request.input, request.out);
  const report = new ImportReport();
  for (const file of inputs) if (file.table) report.addNote(`Read ${file.input} as ${file.table.readAs}.`);
  const meetings = readMeetingDates(request.out, request.meetings);
  const existing = readExisting(request.out);
  const existingFor = ({ id, number }: { id: string; number?: string }): Record<string, unknown> | undefined => {
    const owner = number === undefined ? undefined : existing.byNumber.get(normaliseRequestNumber(number));
    return existing.byId.get(owner ?? id)?.data;
  };
  const records = buildSummaryRecords(inputs, request.updated, report, meetings, request.defaults, existingFor);
  const planned: { id: string; path: string; text: string; data: Record<string, unknown>; outcome: ListImportFile['outcome']; changes: string[] }[] = [];
  for (const record of records) {
    const numberOwner = typeof record.data.requestNumber === 'string' ? existing.byNumber.get(normaliseRequestNumber(record.data.requestNumber)) : undefined;
    const id = numberOwner ?? record.id;
    const target = path.join(request.out, `${id}.mdx`);
    const current = existing.byId.get(id);
    let data = record.data;
    let body = '';
    let outcome: ListImportFile['outcome'] = 'created';
    let changes: string[] = ['new record'];
    if (current === undefined && request.updateOnly) {
      throw new ImportError(record.input, record.line, `${typeof record.data.requestNumber === 'string' ? `request number ${record.data.requestNumber}` : `request ${record.id}`} is not on the site, and --update-only says this table should only update`, 'correct the number (or the ID), or import without --update-only to create the record');
    }
    if (current !== undefined) {
      body = current.body;
      if (request.force && current.data.kind === 'summary') {
        outcome = 'replaced';
        changes = ['rebuilt from the rows'];
        const candidate = { ...data, updated: current.data.updated };
        if (serializeRecord(candidate, body) === current.text) data = candidate;
      } else {
        const merged = mergeInto(current.data, data, meetings, id, report);
        changes = merged.changes;
        data = changes.length === 0 ? merged.data : { ...merged.data, updated: request.updated };
        outcome = 'merged';
      }
    }
    const fileText = serializeRecord(data, body);
    if (current !== undefined && fileText === current.text) {
      outcome = 'unchanged';
      changes = [];
    }
    const problems = verifyRecordText(target, fileText, data);
    if (problems.length > 0) {
      throw new ImportError(record.input, record.line, `the record ${id} would not be valid:\n  ${problems.map(formatProblem).join('\n  ')}`, 'correct the cells of that request; if they are right, please report this');
    }
    planned.push({ id, path: target, text: fileText, data, outcome, changes });
  }
  io.out(formatReport(report, `Importing ${files.length === 1 ? request.input : `${files.length} CSV files from ${request.input}`}: ${records.length} request(s)`));
  const results: ListImportFile[] = [];
  const tally = new Map<string, number>();
  for (const plan of planned) {
    const verb = { created: 'Created', merged: 'Merged into', replaced: 'Rebuilt', unchanged: 'Unchanged', 'dry-run': 'Dry run' }[plan.outcome];
    if (request.dryRun && plan.outcome !== 'unchanged') {
      io.out(`Dry run: ${plan.path} would be ${plan.outcome === 'created' ? 'created' : plan.outcome === 'replaced' ? 'rebuilt' : 'changed'}:${plan.changes.map((change) => `\n  + ${change}`).join('')}`);
    } else if (plan.outcome === 'unchanged') {
      io.out(`Unchanged: ${plan.path}`);
    } else {
      writeRecordAtomically(plan.path, { path: plan.path, text: plan.text, data: plan.data });
      io.out(`${verb} ${plan.path}${plan.changes.length > 0 && plan.outcome === 'merged' ? plan.changes.map((change) => `\n  + ${change}`).join('') : ''}`);
    }
    tally.set(plan.outcome, (tally.get(plan.outcome) ?? 0) + 1);
    results.push({ id: plan.id, path: plan.path, text: plan.text, outcome: request.dryRun && plan.outcome !== 'unchanged' ? 'dry-run' : plan.outcome });
  }
  io.out(`Summary: ${['created', 'merged', 'replaced', 'unchanged'].map((outcome) => `${tally.get(outcome) ?? 0} ${outcome}`).join(', ')}${request.dryRun ? ' (dry run: nothing was written)' : ''}.`);
  return results;
}

/** Parses the command line of `npm run import:list`. */
export function parseListImportArgs(argv: readonly string[], io: CommandIo): ListImportRequest | 'help' {
  const parsed = parseImportArgs(argv, io, { 'source-title': { type: 'string' }, 'source-url': { type: 'string' }, meetings: { type: 'string' }, 'update-only': { type: 'boolean' } }, 'table or folder');
  if (parsed === 'help') return 'help';
  const { args, values } = parsed;
  const defaults: RowDefaults = {};
  const title = values['source-title'];
  const url = values['source-url'];
  if (typeof title === 'string' && title.trim() !== '') defaults.sourceTitle = title.trim();
  if (typeof url === 'string') {
    if (!/^https?:\/\/\S+$/u.test(url)) throw new UsageError(`--source-url must be an http(s) address, got "${url}"`);
    defaults.sourceUrl = url;
  }
  const request: ListImportRequest = { ...args, defaults };
  if (typeof values.meetings === 'string') request.meetings = values.meetings;
  if (values['update-only'] === true) request.updateOnly = true;
  return request;
}

/** Runs `npm run import:list` on text tables only (CSV, TSV); returns the exit code. Never throws. */
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

/** Runs `npm run import:list` on any table, workbooks included (they are read first); resolves to the exit code. */
export async function runImportListWithWorkbooks(argv: readonly string[], io: CommandIo): Promise<number> {
  let preloaded: ListInput[] | undefined;
  const early = runCommand(io, IMPORT_LIST_USAGE, () => {
    const request = parseListImportArgs(argv, io);
    if (request === 'help') return ExitCode.ok;
    listInputFiles(request.input);
    return -1;
  });
  if (early !== -1) return runImportList(argv, io);
  try {
    const request = parseListImportArgs(argv, io) as ListImportRequest;
    preloaded = await loadListInputs(request.input);
  } catch (error) {
    return runCommand(io, IMPORT_LIST_USAGE, () => {
      throw error;
    });
  }
  return runCommand(io, IMPORT_LIST_USAGE, () => {
    const request = parseListImportArgs(argv, io) as ListImportRequest;
    importList(request, io, preloaded);
    return ExitCode.ok;
  });
}
