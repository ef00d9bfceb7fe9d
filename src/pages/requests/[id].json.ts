/** `/requests/<id>.json`: one request record, as it appears in `/requests.json`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allRequestEntries, type RequestEntry } from '../../lib/requests.ts';
import { toExportRecord } from '../../lib/exports.ts';
import { siteOf } from '../../lib/site-url.ts';

/** One file per request. */
export const getStaticPaths = (() => allRequestEntries.map((entry) => ({ params: { id: entry.id }, props: { entry } }))) satisfies GetStaticPaths;

/** The record, pretty-printed. */
export const GET: APIRoute<{ entry: RequestEntry }> = ({ props, site }) =>
  new Response(`${JSON.stringify(toExportRecord(props.entry, siteOf(site)), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
