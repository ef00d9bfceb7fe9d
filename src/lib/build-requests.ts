/**
 * The requests of a build, handed from the content guard to the pages. The guard validates every request file
 * before the build (src/integrations/content-guard.ts); in a build, the pages read those entries
 * (src/lib/requests.ts) instead of a second copy that Astro's data store would write to disk and read back into
 * the prerendered pages: at 3,000 requests that copy cost about 4 s of a 28 s build. The request loader then
 * stores nothing in a build. The dev server, `astro sync` and `astro check` never see these entries and use the
 * data store as usual. Shared through `globalThis`, because the guard runs in Astro's config and the pages in
 * the bundle Astro builds from them, in the same process. No dependencies, so the pages' bundle stays small.
 */
const KEY = Symbol.for('offlabel-jp/build-requests');

/** A validated request as the guard keeps it: its id (the file name), its frontmatter data and its MDX body. */
export interface BuildRequest {
  /** The entry id. */
  id: string;
  /** The frontmatter, parsed by the request schema. */
  data: unknown;
  /** The MDX body (editors' notes). */
  body: string;
}

/** Called by the content guard of a build with every valid request. */
export function handOverBuildRequests(requests: readonly BuildRequest[]): void {
  (globalThis as Record<symbol, readonly BuildRequest[] | undefined>)[KEY] = requests;
}

/** The requests the content guard handed over for this build, or `undefined` outside a build. */
export function buildRequests(): readonly BuildRequest[] | undefined {
  return (globalThis as Record<symbol, readonly BuildRequest[] | undefined>)[KEY];
}
