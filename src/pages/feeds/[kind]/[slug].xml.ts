/** `/feeds/<kind>/<slug>.xml`: the Atom feed of one working group, therapeutic area or drug (see `src/lib/feeds.ts`). */
import type { APIRoute } from 'astro';
import { groupFeed, groupFeedPaths, type FeedKind } from '../../../lib/feeds.ts';
import type { RequestGroup } from '../../../lib/browse.ts';
import { siteOf } from '../../../lib/site-url.ts';

export const getStaticPaths = () => groupFeedPaths();

/** The feed. */
export const GET: APIRoute = ({ site, props }) => {
  const { kind, group } = props as { kind: FeedKind; group: RequestGroup };
  return new Response(groupFeed(kind, group, siteOf(site)), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
