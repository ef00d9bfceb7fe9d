/**
 * Test support: the real request record and a fixture summary record, parsed through the real schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { createDrugIndex, type DrugIndex } from '../../src/lib/drug-registry.ts';
import { createRequesterIndex, type RequesterIndex } from '../../src/lib/requester-registry.ts';
import { drugSchema } from '../../src/schemas/drug.ts';
import { companySchema } from '../../src/schemas/company.ts';
import { createCompanyIndex, type CompanyIndex } from '../../src/lib/company-registry.ts';
import { requesterSchema } from '../../src/schemas/requester.ts';
import { splitFrontmatter } from '../../src/lib/content-validation.ts';
import { requestSchema, type FormRecordData, type RequestData } from '../../src/schemas/request.ts';
import type { RequestRecord } from '../../src/lib/request-summary.ts';

/** Parses one content file through the schema. */
export function loadRecord(file: string, id: string): RequestRecord {
  const split = splitFrontmatter(file, readFileSync(file, 'utf8'));
  if ('message' in split) throw new Error(split.message);
  return { id, data: requestSchema.parse(split.data) };
}

/** The real basiliximab request (a full form). */
export function realRequest(): { id: string; data: FormRecordData } {
  const { id, data } = loadRecord('content/requests/basiliximab-liver-transplant.mdx', 'basiliximab-liver-transplant');
  if (data.kind !== 'form') throw new Error('expected a full form');
  return { id, data };
}

/** A fixture summary record (not real data). */
export function fixtureSummary(): { id: string; data: RequestData } {
  return loadRecord('tests/fixtures/content/valid-summary/requests/fixture-summary.mdx', 'fixture-summary');
}

/**
 * The real basiliximab form as the form alone states it: without the request number, round, working group and
 * history that the editors tied to it from list rows. For tests of how pages show metadata no source gives.
 */
export function realFormAlone(): { id: string; data: FormRecordData } {
  const { id, data } = realRequest();
  const alone: FormRecordData = { ...data, statusHistory: [] };
  delete alone.requestNumber;
  delete alone.round;
  delete alone.leadWg;
  delete alone.pediatricWg;
  return { id, data: alone };
}

/**
 * The requester, drug and company registries of a content folder, as the site builds them, so that tests project records
 * exactly as the pages do.
 */
export function contentRegistries(contentDir = 'content'): { requesters: RequesterIndex; drugs: DrugIndex; companies: CompanyIndex } {
  const read = <T>(folder: string, parse: (data: unknown) => T): { id: string; data: T }[] =>
    existsSync(path.join(contentDir, folder))
      ? readdirSync(path.join(contentDir, folder))
          .filter((name) => name.endsWith('.yaml'))
          .map((name) => ({ id: name.slice(0, -'.yaml'.length), data: parse(yaml.load(readFileSync(path.join(contentDir, folder, name), 'utf8'))) }))
      : [];
  const requesters = read('requesters', (data) => requesterSchema.parse(data)).map(({ id, data }) => ({ id, ...data }));
  const drugs = read('drugs', (data) => drugSchema.parse(data)).map(({ data }) => data);
  const companies = read('companies', (data) => companySchema.parse(data)).map(({ id, data }) => ({ id, ...data }));
  return { requesters: createRequesterIndex(requesters), drugs: createDrugIndex(drugs), companies: createCompanyIndex(companies) };
}
