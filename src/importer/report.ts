/**
 * What an import found, what it could not find and what looked odd, each with the line of the source it
 * comes from; and the error an import stops with.
 *
 * Every importer module writes into one {@link ImportReport}; the command prints it with
 * {@link formatReport}. An {@link ImportError} means nothing was written: it names the input, the line and
 * what to do about it.
 */

/** A field the importer filled, with the source line it came from. */
export interface FoundField {
  /** Path of the field in the record, e.g. `form.drug.genericName`. */
  field: string;
  /** 1-based line of the source where the value starts. */
  line: number;
  /** A short description of the value (e.g. `academicSociety`, `14 entries`); never the whole text. */
  detail?: string;
}

/** A field the importer left out, and why. */
export interface MissingField {
  /** Path of the field in the record. */
  field: string;
  /** `blank`: the form has the label but no value. `absent`: the label is not in the text at all. */
  reason: 'blank' | 'absent';
  /** Line of the label, when the label was found. */
  line?: number;
}

/** Something in the source that needs a human look: a lost checkbox, a split label, a repeated row. */
export interface Oddity {
  /** The field it concerns. */
  field: string;
  /** 1-based source line, when one can be named. */
  line?: number;
  /** What was found and what the importer did about it. */
  message: string;
}

/** Collects what one import found, missed and noticed. */
export class ImportReport {
  /** Fields filled from the source. */
  readonly found: FoundField[] = [];
  /** Fields left out. */
  readonly missing: MissingField[] = [];
  /** Things worth a human look. */
  readonly oddities: Oddity[] = [];
  /** Free-form notes about the run (what was kept from an existing record, what was written). */
  readonly notes: string[] = [];
  /**
   * How a source line is named in the printed report. A text file names its lines; a PDF names the page the
   * line was rebuilt from (`page 3`), since the rebuilt text is not a file the user has.
   */
  place: (line: number) => string = (line) => `line ${String(line).padEnd(4)}`;

  /** Records a filled field. */
  addFound(field: string, line: number, detail?: string): void {
    this.found.push(detail === undefined ? { field, line } : { field, line, detail });
  }

  /** Records a field left out. */
  addMissing(field: string, reason: MissingField['reason'], line?: number): void {
    this.missing.push(line === undefined ? { field, reason } : { field, reason, line });
  }

  /** Records an oddity. */
  addOddity(field: string, line: number | undefined, message: string): void {
    this.oddities.push(line === undefined ? { field, message } : { field, line, message });
  }

  /** Records a note about the run. */
  addNote(note: string): void {
    this.notes.push(note);
  }
}

/** Formats a report as the lines the command prints. */
export function formatReport(report: ImportReport, title: string): string {
  const pad = (line: number | undefined): string => (line === undefined ? '         ' : report.place(line));
  const out: string[] = [title];
  out.push(`Found (${report.found.length}):`);
  const byLine = <T extends { line?: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  for (const item of byLine(report.found)) out.push(`  ${pad(item.line)} ${item.field}${item.detail ? ` = ${item.detail}` : ''}`);
  const blank = report.missing.filter((item) => item.reason === 'blank');
  const absent = report.missing.filter((item) => item.reason === 'absent');
  if (blank.length > 0) {
    out.push(`Blank on the form, left out (${blank.length}):`);
    for (const item of blank) out.push(`  ${pad(item.line)} ${item.field}`);
  }
  if (absent.length > 0) {
    out.push(`Not found in the text, left out (${absent.length}):`);
    for (const item of absent) out.push(`  ${pad(item.line)} ${item.field}`);
  }
  out.push(report.oddities.length > 0 ? `Oddities (${report.oddities.length}):` : 'Oddities: none');
  for (const item of byLine(report.oddities)) out.push(`  ${pad(item.line)} ${item.field}: ${item.message}`);
  for (const note of report.notes) out.push(note);
  return out.join('\n');
}

/** Why an import stopped. Nothing has been written when this is thrown. */
export class ImportError extends Error {
  /** The input file, as the user named it. */
  readonly input: string;
  /** 1-based line of the input, when the problem has one. */
  readonly line: number | undefined;
  /** What the user can do about it. */
  readonly fix: string | undefined;
  /** Where in the input, when that is not a line (a PDF's page): printed as `input (page 3)`. */
  readonly place: string | undefined;

  constructor(input: string, line: number | undefined, message: string, fix?: string, place?: string) {
    super(message);
    this.name = 'ImportError';
    this.input = input;
    this.line = line;
    this.fix = fix;
    this.place = place;
  }
}

/** Formats an import error as `input:line: message. fix`, the way compilers name a place in a file. */
export function formatImportError(error: ImportError): string {
  const where = error.place !== undefined ? `${error.input} (${error.place})` : error.line === undefined ? error.input : `${error.input}:${error.line}`;
  return `${where}: ${error.message}${error.fix ? `\n  fix: ${error.fix}` : ''}\n  Nothing was written.`;
}
