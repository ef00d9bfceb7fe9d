/**
 * Property-based tests (fast-check, 1,000 runs each): whatever text a form or a list row carries survives
 * import → MDX file → parse → render exactly, and no mangled form ever crashes the importer or yields a
 * record that breaks validation.
 */
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import FieldValue from '../components/ui/FieldValue.astro';
import { splitFrontmatter } from '../lib/content-validation.ts';
import { requestSchema } from '../schemas/request.ts';
import { hasExtractorMarkup } from './cells.ts';
import { identifyHeading } from './form-sections.ts';
import { prepareFormRecord } from './import-form.ts';
import { buildSummaryRecords } from './import-list.ts';
import { serializeRecord, verifyRecordText } from './record-file.ts';
import { ImportError, ImportReport } from './report.ts';
import { hasMarkdownDecoration, normaliseForMatch } from './text-tools.ts';
import { readValueAtPath } from './testing/harness.ts';
import { buildSyntheticForm, HTML_FIELDS, PLAIN_FIELDS, SYNTHETIC_PATHS, type SyntheticFields } from './testing/synthetic-form.ts';

const RUNS = 1000;
const OPTIONS = { updated: '2026-11-22', inn: 'synthetin', indicationEn: 'SYNTHETIC indication' };

/** Pieces that break naive importers: MDX/JSX syntax, HTML, entities, YAML specials, full-width forms. */
const HOSTILE_PIECES = [
  'p<0.05',
  'p < 0.05',
  '{体重}',
  '{',
  '}',
  '<script>alert(1)</script>',
  '<input type="checkbox" checked>',
  '<img src=x onerror=alert(1)>',
  'import x from "y"',
  'export const a = 1',
  '&lt;',
  '&amp;',
  '&#123;',
  '<!-- c -->',
  '</p>',
  '<td>',
  '<br>',
  '<P>',
  '${x}',
  '{/* c */}',
  '\\',
  '`',
  '"',
  "'",
  ': ',
  '- ',
  '# ',
  '&',
  '<',
  '>',
  '|',
  '%',
  '@',
  '!',
  '*',
  '~',
  'yes',
  '2013-11-07',
  '0755',
  '---',
  'ｐ＜０．０５',
  '＜推定方法＞',
  '（注）',
  '【注】',
  '〜',
  '…',
  '🧪',
  'é',
  'ﾊﾝｶｸ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u2028',
];

/** Characters for random stretches of text: no NUL (a NUL means a binary file) and no line or cell breaks. */
const randomChars = fc.string({ unit: 'grapheme', maxLength: 6 }).map((text) => Array.from(text).filter((char) => !'\u0000\t\n\r\f\v'.includes(char)).join(''));
const japaneseChars = fc.string({ unit: fc.constantFrom(...'日本語のテキスト、効能・効果（注）「」ア行ｱｲｳ０１２ＡＢ'.split('')), maxLength: 6 });

/** Text as it stands in a single-line field: runs of white space collapsed, ends trimmed, never empty. */
const fieldText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), randomChars, japaneseChars), { minLength: 1, maxLength: 6 })
  .map((pieces) => pieces.join('').replace(/[\t\n\r\f ]+/g, ' ').trim())
  .filter((text) => text !== '');

/** Words of the form's layout: a value that is or starts with one would be read as the layout itself. */
const LAYOUT_WORDS = [
  '要望者', '優先順位', '要望する医薬品', '要望する品目', '成分名', '販売名', '会社名', '関連企業名', '国内関連学会', '未承認薬', '適応外薬', '募集対象の分類', '要望内容',
  '効能・効果', '用法・用量', '備考', '希少疾病用医薬品', '国内の承認内容', '医療上の必要性', '「医療上の必要性', '欧米', 'ガイドライン', '米国', '英国', '独国', '仏国', '加国', '豪州', '豪国',
  'アメリカ', 'イギリス', 'ドイツ', 'フランス', 'カナダ', 'オーストラリア', '[', '［', '〔', '【',
].map(normaliseForMatch);

/** Markers inside cells that split a value (選定理由, 推定方法 …) and checkbox glyphs. */
const CELL_MARKERS = ['選定理由', '特記事項等', '小児に関する要望', '推定方法', '効能・効果', '用法・用量', '根拠', '適応疾病の重篤性', '医療上の有用性', '学会名', '☑', '☒', '■', '✓', '✔', '☐', '□'];

/** Markers and headings of the running text (sections 3–6). */
const LINE_MARKERS = ['臨床試験等', '教科書等', 'ガイドライン等', 'について', '文献の検索方法', 'その他', 'ich-gcp', '<http'];

/** Whether the extraction format can carry this text in an HTML cell of this field unambiguously. */
function fitsHtmlCell(field: keyof SyntheticFields, text: string): boolean {
  const norm = normaliseForMatch(text);
  if (LAYOUT_WORDS.some((word) => norm.startsWith(word))) return false;
  if (/^[アイウ]/u.test(norm) || /^\d\./u.test(norm)) return false;
  if (CELL_MARKERS.some((marker) => norm.includes(normaliseForMatch(marker)))) return false;
  if (field === 'patients' && (text.includes('人') || text.startsWith('約'))) return false;
  if (field === 'estimationMethod' || field === 'domesticDosage' || field === 'caIndication') return !/^[)）]/u.test(norm);
  return norm.length > 15 || !/[)）]$/u.test(norm) || norm.includes('(') || norm.includes('（');
}

/** Whether the extraction format can carry this text on a plain line of this field unambiguously. */
function fitsPlainLine(text: string): boolean {
  const norm = normaliseForMatch(text);
  if (hasExtractorMarkup(text) || hasMarkdownDecoration(text) || identifyHeading(text) !== undefined) return false;
  if (LAYOUT_WORDS.some((word) => norm.startsWith(word))) return false;
  if (/^\(\d\)/u.test(norm) || /^[-•・*]/u.test(text)) return false;
  return !LINE_MARKERS.some((marker) => norm.includes(normaliseForMatch(marker)));
}

/** Imports a synthetic form, writes the record text, and reads it back the way the site does. */
function importAndReadBack(values: Partial<SyntheticFields>): unknown {
  const prepared = prepareFormRecord('synthetic.txt', buildSyntheticForm(values), OPTIONS);
  expect(verifyRecordText('synthetic.mdx', prepared.text, prepared.data)).toEqual([]);
  const split = splitFrontmatter('synthetic.mdx', prepared.text);
  if ('message' in split) throw new Error(split.message);
  return requestSchema.parse(split.data);
}

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** Renders a value through the site's FieldValue component and returns the text it shows. */
async function renderedText(value: string): Promise<{ text: string; scripts: number; inputs: number }> {
  const $ = cheerio.load(await container.renderToString(FieldValue, { props: { lang: 'ja', value } }));
  return { text: $('.verbatim').text(), scripts: $('script').length, inputs: $('input').length };
}

describe('text is sacred', () => {
  it('any text in any table cell of a form survives import, the MDX file, parsing and rendering exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HTML_FIELDS).chain((field) => fc.tuple(fc.constant(field), fieldText.filter((text) => fitsHtmlCell(field, text)))),
        async ([field, text]) => {
          const record = importAndReadBack({ [field]: text });
          expect(readValueAtPath(record, SYNTHETIC_PATHS[field])).toBe(text);
          const shown = await renderedText(text);
          expect(shown).toEqual({ text, scripts: 0, inputs: 0 });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any text on a plain line of a form survives import, the MDX file and parsing exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLAIN_FIELDS), fieldText.filter(fitsPlainLine), (field, text) => {
        const record = importAndReadBack({ [field]: text });
        expect(readValueAtPath(record, SYNTHETIC_PATHS[field])).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('any text in any text column of a list CSV survives import and parsing exactly, line breaks included', () => {
    const columns = { 成分名: ['listRow', 'genericName'], '要望効能・効果': ['listRow', 'requestedIndication'], '要望用法・用量': ['listRow', 'requestedDosage'], 要望者: ['listRow', 'requesterName'], 会社名: ['listRow', 'company'], 検討状況: ['listRow', 'statusText'], 会議: ['statusHistory', 0, 'meeting'], 状況メモ: ['statusHistory', 0, 'note'], 出典: ['sources', 0, 'title'] } as const;
    const multiline = fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES, '\n', ',', '"', '""'), randomChars, japaneseChars), { minLength: 1, maxLength: 6 })
      .map((pieces) => pieces.join('').trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(columns) as (keyof typeof columns)[])), multiline, (column, text) => {
        const row: Record<string, string> = { 要望番号: 'Ⅳ-900', 成分名: 'シンセティン', INN: 'synthetin', '効能・効果（英）': 'SYNTHETIC indication', '要望効能・効果': '', '要望用法・用量': '', 要望者: '', 会社名: '', 分類: '', WG: '', 小児: '', 検討状況: '', 状況: 'wg_review', 日付: '', 会議: '', 状況メモ: '', 出典: 'SYNTHETIC', 出典URL: 'http://127.0.0.1/synthetic' };
        row[column] = text;
        const csv = stringify([Object.keys(row), Object.values(row)]);
        const [record] = buildSummaryRecords([{ input: 'synthetic.csv', text: csv }], '2026-11-22', new ImportReport());
        if (!record) throw new Error('no record');
        const fileText = serializeRecord(record.data, '');
        expect(verifyRecordText('synthetic.mdx', fileText, record.data)).toEqual([]);
        const split = splitFrontmatter('synthetic.mdx', fileText);
        if ('message' in split) throw new Error(split.message);
        expect(readValueAtPath(requestSchema.parse(split.data), columns[column])).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});

/** A change to a form's lines: what a bad extraction or a careless edit does to it. */
type Mutation =
  | { kind: 'drop'; at: number; length: number }
  | { kind: 'shuffle'; at: number; length: number; seed: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'loseCheckbox'; nth: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'garbage'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), length: fc.integer({ min: 2, max: 30 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('loseCheckbox' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('garbage' as const), at: fc.nat(), text: fieldText }),
);

/** Applies a mutation to a form's lines (test code: plain string surgery on the fixture). */
function mutate(lines: string[], change: Mutation): string[] {
  const out = [...lines];
  const index = (value: number): number => (out.length === 0 ? 0 : value % out.length);
  switch (change.kind) {
    case 'drop':
      out.splice(index(change.at), change.length);
      return out;
    case 'shuffle': {
      const start = index(change.at);
      const window = out.slice(start, start + change.length);
      let seed = change.seed;
      for (let i = window.length - 1; i > 0; i -= 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [window[i], window[j]] = [window[j] ?? '', window[i] ?? ''];
      }
      out.splice(start, window.length, ...window);
      return out;
    }
    case 'truncate': {
      const text = out.join('\n');
      return text.slice(0, change.at % (text.length + 1)).split('\n');
    }
    case 'loseCheckbox': {
      const text = out.join('\n');
      const boxes = [...text.matchAll(/<input[^>]*>|[☑☐]/gu)];
      const box = boxes[boxes.length === 0 ? 0 : change.nth % boxes.length];
      return box ? (text.slice(0, box.index) + text.slice(box.index + box[0].length)).split('\n') : out;
    }
    case 'duplicate':
      out.splice(index(change.at), 0, out[index(change.at)] ?? '');
      return out;
    case 'garbage':
      out.splice(index(change.at), 0, change.text);
      return out;
  }
}

const BASE_FORMS = [
  readFileSync('tests/fixtures/forms/basiliximab-liver-transplant.txt', 'utf8'),
  readFileSync('tests/fixtures/import/rapid-scheme-glyphs.txt', 'utf8'),
  buildSyntheticForm(),
  buildSyntheticForm({}, 'glyph'),
];

describe('mangled forms', () => {
  it('give a valid record (with a report) or a clean ImportError, never a crash or an invalid record', () => {
    let records = 0;
    let refusals = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASE_FORMS.keys()), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, changes) => {
        const lines = changes.reduce(mutate, (BASE_FORMS[base] ?? '').split('\n'));
        try {
          const prepared = prepareFormRecord('mangled.txt', lines.join('\n'), OPTIONS);
          expect(verifyRecordText('mangled.mdx', prepared.text, prepared.data)).toEqual([]);
          records += 1;
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as ImportError).input).toBe('mangled.txt');
          // This message means the importer built an invalid record: a bug, not bad input.
          expect((error as ImportError).message).not.toMatch(/would not be valid/);
          refusals += 1;
        }
      }),
      { numRuns: RUNS },
    );
    expect(records).toBeGreaterThan(0);
    expect(refusals).toBeGreaterThan(0);
  });
});

describe('arbitrary input', () => {
  const lineOf = fc.oneof(fieldText, fc.constantFrom('1. 要望内容に関連する事項', '(別添様式1)', '要望者\t☑ 学会 X', '<p>備考</p>\t<input type="checkbox"/>', '\t', '2. 要望内容に係る欧米での承認等の状況', '6. 参考文献一覧', '- 1)'));

  it('any text file is either imported as a valid record or refused with an ImportError naming it', () => {
    fc.assert(
      fc.property(fc.array(lineOf, { maxLength: 30 }), (lines) => {
        try {
          const prepared = prepareFormRecord('random.txt', lines.join('\n'), OPTIONS);
          expect(verifyRecordText('random.mdx', prepared.text, prepared.data)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as ImportError).message).not.toMatch(/would not be valid/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('any CSV text is either imported as valid records or refused with an ImportError naming the line', () => {
    const header = ['ID', '要望番号', '回', '成分名', 'INN', '要望効能・効果', '要望用法・用量', '要望者', '要望者区分', '会社名', '分類', 'WG', '小児', '検討状況', '状況', '日付', '出典', '出典URL'];
    const cellValue = fc.oneof(fieldText, fc.constantFrom('', 'Ⅳ-1', 'IVS-2', 'III-(1)-3', 'I', '第Ⅳ回', '適応外薬', '代謝・その他WG', '○', '×', 'wg_review', 'approved', '2020-02-30', '2020-02-03', '平成27年3月26日', 'http://127.0.0.1/x', 'x-y', 'Bad Id'));
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { minLength: header.length, maxLength: header.length }), { maxLength: 5 }), fc.boolean(), (rows, dropColumn) => {
        const columns = dropColumn ? header.slice(1, -1) : header;
        const csv = stringify([columns, ...rows.map((row) => row.slice(0, columns.length))]);
        try {
          for (const record of buildSummaryRecords([{ input: 'random.csv', text: csv }], '2026-11-22', new ImportReport())) {
            expect(verifyRecordText('random.mdx', serializeRecord(record.data, ''), record.data)).toEqual([]);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as ImportError).input).toBe('random.csv');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
