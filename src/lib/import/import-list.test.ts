import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitFrontmatter, validateCollection } from '../content-validation.ts';
import { requestSchema } from '../../schemas/request.ts';
import { runImportList } from './import-list.ts';
import { createRecordingIo, createTemporaryFolder, listFolder, removeFolder, type RecordingIo } from './testing/harness.ts';

const SYNTHETIC = 'tests/fixtures/import/synthetic-list.csv';
const PROVENANCE = 'data/mhlw-lists';

let out: string;
let io: RecordingIo;

beforeEach(() => {
  out = createTemporaryFolder();
  io = createRecordingIo();
});

afterEach(() => {
  removeFolder(out);
});

function run(...args: string[]): number {
  return runImportList([...args, '--out', out], io);
}

function frontmatter(file: string): Record<string, unknown> {
  const split = splitFrontmatter(file, readFileSync(file, 'utf8'));
  if ('message' in split) throw new Error(split.message);
  return split.data as Record<string, unknown>;
}

describe('importing the provenance CSVs of the real summary records', () => {
  const csvs = readdirSync(PROVENANCE).filter((name) => name.endsWith('.csv'));

  it('reproduces every committed summary record byte for byte', () => {
    for (const csv of csvs) expect(run(path.join(PROVENANCE, csv), '--updated', '2026-11-22'), io.stderr.join('\n')).toBe(0);
    const written = listFolder(out);
    expect(written.length).toBeGreaterThanOrEqual(14);
    for (const name of written) {
      expect(readFileSync(path.join(out, name), 'utf8'), `content/requests/${name} differs from its CSV; re-run npm run import:list`).toBe(readFileSync(path.join('content/requests', name), 'utf8'));
    }
  });

  it('gives records that all pass the site’s validation, each with its source address', () => {
    for (const csv of csvs) run(path.join(PROVENANCE, csv), '--updated', '2026-11-22');
    const result = validateCollection({ name: 'requests', dir: out, extensions: ['.mdx'], schema: requestSchema, components: ['Note'] }, out);
    expect(result.problems).toEqual([]);
    for (const entry of result.entries) {
      const data = requestSchema.parse(entry.data);
      expect(data.kind).toBe('summary');
      expect(data.sources.every((source) => source.url?.startsWith('http'))).toBe(true);
      expect(data.statusHistory.every((event) => event.source.url !== undefined)).toBe(true);
    }
  });

  it('records the approval date a list gives, and no date where it gives none', () => {
    for (const csv of csvs) run(path.join(PROVENANCE, csv), '--updated', '2026-11-22');
    const colistin = requestSchema.parse(frontmatter(path.join(out, 'round1-colistimethate.mdx')));
    expect(colistin.statusHistory.map((event) => [event.status, event.date])).toEqual([
      ['high_need', undefined],
      ['developer_call_open', undefined],
      ['developer_found', undefined],
      ['approved', '2015-03-26'],
    ]);
    const hydroxocobalamin = requestSchema.parse(frontmatter(path.join(out, 'iv-194-hydroxocobalamin.mdx')));
    expect(hydroxocobalamin).toMatchObject({ requestNumber: 'Ⅳ-194', round: 'IV', scheme: 'standard', listRow: { classification: 'offLabel', company: 'エイワイファーマ' } });
    expect(hydroxocobalamin.statusHistory.map((event) => event.status)).toEqual(['wg_review.requester_query']);
  });
});

describe('the import:list command', () => {
  it('maps Japanese column values to vocabulary codes and keeps text verbatim', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(listFolder(out)).toEqual(['iv-901-synthetin.mdx', 'ivs-902.mdx']);
    const first = frontmatter(path.join(out, 'iv-901-synthetin.mdx'));
    expect(first).toMatchObject({
      leadWg: 'metabolism',
      pediatricWg: true,
      listRow: { classification: 'offLabel', requesterType: 'academicSociety', requestedIndication: '<合成> p<0.05 {体重} &lt;' },
    });
    expect((first.statusHistory as { status: string }[])[0]?.status).toBe('wg_review.requester_query');
    const second = requestSchema.parse(frontmatter(path.join(out, 'ivs-902.mdx')));
    expect(second).toMatchObject({ round: 'IV', scheme: 'rapid', leadWg: 'pediatrics', pediatricWg: false });
    expect(second.statusHistory.map((event) => event.date)).toEqual(['2020-01-02', '2020-04-30']);
  });

  it('refuses to overwrite changed records without --force, writing none of them, and keeps MDX bodies with it', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    const record = path.join(out, 'ivs-902.mdx');
    writeFileSync(record, `${readFileSync(record, 'utf8')}\n<Note lang="ja">編集者の注記。</Note>\n`);
    const edited = readFileSync(record, 'utf8');
    const changed = path.join(out, '..', `${path.basename(out)}-changed.csv`);
    writeFileSync(changed, readFileSync(SYNTHETIC, 'utf8').replace('シンセティン注', 'シンセティン注射液'));
    try {
      expect(run(changed, '--updated', '2026-12-01')).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/ivs-902\.mdx[\s\S]*pass --force/);
      expect(readFileSync(record, 'utf8')).toBe(edited);
      expect(run(changed, '--updated', '2026-12-01', '--force')).toBe(0);
      expect(readFileSync(record, 'utf8')).toContain('<Note lang="ja">編集者の注記。</Note>');
      expect(frontmatter(record)).toMatchObject({ updated: '2026-12-01', listRow: { genericName: 'シンセティン注射液' } });
    } finally {
      removeFolder(changed);
    }
  });

  it('leaves unchanged records alone on a second run, even on a later day', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(run(SYNTHETIC, '--updated', '2026-12-24')).toBe(0);
    expect(frontmatter(path.join(out, 'ivs-902.mdx')).updated).toBe('2026-11-22');
    expect(io.stdout.filter((line) => line.startsWith('Unchanged:'))).toHaveLength(2);
  });

  it('writes nothing on --dry-run', () => {
    expect(run(SYNTHETIC, '--dry-run')).toBe(0);
    expect(listFolder(out)).toEqual([]);
  });
});

describe('the import:list command on bad input', () => {
  function expectRefusal(file: string, pattern: RegExp): void {
    expect(run(file)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(pattern);
    expect(listFolder(out)).toEqual([]);
  }

  it('names the row, the column and the accepted values of an unknown working group', () => {
    expectRefusal('tests/fixtures/import/unknown-wg.csv', /unknown-wg\.csv:2: column "WG": "皮膚WG" is not a known value; accepted values: metabolism \(代謝・その他WG\)/);
  });

  it('names the columns a CSV lacks', () => {
    expectRefusal('tests/fixtures/import/missing-columns.csv', /missing-columns\.csv:1: the header lacks the columns "要望効能・効果", "要望用法・用量"/);
  });

  it('names the line of a row with the wrong number of cells', () => {
    expectRefusal('tests/fixtures/import/bad-row.csv', /bad-row\.csv:3: the CSV cannot be read/);
  });

  it('refuses a request number already used by another record', () => {
    copyFileSync('tests/fixtures/content/valid-summary/requests/fixture-summary.mdx', path.join(out, 'fixture-summary.mdx'));
    const clash = readFileSync(SYNTHETIC, 'utf8').replaceAll('IVS-902', 'IVS-99');
    const file = path.join(out, '..', `${path.basename(out)}-clash.csv`);
    writeFileSync(file, clash);
    try {
      expect(run(file)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/request number IVS-99 is already used by fixture-summary/);
      expect(listFolder(out)).toEqual(['fixture-summary.mdx']);
    } finally {
      removeFolder(file);
    }
  });

  it('refuses rows of one request that disagree, naming both lines', () => {
    const file = path.join(out, '..', `${path.basename(out)}-conflict.csv`);
    const lines = readFileSync(SYNTHETIC, 'utf8').split('\n');
    lines[3] = (lines[3] ?? '').replace('IVS-902,,,', 'IVS-902,,,別の成分名');
    writeFileSync(file, lines.join('\n'));
    try {
      expectRefusal(file, /:4: column "成分名" says "別の成分名" but line 3 \(same request ivs-902\) says "シンセティン注"/);
    } finally {
      removeFolder(file);
    }
  });

  it('refuses an empty file and a binary file', () => {
    const empty = path.join(out, '..', `${path.basename(out)}-empty.csv`);
    writeFileSync(empty, '');
    try {
      expectRefusal(empty, /-empty\.csv: the file is empty/);
    } finally {
      removeFolder(empty);
    }
  });
});
