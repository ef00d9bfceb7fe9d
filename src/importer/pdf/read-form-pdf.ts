/**
 * A request form's PDF in, the importer's text out: every page read with PDF.js, rebuilt as tables and
 * paragraphs ({@link pageLines}), and joined into one text whose lines remember their page. The form
 * parser then reads that text exactly as it reads a text file.
 *
 * Refused with an {@link ImportError} naming the file: not a PDF, encrypted, broken, and a PDF without a
 * text layer (a scan), which needs OCR first.
 */
import { ImportError } from '../report.ts';
import { openPdf, readPages } from './pdf-document.ts';
import { documentLines } from './page-text.ts';

/** A form's PDF rebuilt as the importer's text. */
export interface FormPdfText {
  /** The text, one table row or paragraph per line. */
  text: string;
  /** The page of each line: `pages[line - 1]`. */
  pages: number[];
  /** Number of pages in the PDF. */
  pageCount: number;
  /** What the reader decided that a human should check, by line (the first line of the page when none). */
  notes: { line: number; page: number; message: string }[];
}

/** Whether bytes start like a PDF (a `%PDF-` header in the first kilobyte, as readers accept). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Reads a form's PDF. `input` names the file in messages. */
export async function readFormPdf(input: string, bytes: Uint8Array): Promise<FormPdfText> {
  const { document, close } = await openPdf(input, bytes);
  try {
    const pages = await readPages(input, document);
    const inked = pages.filter((page) => page.glyphs.some((glyph) => glyph.text.trim() !== ''));
    if (inked.length === 0) {
      const images = pages.some((page) => page.images > 0);
      throw new ImportError(
        input,
        undefined,
        images ? `the PDF has no text layer: its ${pages.length === 1 ? 'page is an image' : `${pages.length} pages are images`} (a scan), so there is no text to read` : 'the PDF has no text on any page',
        images ? 'run OCR on it first (e.g. ocrmypdf -l jpn in.pdf out.pdf, from Debian’s ocrmypdf and tesseract-ocr-jpn), check the recognised text against the scan, and import the OCRed PDF' : 'check that this is the request form’s PDF',
      );
    }
    const scanned = pages.filter((page) => page.images > 0 && !inked.includes(page)).map((page) => page.number);
    if (scanned.length > 0) {
      throw new ImportError(
        input,
        undefined,
        `page${scanned.length > 1 ? 's' : ''} ${scanned.join(', ')} of the PDF ${scanned.length > 1 ? 'are images' : 'is an image'} without a text layer (scanned), so part of the form cannot be read`,
        'run OCR on the PDF first (e.g. ocrmypdf -l jpn --skip-text in.pdf out.pdf), check the recognised text, and import the OCRed PDF',
      );
    }
    const lines: string[] = [];
    const pageOfLine: number[] = [];
    const notes: FormPdfText['notes'] = [];
    const result = documentLines(pages);
    for (const line of result.lines) {
      lines.push(line.text);
      pageOfLine.push(line.page);
    }
    for (const note of result.notes) {
      const line = pageOfLine.indexOf(note.page) + 1;
      notes.push({ line: line > 0 ? line : lines.length, page: note.page, message: note.message });
    }
    return { text: `${lines.join('\n')}\n`, pages: pageOfLine, pageCount: pages.length, notes };
  } finally {
    await close();
  }
}
