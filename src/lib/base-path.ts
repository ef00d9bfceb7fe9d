/**
 * The base path the site is served under, and the two conversions every address goes through. A module of its
 * own, without the translations, so that browser code (the search) can import it cheaply.
 */

/**
 * The path the site is served under: `/` at a domain's root, `/offlabel-jp/` for a GitHub Pages project site.
 * Astro's `base` (from `OFFLABEL_BASE`), as Vite gives it to pages and browser code; scripts run outside Vite
 * read the variable itself. Always with a leading and a trailing slash.
 */
export const basePath: string = normaliseBase((import.meta.env as { BASE_URL?: string } | undefined)?.BASE_URL ?? (typeof process === 'undefined' ? undefined : process.env.OFFLABEL_BASE));

/** A base path with one leading and one trailing slash (`offlabel-jp` → `/offlabel-jp/`; empty → `/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/gu, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A site path under the base: `/requests/` → `/offlabel-jp/requests/`. Paths already under it are kept. */
export function withBase(pathname: string, base = basePath): string {
  if (base === '/' || pathname === base.slice(0, -1) || pathname.startsWith(base)) return pathname;
  return `${base}${pathname.replace(/^\/+/u, '')}`;
}

/** A URL path without the base: `/offlabel-jp/en/` → `/en/`. Paths outside the base are kept. */
export function withoutBase(pathname: string, base = basePath): string {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}

