/**
 * Importing request forms from their PDFs. The fixtures in tests/fixtures/forms/pdf/ were made the way the
 * real forms are (a Word document saved as PDF; `npm run fixtures:pdf`), so these tests read what an
 * editor will have in hand.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportForm } from '../import-form.ts';
import { createRecordingIo, createTemporaryFolder, listFolder, removeFolder, type RecordingIo } from '../testing/harness.ts';
import { readFormPdf } from './read-form-pdf.ts';

const PDF = 'tests/fixtures/forms/pdf';
const REAL_TEXT = 'tests/fixtures/forms/basiliximab-liver-transplant.txt';
const RAPID_TEXT = 'tests/fixtures/import/rapid-scheme-glyphs.txt';
const NEW_RECORD = ['--inn', 'basiliximab', '--indication-en', 'Prevention and treatment of rejection after liver transplantation', '--updated', '2026-12-08'];
const NEW_RAPID = ['--inn', 'synthetimab', '--indication-en', 'Synthetic test disease', '--updated', '2026-12-08'];

let out: string;
let io: RecordingIo;

beforeEach(() => {
  out = createTemporaryFolder();
  io = createRecordingIo();
});

afterEach(() => {
  removeFolder(out);
});

/** Imports one input into a fresh folder and returns the record file's text (throws when nothing was written). */
async function importToText(input: string, args: readonly string[]): Promise<{ text: string; stdout: string }> {
  const folder = createTemporaryFolder();
  const recording = createRecordingIo();
  try {
    const code = await runImportForm([input, '--out', folder, ...args], recording);
    expect(code, recording.stderr.join('\n')).toBe(0);
    const [file] = listFolder(folder);
    if (!file) throw new Error('no record written');
    return { text: readFileSync(path.join(folder, file), 'utf8'), stdout: recording.stdout.join('\n') };
  } finally {
    removeFolder(folder);
  }
}

/** The record's text without the source note, the one line that names the input file. */
function withoutInputName(text: string): string {
  return text.replace(/^ *note: The request form as filed, imported from .*$/m, '');
}

describe('a form’s PDF imports to the same record as its text (golden tests)', () => {
  it('the real form (basiliximab, boxes as ☐/☑ glyphs) gives the text fixture’s record byte for byte', async () => {
    const fromText = await importToText(REAL_TEXT, NEW_RECORD);
    const fromPdf = await importToText(`${PDF}/basiliximab-liver-transplant.pdf`, NEW_RECORD);
    expect(withoutInputName(fromPdf.text)).toBe(withoutInputName(fromText.text));
    expect(fromPdf.text).toMatch(/note: The request form as filed, imported from its PDF \(basiliximab-liver-transplant\.pdf\)\./);
    // The report names pages, and says which rows a page break cut and the reader joined again.
    expect(fromPdf.stdout).toMatch(/Importing .*basiliximab-liver-transplant\.pdf \(PDF, 9 pages\)/);
    expect(fromPdf.stdout).toMatch(/page 1 +form\.requester\.type = academicSociety/);
    expect(fromPdf.stdout).toMatch(/pdf: a table row runs on from page 1 to page 2; its two parts were joined into one row/);
  });

  it('the same form with its boxes drawn as squares (a tick inside for the ticked ones) gives the same record', async () => {
    const fromText = await importToText(REAL_TEXT, NEW_RECORD);
    const fromPdf = await importToText(`${PDF}/basiliximab-drawn-boxes.pdf`, NEW_RECORD);
    expect(withoutInputName(fromPdf.text)).toBe(withoutInputName(fromText.text));
  });

  it('the rapid scheme’s form (別添様式1-2) with Wingdings boxes gives the record of its text', async () => {
    const fromText = await importToText(RAPID_TEXT, NEW_RAPID);
    const fromPdf = await importToText(`${PDF}/rapid-scheme-wingdings.pdf`, NEW_RAPID);
    expect(withoutInputName(fromPdf.text)).toBe(withoutInputName(fromText.text));
    expect(fromPdf.text).toMatch(/version: betten1-2/);
  });

  it('a drawn box with something other than a tick in it is left unset and reported, never guessed', async () => {
    const fromText = await importToText(RAPID_TEXT, NEW_RAPID);
    const fromPdf = await importToText(`${PDF}/rapid-scheme-unreadable-box.pdf`, NEW_RAPID);
    expect(fromText.text).toMatch(/pediatricRequest: true/);
    expect(fromPdf.text).not.toMatch(/pediatricRequest/);
    expect(fromPdf.stdout).toMatch(/page 1 +pdf: a drawn checkbox holds "？", which is not a tick; the box is left unset/);
    // Everything else is read as from the text.
    expect(withoutInputName(fromPdf.text)).toBe(withoutInputName(fromText.text).replace(/^ *pediatricRequest: true\n/m, ''));
  });
});

describe('what the PDF reader rebuilds', () => {
  it('keeps Japanese text as typed: no spaces where Word sets Japanese and Latin apart, spaces where the form has them', async () => {
    const file = `${PDF}/basiliximab-liver-transplant.pdf`;
    const { text } = await readFormPdf(file, new Uint8Array(readFileSync(file)));
    expect(text).toContain('2009年4月以降に、FDA又はEMAで承認されたが、国内で承認されていない医薬品');
    expect(text).toContain('バシリキシマブ (抗 CD25 抗体製剤 : 遺伝子組換え) 静注用');
    // A label split by a page break is one label again.
    expect(text).toContain('希少疾病用医薬品の該当性（推定対象患者数、推定方法についても記載する。）');
  });

  it('gives the same bytes when a PDF is imported again, and refuses to overwrite without --force', async () => {
    const form = `${PDF}/rapid-scheme-wingdings.pdf`;
    expect(await runImportForm([form, '--out', out, ...NEW_RAPID], io)).toBe(0);
    const [file = ''] = listFolder(out);
    const written = readFileSync(path.join(out, file), 'utf8');
    expect(await runImportForm([form, '--out', out, ...NEW_RAPID], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/already exists[\s\S]*pass --force/);
    expect(await runImportForm([form, '--out', out, '--force', ...NEW_RAPID], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^Unchanged: .* already holds exactly this record\./);
    expect(readFileSync(path.join(out, file), 'utf8')).toBe(written);
  });

  it('writes the rebuilt text with --save-text, so that an editor can correct it and import the text', async () => {
    const saved = path.join(out, '..', `${path.basename(out)}-rebuilt.txt`);
    try {
      expect(await runImportForm([`${PDF}/rapid-scheme-wingdings.pdf`, '--out', out, '--dry-run', '--save-text', saved, ...NEW_RAPID], io)).toBe(0);
      expect(io.stdout.join('\n')).toContain(`Wrote the text rebuilt from the PDF to ${saved}`);
      expect(await runImportForm([saved, '--out', out, ...NEW_RAPID], io)).toBe(0);
      expect(listFolder(out)).toEqual(['synthetimab.mdx']);
    } finally {
      removeFolder(saved);
    }
  });
});

describe('PDFs that cannot be imported are refused, naming the file, with nothing written', () => {
  const cases: [string, RegExp][] = [
    ['scanned.pdf', /scanned\.pdf: the PDF has no text layer: its page is an image \(a scan\)[\s\S]*fix: run OCR on it first/],
    ['encrypted.pdf', /encrypted\.pdf: the PDF is encrypted with a password[\s\S]*qpdf --decrypt/],
    ['missing-pages.pdf', /missing-pages\.pdf \(page 2\): the form is missing 4 whole sections[\s\S]*none of the PDF's 2 pages holds those sections/],
    ['not-a-form.pdf', /not-a-form\.pdf: this does not look like a request form[\s\S]*give the importer the PDF of a 別添様式1/],
  ];
  it.each(cases)('%s', async (name, message) => {
    expect(await runImportForm([`${PDF}/${name}`, '--out', out, ...NEW_RECORD], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(message);
    expect(io.stderr.join('\n')).toMatch(/Nothing was written\./);
    expect(listFolder(out)).toEqual([]);
  });

  it('a file named .pdf that is not one', async () => {
    const fake = path.join(out, '..', `${path.basename(out)}-fake.pdf`);
    writeFileSync(fake, 'This is a note about a form, not the form.');
    try {
      expect(await runImportForm([fake, '--out', out], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/-fake\.pdf: this is not a PDF \(it does not start with %PDF-\)/);
      expect(listFolder(out)).toEqual([]);
    } finally {
      removeFolder(fake);
    }
  });

  it('truncated or corrupted PDFs end in a clear refusal or a normal import, never an uncaught exception', async () => {
    const bytes = readFileSync(`${PDF}/rapid-scheme-wingdings.pdf`);
    const damage = fc.oneof(
      fc.integer({ min: 0, max: bytes.length - 1 }).map((end) => ({ kind: 'truncated', data: bytes.subarray(0, end) })),
      fc.array(fc.tuple(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }).map((edits) => {
        const copy = Buffer.from(bytes);
        for (const [at, value] of edits) copy[at] = value;
        return { kind: 'corrupted', data: copy };
      }),
    );
    const file = path.join(out, '..', `${path.basename(out)}-damaged.pdf`);
    try {
      await fc.assert(
        fc.asyncProperty(damage, async ({ data }) => {
          writeFileSync(file, data);
          const recording = createRecordingIo();
          const code = await runImportForm([file, '--out', out, '--dry-run', ...NEW_RAPID], recording);
          expect([0, 1], recording.stderr.join('\n')).toContain(code);
          if (code === 1) expect(recording.stderr.join('\n')).toMatch(/-damaged\.pdf[\s\S]*Nothing was written\./);
          expect(listFolder(out)).toEqual([]);
        }),
        { numRuns: 12, seed: 16 },
      );
    } finally {
      removeFolder(file);
    }
  }, 120_000);
});

describe('importing a folder of forms', () => {
  it('imports each file, goes on past the bad ones, ends with a summary table and a non-zero exit', async () => {
    const folder = createTemporaryFolder();
    try {
      for (const name of ['basiliximab-drawn-boxes.pdf', 'rapid-scheme-unreadable-box.pdf', 'scanned.pdf', 'not-a-form.pdf']) copyFileSync(`${PDF}/${name}`, path.join(folder, name));
      copyFileSync(RAPID_TEXT, path.join(folder, 'rapid-scheme-glyphs.txt'));
      writeFileSync(path.join(folder, 'basiliximab-drawn-boxes.yaml'), 'inn: basiliximab\nindicationEn: Prevention and treatment of rejection after liver transplantation\n');
      writeFileSync(path.join(folder, 'rapid-scheme-glyphs.yaml'), 'inn: synthetimab\nindicationEn: Synthetic test disease\nid: synthetic-rapid-text\n');
      writeFileSync(path.join(folder, 'rapid-scheme-unreadable-box.yaml'), 'inn: synthetimab\nindicationEn: Synthetic test disease\nid: synthetic-rapid-pdf\n');
      expect(await runImportForm([folder, '--out', out, '--updated', '2026-12-08'], io)).toBe(1);
      const printed = io.stdout.join('\n');
      const summary = printed.slice(printed.indexOf('Summary of 5 files:'));
      expect(summary).toMatch(/basiliximab-drawn-boxes\.pdf +written +\S+basiliximab-liver-transplant\.mdx +needs a look: \d+ oddities/);
      expect(summary).toMatch(/not-a-form\.pdf +failed +— +this does not look like a request form/);
      expect(summary).toMatch(/rapid-scheme-glyphs\.txt +written +\S+synthetic-rapid-text\.mdx +needs a look/);
      expect(summary).toMatch(/rapid-scheme-unreadable-box\.pdf +written +\S+synthetic-rapid-pdf\.mdx +needs a look: \d+ oddities/);
      expect(summary).toMatch(/scanned\.pdf +failed +— +the PDF has no text layer/);
      expect(summary).toMatch(/3 written, 0 unchanged, 0 checked \(dry run\), 2 failed; 3 of those imported need a look\./);
      expect(io.stderr.join('\n')).toMatch(/2 of 5 files failed/);
      expect(listFolder(out)).toEqual(['basiliximab-liver-transplant.mdx', 'synthetic-rapid-pdf.mdx', 'synthetic-rapid-text.mdx']);
    } finally {
      removeFolder(folder);
    }
  }, 60_000);

  it('imports the committed fixture folder in one command, with the options in each form’s .yaml', async () => {
    expect(await runImportForm([PDF, '--out', out, '--updated', '2026-12-08', '--dry-run'], io)).toBe(1);
    const printed = io.stdout.join('\n');
    expect(printed).toContain('Summary of 8 files:');
    expect(printed).toMatch(/4 checked \(dry run\), 4 failed; 4 of those imported need a look\./);
    for (const name of ['basiliximab-liver-transplant', 'basiliximab-drawn-boxes', 'rapid-scheme-wingdings', 'rapid-scheme-unreadable-box']) {
      expect(printed).toMatch(new RegExp(`${name}\\.pdf +checked `));
    }
    expect(listFolder(out)).toEqual([]);
  }, 60_000);

  it('refuses options that describe one form when several are imported', async () => {
    expect(await runImportForm([PDF, '--out', out, '--inn', 'basiliximab'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--inn describes one form, but several are imported; put them in a <form>\.yaml beside each file/);
  });

  it('names a bad options file and the key', async () => {
    const folder = createTemporaryFolder();
    try {
      copyFileSync(RAPID_TEXT, path.join(folder, 'form.txt'));
      writeFileSync(path.join(folder, 'form.yaml'), 'inn: synthetimab\nindication: Synthetic test disease\n');
      expect(await runImportForm([path.join(folder, 'form.txt'), '--out', out], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/form\.yaml: unknown key "indication"[\s\S]*use only id, inn, indicationEn, sourceUrl, sourceTitle/);
      writeFileSync(path.join(folder, 'form.yaml'), 'inn: synthetimab\nsourceUrl: example.org/form.pdf\n');
      expect(await runImportForm([path.join(folder, 'form.txt'), '--out', out], io)).toBe(1);
      expect(io.stderr.join('\n')).toMatch(/form\.yaml: sourceUrl must be an http\(s\) address, got "example\.org\/form\.pdf"\n {2}fix: correct the value in the options file/);
    } finally {
      removeFolder(folder);
    }
  });
});
