/** `/sitemap.xml`: every page in both languages with hreflang alternates (see `src/lib/sitemap.ts`). */
import type { APIRoute } from 'astro';
import { buildSitemap, pagePathsFromRoutes, type RouteModule } from '../lib/sitemap.ts';
import { siteOf } from '../lib/site-url.ts';

// Every page route of the site, so that a new page is listed without editing this file.
const routes = import.meta.glob<RouteModule>('./**/*.astro', { eager: true });

/** The sitemap. */
export const GET: APIRoute = async ({ site }) =>
  new Response(buildSitemap(await pagePathsFromRoutes(routes), siteOf(site)), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
