/** `/requests.csv`: one row per request, UTF-8 with BOM (see `src/lib/exports.ts` and `/data/`). */
import type { APIRoute } from 'astro';
import { allRequestsWithSummaries } from '../lib/requests.ts';
import { buildCsv } from '../lib/exports.ts';
import { siteOf } from '../lib/site-url.ts';

/** The CSV. */
export const GET: APIRoute = ({ site }) =>
  new Response(buildCsv(allRequestsWithSummaries.map(({ entry, summary }) => ({ summary, data: entry.data })), siteOf(site)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
