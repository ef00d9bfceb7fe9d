import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../lib/content-validation.ts';
import { serializeRecord, verifyRecordText } from './record-file.ts';

/** The js-yaml that Astro itself loads frontmatter with (resolved from Astro's own folder). */
const astroYaml = createRequire(path.resolve('node_modules/astro/package.json'))('js-yaml') as { load(text: string): unknown };

const TRICKY_STRINGS = [
  '2013-11-07',
  '2013-11',
  '2013',
  '200-250',
  'yes',
  'No',
  'on',
  '~',
  'null',
  '0755',
  '1:20',
  '1e3',
  '.inf',
  'a: b',
  '- item',
  '# not a comment',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  '{体重}',
  '[x]',
  '"quoted"',
  "'single'",
  '---',
  '...',
  '：全角コロン',
  'p<0.05',
  '<script>alert(1)</script>',
  '&lt;推定方法&gt;',
  'line one\nline two',
  ' leading space',
  'trailing space ',
  'tab\there',
  'control \u0001 char',
  '絵文字 🧪 と 結合文字 é',
];

describe('serializeRecord', () => {
  it('writes every tricky string so that the validator and Astro’s own YAML reader both read it back unchanged', () => {
    const data = { strings: TRICKY_STRINGS, nested: { date: '2026-11-22', list: [{ value: '2013-11-07' }] } };
    const text = serializeRecord(data, '');
    const split = splitFrontmatter('x.mdx', text);
    expect('message' in split ? split.message : split.data).toEqual(data);
    const frontmatter = text.slice(4, text.lastIndexOf('---\n'));
    expect(astroYaml.load(frontmatter)).toEqual(data);
  });

  it('writes plain copies of repeated objects instead of YAML anchors', () => {
    const source = { title: 't' };
    expect(serializeRecord({ a: source, b: source }, '')).not.toMatch(/[&*]a1/);
  });

  it('keeps the MDX body byte for byte after the closing ---', () => {
    expect(serializeRecord({ a: 1 }, '\n<Note lang="ja">x</Note>')).toBe('---\na: 1\n---\n\n<Note lang="ja">x</Note>');
  });
});

describe('verifyRecordText', () => {
  it('names the field of a record the schema rejects', () => {
    const problems = verifyRecordText('x.mdx', serializeRecord({ kind: 'summary' }, ''));
    expect(problems.map((problem) => problem.where)).toContain('drug');
  });

  it('rejects a body that MDX would run as code', () => {
    const record = { kind: 'summary', drug: { ingredient: 'x', inn: 'x' }, sources: [{ title: 't' }], updated: '2026-11-22', listRow: { genericName: 'x' } };
    expect(verifyRecordText('x.mdx', serializeRecord(record, ''))).toEqual([]);
    expect(verifyRecordText('x.mdx', serializeRecord(record, '\n{alert(1)}\n')).length).toBeGreaterThan(0);
  });
});
