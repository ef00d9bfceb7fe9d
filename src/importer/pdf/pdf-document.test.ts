/**
 * Reading a PDF's drawing operators: a hand-written PDF whose table borders are thin filled rectangles (as
 * Word draws them, where LibreOffice strokes lines), with text in a standard font.
 */
import { describe, expect, it } from 'vitest';
import { readFormPdf } from './read-form-pdf.ts';

/** A one-page PDF with the given content stream and Helvetica as /F1 (synthetic, for this test). */
function handWrittenPdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

describe('a PDF whose table borders are filled rectangles', () => {
  it('reads the rectangles as rulings and the text into its cells, with spaces between Latin words', async () => {
    // A 2 × 2 grid from x 50 to 450 (split at 200) and y 700 to 760 (split at 730), borders 0.5 pt thick.
    const borders = [
      '50 759.75 400 0.5 re f',
      '50 729.75 400 0.5 re f',
      '50 699.75 400 0.5 re f',
      '49.75 700 0.5 60 re f',
      '199.75 700 0.5 60 re f',
      '449.75 700 0.5 60 re f',
    ].join('\n');
    const text = ['BT /F1 10 Tf 55 740 Td (Requester) Tj ET', 'BT /F1 10 Tf 205 740 Td (Japan Society of Transplantation) Tj ET', 'BT /F1 10 Tf 55 710 Td (Priority) Tj ET', 'BT /F1 10 Tf 205 710 Td (1 of 5) Tj ET'].join('\n');
    const result = await readFormPdf('hand-written.pdf', handWrittenPdf(`0 0 0 rg\n${borders}\n${text}`));
    expect(result.text.split('\n').filter((line) => line !== '')).toEqual(['<p>Requester</p>\t<p>Japan Society of Transplantation</p>', '<p>Priority</p>\t<p>1 of 5</p>']);
    expect(result.pages).toEqual([1, 1]);
  });
});
