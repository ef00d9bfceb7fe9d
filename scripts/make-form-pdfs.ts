/**
 * `npm run fixtures:pdf`: makes the request-form PDFs the importer's tests read, the way the real forms are
 * made. MHLW's forms are Word documents saved as PDF; this script lays a form's text out as a Word document
 * (the `docx` package: tables with merged cells, bold and underlined runs, checkboxes) and has LibreOffice
 * (Debian's `libreoffice-writer-nogui`) save it as PDF. The broken inputs (a scan, an encrypted copy, a copy
 * with pages missing) are made from those PDFs with `pdftoppm` and `qpdf`.
 *
 * The PDFs are committed in `tests/fixtures/forms/pdf/`; CI reads them and needs none of these tools. Run
 * this again only to change a fixture, and commit what it writes. Output is not byte-stable across
 * LibreOffice versions (the PDF carries a creation date); the tests compare what is read, not bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { isTag, isText, type AnyNode } from 'domhandler';
import { BorderStyle, Document, Packer, Paragraph, SymbolRun, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalMergeType, WidthType, type IRunOptions, type ParagraphChild } from 'docx';

/** How a form prints its checkboxes. */
type BoxStyle = 'glyph' | 'wingdings' | 'drawn';

/** A run of text with its formatting, or a checkbox. */
type Piece = { kind: 'text'; text: string; bold?: boolean; underline?: boolean; superScript?: boolean } | { kind: 'box'; checked: boolean | 'unreadable' };
/** A paragraph, or a table nested in a cell. */
type Block = { kind: 'para'; pieces: Piece[] } | { kind: 'table'; rows: Block[][][] };

const OUT = 'tests/fixtures/forms/pdf';
const FONT = 'Noto Serif CJK JP';

/** Turns HTML of a cell (as the text fixtures write it) into blocks. */
function htmlBlocks(html: string): Block[] {
  const $ = cheerio.load(html, {}, false);
  const blocks: Block[] = [];
  let pieces: Piece[] = [];
  const flush = (): void => {
    if (pieces.some((piece) => piece.kind === 'box' || piece.text.trim() !== '')) blocks.push({ kind: 'para', pieces });
    pieces = [];
  };
  const walk = (nodes: readonly AnyNode[], style: { bold?: boolean; underline?: boolean; superScript?: boolean }): void => {
    for (const node of nodes) {
      if (isText(node)) {
        const text = node.data.replace(/[ \t\n\r\f]+/g, ' ');
        if (text !== '') pieces.push({ kind: 'text', text, ...style });
        continue;
      }
      if (!isTag(node)) continue;
      const name = node.tagName.toLowerCase();
      if (name === 'input') pieces.push({ kind: 'box', checked: 'data-unreadable' in node.attribs ? 'unreadable' : 'checked' in node.attribs });
      else if (name === 'br') flush();
      else if (name === 'table') {
        flush();
        const rows: Block[][][] = [];
        $(node)
          .find('tr')
          .each((_, tr) => {
            rows.push(
              $(tr)
                .children('td,th')
                .toArray()
                .map((td) => {
                  const inner = htmlBlocks($(td).html() ?? '');
                  return inner;
                }),
            );
          });
        blocks.push({ kind: 'table', rows });
      } else if (['p', 'li', 'div', 'ul', 'ol'].includes(name)) {
        flush();
        walk(node.children, style);
        flush();
      } else if (name === 'b' || name === 'strong') walk(node.children, { ...style, bold: true });
      else if (name === 'u') walk(node.children, { ...style, underline: true });
      else if (name === 'sup') walk(node.children, { ...style, superScript: true });
      else if (name === 'math') pieces.push({ kind: 'text', text: $(node).text().trim() === '\\mu' ? 'μ' : $(node).text(), ...style });
      else walk(node.children, style);
    }
  };
  walk($.root().get(0)?.children ?? [], {});
  flush();
  return blocks;
}

/** Plain text with ☐/☑ glyphs and `**bold**`, as the fixtures write running text. */
function plainPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  const parts = text.split(/(\*\*)/);
  let bold = false;
  for (const part of parts) {
    if (part === '**') {
      bold = !bold;
      continue;
    }
    let buffer = '';
    for (const char of part) {
      if (char === '☐' || char === '☑') {
        if (buffer !== '') pieces.push({ kind: 'text', text: buffer, bold });
        buffer = '';
        pieces.push({ kind: 'box', checked: char === '☑' });
      } else buffer += char;
    }
    if (buffer !== '') pieces.push({ kind: 'text', text: buffer, bold });
  }
  return pieces;
}

/** The blocks of one tab-separated field of a fixture line. */
function fieldBlocks(field: string): Block[] {
  if (/<(p|ul|ol|li|input|table|u|b|br|sup|math)\b/i.test(field)) return htmlBlocks(field);
  return field.trim() === '' ? [] : [{ kind: 'para', pieces: plainPieces(field.trim()) }];
}

/** A line of running text: Markdown heading marks and list dashes dropped (they are the extractor's). */
function runningLine(line: string): Block[] {
  const text = line.replace(/^#{1,6}\s+/, '').replace(/^- /, '');
  if (/<(sup|u|b)\b/.test(text)) return htmlBlocks(`<p>${text}</p>`);
  return [{ kind: 'para', pieces: plainPieces(text) }];
}

/** The document's content: runs of table lines become tables, other lines paragraphs. */
function readFixture(text: string): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  let rows: Block[][][] | undefined;
  lines.forEach((line, index) => {
    if (line.includes('\t')) {
      let fields = line.split('\t');
      // The extraction printed the six-country table twice on one line: as an HTML table inside the cell,
      // then again as tab-separated cells. The form has it once, nested in the cell.
      const nested = fields.findIndex((field) => field.includes('<table'));
      if (nested !== -1) fields = fields.slice(0, nested + 1);
      while (fields.length > 1 && fields.at(-1)?.trim() === '') fields.pop();
      rows ??= [];
      rows.push(fields.map(fieldBlocks));
      return;
    }
    if (line.trim() === '') {
      // A blank line inside a run of table lines is the extraction's page break: the table goes on.
      const next = lines.slice(index + 1).find((candidate) => candidate.trim() !== '');
      if (rows && next?.includes('\t')) return;
    }
    if (rows) {
      out.push({ kind: 'table', rows });
      rows = undefined;
    }
    if (line.trim() !== '') out.push(...runningLine(line));
  });
  if (rows) out.push({ kind: 'table', rows });
  return out;
}

const TEXT_WIDTH = 9600;

function boxRun(checked: boolean | 'unreadable', style: BoxStyle): ParagraphChild {
  if (style === 'glyph') return new TextRun({ text: checked === true ? '☑' : '☐' });
  if (style === 'wingdings') return new SymbolRun({ char: checked === true ? 'F0FE' : 'F0A8', symbolfont: 'Wingdings' });
  const mark = checked === true ? 'レ' : checked === 'unreadable' ? '？' : '\u3000';
  return new TextRun({ text: mark, border: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } });
}

function paragraph(pieces: readonly Piece[], style: BoxStyle): Paragraph {
  const children: ParagraphChild[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'box') {
      children.push(boxRun(piece.checked, style), new TextRun({ text: ' ' }));
      continue;
    }
    const options: IRunOptions = { text: piece.text, bold: piece.bold ?? false, ...(piece.underline ? { underline: {} } : {}), ...(piece.superScript ? { superScript: true } : {}) };
    children.push(new TextRun(options));
  }
  return new Paragraph({ children, spacing: { after: 60 } });
}

function blockElements(blocks: readonly Block[], style: BoxStyle, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.kind === 'para') out.push(paragraph(block.pieces, style));
    else {
      out.push(table(block.rows, style, width - 200));
      out.push(new Paragraph({ children: [] }));
    }
  }
  return out;
}

/**
 * A table from rows of fields. Leading empty fields continue the cell above (a vertical merge) when the row
 * above has a one-column cell there; the last field spans to the table's right edge.
 */
function table(rows: readonly Block[][][], style: BoxStyle, width: number): Table {
  const columns = Math.max(...rows.map((row) => row.length));
  const first = columns === 1 ? width : Math.round(width * (columns === 2 ? 0.3 : 0.22));
  const rest = columns === 1 ? [] : Array.from({ length: columns - 1 }, () => Math.round((width - first) / (columns - 1)));
  const widths = [first, ...rest];
  interface Slot {
    blocks: Block[];
    span: number;
    merge?: 'restart' | 'continue';
  }
  const grid: Slot[][] = [];
  rows.forEach((fields, r) => {
    const slots: Slot[] = [];
    let leading = true;
    fields.forEach((blocks, c) => {
      const last = c === fields.length - 1;
      const span = last ? columns - c : 1;
      if (leading && blocks.length === 0 && !last) {
        const above = grid[r - 1]?.[c];
        if (above && above.span === 1) {
          above.merge ??= 'restart';
          slots.push({ blocks: [], span: 1, merge: 'continue' });
          return;
        }
      } else leading = false;
      slots.push({ blocks, span });
    });
    grid.push(slots);
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: grid.map(
      (slots) =>
        new TableRow({
          children: slots.map((slot, c) => {
            const cellWidth = widths.slice(c, c + slot.span).reduce((sum, value) => sum + value, 0);
            const children = blockElements(slot.blocks, style, cellWidth);
            return new TableCell({
              children: children.length > 0 && children.at(-1) instanceof Paragraph ? children : [...children, new Paragraph({ children: [] })],
              width: { size: cellWidth, type: WidthType.DXA },
              ...(slot.span > 1 ? { columnSpan: slot.span } : {}),
              ...(slot.merge ? { verticalMerge: slot.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
            });
          }),
        }),
    ),
  });
}

/** Writes `<name>.pdf` from a fixture text, with its checkboxes in the given style. */
async function makePdf(work: string, name: string, text: string, style: BoxStyle): Promise<string> {
  const doc = new Document({
    styles: { default: { document: { run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size: 20 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children: blockElements(readFixture(text), style, TEXT_WIDTH) }],
  });
  const docx = path.join(work, `${name}.docx`);
  writeFileSync(docx, await Packer.toBuffer(doc));
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' });
  const pdf = path.join(work, `${name}.pdf`);
  copyFileSync(pdf, path.join(OUT, `${name}.pdf`));
  return pdf;
}

/** A PDF whose one page is an image of the given JPEG: what a scanner writes. */
function imagePdf(jpeg: Buffer, width: number, height: number): Buffer {
  const pageWidth = 595;
  const pageHeight = 842;
  const content = `q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im0 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    null,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk =
      body === null
        ? Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, 'latin1'),
            jpeg,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

const NOT_A_FORM = `第99回 合成テスト会議 議事次第

日時 令和8年12月8日（火）10:00～12:00

議題
1. 合成テスト議題の報告について
2. その他

This PDF is synthetic test data: a meeting agenda, not a request form.`;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'form-pdfs-'));
  try {
    const basiliximab = readFileSync('tests/fixtures/forms/basiliximab-liver-transplant.txt', 'utf8');
    const rapid = readFileSync('tests/fixtures/import/rapid-scheme-glyphs.txt', 'utf8');
    const real = await makePdf(work, 'basiliximab-liver-transplant', basiliximab, 'glyph');
    await makePdf(work, 'basiliximab-drawn-boxes', basiliximab, 'drawn');
    await makePdf(work, 'rapid-scheme-wingdings', rapid, 'wingdings');
    // One box of the rapid form holds a mark that is not a tick: the importer must report it, not guess.
    await makePdf(work, 'rapid-scheme-unreadable-box', rapid.replace('<p>☑ 小児に関する要望', '<p><input type="checkbox" data-unreadable> 小児に関する要望'), 'drawn');
    await makePdf(work, 'not-a-form', NOT_A_FORM, 'glyph');
    execFileSync('qpdf', ['--empty', '--pages', real, '1-2', '--', path.join(OUT, 'missing-pages.pdf')]);
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', real, path.join(OUT, 'encrypted.pdf')]);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-gray', '-jpeg', real, path.join(work, 'scan')]);
    const jpegName = execFileSync('ls', [work]).toString().split('\n').find((file) => file.startsWith('scan') && file.endsWith('.jpg'));
    if (!jpegName) throw new Error('pdftoppm wrote no image');
    const jpeg = readFileSync(path.join(work, jpegName));
    const size = jpegSize(jpeg);
    writeFileSync(path.join(OUT, 'scanned.pdf'), imagePdf(jpeg, size.width, size.height));
    console.log(`Wrote the fixtures to ${OUT}/`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Width and height from a JPEG's SOF marker. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let offset = 2;
  while (offset < jpeg.length) {
    const marker = jpeg[offset + 1] ?? 0;
    const length = jpeg.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: jpeg.readUInt16BE(offset + 5), width: jpeg.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  throw new Error('no SOF marker in the JPEG');
}

await main();
