/**
 * `npm run import -- <form.txt> [--out content/requests] [--dry-run] [--force] [--id …] [--updated …]
 * [--inn …] [--source-url …] [--source-title …]`: one request form in, one validated record out.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { requestSchema } from '../schemas/request.ts';
import { formatProblem } from '../lib/content-validation.ts';
import { parse as parseYaml } from 'yaml';
import { checkOutputFolder, ExitCode, parseImportArgs, readInputBytes, readInputText, reportFailure, runCommandAsync, UsageError, type CommandIo, type CommonImportArgs } from './command.ts';
import { looksLikePdf, readFormPdf } from './pdf/read-form-pdf.ts';
import { decodeSourceText } from './source-text.ts';
import { buildFormRecord, deriveFormRecordId, type FormRecordOptions } from './form-record.ts';
import { parseRequestForm } from './parse-form.ts';
import { readRecordText, serializeRecord, verifyRecordText } from './record-file.ts';
import { RECORD_ID } from './record-id.ts';
import { formatReport, ImportError, type ImportReport } from './report.ts';
import type { RequestForm } from '../schemas/form.ts';
import { writeRecordAtomically } from './write-record.ts';

/** Usage text of the command. */
export const IMPORT_FORM_USAGE = `usage: npm run import -- <form.pdf | form.txt | folder> … [options]

Imports request forms (別添様式1 or 別添様式1-2) as records: each form's PDF as MHLW publishes it, or its
text. Give one file, several, or a folder (its .pdf and .txt files); several end with a summary table.
The options that describe one form (--id, --inn, --indication-en, --source-url, --source-title) can also
sit in a <form>.yaml beside the file (id:, inn:, indicationEn:, sourceUrl:, sourceTitle:).

options:
  --out <folder>         where records live (default: content/requests)
  --dry-run              parse, validate and report, but write nothing
  --force                replace an existing record; its editorial fields and MDX body are kept
  --id <id>              the record id (file name), e.g. basiliximab-liver-transplant
  --updated <date>       the record's updated date, YYYY-MM-DD (default: today)
  --inn <name>           the drug's INN, lower case (also used for the id); required for a new record
  --indication-en <text> the editors' English translation of the requested indication; required for a new record
  --source-url <url>     where the form was published
  --source-title <text>  the source's title (default: generated from the form)
  --save-text <file>     for one PDF: also write the text rebuilt from it, to correct by hand and import`;

/** What an import produced, for tests and for callers that want the text without writing. */
export interface FormImportResult {
  /** The record id. */
  id: string;
  /** Path of the record file. */
  path: string;
  /** The file's text. */
  text: string;
  /** What happened: written, unchanged, or only checked (dry run). */
  outcome: 'written' | 'unchanged' | 'dry-run';
  /** What the import found, missed and noticed. */
  report: ImportReport;
}

/** Options of one form import, as parsed from the command line (`input` is the form's text file). */
export interface FormImportRequest extends CommonImportArgs, FormRecordOptions {
  /** The id, when given. */
  id?: string;
}

/** The existing record that transcribes the same form (same generic name, requester and indication). */
function findSameForm(out: string, form: { drug: { genericName: string }; requester: { name?: string }; requestedIndication: string }): string | undefined {
  const matches: string[] = [];
  for (const name of readdirSync(out)) {
    if (!name.endsWith('.mdx')) continue;
    const read = readRecordText(name, readFileSync(path.join(out, name), 'utf8'));
    if ('message' in read) continue;
    const other = read.data.form as { drug?: { genericName?: unknown }; requester?: { name?: unknown }; requestedIndication?: unknown } | undefined;
    if (other?.drug?.genericName === form.drug.genericName && other.requester?.name === form.requester.name && other.requestedIndication === form.requestedIndication) {
      matches.push(name.slice(0, -'.mdx'.length));
    }
  }
  return matches.length === 1 ? matches[0] : undefined;
}

/** A form record ready to be written: its frontmatter, the whole file text and the import's report. */
export interface PreparedFormRecord {
  /** Frontmatter data. */
  data: Record<string, unknown>;
  /** The whole file text. */
  text: string;
  /** What the import found, missed and noticed. */
  report: ImportReport;
}

/**
 * Turns a form's text into a validated record file, without touching the disk. With `existing` (the
 * record being re-imported) its editorial fields and body are kept, and its date too when nothing else
 * changes. Throws {@link ImportError} when the text is not a usable form.
 */
export function prepareFormRecord(input: string, formText: string, options: FormRecordOptions, existing?: { data: Record<string, unknown>; body: string; text: string }): PreparedFormRecord {
  const { form, report } = parseRequestForm(input, formText);
  return finishFormRecord(input, form, report, options, existing);
}

function finishFormRecord(input: string, form: RequestForm, report: ImportReport, options: FormRecordOptions, existing?: { data: Record<string, unknown>; body: string; text: string }): PreparedFormRecord {
  let data = buildFormRecord(form, options, input, report, existing?.data);
  if (existing && existing.data.updated !== undefined) {
    // Re-importing an unchanged form keeps the record byte for byte, including its date.
    const candidate = { ...data, updated: existing.data.updated };
    if (serializeRecord(candidate, existing.body) === existing.text) data = candidate;
  }
  const drug = data.drug as { inn?: unknown } | undefined;
  if (drug?.inn === undefined) {
    throw new ImportError(input, undefined, 'the record needs the drug’s English name', 'pass --inn <name> (the INN, lower case, e.g. --inn basiliximab): English readers find the request by it');
  }
  if (data.indicationEn === undefined) {
    throw new ImportError(input, undefined, 'the record needs an English translation of the requested indication', 'pass --indication-en "<the editors’ English translation of 要望効能・効果>"');
  }
  const text = serializeRecord(data, existing?.body ?? '');
  const problems = verifyRecordText(input, text, data);
  if (problems.length > 0) {
    throw new ImportError(input, undefined, `the imported record would not be valid:\n  ${problems.map(formatProblem).join('\n  ')}`, 'check the fields named above in the form text; if the form is right, please report this');
  }
  return { data, text, report };
}

/** A form's text and how to name its lines: read from a text file, or rebuilt from a PDF's pages. */
export interface FormText {
  /** The text in the importer's format. */
  text: string;
  /** For a PDF: the page each line was rebuilt from (`pages[line - 1]`). */
  pages?: readonly number[];
  /** For a PDF: how many pages it has. */
  pageCount?: number;
  /** For a PDF: what the reader decided that a human should check, by line. */
  notes?: readonly { line: number; message: string }[];
}

/** Names a line of a PDF's rebuilt text by its page. */
function pagePlace(pages: readonly number[], line: number): string {
  const page = pages[Math.min(Math.max(line, 1), pages.length) - 1];
  return page === undefined ? 'the PDF' : `page ${page}`;
}

/**
 * Parses a form's text; for a PDF, an error at a line of the rebuilt text is named by its page instead,
 * and a missing section says that pages may be missing from the PDF.
 */
function parseFormText(input: string, source: FormText): ReturnType<typeof parseRequestForm> {
  const { pages } = source;
  if (!pages) return parseRequestForm(input, source.text);
  try {
    const parsed = parseRequestForm(input, source.text);
    parsed.report.place = (line) => pagePlace(pages, line).padEnd(9);
    for (const note of source.notes ?? []) parsed.report.addOddity('pdf', note.line, note.message);
    return parsed;
  } catch (error) {
    if (!(error instanceof ImportError) || error.place !== undefined) throw error;
    const count = source.pageCount ?? pages.at(-1) ?? 0;
    const fix = /missing a whole section/.test(error.message)
      ? `none of the PDF's ${count} page${count === 1 ? '' : 's'} holds that section, so a page is probably missing from this copy; get the complete form as MHLW published it`
      : /missing \d+ whole sections/.test(error.message)
        ? `none of the PDF's ${count} page${count === 1 ? '' : 's'} holds those sections, so pages are probably missing from this copy; get the complete form as MHLW published it`
        : error.message.startsWith('this does not look like a request form')
          ? 'give the importer the PDF of a 別添様式1 or 別添様式1-2 request form; for a list table, use npm run import:list'
          : error.fix;
    throw new ImportError(error.input, undefined, error.message, fix, error.line === undefined ? undefined : pagePlace(pages, error.line));
  }
}

/**
 * Imports one form; throws {@link ImportError} for bad input. Prints the report through `io`. The form's
 * text is read from `request.input`, unless `source` gives it (a PDF's rebuilt text).
 */
export function importForm(request: FormImportRequest, io: CommandIo, source?: FormText): FormImportResult {
  const formSource = source ?? { text: readInputText(request.input) };
  checkOutputFolder(request.input, request.out);
  const { form, report } = parseFormText(request.input, formSource);
  const sameForm = request.id === undefined ? findSameForm(request.out, form) : undefined;
  const id = request.id ?? sameForm ?? deriveFormRecordId(form, request.inn);
  if (id === undefined) {
    throw new ImportError(request.input, undefined, `cannot derive an ASCII file name from the drug name ${JSON.stringify(form.drug.genericName)}`, 'pass --id <id> (lower-case letters, digits and hyphens) or --inn <name>');
  }
  if (sameForm !== undefined) report.addNote(`The record ${sameForm}.mdx already transcribes this form (same drug, requester and indication); using its id.`);
  const target = path.join(request.out, `${id}.mdx`);
  let existing: { data: Record<string, unknown>; body: string; text: string } | undefined;
  if (existsSync(target)) {
    if (!request.force) {
      throw new ImportError(request.input, undefined, `the record ${target} already exists`, 'pass --force to re-import it (its summary, drug names, sources, status history and MDX body are kept), or --id to write a new record');
    }
    const existingText = readFileSync(target, 'utf8');
    const read = readRecordText(target, existingText);
    const parsed = 'message' in read ? undefined : requestSchema.safeParse(read.data);
    if ('message' in read || !parsed?.success) {
      throw new ImportError(request.input, undefined, `the existing record ${target} is not valid, so its editorial fields cannot be kept safely`, 'run npm run validate, fix or delete that record, and import again');
    }
    existing = { ...read, text: existingText };
  }
  const prepared = finishFormRecord(request.input, form, report, request, existing);
  const fileText = prepared.text;
  const data = prepared.data;
  const existingText = existing?.text;
  const pagesNote = formSource.pageCount === undefined ? '' : ` (PDF, ${formSource.pageCount} page${formSource.pageCount === 1 ? '' : 's'})`;
  io.out(formatReport(report, `Importing ${request.input}${pagesNote} as ${target}`));
  let outcome: FormImportResult['outcome'];
  if (request.dryRun) {
    outcome = 'dry-run';
    io.out(`Dry run: ${target} would be ${existingText === undefined ? 'created' : existingText === fileText ? 'left unchanged' : 'replaced'} (${Buffer.byteLength(fileText)} bytes); nothing was written.`);
  } else if (existingText === fileText) {
    outcome = 'unchanged';
    io.out(`Unchanged: ${target} already holds exactly this record.`);
  } else {
    writeRecordAtomically(request.input, { path: target, text: fileText, data });
    outcome = 'written';
    io.out(`Wrote ${target} (${Buffer.byteLength(fileText)} bytes). Check it with npm run validate; fix any field by hand in the file.`);
  }
  return { id, path: target, text: fileText, outcome, report };
}

/** Options that name one form's record, so they cannot be given for several files at once. */
const PER_FORM_OPTIONS = ['id', 'inn', 'indication-en', 'source-url', 'source-title', 'save-text'] as const;

/** What `npm run import` was asked to do: the shared options and the files named (folders included). */
export interface FormImportCommand {
  /** The options; `input` is the first file named. */
  request: FormImportRequest;
  /** Every path named on the command line. */
  inputs: string[];
  /** `--save-text`: where to write a PDF's rebuilt text. */
  saveText?: string;
}

/** Parses the command line of `npm run import`. */
export function parseFormImportArgs(argv: readonly string[], io: CommandIo): FormImportCommand | 'help' {
  const parsed = parseImportArgs(
    argv,
    io,
    { id: { type: 'string' }, inn: { type: 'string' }, 'indication-en': { type: 'string' }, 'source-url': { type: 'string' }, 'source-title': { type: 'string' }, 'save-text': { type: 'string' } },
    'request form (PDF or text)',
    true,
  );
  if (parsed === 'help') return 'help';
  const { args, values, inputs } = parsed;
  const several = inputs.length > 1 || (inputs[0] !== undefined && existsSync(inputs[0]) && statSync(inputs[0]).isDirectory());
  if (several) {
    const given = PER_FORM_OPTIONS.filter((option) => values[option] !== undefined);
    if (given.length > 0) {
      throw new UsageError(`--${given.join(', --')} describe${given.length === 1 ? 's' : ''} one form, but several are imported; put them in a <form>.yaml beside each file instead (see docs/adding-a-request.md)`);
    }
  }
  const request: FormImportRequest = { ...args, ...checkFormOptions(values, (option) => `--${option}`) };
  const command: FormImportCommand = { request, inputs };
  if (values['save-text'] !== undefined) command.saveText = values['save-text'];
  return command;
}

/** The per-form options, from the command line (`--inn`) or a sidecar file (`inn:`), checked. */
interface FormOptionValues {
  id?: string | undefined;
  inn?: string | undefined;
  'indication-en'?: string | undefined;
  'source-url'?: string | undefined;
  'source-title'?: string | undefined;
}

/** Checks the per-form options; `name` says how the user wrote an option (`--source-url`, or `sourceUrl` in a .yaml). */
function checkFormOptions(values: FormOptionValues, name: (option: keyof FormOptionValues) => string): Partial<FormImportRequest> {
  if (values.id !== undefined && !RECORD_ID.test(values.id)) throw new UsageError(`${name('id')} must be lower-case letters, digits and hyphens, got "${values.id}"`);
  if (values['source-url'] !== undefined && !/^https?:\/\/\S+$/.test(values['source-url'])) throw new UsageError(`${name('source-url')} must be an http(s) address, got "${values['source-url']}"`);
  const out: Partial<FormImportRequest> = {};
  if (values.id !== undefined) out.id = values.id;
  if (values.inn !== undefined) out.inn = values.inn.trim().toLowerCase();
  if (values['indication-en'] !== undefined && values['indication-en'].trim() !== '') out.indicationEn = values['indication-en'].trim();
  if (values['source-url'] !== undefined) out.sourceUrl = values['source-url'];
  if (values['source-title'] !== undefined) out.sourceTitle = values['source-title'];
  return out;
}

/** The keys a `<form>.yaml` beside a form may hold, as the command line's options. */
const SIDECAR_KEYS: Readonly<Record<string, keyof FormOptionValues>> = { id: 'id', inn: 'inn', indicationEn: 'indication-en', sourceUrl: 'source-url', sourceTitle: 'source-title' };

/**
 * Reads the `<form>.yaml` beside a form, if there is one: the options that describe that form (its INN,
 * the English indication, its id and source). Unknown keys and non-text values are refused.
 */
export function readSidecar(input: string): { file: string; options: Partial<FormImportRequest> } | undefined {
  const file = `${input.replace(/\.(pdf|txt)$/i, '')}.yaml`;
  if (file === input || !existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ImportError(file, undefined, `the options file is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, 'write it as key: value lines (inn, indicationEn, id, sourceUrl, sourceTitle)');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ImportError(file, undefined, 'the options file must be a mapping of key: value lines', 'write it as key: value lines (inn, indicationEn, id, sourceUrl, sourceTitle)');
  const values: FormOptionValues = {};
  for (const [key, value] of Object.entries(data)) {
    const option = SIDECAR_KEYS[key];
    if (!option) throw new ImportError(file, undefined, `unknown key "${key}"`, `use only ${Object.keys(SIDECAR_KEYS).join(', ')}`);
    if (typeof value !== 'string') throw new ImportError(file, undefined, `"${key}" must be text`, `write it as ${key}: "…"`);
    values[option] = value;
  }
  try {
    const keyOf = (option: keyof FormOptionValues): string => Object.entries(SIDECAR_KEYS).find(([, value]) => value === option)?.[0] ?? option;
    return { file, options: checkFormOptions(values, keyOf) };
  } catch (error) {
    if (error instanceof UsageError) throw new ImportError(file, undefined, error.message, 'correct the value in the options file');
    throw error;
  }
}

/** The form files a list of paths names: files as given, folders' .pdf and .txt files (sorted, not recursive). */
export function expandFormInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      const inside = readdirSync(input)
        .filter((name) => /\.(pdf|txt)$/i.test(name))
        .sort()
        .map((name) => path.join(input, name));
      if (inside.length === 0) throw new UsageError(`the folder ${input} holds no .pdf or .txt file to import`);
      files.push(...inside);
    } else files.push(input);
  }
  return files;
}

/**
 * Imports one form file, PDF or text (told apart by their bytes, not their names), with the options of its
 * `<form>.yaml`. Throws {@link ImportError} for bad input.
 */
export async function importFormFile(request: FormImportRequest, io: CommandIo, saveText?: string): Promise<FormImportResult> {
  const sidecar = readSidecar(request.input);
  const merged: FormImportRequest = { ...request, ...(sidecar?.options ?? {}) };
  const bytes = readInputBytes(request.input);
  if (!looksLikePdf(bytes) && !/\.pdf$/i.test(request.input)) return importForm(merged, io, { text: decodeSourceText(request.input, bytes) });
  const pdf = await readFormPdf(request.input, bytes);
  if (saveText !== undefined) {
    writeFileSync(saveText, pdf.text);
    io.out(`Wrote the text rebuilt from the PDF to ${saveText}; correct it there and import that file if the PDF reads wrongly.`);
  }
  return importForm(merged, io, { text: pdf.text, pages: pdf.pages, pageCount: pdf.pageCount, notes: pdf.notes });
}

/** One line of the summary a several-file import ends with. */
interface SummaryRow {
  file: string;
  outcome: 'written' | 'unchanged' | 'checked' | 'failed';
  /** What a human should look at, for an import that went through with oddities. */
  look?: string;
  record: string;
  detail: string;
}

/** Whether an import left something for a human: an oddity, or a field whose label is not in the text. */
function needsALook(report: ImportReport): string | undefined {
  const absent = report.missing.filter((item) => item.reason === 'absent').length;
  const parts = [report.oddities.length > 0 ? `${report.oddities.length} odd${report.oddities.length === 1 ? 'ity' : 'ities'}` : '', absent > 0 ? `${absent} field${absent === 1 ? '' : 's'} not found` : ''].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The summary table of a several-file import. */
export function formatSummary(rows: readonly SummaryRow[]): string {
  const width = (heading: string, key: 'file' | 'outcome' | 'record'): number => Math.max(heading.length, ...rows.map((row) => row[key].length));
  const [fileWidth, outcomeWidth, recordWidth] = [width('file', 'file'), width('outcome', 'outcome'), width('record', 'record')];
  const looks = rows.filter((row) => row.look !== undefined).length;
  const line = (file: string, outcome: string, record: string, detail: string): string => `  ${file.padEnd(fileWidth)}  ${outcome.padEnd(outcomeWidth)}  ${record.padEnd(recordWidth)}  ${detail}`.trimEnd();
  const count = (outcome: SummaryRow['outcome']): number => rows.filter((row) => row.outcome === outcome).length;
  return [
    `Summary of ${rows.length} file${rows.length === 1 ? '' : 's'}:`,
    line('file', 'outcome', 'record', 'what to look at'),
    ...rows.map((row) => line(row.file, row.outcome, row.record, row.detail)),
    `${count('written')} written, ${count('unchanged')} unchanged, ${count('checked')} checked (dry run), ${count('failed')} failed; ${looks} of those imported need${looks === 1 ? 's' : ''} a look.`,
  ].join('\n');
}

/** Imports several files: each on its own, past a bad one, then the summary. */
async function importMany(command: FormImportCommand, files: readonly string[], io: CommandIo): Promise<number> {
  const rows: SummaryRow[] = [];
  let exit: number = ExitCode.ok;
  for (const [index, file] of files.entries()) {
    io.out(`\n── ${file} (${index + 1} of ${files.length})`);
    try {
      const result = await importFormFile({ ...command.request, input: file }, io);
      const look = needsALook(result.report);
      const outcome: SummaryRow['outcome'] = result.outcome === 'dry-run' ? 'checked' : result.outcome;
      rows.push({ file, outcome, record: result.path, detail: look ? `needs a look: ${look}` : '', ...(look ? { look } : {}) });
    } catch (error) {
      const code = reportFailure(io, IMPORT_FORM_USAGE, error);
      exit = Math.max(exit, code);
      const reason = error instanceof ImportError || error instanceof UsageError ? error.message.split('\n')[0] ?? '' : 'internal error (a bug in the importer)';
      rows.push({ file, outcome: 'failed', record: '—', detail: reason.length > 90 ? `${reason.slice(0, 89)}…` : reason });
    }
  }
  io.out(`\n${formatSummary(rows)}`);
  if (exit !== ExitCode.ok) io.err(`${rows.filter((row) => row.outcome === 'failed').length} of ${rows.length} files failed; nothing was written for them.`);
  return exit;
}

/** Runs `npm run import` with the given arguments; resolves to the exit code. Never rejects. */
export async function runImportForm(argv: readonly string[], io: CommandIo): Promise<number> {
  return runCommandAsync(io, IMPORT_FORM_USAGE, async () => {
    const command = parseFormImportArgs(argv, io);
    if (command === 'help') {
      io.out(IMPORT_FORM_USAGE);
      return ExitCode.ok;
    }
    const single = command.inputs.length === 1 && !(existsSync(command.request.input) && statSync(command.request.input).isDirectory());
    if (single) {
      await importFormFile(command.request, io, command.saveText);
      return ExitCode.ok;
    }
    return importMany(command, expandFormInputs(command.inputs), io);
  });
}
