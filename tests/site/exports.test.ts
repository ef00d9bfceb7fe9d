/**
 * Checks over the open-data exports of the built site (run after `npm run build`): `/requests.json` validates
 * against `/requests.schema.json` and holds every content record unchanged, `/requests.csv` reads back with a
 * CSV parser to the records' summaries, and each `/requests/<id>.json` is its record.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/site.ts';
import { contentRegistries, loadRecord } from '../support/records.ts';
import { toRequestSummary } from '../../src/lib/request-summary.ts';
import { BOM, csvColumns, schemaDefs, toCsvRow, type ExportDocument } from '../../src/lib/exports.ts';

const registries = contentRegistries();

const dist = path.resolve(distDir);
const contentDir = path.join(process.env.OFFLABEL_CONTENT_DIR ?? 'content', 'requests');

function readDist(file: string): string {
  const full = path.join(dist, file);
  if (!existsSync(full)) throw new Error(`${full} is missing; run "npm run build" first`);
  return readFileSync(full, 'utf8');
}

const document = JSON.parse(readDist('requests.json')) as ExportDocument;
const schema = JSON.parse(readDist('requests.schema.json')) as Record<string, unknown>;
const site = new URL('/', document.schema);
const contentRecords = readdirSync(contentDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => loadRecord(path.join(contentDir, name), name.replace(/\.mdx$/, '')))
  .sort((a, b) => a.id.localeCompare(b.id));

function validator(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addSchema(schema);
  return ajv;
}

describe('/requests.json', () => {
  it('validates against /requests.schema.json (JSON Schema 2020-12)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = validator().getSchema(document.schema);
    if (!validate) throw new Error(`no schema with $id ${document.schema}`);
    expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('holds every content record, with its data as validated from the content file', () => {
    expect(document.count).toBe(contentRecords.length);
    expect(document.records.map((record) => record.id)).toEqual(contentRecords.map((record) => record.id));
    for (const [index, record] of document.records.entries()) expect(record.data).toEqual(contentRecords[index]?.data);
  });

  it('points every record to its pages in both languages, which exist', () => {
    for (const record of document.records) {
      for (const url of [record.url.ja, record.url.en]) {
        expect(url.startsWith(site.href)).toBe(true);
        expect(existsSync(path.join(dist, decodeURIComponent(new URL(url).pathname), 'index.html')), url).toBe(true);
      }
    }
  });

  it('says what licence applies', () => {
    expect(document.licence).toMatch(/CC BY 4\.0/);
    expect(document.licence).toMatch(/publishers/);
  });
});

describe('/requests/<id>.json', () => {
  it('is, for every request, the same record as in /requests.json and valid against the schema', () => {
    const validate = validator().getSchema(`${document.schema}#/$defs/${schemaDefs.exportRecord}`);
    if (!validate) throw new Error('no export record schema');
    for (const record of document.records) {
      const single = JSON.parse(readDist(new URL(record.url.json).pathname)) as unknown;
      expect(single).toEqual(record);
      expect(validate(single), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('/requests.csv', () => {
  const csv = readDist('requests.csv');
  const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });

  it('starts with a UTF-8 byte-order mark', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(readFileSync(path.join(dist, 'requests.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has the documented columns and one row per record', () => {
    expect(Object.keys(rows[0] ?? {})).toEqual([...csvColumns]);
    expect(rows.map((row) => row.id)).toEqual(document.records.map((record) => record.id));
  });

  it('reads back to the summaries of the records', () => {
    const expected = document.records.map((record) => toCsvRow(toRequestSummary(record, registries.requesters, registries.drugs, registries.companies), record.data, site));
    expect(rows).toEqual(expected);
  });
});
