import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixtureSummary, realRequest } from '../../tests/support/records.ts';
import { toRequestSummary } from './request-summary.ts';
import {
  BOM,
  absoluteUrl,
  buildCsv,
  buildExportDocument,
  buildExportJsonSchema,
  csvColumns,
  requestJsonPath,
  toCsvRow,
  toExportRecord,
} from './exports.ts';

const site = new URL('https://example.org');
const records = [realRequest(), fixtureSummary()];

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
    const real = realRequest();
    expect(toExportRecord(real, site)).toEqual({
      id: real.id,
      url: {
        ja: `https://example.org/requests/${real.id}/`,
        en: `https://example.org/en/requests/${real.id}/`,
        json: `https://example.org/requests/${real.id}.json`,
      },
      data: real.data,
    });
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

  it('writes unknown values as empty cells and lists as "; "-separated values', () => {
    const real = realRequest();
    const row = toCsvRow(toRequestSummary(real), real.data, site);
    expect(row).toMatchObject({ id: real.id, drug_ja: 'バシリキシマブ', inn: 'basiliximab', brand_names: 'シムレクト', record_kind: 'form', status: '' });
    expect(row.page_url).toBe(`https://example.org/requests/${real.id}/`);
    expect(row.sources.split('\n')).toHaveLength(real.data.sources.length);
  });
});
