/** `/requests.schema.json`: the JSON Schema of `/requests.json`, generated from the zod record schema. */
import type { APIRoute } from 'astro';
import { buildExportJsonSchema } from '../lib/exports.ts';
import { siteOf } from '../lib/site-url.ts';

/** The schema, pretty-printed. */
export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(buildExportJsonSchema(siteOf(site)), null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
