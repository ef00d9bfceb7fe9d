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
