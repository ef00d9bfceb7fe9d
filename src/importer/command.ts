/**
 * What both import commands share: where they print, today's date, their common options, reading the input
 * file, checking the output folder, and turning any failure into a message and an exit code instead of an
 * uncaught exception.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isValidPartialDate } from '../schemas/common.ts';
import { ImportError, formatImportError } from './report.ts';
import { decodeSourceText } from './source-text.ts';

/** Where a command prints, and what it takes as today. Tests pass their own. */
export interface CommandIo {
  /** Prints a line of normal output. */
  out(text: string): void;
  /** Prints a line of error output. */
  err(text: string): void;
  /** Today's date, YYYY-MM-DD, for `updated` when `--updated` is not given. */
  today(): string;
}

/** Exit codes: 0 done, 1 the input is wrong (nothing written), 2 the command line is wrong, 70 a bug. */
export const ExitCode = { ok: 0, badInput: 1, usage: 2, internal: 70 } as const;

/** The real terminal: stdout, stderr and the local date. */
export const processIo: CommandIo = {
  out: (text) => {
    process.stdout.write(`${text}\n`);
  },
  err: (text) => {
    process.stderr.write(`${text}\n`);
  },
  today: () => {
    const now = new Date();
    return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  },
};

/** A mistake on the command line (unknown option, missing argument). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads an input file as text, with the importer's checks for missing, empty and binary files. */
export function readInputText(input: string): string {
  return decodeSourceText(input, readInputBytes(input));
}

/** Reads an input file's bytes, refusing a missing path or a folder with a message that names it. */
export function readInputBytes(input: string): Uint8Array {
  if (!existsSync(input)) throw new ImportError(input, undefined, 'no such file', 'check the path (it is relative to the folder you run npm from)');
  if (!statSync(input).isFile()) throw new ImportError(input, undefined, 'this is a folder, not a file', 'name one file to import');
  return readFileSync(input);
}

/** Checks that the output folder exists (a typo should not create a new folder somewhere). */
export function checkOutputFolder(input: string, folder: string): void {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ImportError(input, undefined, `the output folder ${folder} does not exist`, 'create it first, or pass --out with an existing folder (the default is content/requests)');
  }
}

/** Validates `--updated`: a full date, YYYY-MM-DD. */
export function checkUpdated(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidPartialDate(value)) throw new UsageError(`--updated must be a real date written as YYYY-MM-DD, got "${value}"`);
  return value;
}

/** The options every import command takes. */
const commonOptions = {
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  updated: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** What every import command line says: its one input file, the output folder, `--dry-run`, `--force`, `--updated`. */
export interface CommonImportArgs {
  /** The input file. */
  input: string;
  /** Output folder (default content/requests). */
  out: string;
  /** Write nothing. */
  dryRun: boolean;
  /** Replace existing records. */
  force: boolean;
  /** The records' `updated` date (default today). */
  updated: string;
}

/**
 * Parses an import command line: the common options plus the command's own (`extra`), and exactly one input
 * file, which `kind` names in the messages ("form text file", "CSV"). Returns `'help'` for `--help`, else the
 * common arguments and every parsed value; a mistake is a {@link UsageError}.
 */
export function parseImportArgs<O extends ParseArgsOptionsConfig>(argv: readonly string[], io: CommandIo, extra: O, kind: string, many = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...commonOptions, ...extra } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const common = values as { out?: string; 'dry-run'?: boolean; force?: boolean; updated?: string; help?: boolean };
  if (common.help) return 'help';
  if (positionals.length === 0) throw new UsageError(`name the ${kind} to import`);
  if (positionals.length > 1 && !many) throw new UsageError(`import one ${kind} at a time, got ${positionals.length} files`);
  const args: CommonImportArgs = {
    input: positionals[0] ?? '',
    out: common.out ?? 'content/requests',
    dryRun: common['dry-run'] ?? false,
    force: common.force ?? false,
    updated: checkUpdated(common.updated ?? io.today()),
  };
  return { args, values, inputs: positionals };
}

/**
 * Runs a command body and maps every outcome to an exit code: usage mistakes print the usage, import
 * errors print `input:line: message` and the fix, and anything unexpected prints a bug report. Nothing
 * is thrown out of here.
 */
export function runCommand(io: CommandIo, usage: string, body: () => number): number {
  try {
    return body();
  } catch (error) {
    return reportFailure(io, usage, error);
  }
}

/** {@link runCommand} for a command body that waits (reading a PDF). Never rejects. */
export async function runCommandAsync(io: CommandIo, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    return reportFailure(io, usage, error);
  }
}

/** Prints why a command stopped and returns its exit code. */
export function reportFailure(io: CommandIo, usage: string, error: unknown): number {
  if (error instanceof UsageError) {
    io.err(`error: ${error.message}\n\n${usage}`);
    return ExitCode.usage;
  }
  if (error instanceof ImportError) {
    io.err(`error: ${formatImportError(error)}`);
    return ExitCode.badInput;
  }
  io.err(`internal error (a bug in the importer; nothing was written): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return ExitCode.internal;
}
