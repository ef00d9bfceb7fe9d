import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequestForm } from './parse-form.ts';
import { formatReport, ImportError } from './report.ts';
import { buildSyntheticForm } from './testing/synthetic-form.ts';

const REAL_FORM = 'tests/fixtures/forms/basiliximab-liver-transplant.txt';
const RAPID_FORM = 'tests/fixtures/import/rapid-scheme-glyphs.txt';

function parseFile(file: string): ReturnType<typeof parseRequestForm> {
  return parseRequestForm(file, readFileSync(file, 'utf8'));
}

function oddities(result: ReturnType<typeof parseRequestForm>): string[] {
  return result.report.oddities.map((odd) => `${odd.line ?? '-'} ${odd.field}: ${odd.message}`);
}

describe('parseRequestForm on the real form', () => {
  const result = parseFile(REAL_FORM);
  const { form } = result;

  it('reads the requester, the drug and the classification from the checkbox table', () => {
    expect(form.requester).toEqual({ type: 'academicSociety', name: '日本移植学会' });
    expect(form.drug.genericName).toBe('バシリキシマブ (抗 CD25 抗体製剤 : 遺伝子組換え) 静注用');
    expect(form.classification).toBe('offLabel');
    expect(form.classificationSubtype).toBe('offLabel.other');
    expect(form.priority).toEqual({ rank: 1, outOf: 5 });
  });

  it('reports the lost usefulness ウ checkbox with its line and leaves it unset', () => {
    expect(form.necessity.usefulness.ticked).toEqual({ A: true, B: false });
    expect(oddities(result)).toContain('25 form.necessity.usefulness.ticked.C: usefulness ウ: checkbox not found in the text; left unset');
  });

  it('drops the orphan cell of a label split by a page break and says so', () => {
    expect(form.requestedIndication.split('\n')).toHaveLength(4);
    expect(form.requestedIndication).not.toContain('する。)');
    expect(oddities(result).some((line) => line.startsWith('18 form.requestedIndication: orphan cell "する。)"'))).toBe(true);
  });

  it('keeps the form’s own quirks: the duplicated bullet, 肝機能 vs 腎機能, mismatched reference numbers', () => {
    const dosage = form.requestedDosage.split('\n');
    expect(dosage[1]).toBe(dosage[2]);
    expect(form.requestedIndication).toContain('肝機能低下例');
    expect(form.literature?.reviews?.items[0]?.refNo).toBe(8);
    expect(form.references.find((reference) => reference.refNo === 3)?.citation).toMatch(/^Neuhus P/);
  });

  it('reads <推定方法> written as &lt;推定方法&gt; as the marker, not as text', () => {
    expect(form.orphan?.estimatedPatients).toBe('200-250');
    expect(form.orphan?.estimationMethod).toMatch(/^現在国内では年間約 450-500 例/);
  });

  it('gives one row per country in the form’s order, merging the table the extraction printed three times', () => {
    expect(form.foreignApprovals.map((row) => row.country)).toEqual(['US', 'UK', 'DE', 'FR', 'CA', 'AU']);
    expect(form.foreignApprovals.every((row) => row.approved === false && row.brandAndCompany === '承認なし')).toBe(true);
    expect(form.foreignStandardUse.find((row) => row.country === 'CA')?.used).toBe(true);
    expect(form.foreignStandardUse.find((row) => row.country === 'CA')?.guidelineEvidence.map((citation) => citation.refNo)).toEqual([2, 3]);
    expect(oddities(result).some((line) => line.includes('米国 appear 3 times'))).toBe(true);
  });

  it('reads the literature search, studies under their headings, and the reference list', () => {
    const literature = form.literature;
    expect(literature?.search).toMatchObject({ database: 'PubMed', searchDate: '2013-11-07', hitCount: 139, query: '(Basiliximab) AND (“liver transplantation)' });
    expect(literature?.studies.map((study) => study.heading ?? study.region)).toEqual([
      'overseas',
      'overseas',
      'overseas',
      '①北海道大学の経験',
      '②C型肝炎陽性例での経験 i) 大阪大学：',
      '②C型肝炎陽性例での経験 ii) 東京大学：',
      '③腎機能障害例での経験',
    ]);
    expect(literature?.guidelines?.overseas[0]).toMatchObject({ refNo: 12, location: '35 頁', url: 'http://www.bts.org.uk/transplantation/immunosuppression/' });
    expect(form.references).toHaveLength(14);
    expect(form.attachments[6]).toEqual({ marker: '⑦', label: '豪州添付文書' });
  });

  it('prints each field found and each oddity with its source line', () => {
    const printed = formatReport(result.report, 'report');
    expect(printed).toMatch(/line 9 +form\.requester\.type = academicSociety/);
    expect(printed).toMatch(/Blank on the form, left out \(2\):[\s\S]*form\.requestNotes/);
    expect(printed).toMatch(/line 25 +form\.necessity\.usefulness\.ticked\.C: usefulness ウ: checkbox not found in the text; left unset/);
  });
});

describe('parseRequestForm on the known variants', () => {
  it('reads the rapid-scheme form 別添様式1-2 with glyph checkboxes, its sub-types and its wording', () => {
    const result = parseFile(RAPID_FORM);
    expect(result.form.version).toBe('betten1-2');
    expect(result.form.requester).toEqual({ type: 'patientGroup', name: '合成テスト患者会' });
    expect(result.form.classification).toBe('rapid');
    expect(result.form.classificationSubtype).toBe('rapid.publishedExcellentResults');
    expect(result.form.necessity.seriousness.ticked).toEqual({ A: true, B: false, C: false });
    expect(result.form.necessity.usefulness.ticked).toEqual({ A: false, B: true, C: false });
    expect(result.form.drug.company).toBe('サンプル薬品株式会社');
    expect(result.form.requestNotes).toBe('p<0.05 と {体重} は字句どおり');
  });

  it('rebuilds a table whose countries are out of order, split across lines, and named 豪国', () => {
    const { form } = parseFile(RAPID_FORM);
    expect(form.foreignApprovals.map((row) => [row.country, row.brandAndCompany])).toEqual([
      ['US', '承認なし'],
      ['UK', '承認なし'],
      ['DE', '承認なし'],
      ['FR', '承認なし'],
      ['CA', '承認なし'],
      ['AU', '承認なし'],
    ]);
  });

  it('leaves a lost country checkbox unset and reports it', () => {
    const result = parseFile(RAPID_FORM);
    expect(result.form.foreignStandardUse.find((row) => row.country === 'UK')).toBeUndefined();
    expect(oddities(result)).toContain('37 form.foreignStandardUse.UK: 英国: checkbox not found in the text; left unset');
  });

  it('reads the same form alike whether its boxes are inputs or glyphs', () => {
    expect(parseRequestForm('a', buildSyntheticForm({}, 'glyph')).form).toEqual(parseRequestForm('b', buildSyntheticForm({}, 'input')).form);
  });

  it('accepts 致命的 and 致死的, and 欧米 as well as 欧米等, reporting the older wording', () => {
    const older = buildSyntheticForm().replace('致死的な疾患', '致命的な疾患').replace('イ 欧米等の臨床試験', 'イ 欧米の臨床試験');
    const result = parseRequestForm('x', older);
    expect(result.form.necessity.seriousness.ticked.A).toBe(false);
    expect(result.form.necessity.usefulness.ticked.B).toBe(false);
    expect(oddities(result).filter((line) => line.includes('known variant'))).toHaveLength(2);
  });

  it('refuses a form with no ticked classification and says how to mark it', () => {
    const unticked = buildSyntheticForm().replace(/<input checked="" type="checkbox"\/> (適応外薬|上記以外のもの)/g, '<input type="checkbox"/> $1');
    expect(() => parseRequestForm('x.txt', unticked)).toThrow(ImportError);
    expect(() => parseRequestForm('x.txt', unticked)).toThrow(/classification .* cannot be read/);
  });
});

describe('parseRequestForm on input that is not a whole form', () => {
  it('says that meeting minutes are not a request form', () => {
    expect(() => parseFile('tests/fixtures/import/not-a-form.txt')).toThrow(/does not look like a request form/);
  });

  it('names the whole sections a truncated form is missing', () => {
    const text = readFileSync(REAL_FORM, 'utf8');
    const truncated = text.slice(0, text.indexOf('#### 4.'));
    expect(() => parseRequestForm('cut.txt', truncated)).toThrow(/missing 3 whole sections: "4\. 実施すべき試験の種類とその方法案", "5\. 備考", "6\. 参考文献一覧"/);
  });

  it('refuses a form whose section heading appears twice, naming both lines', () => {
    const doubled = `${buildSyntheticForm()}\n#### 5. 備考\n\nまた備考\n`;
    expect(() => parseRequestForm('x.txt', doubled)).toThrow(/"5\. 備考" appears twice \(lines \d+ and \d+\)/);
  });
});
