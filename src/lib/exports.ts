/**
 * The open-data exports: `/requests.json` (every record), `/requests/<id>.json` (one record),
 * `/requests.schema.json` (its JSON Schema, generated from the zod schema) and `/requests.csv` (one row per
 * request, from the summary projection). Pure: the route files pass in the records and the site address, so
 * every function is unit-tested without a build. Documented for readers in `docs/open-data.md`.
 */
import { z } from 'astro/zod';
import { stringify } from 'csv-stringify/sync';
import { requestSchema, type RequestData } from '../schemas/request.ts';
import { localizedPath, withBase } from '../i18n/index.ts';
import type { RequestRecord, RequestSummary } from './request-summary.ts';
import type { RequesterIndex } from './requester-registry.ts';
import type { DrugIndex } from './drug-registry.ts';
import type { CompanyIndex } from './company-registry.ts';

/** Site paths of the export files. */
export const exportPaths = {
  json: '/requests.json',
  schema: '/requests.schema.json',
  csv: '/requests.csv',
  feed: '/feed.xml',
  sitemap: '/sitemap.xml',
  vocabularies: '/vocabularies.json',
} as const;

/**
 * `/vocabularies.json`: every closed vocabulary the records use (status, classification, working group, round,
 * therapeutic area …), each code with its Japanese and English label, so that the codes in `/requests.json`
 * and `/requests.csv` can be read without the site.
 */
export function buildVocabularyDocument(registry: Readonly<Record<string, { entries: readonly { code: string; ja: string; en: string }[] }>>): Record<string, { code: string; ja: string; en: string }[]> {
  return Object.fromEntries(Object.entries(registry).map(([name, vocabulary]) => [name, vocabulary.entries.map(({ code, ja, en }) => ({ code, ja, en }))]));
}

/** Attribution name for the site's own compilation (CC BY 4.0). */
export const ATTRIBUTION = 'offlabel-jp';

/** The licence note carried by `/requests.json`; the data page says the same in both languages. */
export const LICENCE_NOTE =
  'Each record lists its sources; text transcribed from those sources remains under the terms of its publishers. ' +
  `The compilation and the site's own editorial text (summaries, notes, schema) are offered under CC BY 4.0 ` +
  `(https://creativecommons.org/licenses/by/4.0/) with attribution "${ATTRIBUTION}". The site's code is MIT-licensed.`;

/** An absolute URL of a site path: `absoluteUrl('/requests/', site)` → `https://example.org/requests/`. */
export function absoluteUrl(pathname: string, site: URL | string): string {
  return new URL(withBase(pathname), site).href;
}

/** The site path of one request's JSON file. */
export function requestJsonPath(id: string): string {
  return `/requests/${id}.json`;
}

/** One record as exported: its id, addresses and validated data as in its content file. */
export interface ExportRecord {
  /** Entry id (the content file name without `.mdx`). */
  id: string;
  /** Absolute addresses of the record's pages and of its own JSON file. */
  url: { ja: string; en: string; json: string };
  /** The requesters the record names, resolved through the requester registry, with their names in both languages. */
  requesters: ExportRequester[];
  /** The companies the record names, resolved through the company registry, with their names in both languages. */
  companies: ExportCompany[];
  /** What the drug registry gives for the record's ingredient: WHO ATC codes and English brand names. */
  ingredient: { atc: string[]; brandNamesEn: string[] };
  /** The validated record, as the schema outputs it. */
  data: RequestData;
}

/** A requester of an exported record, from the requester registry. */
export interface ExportRequester {
  /** Registry id. */
  id: string;
  /** Japanese name. */
  ja: string;
  /** English name. */
  en: string;
  /** `own`: the organisation's own English name; `editors`: the editors' translation. */
  enOrigin: 'own' | 'editors';
  /** Requester type (a code of the requester-type vocabulary). */
  type: string;
}

/** A company of an exported record, from the company registry. */
export type ExportCompany = Omit<ExportRequester, 'type'>;

/** The whole `/requests.json` document. */
export interface ExportDocument {
  /** Absolute URL of the JSON Schema this document conforms to. */
  schema: string;
  /** Date the file was built (YYYY-MM-DD). */
  generated: string;
  /** Number of records. */
  count: number;
  /** Licence and attribution. */
  licence: string;
  /** Every record, by id. */
  records: ExportRecord[];
}

/** Projects a record to its exported form; the registries resolve its requester and company names and add its ingredient's codes. */
export function toExportRecord({ id, data }: RequestRecord, site: URL | string, requesters?: RequesterIndex, drugs?: DrugIndex, companies?: CompanyIndex): ExportRecord {
  const registered = drugs?.(data.drug.inn);
  const path = `/requests/${id}/`;
  const cell = data.kind === 'form' ? data.form.requester.name : data.listRow.requesterName;
  return {
    id,
    url: { ja: absoluteUrl(path, site), en: absoluteUrl(localizedPath(path, 'en'), site), json: absoluteUrl(requestJsonPath(id), site) },
    requesters: (requesters?.resolve(cell).entries ?? []).map(({ id: requesterId, ja, en, enOrigin, type }) => ({ id: requesterId, ja, en, enOrigin, type })),
    companies: (companies?.resolve(data.kind === 'form' ? data.form.drug.company : data.listRow.company).entries ?? []).map(({ id: companyId, ja, en, enOrigin }) => ({ id: companyId, ja, en, enOrigin })),
    ingredient: { atc: [...(registered?.atc ?? [])], brandNamesEn: [...(registered?.brandNames ?? [])] },
    data,
  };
}

/** Builds the `/requests.json` document. `generated` is the build date. */
export function buildExportDocument(records: readonly RequestRecord[], site: URL | string, generated: Date, requesters?: RequesterIndex, drugs?: DrugIndex, companies?: CompanyIndex): ExportDocument {
  return {
    schema: absoluteUrl(exportPaths.schema, site),
    generated: generated.toISOString().slice(0, 10),
    count: records.length,
    licence: LICENCE_NOTE,
    records: records.map((record) => toExportRecord(record, site, requesters, drugs, companies)),
  };
}

/**
 * `/requests.json` written piece by piece: the document's head, each record's text, and the end. Joined, the
 * pieces are byte for byte `JSON.stringify(buildExportDocument(…), null, 2)` plus a final newline, but the
 * build never holds the whole document as one object or one string, and each record is made once for both
 * `/requests.json` and its own `/requests/<id>.json` (`src/integrations/request-json.ts`).
 */
export function exportDocumentWriter(count: number, site: URL | string, generated: Date): { head: string; record: (record: ExportRecord, index: number) => string; tail: string } {
  const empty = JSON.stringify({ ...buildExportDocument([], site, generated), count }, null, 2);
  if (!empty.endsWith('"records": []\n}')) throw new Error('the export document no longer ends with its records');
  if (count === 0) return { head: `${empty}\n`, record: () => '', tail: '' };
  return {
    head: `${empty.slice(0, -'[]\n}'.length)}[\n`,
    record: (record, index) => `${index === 0 ? '' : ',\n'}${JSON.stringify(record, null, 2).replace(/^/gm, '    ')}`,
    tail: '\n  ]\n}\n',
  };
}

/** The JSON Schema of an entry of a name registry (requester, company) as an exported record names it. */
function registryNameSchema(kind: string, owner: string, extra: Record<string, { type: string; description: string }> = {}): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      id: { type: 'string', description: `Registry id of the ${kind}.` },
      ja: { type: 'string', description: 'Japanese name.' },
      en: { type: 'string', description: 'English name.' },
      enOrigin: { enum: ['own', 'editors'], description: `own: the ${owner}’s own English name; editors: the editors’ translation.` },
      ...extra,
    },
    required: ['id', 'ja', 'en', 'enOrigin', ...Object.keys(extra)],
    additionalProperties: false,
  };
}

/** JSON Schema `$defs` keys of the wrapped schema. */
export const schemaDefs = { record: 'requestRecord', exportRecord: 'exportRecord' } as const;

/**
 * The JSON Schema (draft 2020-12) of `/requests.json`, generated from the zod record schema (`io: 'output'`,
 * the validated shape) and wrapped so that it describes the whole document. The record schema is
 * `#/$defs/requestRecord`; one exported record (also each `/requests/<id>.json`) is `#/$defs/exportRecord`.
 */
export function buildExportJsonSchema(site: URL | string): Record<string, unknown> {
  const generated = z.toJSONSchema(requestSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  // Hoist any definitions zod emitted, so that their `#/$defs/…` references still resolve from the root.
  const { $schema, $defs, ...recordSchema } = generated as { $schema?: string; $defs?: Record<string, unknown> } & Record<string, unknown>;
  const url = { type: 'string', format: 'uri' };
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(exportPaths.schema, site),
    title: 'offlabel-jp requests',
    description: `Every request record of offlabel-jp (${absoluteUrl('/', site)}). ${LICENCE_NOTE}`,
    type: 'object',
    properties: {
      schema: { ...url, description: 'Address of this JSON Schema.' },
      generated: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Build date of the file (YYYY-MM-DD).' },
      count: { type: 'integer', minimum: 0, description: 'Number of records.' },
      licence: { type: 'string', description: 'Licence and attribution.' },
      records: { type: 'array', items: { $ref: `#/$defs/${schemaDefs.exportRecord}` }, description: 'Every record, by id.' },
    },
    required: ['schema', 'generated', 'count', 'licence', 'records'],
    additionalProperties: false,
    $defs: {
      ...$defs,
      [schemaDefs.exportRecord]: {
        type: 'object',
        description: 'One request: its id, the addresses of its pages and JSON file, and its validated record.',
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]+$', description: 'Entry id (content file name without .mdx).' },
          url: {
            type: 'object',
            description: 'Absolute addresses of the record’s Japanese and English pages and of its own JSON file.',
            properties: {
              ja: { ...url, description: 'Japanese page.' },
              en: { ...url, description: 'English page.' },
              json: { ...url, description: 'This record as its own JSON file.' },
            },
            required: ['ja', 'en', 'json'],
            additionalProperties: false,
          },
          requesters: {
            type: 'array',
            description: 'The requesters the record names, resolved through the requester registry (content/requesters/), with one name per organisation in both languages.',
            items: registryNameSchema('requester', 'organisation', { type: { type: 'string', description: 'Requester type: a code of /vocabularies.json (requester type).' } }),
          },
          companies: {
            type: 'array',
            description: 'The companies the record names, resolved through the company registry (content/companies/), with one name per company in both languages.',
            items: registryNameSchema('company', 'company'),
          },
          ingredient: {
            type: 'object',
            description: 'What the drug registry (content/drugs/) gives for the ingredient, each read on a cited page.',
            properties: {
              atc: { type: 'array', items: { type: 'string' }, description: 'WHO ATC codes of the ingredient; empty when none was confirmed.' },
              brandNamesEn: { type: 'array', items: { type: 'string' }, description: 'English brand names of the ingredient; empty when none was confirmed.' },
            },
            required: ['atc', 'brandNamesEn'],
            additionalProperties: false,
          },
          data: { $ref: `#/$defs/${schemaDefs.record}`, description: `The validated record, exactly as in its content file; every code (status, classification, working group …) is labelled in both languages in ${exportPaths.vocabularies}.` },
        },
        required: ['id', 'url', 'requesters', 'companies', 'ingredient', 'data'],
        additionalProperties: false,
      },
      [schemaDefs.record]: { description: 'A validated request record (src/schemas/request.ts).', ...recordSchema },
    },
  };
}

/** The CSV columns, in order: header name and how to read the value from a summary and its record. */
export const csvColumns = [
  'id',
  'request_number',
  'drug_ja',
  'inn',
  'atc',
  'brand_names',
  'brand_names_en',
  'requested_indication',
  'indication_en',
  'requester',
  'requester_en',
  'requester_ids',
  'requester_type',
  'company',
  'company_en',
  'classification',
  'round',
  'scheme',
  'lead_wg',
  'pediatric_wg',
  'status',
  'status_date',
  'record_kind',
  'approved_in',
  'updated',
  'page_url',
  'page_url_en',
  'sources',
] as const;

/** A CSV column name. */
export type CsvColumn = (typeof csvColumns)[number];

/** Separator of several values in one CSV cell (brand names, countries). */
export const CSV_LIST_SEPARATOR = '; ';

/** A boolean as a CSV cell: `true`, `false`, or empty when unknown. */
function booleanCell(value: boolean | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * One CSV row of a request, from its summary (the one projection every view reads) and, for the sources
 * column only, its record. Unknown values are empty cells; sources are one per line, as `title <url>`.
 */
export function toCsvRow(summary: RequestSummary, data: RequestData, site: URL | string): Record<CsvColumn, string> {
  return {
    id: summary.id,
    request_number: summary.requestNumber ?? '',
    drug_ja: summary.drug.ingredient,
    inn: summary.drug.inn,
    atc: summary.drug.atc.join(CSV_LIST_SEPARATOR),
    brand_names: summary.drug.brandNames.join(CSV_LIST_SEPARATOR),
    brand_names_en: summary.drug.brandNamesEn.join(CSV_LIST_SEPARATOR),
    requested_indication: summary.indication ?? '',
    indication_en: summary.indicationEn ?? '',
    requester: summary.requester.name ?? '',
    requester_en: summary.requester.entries.map((entry) => entry.en).join(CSV_LIST_SEPARATOR),
    requester_ids: summary.requester.entries.map((entry) => entry.id).join(CSV_LIST_SEPARATOR),
    requester_type: summary.requester.type ?? '',
    company: summary.company ?? '',
    company_en: summary.companies.map((entry) => entry.en).join(CSV_LIST_SEPARATOR),
    classification: summary.classification ?? '',
    round: summary.round ?? '',
    scheme: summary.scheme ?? '',
    lead_wg: summary.leadWg ?? '',
    pediatric_wg: booleanCell(summary.pediatricWg),
    status: summary.status ?? '',
    status_date: summary.statusDate ?? '',
    record_kind: summary.kind,
    approved_in: summary.approvedIn.join(CSV_LIST_SEPARATOR),
    updated: summary.updated,
    page_url: absoluteUrl(summary.path, site),
    page_url_en: absoluteUrl(localizedPath(summary.path, 'en'), site),
    sources: data.sources.map((source) => (source.url ? `${source.title} <${source.url}>` : source.title)).join('\n'),
  };
}

/** The byte-order mark that makes Excel read the CSV as UTF-8. */
export const BOM = '\uFEFF';

/** Writes the CSV (with header and BOM, CRLF line ends as RFC 4180 says) of the requests. */
export function buildCsv(rows: readonly { summary: RequestSummary; data: RequestData }[], site: URL | string): string {
  return (
    BOM +
    stringify(
      rows.map(({ summary, data }) => toCsvRow(summary, data, site)),
      // Quote every cell with a line break: with CRLF record ends, a bare LF inside a cell would otherwise be
      // written unquoted and split the row for every CSV reader.
      { header: true, columns: [...csvColumns], record_delimiter: 'windows', quoted_match: /[\r\n]/ },
    )
  );
}
