import { describe, expect, it } from 'vitest';
import { readBlockText, readCellText, hasExtractorMarkup, splitLineIntoCells, type Cell } from './cells.ts';

function cellsOf(text: string): Cell[] {
  return splitLineIntoCells({ line: 7, text });
}

function texts(text: string): string[] {
  return cellsOf(text).map(readCellText);
}

describe('splitLineIntoCells', () => {
  it('splits a table row at tabs and drops empty cells', () => {
    expect(texts('\t米国\t販売名（企業名）\t\t承認なし\t')).toEqual(['米国', '販売名（企業名）', '承認なし']);
  });

  it('keeps a plain line exactly as written, with no entity decoding and no markup', () => {
    for (const line of ['p<0.05 で有意', '{体重} mg/kg', '&lt;推定方法&gt; は &amp; のまま', '<script>alert(1)</script>', 'import x from "y"', '<!-- note -->', '<文献の検索方法>']) {
      expect(texts(line)).toEqual([line]);
      expect(cellsOf(line)[0]?.markup).toBe(false);
    }
  });

  it('decodes entities once inside an HTML fragment, so &lt;推定方法&gt; reads as <推定方法>', () => {
    expect(texts('<p>約 <u>200-250</u> 人 &lt;推定方法&gt; 調査 &amp;lt;</p>')).toEqual(['約 200-250 人 <推定方法> 調査 &lt;']);
  });

  it('keeps an element the extractor never writes as its exact source text, inside an HTML fragment', () => {
    const [cell] = cellsOf('<p>用量 <script>alert("x")</script> と <foo bar=1>t</foo> と <!-- c --></p>');
    expect(cell && readCellText(cell)).toBe('用量 <script>alert("x")</script> と <foo bar=1>t</foo> と <!-- c -->');
    expect(cell?.notes.length).toBeGreaterThan(0);
  });

  it('reads checkboxes, ticked or not, in reading order', () => {
    const [cell] = cellsOf('<p><input checked="" type="checkbox"/> 学会 <input type="checkbox"/> 個人</p>');
    expect(cell?.blocks[0]?.inlines).toEqual([
      { kind: 'checkbox', checked: true },
      { kind: 'text', text: ' 学会 ' },
      { kind: 'checkbox', checked: false },
      { kind: 'text', text: ' 個人' },
    ]);
  });

  it('turns each <td> of an HTML table into its own cell and each <li> into its own line', () => {
    const cells = cellsOf('<table><tr><td>米国</td><td>販売名</td><td><ul><li>a</li><li>b</li></ul></td></tr></table>');
    expect(cells.map(readCellText)).toEqual(['米国', '販売名', 'a\nb']);
  });

  it('writes a single TeX symbol in <math> as the character, and keeps anything else as written', () => {
    expect(texts('<li>150 <math>\\mu</math> mole/L</li>')).toEqual(['150 μ mole/L']);
    expect(texts('<li>x <math>\\frac{a}{b}</math></li>')).toEqual(['x <math>\\frac{a}{b}</math>']);
  });

  it('numbers every block with the line it came from', () => {
    const [cell] = cellsOf('<p>a</p><p>b</p>');
    expect(cell?.blocks.map((block) => [block.line, readBlockText(block)])).toEqual([
      [7, 'a'],
      [7, 'b'],
    ]);
  });
});

describe('hasExtractorMarkup', () => {
  it('tells the extractor’s HTML from text that merely contains angle brackets', () => {
    expect(hasExtractorMarkup('<p>a</p>')).toBe(true);
    expect(hasExtractorMarkup('2<sup>nd</sup> Edition')).toBe(true);
    expect(hasExtractorMarkup('p<0.05')).toBe(false);
    expect(hasExtractorMarkup('<script>x</script>')).toBe(false);
    expect(hasExtractorMarkup('<http://example.org/>')).toBe(false);
  });
});
