/**
 * The layout rules on hand-made pages: a table with a merged label, an underline that is not a row
 * border, a nested table, boxes as drawn squares and as symbol-font glyphs.
 */
import { describe, expect, it } from 'vitest';
import type { Glyph, PdfPage, Segment } from './pdf-document.ts';
import { buildTables, findDrawnBoxes } from './page-layout.ts';
import { documentLines, readSymbolGlyphs, type PageNote } from './page-text.ts';

const h = (y: number, x1: number, x2: number): Segment => ({ x1, x2, y1: y, y2: y });
const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });

/** Glyphs of a text set at (x, baseline), 10 pt, one em per Japanese character and half an em per other. */
function text(value: string, x: number, y: number, font = 'NotoSerifCJKjp-Regular'): Glyph[] {
  const glyphs: Glyph[] = [];
  let at = x;
  for (const char of value) {
    const width = /[\x20-\x7e]/.test(char) ? 5 : 10;
    glyphs.push({ text: char, x: at, width, y, size: 10, font, bold: false, space: char === ' ' });
    at += width;
  }
  return glyphs;
}

/** A page of 595 × 842 points. */
function page(glyphs: Glyph[], segments: Segment[]): PdfPage {
  return { number: 1, width: 595, height: 842, glyphs, segments, images: 0 };
}

/**
 * A two-row table: the label 要望内容 spans both rows on the left; on the right 効能・効果 and 用法・用量,
 * each with a value. The value 肝移植 is underlined (a short line under it).
 */
function mergedTable(): PdfPage {
  const segments = [h(100, 50, 500), h(130, 150, 500), h(160, 50, 500), v(50, 100, 160), v(150, 100, 160), v(300, 100, 160), v(500, 100, 160), h(122, 305, 335)];
  const glyphs = [...text('要望内容', 55, 135), ...text('効能・効果', 155, 120), ...text('肝移植', 305, 120), ...text('用法・用量', 155, 150), ...text('20mg', 305, 150)];
  return page(glyphs, segments);
}

describe('tables from rulings', () => {
  it('gives a label merged over two rows back as one cell, and does not take an underline for a row border', () => {
    const [table] = buildTables(mergedTable().segments);
    expect(table?.cells.map((cell) => [cell.row, cell.column])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(table?.cells[0]).toMatchObject({ top: 100, bottom: 160 });
  });

  it('writes the rows as the importer’s cell stream, the merged label on its first row', () => {
    const { lines } = documentLines([mergedTable()]);
    expect(lines.map((line) => line.text)).toEqual(['<p>要望内容</p>\t<p>効能・効果</p>\t<p>肝移植</p>', '<p>用法・用量</p>\t<p>20mg</p>']);
  });

  it('puts a table drawn inside a cell into that cell', () => {
    const outer = [h(100, 50, 500), h(200, 50, 500), v(50, 100, 200), v(150, 100, 200), v(500, 100, 200)];
    const inner = [h(110, 160, 490), h(130, 160, 490), h(150, 160, 490), v(160, 110, 150), v(250, 110, 150), v(490, 110, 150)];
    const glyphs = [...text('承認状況', 55, 125), ...text('米国', 165, 125), ...text('承認なし', 255, 125), ...text('英国', 165, 145), ...text('承認なし', 255, 145)];
    const { lines } = documentLines([page(glyphs, [...outer, ...inner])]);
    expect(lines.map((line) => line.text)).toEqual(['<p>承認状況</p>\t<table><tr><td><p>米国</p></td><td><p>承認なし</p></td></tr><tr><td><p>英国</p></td><td><p>承認なし</p></td></tr></table>']);
  });
});

describe('checkboxes', () => {
  it('reads a drawn square as a box: blank is unticked, a tick is ticked, anything else is reported and left out', () => {
    const square = (x: number): Segment[] => [h(110, x, x + 10), h(120, x, x + 10), v(x, 110, 120), v(x + 10, 110, 120)];
    const glyphs = [...text('レ', 60, 119), ...text('学会', 75, 119), ...text('患者団体', 135, 119), ...text('？', 200, 119), ...text('個人', 215, 119)];
    const segments = [...square(60), ...square(120), ...square(200)];
    expect(findDrawnBoxes(segments, glyphs).boxes).toHaveLength(3);
    const { lines, notes } = documentLines([page(glyphs, segments)]);
    expect(lines.map((line) => line.text)).toEqual(['☑学会 ☐患者団体 個人']);
    expect(notes).toEqual([{ page: 1, message: expect.stringMatching(/a drawn checkbox holds "？", which is not a tick; the box is left unset/) as unknown }]);
  });

  it('reads Wingdings boxes (private-use code points) and reports a symbol it does not know', () => {
    const notes: PageNote[] = [];
    const glyphs = [...text('\uf0fe', 50, 100, 'Wingdings-Regular'), ...text('\uf0a8', 70, 100, 'OpenSymbol'), ...text('\uf0e0', 90, 100, 'Wingdings-Regular')];
    expect(readSymbolGlyphs(glyphs, 3, notes).map((glyph) => glyph.text)).toEqual(['☑', '☐']);
    expect(notes).toEqual([{ page: 3, message: expect.stringMatching(/U\+F0E0 \(Wingdings-Regular\) is not a checkbox the importer knows; left out/) as unknown }]);
  });
});

describe('paragraphs and page furniture', () => {
  it('joins wrapped lines, keeps short lines apart, and drops a page number in the bottom margin', () => {
    const glyphs = [
      ...text('本剤は肝移植後の拒絶反応を抑制する。長い文章が次の行へ続いて', 50, 100),
      ...text('いる。', 50, 114),
      ...text('1) Smith A. A trial.', 50, 131),
      ...text('- 3 -', 290, 800),
    ];
    const lines = documentLines([{ ...page(glyphs, []), width: 400 }]).lines.map((line) => line.text);
    expect(lines).toEqual(['本剤は肝移植後の拒絶反応を抑制する。長い文章が次の行へ続いている。', '1) Smith A. A trial.']);
  });
});
