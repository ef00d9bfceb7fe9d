/**
 * `npm run import -- <form.txt> [--out content/requests] [--dry-run] [--force] [--id …] [--updated …]
 * [--inn …] [--source-url …] [--source-title …]`: one request form in, one validated record out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requestSchema } from '../schemas/request.ts';
import { formatProblem } from '../lib/content-validation.ts';
import { checkOutputFolder, ExitCode, parseImportArgs, readInputText, runCommand, UsageError, type CommandIo, type CommonImportArgs } from './command.ts';
import { buildFormRecord, deriveFormRecordId, type FormRecordOptions } from './form-record.ts';
import { parseRequestForm } from './parse-form.ts';
import { readRecordText, serializeRecord, verifyRecordText } from './record-file.ts';
import { RECORD_ID } from './record-id.ts';
import { formatReport, ImportError, type ImportReport } from './report.ts';
import type { RequestForm } from '../schemas/form.ts';
import { writeRecordAtomically } from './write-record.ts';

/** Usage text of the command. */
export const IMPORT_FORM_USAGE = `usage: npm run import -- <form.txt> [options]

Imports the text of one request form (別添様式1 or 別添様式1-2, extracted from its PDF) as a record.

options:
  --out <folder>         where records live (default: content/requests)
  --dry-run              parse, validate and report, but write nothing
  --force                replace an existing record; its editorial fields and MDX body are kept
  --id <id>              the record id (file name), e.g. basiliximab-liver-transplant
  --updated <date>       the record's updated date, YYYY-MM-DD (default: today)
  --inn <name>           the drug's INN, lower case (also used for the id); required for a new record
  --indication-en <text> the editors' English translation of the requested indication; required for a new record
  --source-url <url>     where the form was published
  --source-title <text>  the source's title (default: generated from the form)`;

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

/** Imports one form; throws {@link ImportError} for bad input. Prints the report through `io`. */
export function importForm(request: FormImportRequest, io: CommandIo): FormImportResult {
  const formText = readInputText(request.input);
  checkOutputFolder(request.input, request.out);
  const { form, report } = parseRequestForm(request.input, formText);
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
  io.out(formatReport(report, `Importing ${request.input} as ${target}`));
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
  return { id, path: target, text: fileText, outcome };
}

/** Parses the command line of `npm run import`. */
export function parseFormImportArgs(argv: readonly string[], io: CommandIo): FormImportRequest | 'help' {
  const parsed = parseImportArgs(
    argv,
    io,
    { id: { type: 'string' }, inn: { type: 'string' }, 'indication-en': { type: 'string' }, 'source-url': { type: 'string' }, 'source-title': { type: 'string' } },
    'form text file',
  );
  if (parsed === 'help') return 'help';
  const { args, values } = parsed;
  if (values.id !== undefined && !RECORD_ID.test(values.id)) throw new UsageError(`--id must be lower-case letters, digits and hyphens, got "${values.id}"`);
  if (values['source-url'] !== undefined && !/^https?:\/\/\S+$/.test(values['source-url'])) throw new UsageError(`--source-url must be an http(s) address, got "${values['source-url']}"`);
  const request: FormImportRequest = { ...args };
  if (values.id !== undefined) request.id = values.id;
  if (values.inn !== undefined) request.inn = values.inn.trim().toLowerCase();
  if (values['indication-en'] !== undefined && values['indication-en'].trim() !== '') request.indicationEn = values['indication-en'].trim();
  if (values['source-url'] !== undefined) request.sourceUrl = values['source-url'];
  if (values['source-title'] !== undefined) request.sourceTitle = values['source-title'];
  return request;
}

/** Runs `npm run import` with the given arguments; returns the exit code. Never throws. */
export function runImportForm(argv: readonly string[], io: CommandIo): number {
  return runCommand(io, IMPORT_FORM_USAGE, () => {
    const request = parseFormImportArgs(argv, io);
    if (request === 'help') {
      io.out(IMPORT_FORM_USAGE);
      return ExitCode.ok;
    }
    importForm(request, io);
    return ExitCode.ok;
  });
}
