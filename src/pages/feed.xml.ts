/** `/feed.xml`: the Atom feed of requests by last update (see `src/lib/atom-feed.ts`). */
import type { APIRoute } from 'astro';
import { allRequests } from '../lib/requests.ts';
import { buildAtomFeed } from '../lib/atom-feed.ts';
import { siteOf } from '../lib/site-url.ts';
import { useTranslations } from '../i18n/index.ts';

const t = useTranslations('ja');

/** The feed. */
export const GET: APIRoute = ({ site }) =>
  new Response(buildAtomFeed(allRequests, { site: siteOf(site), title: t('data.feed.title'), subtitle: t('site.description') }), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
