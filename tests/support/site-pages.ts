/**
 * Test support: the pages of the built site that browser checks visit — the URLs of its sitemap, or every
 * HTML file when the build has no sitemap.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir } from './site.ts';

/** Site paths of every page: the sitemap's URLs if the site has a sitemap, else every built HTML file. */
export function sitePaths(dir = distDir): string[] {
  const dist = path.resolve(dir);
  const sitemap = path.join(dist, 'sitemap.xml');
  if (existsSync(sitemap)) {
    const locs = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => match[1] ?? '');
    const paths: string[] = [];
    for (const loc of locs(sitemap)) {
      const pathname = new URL(loc).pathname;
      // A sitemap index lists further sitemaps.
      if (pathname.endsWith('.xml') && existsSync(path.join(dist, pathname))) paths.push(...locs(path.join(dist, pathname)).map((url) => new URL(url).pathname));
      else paths.push(pathname);
    }
    if (paths.length > 0) return [...new Set(paths)].sort();
  }
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind'))
    .map((name) => `/${name.split(path.sep).join('/').replace(/index\.html$/, '')}`)
    .sort();
}

/** Pages built from one template many times over: a request, a browse group, a meeting, a list page. */
const TEMPLATED = [/^(\/en)?\/requests\/[^/]+\/$/, /^(\/en)?\/requests\/sort\/.+/, /^(\/en)?\/(drugs|areas|requesters|status|wg)\/[^/]+\/$/, /^(\/en)?\/meetings\/[^/]+\/$/];

/**
 * The pages a slow check (axe takes about a second a page) visits: every page that has a template of its own,
 * and of the pages that share a template (requests, browse groups, meetings, list pages) an even spread of
 * `perTemplate` in each language, always including the full-form requests. The same template renders the same
 * markup, so the spread catches what the template gets wrong and what unusual data (long names, many events,
 * missing fields) does to it. `OFFLABEL_CHECK_ALL_PAGES=1` visits every page.
 */
export function samplePaths(paths: readonly string[], perTemplate = 24, always: readonly string[] = []): string[] {
  if (process.env.OFFLABEL_CHECK_ALL_PAGES === '1') return [...paths];
  const picked = new Set(paths.filter((pathname) => !TEMPLATED.some((pattern) => pattern.test(pathname)) || always.some((part) => pathname.includes(part))));
  for (const pattern of TEMPLATED) {
    for (const prefix of ['', '/en']) {
      const members = paths.filter((pathname) => pattern.test(pathname) && (prefix === '' ? !pathname.startsWith('/en/') : pathname.startsWith('/en/')));
      const step = Math.max(1, members.length / perTemplate);
      for (let index = 0; index < members.length; index += step) {
        const member = members[Math.floor(index)];
        if (member !== undefined) picked.add(member);
      }
    }
  }
  return paths.filter((pathname) => picked.has(pathname));
}
