/**
 * The sitemap, `/sitemap.xml`: every HTML page of the site in both languages, each with its
 * `xhtml:link rel="alternate" hreflang` pairs (ja, en, and x-default → ja). The page list comes from the route
 * files themselves (`pagePathsFromRoutes`), so a new page is listed without touching this module.
 */
import { escapeXml } from './atom-feed.ts';
import { absoluteUrl } from './exports.ts';
import { localizedPath } from '../i18n/index.ts';

/** What the sitemap needs of a route module: its `getStaticPaths`, when the route is dynamic. */
export interface RouteModule {
  /** Astro's static paths of a dynamic route. */
  getStaticPaths?: () => unknown;
}

/** Route files that are not pages of the site (the 404 page is served for any missing address). */
const NOT_LISTED = new Set(['/404/']);

/**
 * The site path of a route file (relative to `src/pages/`, as `./en/[kind]/[slug].astro`, or a path containing
 * `/pages/`) filled with its parameters: `./en/[kind]/[slug].astro` + `{ kind: 'drugs', slug: 'x' }` → `/en/drugs/x/`.
 */
export function routePath(file: string, params: Record<string, string | number | undefined> = {}): string {
  const pattern = file
    .replace(/^(?:.*?\/pages\/|\.\/)/, '/')
    .replace(/\.astro$/, '')
    .replace(/(^|\/)index$/, '$1');
  const filled = pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined && !rest) throw new Error(`Route ${file} has no value for [${name}]`);
    return value === undefined ? '' : String(value);
  });
  const path = `/${filled}/`.replace(/\/{2,}/g, '/');
  return path;
}

/** Whether a `getStaticPaths` result item has params. */
function paramsOf(item: unknown): Record<string, string | number | undefined> {
  if (typeof item === 'object' && item !== null && 'params' in item && typeof item.params === 'object' && item.params !== null) {
    return item.params as Record<string, string | number | undefined>;
  }
  throw new Error('getStaticPaths returned an item without params');
}

/**
 * Every page path of the site from its route modules (file → module, as `import.meta.glob` gives them): a
 * static route is one page, a dynamic route one page per static path. The 404 page is left out. Sorted.
 */
export async function pagePathsFromRoutes(modules: Record<string, RouteModule>): Promise<string[]> {
  const paths = new Set<string>();
  for (const [file, module] of Object.entries(modules)) {
    if (!/\[[^\]]+\]/.test(file)) {
      paths.add(routePath(file));
      continue;
    }
    if (!module.getStaticPaths) throw new Error(`Dynamic route ${file} has no getStaticPaths`);
    const items = await Promise.resolve(module.getStaticPaths());
    if (!Array.isArray(items)) throw new Error(`getStaticPaths of ${file} did not return a list`);
    for (const item of items) paths.add(routePath(file, paramsOf(item)));
  }
  return [...paths].filter((path) => !NOT_LISTED.has(path)).sort();
}

/** One URL of the sitemap with its language alternates (empty when the page has no counterpart). */
export interface SitemapEntry {
  /** Site path of the page. */
  path: string;
  /** Alternates: hreflang → site path (ja, en, x-default). */
  alternates: { hreflang: 'ja' | 'en' | 'x-default'; path: string }[];
}

/** The entries of the sitemap: every page, with alternates when both language versions exist. */
export function sitemapEntries(paths: readonly string[]): SitemapEntry[] {
  const known = new Set(paths);
  return paths.map((path) => {
    const ja = localizedPath(path, 'ja');
    const en = localizedPath(path, 'en');
    const paired = known.has(ja) && known.has(en);
    return {
      path,
      alternates: paired
        ? [
            { hreflang: 'ja', path: ja },
            { hreflang: 'en', path: en },
            { hreflang: 'x-default', path: ja },
          ]
        : [],
    };
  });
}

/** Writes the sitemap XML (sitemaps.org 0.9 with xhtml alternates). */
export function buildSitemap(paths: readonly string[], site: URL | string): string {
  const urls = sitemapEntries(paths).map(({ path, alternates }) =>
    [
      '  <url>',
      `    <loc>${escapeXml(absoluteUrl(path, site))}</loc>`,
      ...alternates.map((alt) => `    <xhtml:link rel="alternate" hreflang="${alt.hreflang}" href="${escapeXml(absoluteUrl(alt.path, site))}"/>`),
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
