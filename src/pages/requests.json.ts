/** `/requests.json`: every request record, documented (see `src/lib/exports.ts` and `/data/`). */
import type { APIRoute } from 'astro';
import { allRequestEntries } from '../lib/requests.ts';
import { buildExportDocument } from '../lib/exports.ts';
import { siteOf } from '../lib/site-url.ts';
import { requesterIndex } from '../lib/requesters.ts';
import { drugIndex } from '../lib/drugs.ts';
import { companyIndex } from '../lib/companies.ts';

/** The document, pretty-printed. */
export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(buildExportDocument(allRequestEntries, siteOf(site), new Date(), requesterIndex, drugIndex, companyIndex), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
