/**
 * Writes `/requests/<id>.json`, one record per request (as it appears in `/requests.json`), when the build is
 * done. These files were an Astro endpoint each: 3,000 requests meant 3,000 trips through Astro's page pipeline
 * (routing, rendering a Response, writing), about a millisecond apiece for a `JSON.stringify`. The content
 * guard has already validated the records, and `toExportRecord` (src/lib/exports.ts) builds each one exactly as
 * the endpoint did.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ValidatedEntry } from '../lib/content-validation.ts';
import { requestJsonPath, toExportRecord } from '../lib/exports.ts';
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
        const entries = requests();
        const index = createRequesterIndex(requesters().map((entry) => ({ id: entry.id, ...(entry.data as RequesterData) })));
        const drugIndex = createDrugIndex(drugs().map((entry) => entry.data as DrugData));
        const companyIndex = createCompanyIndex(companies().map((entry) => ({ id: entry.id, ...(entry.data as CompanyData) })));
        for (const entry of entries) {
          const file = requestJsonFile(entry, siteOf(site), index, drugIndex, companyIndex);
          const target = path.join(outDir, file.path);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        logger.info(`wrote ${entries.length} request records as JSON`);
      },
    },
  };
}
