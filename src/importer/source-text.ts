/**
 * Reading an input file as text: refuses empty and binary files with a message that names them, and
 * splits the text into numbered lines.
 */
import { ImportError } from './report.ts';

/** One line of the input, with its 1-based number. */
export interface SourceLine {
  /** 1-based line number in the input file. */
  line: number;
  /** The line's text, without its line break. */
  text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes the bytes of an input file as UTF-8 text. Throws an {@link ImportError} for an empty file, a file
 * with NUL bytes or invalid UTF-8 (a PDF, an image, a Word file), so that the user learns which input is
 * wrong before anything else runs.
 */
export function decodeSourceText(input: string, bytes: Uint8Array): string {
  if (bytes.length === 0) {
    throw new ImportError(input, undefined, 'the file is empty', 'export the text of the request form (or the list table) into this file first');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = countLines(bytes.subarray(0, nul));
    throw new ImportError(input, line, 'the file is binary (it contains NUL bytes), not text', 'give the importer the request form’s PDF, or the form’s text saved as UTF-8 (a Word or image file cannot be read)');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportError(input, undefined, 'the file is not UTF-8 text', 'save the extracted text as UTF-8 (not Shift_JIS or a word-processor format) and import it again');
  }
  if (text.trim() === '') {
    throw new ImportError(input, undefined, 'the file holds only white space', 'export the text of the request form (or the list table) into this file first');
  }
  return text;
}

function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const byte of bytes) if (byte === 0x0a) lines += 1;
  return lines;
}

/**
 * Splits text into numbered lines. CRLF and CR line ends count as one break; a form feed (the page break
 * some PDF extractors print) ends a line too but does not shift the numbering of the lines after it.
 */
export function splitSourceLines(text: string): SourceLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: SourceLine[] = [];
  lines.forEach((raw, index) => {
    for (const part of raw.split('\f')) out.push({ line: index + 1, text: part });
  });
  return out;
}
