import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../lib/content-validation.ts';
import { requestSchema } from '../schemas/request.ts';
import { runImportForm } from './import-form.ts';
import { createRecordingIo, createTemporaryFolder, listFolder, removeFolder, type RecordingIo } from './testing/harness.ts';

const REAL_FORM = 'tests/fixtures/forms/basiliximab-liver-transplant.txt';
const HAND_MADE = 'content/requests/basiliximab-liver-transplant.mdx';
const RECORD = 'basiliximab-liver-transplant.mdx';
/** The editors' English translation the hand-made record carries. */
const INDICATION_EN = [
  'Prevention and treatment of rejection after liver transplantation in cases such as:',
  '・ patients with reduced liver function',
  '・ patients in whom avoiding steroids is preferable (hepatitis C-positive patients, children, etc.)',
  '・ other cases in which a calcineurin inhibitor (CNI) must be temporarily stopped or reduced',
].join('\n');

let out: string;
let io: RecordingIo;

beforeEach(() => {
  out = createTemporaryFolder();
  io = createRecordingIo();
});

afterEach(() => {
  removeFolder(out);
});

/** A record file's frontmatter, validated and with defaults filled, as the site sees it. */
function parsedRecord(file: string): ReturnType<typeof requestSchema.parse> {
  const split = splitFrontmatter(file, readFileSync(file, 'utf8'));
  if ('message' in split) throw new Error(split.message);
  return requestSchema.parse(split.data);
}

function run(...args: string[]): Promise<number> {
  return runImportForm([...args, '--out', out], io);
}

describe('importing the real form (golden test)', () => {
  it('gives a form equal to the hand-made record, field for field', async () => {
    expect(await run(REAL_FORM, '--updated', '2026-11-22', '--inn', 'basiliximab', '--indication-en', INDICATION_EN)).toBe(0);
    expect(listFolder(out)).toEqual([RECORD]);
    const imported = parsedRecord(path.join(out, RECORD));
    const handMade = parsedRecord(HAND_MADE);
    expect(imported.kind).toBe('form');
    if (imported.kind !== 'form' || handMade.kind !== 'form') return;
    expect(imported.form).toEqual(handMade.form);
    expect(imported.drug).toEqual(handMade.drug);
    expect(imported.scheme).toBe(handMade.scheme);
    expect(imported.statusHistory).toEqual([]);
    expect(imported.requestNumber).toBeUndefined();
    expect(imported.round).toBeUndefined();
    expect(imported.leadWg).toBeUndefined();
    // The hand-made record carries the number and history the editors tied to the form from list rows.
    expect(handMade.requestNumber).toBe('III-(1)-49');
  });

  it('re-imported over the hand-made record with --force, reproduces it byte for byte', async () => {
    // If this fails after a hand edit of the record, re-run:
    // npm run import -- tests/fixtures/forms/basiliximab-liver-transplant.txt --force --updated <its date>
    copyFileSync(HAND_MADE, path.join(out, RECORD));
    expect(await run(REAL_FORM, '--force', '--updated', '2027-01-01')).toBe(0);
    expect(readFileSync(path.join(out, RECORD), 'utf8')).toBe(readFileSync(HAND_MADE, 'utf8'));
  });

  it('keeps the editorial fields and the MDX body of the existing record when re-importing', async () => {
    const edited = readFileSync(HAND_MADE, 'utf8').replace(/updated: "\d{4}-\d{2}-\d{2}"/, 'updated: "2026-01-01"').replace('requiredStudies: 1) 特になし', 'requiredStudies: an outdated transcription');
    writeFileSync(path.join(out, RECORD), edited);
    expect(await run(REAL_FORM, '--force', '--updated', '2026-12-01')).toBe(0);
    const text = readFileSync(path.join(out, RECORD), 'utf8');
    const record = parsedRecord(path.join(out, RECORD));
    const handMade = parsedRecord(HAND_MADE);
    expect(record.summary).toEqual(handMade.summary);
    expect(record.sources).toEqual(handMade.sources);
    expect(record.drug.inn).toBe('basiliximab');
    expect(record.updated).toBe('2026-12-01');
    expect(record.kind === 'form' && record.form.requiredStudies).toBe('1) 特になし');
    expect(text.slice(text.indexOf('\n---\n'))).toBe(edited.slice(edited.indexOf('\n---\n')));
    expect(io.stdout.join('\n')).toMatch(/Kept from the existing record: requestNumber, round, scheme, leadWg, drug, indicationEn, summary, statusHistory, sources/);
  });

  it('yields the same bytes when the same form is imported again, and says nothing changed', async () => {
    expect(await run(REAL_FORM, '--updated', '2026-11-22', '--inn', 'basiliximab', '--indication-en', INDICATION_EN)).toBe(0);
    const first = readFileSync(path.join(out, RECORD), 'utf8');
    expect(await run(REAL_FORM, '--updated', '2026-11-30', '--force')).toBe(0);
    expect(readFileSync(path.join(out, RECORD), 'utf8')).toBe(first);
    expect(io.stdout.at(-1)).toMatch(/^Unchanged:/);
  });
});

describe('the import command', () => {
  it('refuses to overwrite an existing record without --force and writes nothing', async () => {
    copyFileSync(HAND_MADE, path.join(out, RECORD));
    const before = readFileSync(path.join(out, RECORD), 'utf8');
    expect(await run(REAL_FORM, '--id', 'basiliximab-liver-transplant')).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/already exists[\s\S]*pass --force/);
    expect(readFileSync(path.join(out, RECORD), 'utf8')).toBe(before);
    expect(listFolder(out)).toEqual([RECORD]);
  });

  it('writes nothing on --dry-run but prints the report and what it would do', async () => {
    expect(await run(REAL_FORM, '--dry-run', '--inn', 'basiliximab', '--indication-en', INDICATION_EN)).toBe(0);
    expect(listFolder(out)).toEqual([]);
    expect(io.stdout.join('\n')).toMatch(/Dry run: .*basiliximab-liver-transplant\.mdx would be created/);
  });

  it('refuses a new record without the English drug name or indication, naming the option to pass', async () => {
    expect(await run('tests/fixtures/import/rapid-scheme-glyphs.txt', '--updated', '2026-11-22')).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/English name[\s\S]*pass --inn/);
    expect(await run('tests/fixtures/import/rapid-scheme-glyphs.txt', '--updated', '2026-11-22', '--inn', 'synthetimab')).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/pass --indication-en/);
    expect(listFolder(out)).toEqual([]);
  });

  it('derives the file name from the INN, and takes --id over it', async () => {
    const english = ['--inn', 'synthetimab', '--indication-en', 'SYNTHETIC indication'];
    expect(await run('tests/fixtures/import/rapid-scheme-glyphs.txt', '--updated', '2026-11-22', ...english)).toBe(0);
    expect(await run('tests/fixtures/import/rapid-scheme-glyphs.txt', '--updated', '2026-11-22', '--id', 'synthetic-rapid', ...english)).toBe(0);
    expect(listFolder(out)).toEqual(['synthetic-rapid.mdx', 'synthetimab.mdx']);
  });

  it('turns a summary record into a full-form record, keeping its number, history and sources', async () => {
    copyFileSync('tests/fixtures/content/valid-summary/requests/fixture-summary.mdx', path.join(out, RECORD));
    const summary = parsedRecord(path.join(out, RECORD));
    expect(await run(REAL_FORM, '--id', 'basiliximab-liver-transplant', '--force', '--source-url', 'https://example.org/form.pdf', '--indication-en', INDICATION_EN)).toBe(0);
    const record = parsedRecord(path.join(out, RECORD));
    expect(record.kind).toBe('form');
    expect(record.requestNumber).toBe(summary.requestNumber);
    expect(record.statusHistory).toEqual(summary.statusHistory);
    expect(record.sources.slice(0, summary.sources.length)).toEqual(summary.sources);
    expect(record.sources.at(-1)?.url).toBe('https://example.org/form.pdf');
  });

  it('uses today for updated when --updated is not given', async () => {
    expect(await runImportForm([REAL_FORM, '--out', out, '--inn', 'basiliximab', '--indication-en', INDICATION_EN], createRecordingIo('2030-02-03'))).toBe(0);
    expect(parsedRecord(path.join(out, RECORD)).updated).toBe('2030-02-03');
  });
});

describe('the import command on bad input', () => {
  async function expectRefusal(args: string[], pattern: RegExp, code = 1): Promise<void> {
    expect(await run(...args)).toBe(code);
    expect(io.stderr.join('\n')).toMatch(pattern);
    expect(listFolder(out)).toEqual([]);
  }

  it('names an empty file', async () => {
    const empty = path.join(out, '..', `${path.basename(out)}-empty.txt`);
    writeFileSync(empty, '');
    try {
      await expectRefusal([empty], /-empty\.txt: the file is empty[\s\S]*Nothing was written/);
    } finally {
      removeFolder(empty);
    }
  });

  it('names a binary file and the line of its first NUL byte', async () => {
    const binary = path.join(out, '..', `${path.basename(out)}-form.doc`);
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0xff, 0xfe]));
    try {
      await expectRefusal([binary], /-form\.doc:2: the file is binary/);
    } finally {
      removeFolder(binary);
    }
  });

  it('names a file that is not a request form', async () => {
    await expectRefusal(['tests/fixtures/import/not-a-form.txt'], /not-a-form\.txt: this does not look like a request form/);
  });

  it('names a missing file', async () => {
    await expectRefusal(['tests/fixtures/import/no-such-form.txt'], /no-such-form\.txt: no such file/);
  });

  it('explains a mistyped option with the usage and exit code 2', async () => {
    await expectRefusal([REAL_FORM, '--forse'], /Unknown option '--forse'[\s\S]*usage: npm run import/, 2);
    await expectRefusal([REAL_FORM, '--updated', '2026-13-01'], /--updated must be a real date/, 2);
    await expectRefusal([REAL_FORM, '--id', 'Not An Id'], /--id must be lower-case/, 2);
  });

  it('refuses an output folder that does not exist instead of creating it', async () => {
    expect(await runImportForm([REAL_FORM, '--out', path.join(out, 'nope')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/the output folder .*nope does not exist/);
  });
});
