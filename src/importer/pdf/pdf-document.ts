/**
 * Opening a PDF with PDF.js (`pdfjs-dist`) and reading, page by page, what the layout needs: every glyph
 * with its position, size and font, and every straight line the page draws (table rulings, box edges).
 *
 * Glyphs are read from the page's drawing operators, not from PDF.js's text-content API: that API inserts
 * a space wherever glyphs are apart, and Word/LibreOffice set Japanese and Latin text apart without a
 * space character (自動スペース), so "2009年" would come back as "2009 年". Reading the glyphs keeps the
 * text exactly as typed; {@link ./page-text.ts} decides where a gap is a space.
 *
 * Every failure is an {@link ImportError} naming the file: not a PDF, encrypted, broken.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../report.ts';

/** One glyph of a page, in page coordinates with y growing downwards (points from the top-left corner). */
export interface Glyph {
  /** The character(s) the glyph stands for (its ToUnicode mapping); may be a private-use code point. */
  text: string;
  /** Left edge. */
  x: number;
  /** Width of its advance. */
  width: number;
  /** Baseline. */
  y: number;
  /** Font size in points (the em). */
  size: number;
  /** The font's PostScript name without its subset prefix, e.g. `NotoSerifCJKjp-Bold`. */
  font: string;
  /** Whether the font is bold (by its name or its flags). */
  bold: boolean;
  /** Whether PDF.js marks the glyph as a space. */
  space: boolean;
}

/** A straight line drawn on a page (stroked, or a thin filled rectangle), y growing downwards. */
export interface Segment {
  /** Start x. */
  x1: number;
  /** Start y. */
  y1: number;
  /** End x (≥ x1 for a horizontal line). */
  x2: number;
  /** End y (≥ y1 for a vertical line). */
  y2: number;
}

/** What the layout needs of one page. */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** Page width in points. */
  width: number;
  /** Page height in points. */
  height: number;
  /** The page's glyphs in drawing order. */
  glyphs: Glyph[];
  /** Horizontal and vertical lines the page draws. */
  segments: Segment[];
  /** Images painted on the page (a scan is one big image and no glyphs). */
  images: number;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
/** PDF.js's predefined CMaps (Japanese fonts that are not embedded use them) and standard fonts. */
const CMAP_URL = `${pathToFileURL(path.join(pdfjsRoot, 'cmaps')).href}/`;
const STANDARD_FONTS_URL = `${pathToFileURL(path.join(pdfjsRoot, 'standard_fonts')).href}/`;

/** Paths drawn by `constructPath`: PDF.js's path operators inside its flat Float32Array. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/**
 * Opens a PDF's bytes. Throws an {@link ImportError} for a file that is not a PDF, an encrypted one, or one
 * PDF.js cannot parse.
 */
export async function openPdf(input: string, bytes: Uint8Array): Promise<{ document: PDFDocumentProxy; close: () => Promise<void> }> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new ImportError(input, undefined, 'this is not a PDF (it does not start with %PDF-)', 'give the importer the request form’s PDF as published, or the text of a form saved as .txt');
  }
  const task = getDocument({ data: new Uint8Array(bytes), cMapUrl: CMAP_URL, cMapPacked: true, standardFontDataUrl: STANDARD_FONTS_URL, disableFontFace: true, fontExtraProperties: true, stopAtErrors: false, verbosity: 0 });
  try {
    const document = await task.promise;
    return { document, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new ImportError(input, undefined, 'the PDF is encrypted with a password, so its text cannot be read', 'open it with the password in a PDF viewer and save or print an unprotected copy (qpdf --decrypt --password=… in.pdf out.pdf), then import that');
    }
    throw new ImportError(input, undefined, `the PDF is broken and cannot be read (${error instanceof Error ? error.message : String(error)})`, 'download the form again; if it still fails, open it in a PDF viewer and print it to a new PDF');
  }
}

/** The font's name without the six-letter subset prefix. */
function fontName(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/^[A-Z]{6}\+/, '') : '';
}

interface TextState {
  font: string;
  bold: boolean;
  fontMatrix: number[];
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  lineMatrix: Matrix;
}

interface PdfFont {
  name?: unknown;
  bold?: unknown;
  black?: unknown;
  fontMatrix?: number[];
  vertical?: unknown;
}

interface PdfGlyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** Reads one page's glyphs, lines and images. Throws an {@link ImportError} naming the page when PDF.js cannot draw it. */
export async function readPage(input: string, page: PDFPageProxy): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const flip: Matrix = [...viewport.transform] as Matrix;
  let list;
  try {
    list = await page.getOperatorList();
  } catch (error) {
    throw new ImportError(input, undefined, `page ${page.pageNumber} of the PDF is broken (${error instanceof Error ? error.message : String(error)})`, 'download the form again, or print it to a new PDF and import that');
  }
  const glyphs: Glyph[] = [];
  const segments: Segment[] = [];
  let images = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const state: TextState = { font: '', bold: false, fontMatrix: [0.001, 0, 0, 0.001, 0, 0], size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, textMatrix: [1, 0, 0, 1, 0, 0], lineMatrix: [1, 0, 0, 1, 0, 0] };
  const states: TextState[] = [];

  const toPage = (x: number, y: number): [number, number] => apply(flip, ...apply(ctm, x, y));

  const moveText = (tx: number, ty: number): void => {
    state.lineMatrix = multiply(state.lineMatrix, [1, 0, 0, 1, tx, ty]);
    state.textMatrix = [...state.lineMatrix];
  };

  const showText = (items: readonly (PdfGlyph | number | null)[]): void => {
    for (const item of items) {
      if (item === null) continue;
      if (typeof item === 'number') {
        state.textMatrix = multiply(state.textMatrix, [1, 0, 0, 1, ((-item / 1000) * state.size) * state.hScale, 0]);
        continue;
      }
      const advance = (item.width ?? 0) * (state.fontMatrix[0] ?? 0.001) * state.size + state.charSpacing + (item.isSpace ? state.wordSpacing : 0);
      const render = multiply(ctm, state.textMatrix);
      const [x0, y0] = apply(flip, ...apply(render, 0, state.rise));
      const [x1] = apply(flip, ...apply(render, advance * state.hScale, state.rise));
      const [, yTop] = apply(flip, ...apply(render, 0, state.rise + state.size));
      const text = item.unicode ?? '';
      if (text !== '') glyphs.push({ text, x: Math.min(x0, x1), width: Math.abs(x1 - x0), y: y0, size: Math.abs(y0 - yTop), font: state.font, bold: state.bold, space: text.trim() === '' });
      state.textMatrix = multiply(state.textMatrix, [1, 0, 0, 1, advance * state.hScale, 0]);
    }
  };

  const addPath = (op: number, data: ArrayLike<number>): void => {
    const stroke = op === OPS.stroke || op === OPS.closeStroke || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
    const fill = op === OPS.fill || op === OPS.eoFill;
    if (!stroke && !fill) return;
    const points: [number, number][][] = [];
    let current: [number, number][] = [];
    for (let i = 0; i < data.length; ) {
      const code = data[i] ?? -1;
      if (code === DRAW.moveTo) {
        if (current.length > 0) points.push(current);
        current = [toPage(data[i + 1] ?? 0, data[i + 2] ?? 0)];
        i += 3;
      } else if (code === DRAW.lineTo) {
        current.push(toPage(data[i + 1] ?? 0, data[i + 2] ?? 0));
        i += 3;
      } else if (code === DRAW.curveTo) {
        // A curve is not a ruling; break the path here.
        if (current.length > 0) points.push(current);
        current = [toPage(data[i + 5] ?? 0, data[i + 6] ?? 0)];
        i += 7;
      } else if (code === DRAW.quadraticCurveTo) {
        if (current.length > 0) points.push(current);
        current = [toPage(data[i + 3] ?? 0, data[i + 4] ?? 0)];
        i += 5;
      } else if (code === DRAW.closePath) {
        const first = current[0];
        if (first) current.push(first);
        i += 1;
      } else break;
    }
    if (current.length > 0) points.push(current);
    for (const path of points) {
      if (fill) {
        // A thin filled rectangle is how some producers draw a ruling.
        const xs = path.map((point) => point[0]);
        const ys = path.map((point) => point[1]);
        const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (right - left <= 2.5 && bottom - top > 2) segments.push({ x1: (left + right) / 2, y1: top, x2: (left + right) / 2, y2: bottom });
        else if (bottom - top <= 2.5 && right - left > 2) segments.push({ x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 });
        continue;
      }
      for (let k = 1; k < path.length; k++) {
        const [ax, ay] = path[k - 1] ?? [0, 0];
        const [bx, by] = path[k] ?? [0, 0];
        if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 0.5) segments.push({ x1: Math.min(ax, bx), y1: (ay + by) / 2, x2: Math.max(ax, bx), y2: (ay + by) / 2 });
        else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 0.5) segments.push({ x1: (ax + bx) / 2, y1: Math.min(ay, by), x2: (ax + bx) / 2, y2: Math.max(ay, by) });
      }
    }
  };

  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push([...ctm]);
        states.push({ ...state, textMatrix: [...state.textMatrix], lineMatrix: [...state.lineMatrix] });
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        Object.assign(state, states.pop() ?? state);
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push([...ctm]);
        const matrix = args[0];
        if (Array.isArray(matrix) && matrix.length === 6) ctm = multiply(ctm, matrix as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.beginText:
        state.textMatrix = [1, 0, 0, 1, 0, 0];
        state.lineMatrix = [1, 0, 0, 1, 0, 0];
        break;
      case OPS.setFont: {
        const [loaded, size] = args as [string, number];
        const font = (page.commonObjs.has(loaded) ? page.commonObjs.get(loaded) : undefined) as PdfFont | undefined;
        state.font = fontName(font?.name);
        state.bold = font?.bold === true || font?.black === true || /bold|black|heavy|[-,]w[6-9]\b|semibold|demi/i.test(state.font);
        state.fontMatrix = font?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
        state.size = size;
        break;
      }
      case OPS.setTextMatrix: {
        const matrix = (args.length === 1 ? args[0] : args) as Matrix;
        state.textMatrix = [...matrix] as Matrix;
        state.lineMatrix = [...matrix] as Matrix;
        break;
      }
      case OPS.moveText:
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.setLeadingMoveText:
        state.leading = -(args[1] as number);
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.nextLine:
        moveText(0, -state.leading);
        break;
      case OPS.setCharSpacing:
        state.charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        state.hScale = (args[0] as number) / 100;
        break;
      case OPS.setLeading:
        state.leading = args[0] as number;
        break;
      case OPS.setTextRise:
        state.rise = args[0] as number;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText(args[0] as (PdfGlyph | number | null)[]);
        break;
      case OPS.nextLineShowText:
        moveText(0, -state.leading);
        showText(args[0] as (PdfGlyph | number | null)[]);
        break;
      case OPS.nextLineSetSpacingShowText:
        state.wordSpacing = args[0] as number;
        state.charSpacing = args[1] as number;
        moveText(0, -state.leading);
        showText(args[2] as (PdfGlyph | number | null)[]);
        break;
      case OPS.constructPath: {
        const [op, paths] = args as [number, (ArrayLike<number> | null)[]];
        for (const data of paths) if (data) addPath(op, data);
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintInlineImageXObject:
      case OPS.paintInlineImageXObjectGroup:
      case OPS.paintImageMaskXObject:
        images += 1;
        break;
      default:
        break;
    }
  }
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, glyphs, segments, images };
}

/** Reads every page of an open PDF. */
export async function readPages(input: string, document: PDFDocumentProxy): Promise<PdfPage[]> {
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    let page: PDFPageProxy;
    try {
      page = await document.getPage(number);
    } catch (error) {
      throw new ImportError(input, undefined, `page ${number} of the PDF is broken (${error instanceof Error ? error.message : String(error)})`, 'download the form again, or print it to a new PDF and import that');
    }
    pages.push(await readPage(input, page));
    page.cleanup();
  }
  return pages;
}
