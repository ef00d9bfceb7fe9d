/** The site's own address, for absolute URLs in endpoints and the page head. */

/**
 * The configured site address (`site` in astro.config.mjs, from `OFFLABEL_SITE_URL`). Throws when it is
 * missing, so that no feed, sitemap or canonical link is ever written with relative or wrong addresses.
 */
export function siteOf(site: URL | undefined): URL {
  if (!site) throw new Error('astro.config.mjs has no `site`; absolute URLs cannot be written');
  return site;
}
