/** `/feed.xml`: the Atom feed of requests by last update and of the council's dated meetings (see `src/lib/feeds.ts`). */
import type { APIRoute } from 'astro';
import { siteFeed } from '../lib/feeds.ts';
import { siteOf } from '../lib/site-url.ts';
import { useTranslations } from '../i18n/index.ts';

const t = useTranslations('ja');

/** The feed. */
export const GET: APIRoute = ({ site }) =>
  new Response(siteFeed(siteOf(site), t('data.feed.title'), t('site.description')), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
