import { parse } from 'csv-parse/sync';
import { createCompanyIndex } from './company-registry.ts';
import { createRequesterIndex } from './requester-registry.ts';
import { vocabularyRegistry } from '../data/vocabulary.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixtureSummary, realFormAlone } from '../../tests/support/records.ts';
import { toRequestSummary } from './request-summary.ts';
import {
  BOM,
  absoluteUrl,
  buildCsv,
  buildExportDocument,
  buildExportJsonSchema,
  buildVocabularyDocument,
  csvColumns,
  exportDocumentWriter,
  requestJsonPath,
  toCsvRow,
  toExportRecord,
} from './exports.ts';

const site = new URL('https://example.org');
const records = [realFormAlone(), fixtureSummary()];

function validator(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv;
}

describe('absoluteUrl', () => {
  it('joins a site path to the site address', () => {
    expect(absoluteUrl('/en/requests/x/', site)).toBe('https://example.org/en/requests/x/');
    expect(requestJsonPath('x')).toBe('/requests/x.json');
  });
});

describe('the JSON export', () => {
  it('gives each record its id, both page addresses, its JSON file and its data unchanged', () => {
    const real = realFormAlone();
    expect(toExportRecord(real, site)).toEqual({
      id: real.id,
      url: {
        ja: `https://example.org/requests/${real.id}/`,
        en: `https://example.org/en/requests/${real.id}/`,
        json: `https://example.org/requests/${real.id}.json`,
      },
      requesters: [],
      companies: [],
      ingredient: { atc: [], brandNamesEn: [] },
      data: real.data,
    });
  });

  it('names the record’s company in both languages when the company registry knows it', () => {
    const real = realFormAlone();
    const company = real.data.form.drug.company ?? '';
    expect(company).not.toBe('');
    const registry = createCompanyIndex([{ id: 'the-company', ja: company, en: 'The Company K.K.', enOrigin: 'own', aliases: [] }]);
    expect(toExportRecord(real, site, undefined, undefined, registry).companies).toEqual([{ id: 'the-company', ja: company, en: 'The Company K.K.', enOrigin: 'own' }]);
  });

  it('names the record’s requesters in both languages when the registry knows them', () => {
    const real = realFormAlone();
    const registry = createRequesterIndex([{ id: 'jst', ja: '日本移植学会', en: 'The Japan Society for Transplantation', enOrigin: 'own', type: 'academicSociety', aliases: [] }]);
    expect(toExportRecord(real, site, registry).requesters).toEqual([{ id: 'jst', ja: '日本移植学会', en: 'The Japan Society for Transplantation', enOrigin: 'own', type: 'academicSociety' }]);
  });

  it('documents the whole file: schema address, build date, count and licence', () => {
    const document = buildExportDocument(records, site, new Date('2026-11-22T10:00:00Z'));
    expect(document).toMatchObject({ schema: 'https://example.org/requests.schema.json', generated: '2026-11-22', count: 2 });
    expect(document.licence).toContain('CC BY 4.0');
    expect(document.licence).toContain('offlabel-jp');
    expect(document.records.map((record) => record.id)).toEqual(records.map((record) => record.id));
  });

  it('validates against the JSON Schema generated from the zod schema', () => {
    const ajv = validator();
    const validate = ajv.compile(buildExportJsonSchema(site));
    const document = JSON.parse(JSON.stringify(buildExportDocument(records, site, new Date()))) as unknown;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('explains every property of every object in English, so the schema documents meanings, not only types', () => {
    const schema = buildExportJsonSchema(site);
    const undocumented: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, index) => { walk(item, `${at}[${index}]`); });
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const object = node as Record<string, unknown>;
      const properties = object.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== 'string' || property.description.length < 5) undocumented.push(`${at}.${name}`);
      }
      for (const [key, value] of Object.entries(object)) walk(value, `${at}.${key}`);
    };
    walk(schema, '#');
    expect(undocumented).toEqual([]);
  });

  it('rejects a record that breaks the record schema', () => {
    const validate = validator().compile(buildExportJsonSchema(site));
    const document = buildExportDocument(records, site, new Date());
    const broken = JSON.parse(JSON.stringify(document)) as { records: { data: Record<string, unknown> }[] };
    const first = broken.records[0];
    if (!first) throw new Error('no record');
    first.data.unexpected = 1;
    expect(validate(broken)).toBe(false);
  });
});

describe('the CSV export', () => {
  it('starts with a BOM and has a header and one row per request, whose cells read back as written', () => {
    const rows = records.map((record) => ({ summary: toRequestSummary(record), data: record.data }));
    const csv = buildCsv(rows, site);
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(Object.keys(parsed[0] ?? {})).toEqual([...csvColumns]);
    expect(parsed).toEqual(rows.map(({ summary, data }) => toCsvRow(summary, data, site)));
  });

  it('quotes every cell with a line break, so a reader that ends records at any line break still sees one row per request', () => {
    const rows = records.map((record) => ({ summary: toRequestSummary(record), data: record.data }));
    expect(rows.some(({ summary }) => summary.indication?.includes('\n'))).toBe(true);
    const csv = buildCsv(rows, site).replaceAll('\r\n', '\n');
    const parsed: string[][] = parse(csv, { bom: true, record_delimiter: '\n', relax_column_count: false });
    expect(parsed).toHaveLength(rows.length + 1);
    expect(parsed.every((row) => row.length === csvColumns.length)).toBe(true);
  });

  it('writes unknown values as empty cells and lists as "; "-separated values', () => {
    const real = realFormAlone();
    const row = toCsvRow(toRequestSummary(real), real.data, site);
    expect(row).toMatchObject({ id: real.id, drug_ja: 'バシリキシマブ', inn: 'basiliximab', brand_names: 'シムレクト', record_kind: 'form', status: '' });
    expect(row.page_url).toBe(`https://example.org/requests/${real.id}/`);
    expect(row.sources.split('\n')).toHaveLength(real.data.sources.length);
  });
});

describe('the vocabularies', () => {
  it('label every code of every vocabulary in both languages', () => {
    const document = buildVocabularyDocument(vocabularyRegistry);
    expect(document.Status?.find((entry) => entry.code === 'approved')).toEqual({ code: 'approved', ja: '承認済み', en: 'Approved' });
    expect(Object.keys(document)).toEqual(expect.arrayContaining(['Status', 'Classification', 'WorkingGroup', 'Round', 'TherapeuticArea', 'RequesterType']));
    for (const entries of Object.values(document)) for (const entry of entries) expect(entry.ja && entry.en).toBeTruthy();
  });
});

describe('exportDocumentWriter', () => {
  it('writes /requests.json piece by piece, byte for byte as the whole document pretty-printed', () => {
    const generated = new Date('2026-12-08T00:00:00Z');
    for (const count of [0, 1, 2]) {
      const chosen = records.slice(0, count);
      const writer = exportDocumentWriter(count, site, generated);
      const pieces = chosen.map((record, index) => writer.record(toExportRecord(record, site), index));
      expect(`${writer.head}${pieces.join('')}${writer.tail}`).toBe(`${JSON.stringify(buildExportDocument(chosen, site, generated), null, 2)}\n`);
    }
  });
});
