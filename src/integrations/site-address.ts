/**
 * Says loudly, at the end of a build, when the site's public address is the local default: every canonical link,
 * hreflang alternate, feed and sitemap entry and JSON address of that build points at 127.0.0.1, which is right
 * for `npm start` and wrong for anything published. Set `OFFLABEL_SITE_URL` to the public address when deploying.
 */
import type { AstroIntegration } from 'astro';

/** The address a build uses when `OFFLABEL_SITE_URL` is not set. */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

/** Whether an address is a loopback one, i.e. not a public address. */
export function isLocalAddress(site: string | URL | undefined): boolean {
  if (site === undefined) return true;
  const host = new URL(site).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./u.test(host);
}

/** The integration. */
export function siteAddressNotice(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'offlabel:site-address',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': ({ logger }) => {
        if (!isLocalAddress(site)) return;
        logger.warn(
          `This build's addresses are local (${site?.href ?? 'none'}): canonical links, feeds, the sitemap and the JSON point at this machine. That is right for npm start; to publish, build with OFFLABEL_SITE_URL set to the public address.`,
        );
      },
    },
  };
}
