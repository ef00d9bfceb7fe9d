/**
 * Writes the open data of the requests when the build is done: `/requests/<id>.json`, one record per request,
 * and `/requests.json`, all of them in one document. Each record is made once (`toExportRecord`,
 * src/lib/exports.ts) and written to both; `/requests.json` is written record by record, so the build never
 * holds the whole document (70 MB of text at 10,000 requests). These files were Astro endpoints: a trip through
 * Astro's page pipeline per request, and the whole document as one object and one string. The content guard
 * has already validated the records. The dev server does not serve them; `npm run build` writes them.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ValidatedEntry } from '../lib/content-validation.ts';
import { exportDocumentWriter, exportPaths, requestJsonPath, toExportRecord } from '../lib/exports.ts';
import type { RequestRecord } from '../lib/request-summary.ts';
import { siteOf } from '../lib/site-url.ts';
import { createRequesterIndex, type RequesterIndex } from '../lib/requester-registry.ts';
import type { RequesterData } from '../schemas/requester.ts';
import { createDrugIndex, type DrugIndex } from '../lib/drug-registry.ts';
import type { DrugData } from '../schemas/drug.ts';
import { createCompanyIndex, type CompanyIndex } from '../lib/company-registry.ts';
import type { CompanyData } from '../schemas/company.ts';

/** Options of {@link requestJson}. */
export interface RequestJsonOptions {
  /** The valid request entries (from the content guard). */
  requests: () => readonly ValidatedEntry[];
  /** The valid requester-registry entries (from the content guard). */
  requesters: () => readonly ValidatedEntry[];
  /** The valid drug-registry entries (from the content guard). */
  drugs: () => readonly ValidatedEntry[];
  /** The valid company-registry entries (from the content guard). */
  companies: () => readonly ValidatedEntry[];
}

/** The file of one request's record, pretty-printed as the endpoint wrote it. */
export function requestJsonFile(entry: Pick<ValidatedEntry, 'id' | 'data'>, site: URL, requesters?: RequesterIndex, drugs?: DrugIndex, companies?: CompanyIndex): { path: string; text: string } {
  const record = toExportRecord({ id: entry.id, data: entry.data } as RequestRecord, site, requesters, drugs, companies);
  return { path: requestJsonPath(entry.id), text: `${JSON.stringify(record, null, 2)}\n` };
}

/** The integration. */
export function requestJson({ requests, requesters, drugs, companies }: RequestJsonOptions): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'offlabel:request-json',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // The order of the site's list and of the endpoint this replaces: by id.
        const entries = [...requests()].sort((a, b) => a.id.localeCompare(b.id));
        const index = createRequesterIndex(requesters().map((entry) => ({ id: entry.id, ...(entry.data as RequesterData) })));
        const drugIndex = createDrugIndex(drugs().map((entry) => entry.data as DrugData));
        const companyIndex = createCompanyIndex(companies().map((entry) => ({ id: entry.id, ...(entry.data as CompanyData) })));
        const base = siteOf(site);
        const documentWriter = exportDocumentWriter(entries.length, base, new Date());
        const document = openSync(path.join(outDir, exportPaths.json), 'w');
        try {
          writeSync(document, documentWriter.head);
          entries.forEach((entry, position) => {
            const record = toExportRecord({ id: entry.id, data: entry.data } as RequestRecord, base, index, drugIndex, companyIndex);
            const target = path.join(outDir, requestJsonPath(entry.id));
            mkdirSync(path.dirname(target), { recursive: true });
            writeFileSync(target, `${JSON.stringify(record, null, 2)}\n`);
            writeSync(document, documentWriter.record(record, position));
          });
          writeSync(document, documentWriter.tail);
        } finally {
          closeSync(document);
        }
        logger.info(`wrote ${entries.length} request records as JSON, one file each and ${exportPaths.json}`);
      },
    },
  };
}
