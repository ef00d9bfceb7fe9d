/**
 * Putting record files on disk without ever leaving a half-written or invalid one: each file is written to
 * a hidden temporary file in the target folder, read back and validated, then renamed over the target in
 * one step. A failure removes the temporary file and leaves the folder as it was.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../lib/content-validation.ts';
import { verifyRecordText } from './record-file.ts';
import { ImportError } from './report.ts';

/** One file to write. */
export interface PlannedFile {
  /** Absolute or cwd-relative path of the record file. */
  path: string;
  /** Its full text. */
  text: string;
  /** The frontmatter data it must read back as. */
  data: Record<string, unknown>;
}

/** The hidden temporary name used while writing `target`; never matched by the collection's `*.mdx` glob. */
export function nameTemporaryFile(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
}

/**
 * Writes one record file atomically: temporary file, read back, validate, rename. Throws an
 * {@link ImportError} naming `input` if the written text does not validate (the target is untouched).
 */
export function writeRecordAtomically(input: string, file: PlannedFile): void {
  const temporary = nameTemporaryFile(file.path);
  try {
    writeFileSync(temporary, file.text, { encoding: 'utf8', flag: 'wx' });
    const written = readFileSync(temporary, 'utf8');
    const problems = written === file.text ? verifyRecordText(file.path, written, file.data) : [{ file: file.path, where: 'file', message: 'the file read back differs from what was written' }];
    if (problems.length > 0) {
      throw new ImportError(input, undefined, `the record ${file.path} did not validate after writing:\n  ${problems.map(formatProblem).join('\n  ')}`, 'please report this with the input file');
    }
    renameSync(temporary, file.path);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof ImportError) throw error;
    throw new ImportError(input, undefined, `could not write ${file.path}: ${error instanceof Error ? error.message : String(error)}`, 'check that the output folder exists and is writable');
  }
}
