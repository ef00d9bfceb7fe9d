import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitFrontmatter, validateCollection } from '../lib/content-validation.ts';
import { requestSchema } from '../schemas/request.ts';
import { runImportList, runImportListWithWorkbooks } from './import-list.ts';
import { createRecordingIo, createTemporaryFolder, listFolder, removeFolder, type RecordingIo } from './testing/harness.ts';

const SYNTHETIC = 'tests/fixtures/import/synthetic-list.csv';
const PROVENANCE = 'data/mhlw-lists';
/** The \`updated\` date the records on the site were last imported with (data/mhlw-lists/README.md gives the command). */
const DATA_UPDATED = '2026-12-07';

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

/** The full-form records on the site: the folder import merges list rows into them, so the test starts with them. */
function copyFormRecords(): void {
  for (const name of readdirSync('content/requests')) {
    if (name.endsWith('.mdx') && /^kind: form$/mu.test(readFileSync(path.join('content/requests', name), 'utf8'))) copyFileSync(path.join('content/requests', name), path.join(out, name));
  }
}

describe('importing the provenance CSVs of the real records', () => {
  function importAll(): void {
    copyFormRecords();
    expect(run(PROVENANCE, '--updated', DATA_UPDATED, '--meetings', 'content/meetings'), io.stderr.join('\n')).toBe(0);
  }

  it('re-creates exactly the records on the site, byte for byte, from data/mhlw-lists/', () => {
    importAll();
    const written = listFolder(out);
    expect(written).toEqual(readdirSync('content/requests').filter((name) => name.endsWith('.mdx')).sort());
    for (const name of written) {
      expect(readFileSync(path.join(out, name), 'utf8'), `content/requests/${name} differs from its CSVs; re-run npm run import:list -- data/mhlw-lists`).toBe(readFileSync(path.join('content/requests', name), 'utf8'));
    }
  });

  it('changes nothing when the same folder is imported again', () => {
    importAll();
    expect(run(PROVENANCE, '--updated', '2027-01-01', '--meetings', 'content/meetings')).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/ 0 created, 0 merged, 0 replaced, \d+ unchanged/);
  });

  it('gives records that all pass the site’s validation, every event with its source address', () => {
    importAll();
    const result = validateCollection({ name: 'requests', dir: out, extensions: ['.mdx'], schema: requestSchema, components: ['Note'] }, out);
    expect(result.problems).toEqual([]);
    for (const entry of result.entries) {
      const data = requestSchema.parse(entry.data);
      expect(data.statusHistory.every((event) => event.source.url !== undefined)).toBe(true);
    }
  });

  it('records the approval date a list gives, and no date where it gives none', () => {
    importAll();
    const colistin = requestSchema.parse(frontmatter(path.join(out, 'round1-colistimethate.mdx')));
    expect(colistin.statusHistory.map((event) => [event.status, event.date])).toEqual([
      ['high_need', undefined],
      ['developer_call_open', undefined],
      ['developer_found', undefined],
      ['approved', '2015-03-26'],
    ]);
    const hydroxocobalamin = requestSchema.parse(frontmatter(path.join(out, 'iv-194-hydroxocobalamin.mdx')));
    expect(hydroxocobalamin).toMatchObject({ requestNumber: 'Ⅳ-194', round: 'IV', scheme: 'standard', listRow: { classification: 'offLabel' } });
    expect(hydroxocobalamin.statusHistory.every((event) => event.date === undefined && event.meeting !== undefined)).toBe(true);
  });
});

describe('the import:list command', () => {
  it('maps Japanese column values to vocabulary codes and keeps text verbatim', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(listFolder(out)).toEqual(['iv-901-synthetin.mdx', 'ivs-902-synthetin.mdx']);
    const first = frontmatter(path.join(out, 'iv-901-synthetin.mdx'));
    expect(first).toMatchObject({
      leadWg: 'metabolism',
      pediatricWg: true,
      indicationEn: 'SYNTHETIC <indication> in English',
      listRow: { classification: 'offLabel', requesterType: 'academicSociety', requestedIndication: '<合成> p<0.05 {体重} &lt;' },
    });
    expect((first.statusHistory as { status: string }[])[0]?.status).toBe('wg_review.requester_query');
    const second = requestSchema.parse(frontmatter(path.join(out, 'ivs-902-synthetin.mdx')));
    expect(second).toMatchObject({ round: 'IV', scheme: 'rapid', leadWg: 'pediatrics', pediatricWg: false });
    expect(second.statusHistory.map((event) => event.date)).toEqual(['2020-01-02', '2020-04-30']);
  });

  it('merges a changed table into existing records: adds what is new, drops nothing, keeps differing values and the MDX body', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    const record = path.join(out, 'ivs-902-synthetin.mdx');
    writeFileSync(record, `${readFileSync(record, 'utf8')}\n<Note lang="ja">編集者の注記。</Note>\n`);
    const changed = path.join(out, '..', `${path.basename(out)}-changed.csv`);
    const text = readFileSync(SYNTHETIC, 'utf8').replace('シンセティン注,', 'シンセティン注射液,');
    writeFileSync(changed, `${text},IVS-902,,,,,,,,,,,,,,,,,企業見解を確認中,2021-05-06,,,,,SYNTHETIC list 2,http://127.0.0.1/synthetic-2,,,\n`);
    try {
      expect(run(changed, '--updated', '2026-12-01')).toBe(0);
      const merged = requestSchema.parse(frontmatter(record));
      expect(merged.statusHistory.map((event) => [event.status, event.date])).toEqual([
        ['received', '2020-01-02'],
        ['wg_review', '2020-04-30'],
        ['wg_review.company_view', '2021-05-06'],
      ]);
      expect(merged.sources.map((source) => source.url)).toEqual(['http://127.0.0.1/synthetic', 'http://127.0.0.1/synthetic-2']);
      expect(merged).toMatchObject({ updated: '2026-12-01', listRow: { genericName: 'シンセティン注' } });
      expect(readFileSync(record, 'utf8')).toContain('<Note lang="ja">編集者の注記。</Note>');
      const said = io.stdout.join('\n');
      expect(said).toMatch(/Merged into .*ivs-902-synthetin\.mdx\n {2}\+ added event wg_review\.company_view 2021-05-06/);
      expect(said).toMatch(/listRow\.genericName: the record says "シンセティン注", the rows say "シンセティン注射液"; the record's value is kept/);
      expect(run(changed, '--updated', '2026-12-02', '--force')).toBe(0);
      expect(frontmatter(record)).toMatchObject({ updated: '2026-12-02', listRow: { genericName: 'シンセティン注射液' } });
      expect(readFileSync(record, 'utf8')).toContain('<Note lang="ja">編集者の注記。</Note>');
    } finally {
      removeFolder(changed);
    }
  });

  it('leaves unchanged records alone on a second run, even on a later day', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(run(SYNTHETIC, '--updated', '2026-12-24')).toBe(0);
    expect(frontmatter(path.join(out, 'ivs-902-synthetin.mdx')).updated).toBe('2026-11-22');
    expect(io.stdout.filter((line) => line.startsWith('Unchanged:'))).toHaveLength(2);
  });

  it('writes nothing on --dry-run, and shows what a merge would add', () => {
    expect(run(SYNTHETIC, '--dry-run')).toBe(0);
    expect(listFolder(out)).toEqual([]);
    expect(io.stdout.join('\n')).toMatch(/Dry run: .*iv-901-synthetin\.mdx would be created/);
  });

  it('adds exactly one new event to a full-form record and keeps every field of its form', () => {
    copyFileSync('content/requests/basiliximab-liver-transplant.mdx', path.join(out, 'basiliximab-liver-transplant.mdx'));
    const before = requestSchema.parse(frontmatter(path.join(out, 'basiliximab-liver-transplant.mdx')));
    const table = path.join(out, '..', `${path.basename(out)}-form-event.csv`);
    writeFileSync(table, [
      'ID,要望番号,成分名,INN,要望効能・効果,効能・効果（英）,要望用法・用量,要望者,会社名,分類,WG,小児,検討状況,状況,日付,会議,出典,出典URL',
      'basiliximab-liver-transplant,,バシリキシマブ(遺伝子組換え),basiliximab,肝移植後の拒絶反応の抑制,SYNTHETIC,,,,,,,,wg_review,,第50回医療上の必要性の高い未承認薬・適応外薬検討会議,SYNTHETIC meeting list,http://127.0.0.1/synthetic-meeting',
    ].join('\n'));
    try {
      expect(run(table, '--updated', '2026-12-01')).toBe(0);
      const after = requestSchema.parse(frontmatter(path.join(out, 'basiliximab-liver-transplant.mdx')));
      expect(after.kind === 'form' && before.kind === 'form' && after.form).toEqual(before.kind === 'form' && before.form);
      expect(after.statusHistory).toEqual([...before.statusHistory, { status: 'wg_review', meeting: '第50回医療上の必要性の高い未承認薬・適応外薬検討会議', source: { title: 'SYNTHETIC meeting list', url: 'http://127.0.0.1/synthetic-meeting' } }]);
      expect(after.indicationEn).toBe(before.indicationEn);
      expect(run(table, '--updated', '2026-12-02')).toBe(0);
      expect(io.stdout.at(-1)).toMatch(/0 created, 0 merged, 0 replaced, 1 unchanged/);
    } finally {
      removeFolder(table);
    }
  });

  it('merges the rows of one request from several files of a folder into one record, the most recent source winning a differing column when the sources are equally authoritative', () => {
    const folder = path.join(out, '..', `${path.basename(out)}-folder`);
    mkdirSync(folder);
    const header = 'ID,要望番号,成分名,INN,要望効能・効果,効能・効果（英）,要望用法・用量,要望者,会社名,分類,WG,小児,検討状況,状況,日付,会議,出典,出典URL';
    writeFileSync(path.join(folder, 'a.csv'), `${header}\n,Ⅳ-950,シンセティン,synthetin,合成症,SYNTHETIC disease,,日本合成学会,,,,,要望者に確認中,要望者に確認中,,第60回医療上の必要性の高い未承認薬・適応外薬検討会議,SYNTHETIC 60,http://127.0.0.1/s60\n`);
    writeFileSync(path.join(folder, 'b.csv'), `${header}\n,IV-950,シンセティン,synthetin,合成症,SYNTHETIC disease,,日本合成学会,,,,,企業見解を確認中,企業見解を確認中,,第62回医療上の必要性の高い未承認薬・適応外薬検討会議,SYNTHETIC 62,http://127.0.0.1/s62\n,IV-950,,,,,,,,,,,,企業見解を確認中,,第62回医療上の必要性の高い未承認薬・適応外薬検討会議,SYNTHETIC 62,http://127.0.0.1/s62\n`);
    try {
      expect(run(folder, '--updated', '2026-12-01')).toBe(0);
      expect(listFolder(out)).toEqual(['iv-950-synthetin.mdx']);
      const record = requestSchema.parse(frontmatter(path.join(out, 'iv-950-synthetin.mdx')));
      expect(record.statusHistory.map((event) => event.status)).toEqual(['wg_review.requester_query', 'wg_review.company_view']);
      expect(record.kind === 'summary' && record.listRow.statusText).toBe('企業見解を確認中');
      expect(record.requestNumber).toBe('IV-950');
      expect(io.stdout.join('\n')).toMatch(/repeats the event wg_review\.company_view from the same source; kept once/);
    } finally {
      removeFolder(folder);
    }
  });
});

describe('tables as MHLW prints them', () => {
  const source = ['--source-title', 'SYNTHETIC MHLW list', '--source-url', 'http://127.0.0.1/synthetic-mhlw-list'];

  function expectMerged(): void {
    const first = requestSchema.parse(frontmatter(path.join(out, 'iv-901-synthetin.mdx')));
    expect(first.statusHistory.map((event) => [event.status, event.date])).toEqual([
      ['wg_review.requester_query', undefined],
      ['approved', '2021-06-24'],
    ]);
    expect(first.statusHistory[1]?.source).toEqual({ title: 'SYNTHETIC MHLW list', url: 'http://127.0.0.1/synthetic-mhlw-list' });
    expect(first.statusHistory[1]?.note).toBe('承認日: 令和3年6月24日');
    const second = requestSchema.parse(frontmatter(path.join(out, 'ivs-902-synthetin.mdx')));
    expect(second.kind === 'summary' && second.listRow.company).toBe('あり(企業名未公表)');
  }

  it('reads a TSV pasted from a page, with MHLW headings, and adds its events to the requests it names', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(run('tests/fixtures/import/mhlw-headings.tsv', '--updated', '2026-12-01', ...source), io.stderr.join('\n')).toBe(0);
    expectMerged();
    expect(io.stdout.join('\n')).toMatch(/Read tests\/fixtures\/import\/mhlw-headings\.tsv as TSV, UTF-8\./);
  });

  it('reads a CSV that Excel saved as Shift_JIS, and says which encoding it used', () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(run('tests/fixtures/import/mhlw-headings.sjis.csv', '--updated', '2026-12-01', ...source), io.stderr.join('\n')).toBe(0);
    expectMerged();
    expect(io.stdout.join('\n')).toMatch(/as CSV, Shift_JIS \(CP932\)\./);
  });

  it('reads the first sheet of an Excel workbook', async () => {
    expect(run(SYNTHETIC, '--updated', '2026-11-22')).toBe(0);
    expect(await runImportListWithWorkbooks(['tests/fixtures/import/mhlw-headings.xlsx', '--out', out, '--updated', '2026-12-01', ...source], io), io.stderr.join('\n')).toBe(0);
    expectMerged();
    expect(io.stdout.join('\n')).toMatch(/as Excel workbook \(\.xlsx\), first sheet\./);
  });

  it('names a heading it does not know', () => {
    const file = path.join(out, '..', `${path.basename(out)}-heading.tsv`);
    writeFileSync(file, '要望番号\t成分名\t謎の列\nⅣ-901\tシンセティン\tx\n');
    try {
      expect(run(file, ...source)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/-heading\.tsv:1: unknown column "謎の列"/);
    } finally {
      removeFolder(file);
    }
  });
});

describe('checks of a meeting table', () => {
  const meetingsFolder = (): string => {
    const folder = path.join(out, '..', `${path.basename(out)}-meetings`);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'council-1.yaml'), 'number: 1\ndate: "2020-05-01"\nsources:\n  - title: SYNTHETIC\n');
    return folder;
  };

  it('with --update-only, refuses a row naming a request that is not on the site, writing nothing', () => {
    expect(run(SYNTHETIC, '--update-only')).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/synthetic-list\.csv:2: request number Ⅳ-901 is not on the site, and --update-only/);
    expect(listFolder(out)).toEqual([]);
  });

  it('refuses a row whose date contradicts the meeting it names', () => {
    const folder = meetingsFolder();
    const file = path.join(out, '..', `${path.basename(out)}-meeting-date.csv`);
    writeFileSync(file, 'ID,要望番号,成分名,INN,状況,日付,会議,出典,出典URL\n,Ⅳ-960,シンセティン,synthetin,high_need,2020-06-01,第1回医療上の必要性の高い未承認薬・適応外薬検討会議,SYNTHETIC,http://127.0.0.1/s\n');
    try {
      expect(run(file, '--meetings', folder)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/-meeting-date\.csv:2: the row dates its event 2020-06-01, but the meeting it names .* met on 2020-05-01/);
      expect(listFolder(out)).toEqual([]);
    } finally {
      removeFolder(folder);
      removeFolder(file);
    }
  });

  it('refuses a history that runs backwards without a note saying why, and accepts it with one', () => {
    const file = path.join(out, '..', `${path.basename(out)}-backwards.csv`);
    const header = 'ID,要望番号,成分名,INN,状況,日付,状況メモ,出典,出典URL';
    writeFileSync(file, `${header}\n,Ⅳ-961,シンセティン,synthetin,approved,2015-03-26,,SYNTHETIC,http://127.0.0.1/s\n,Ⅳ-961,,,wg_review,2016-01-01,,SYNTHETIC 2,http://127.0.0.1/s2\n`);
    try {
      expect(run(file)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/-backwards\.csv:3: request iv-961-synthetin would go back from approved \(2015-03-26\) to wg_review \(2016-01-01\)/);
      writeFileSync(file, `${header}\n,Ⅳ-961,シンセティン,synthetin,approved,2015-03-26,,SYNTHETIC,http://127.0.0.1/s\n,Ⅳ-961,,,wg_review,2016-01-01,re-examined for a new indication,SYNTHETIC 2,http://127.0.0.1/s2\n`);
      expect(run(file)).toBe(0);
    } finally {
      removeFolder(file);
    }
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
    expectRefusal('tests/fixtures/import/missing-columns.csv', /missing-columns\.csv:1: the header lacks the columns "成分名", "出典URL"[\s\S]*--source-title and --source-url/);
  });

  it('names the line of a row with the wrong number of cells', () => {
    expectRefusal('tests/fixtures/import/bad-row.csv', /bad-row\.csv:3: the CSV cannot be read/);
  });

  it('refuses a new request without its English drug name, naming the file, the line and the column', () => {
    const file = path.join(out, '..', `${path.basename(out)}-no-inn.csv`);
    writeFileSync(file, readFileSync(SYNTHETIC, 'utf8').replace(',synthetin,,<合成>', ',,,<合成>'));
    try {
      expectRefusal(file, /-no-inn\.csv:2: column "INN" is blank for request iv-901[\s\S]*English name/);
    } finally {
      removeFolder(file);
    }
  });

  it('refuses a Japanese indication without its English translation', () => {
    const file = path.join(out, '..', `${path.basename(out)}-no-en.csv`);
    writeFileSync(file, readFileSync(SYNTHETIC, 'utf8').replace('SYNTHETIC <indication> in English', ''));
    try {
      expectRefusal(file, /-no-en\.csv:2: column "効能・効果（英）" is blank for request iv-901/);
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
      expectRefusal(file, /:4: column "成分名" says "別の成分名" but line 3 \(same request ivs-902-synthetin\) says "シンセティン注"/);
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
