// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { contentGuard } from './src/integrations/content-guard.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { requestJson } from './src/integrations/request-json.ts';
import { LOCAL_SITE_URL, siteAddressNotice } from './src/integrations/site-address.ts';
import { hostingFiles } from './src/integrations/hosting-files.ts';
import { normaliseBase } from './src/lib/base-path.ts';

// The guard validates the content before anything is built; the search index and the per-request JSON files
// reuse the entries it read. The hosting files (headers, nginx config, pre-compressed copies) come after the
// search index, so that its files are compressed and typed too.
const guard = contentGuard();

export default defineConfig({
  // The address the site is published at; absolute URLs (canonical links, feeds, sitemap) start with it.
  // Defaults to the address `npm start` serves on; set OFFLABEL_SITE_URL when deploying.
  site: process.env.OFFLABEL_SITE_URL ?? LOCAL_SITE_URL,
  // The path the site is served under (`/offlabel-jp/` for a GitHub Pages project site); every link, asset,
  // search request, feed and sitemap entry carries it (src/lib/base-path.ts).
  base: normaliseBase(process.env.OFFLABEL_BASE),
  // Where the build writes (a second build under a sub-path goes beside the first in `npm test`).
  outDir: process.env.OFFLABEL_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Render four pages at a time: each page waits on its file writes, and overlapping them with rendering cut
  // the page-generation time by a quarter at 3,000 requests (measured with `npm run bench`).
  build: { concurrency: 4 },
  // A build of another content folder (OFFLABEL_CONTENT_DIR: benchmarks, tests) keeps its own content cache,
  // so that it never leaves stale entries in the cache of the real site.
  cacheDir: process.env.OFFLABEL_CACHE_DIR ?? './node_modules/.astro',
  i18n: {
    locales: ['ja', 'en'],
    defaultLocale: 'ja',
    routing: { prefixDefaultLocale: false },
  },
  // No content has code blocks, and Shiki's highlighting writes inline styles that the strict
  // Content-Security-Policy would block (Astro warns about it on every build).
  markdown: { syntaxHighlight: false },
  integrations: [guard.integration, mdx(), requestJson({ requests: () => guard.entries('requests'), requesters: () => guard.entries('requesters'), drugs: () => guard.entries('drugs'), companies: () => guard.entries('companies') }), pagefindIndex({ entries: guard.entries }), hostingFiles(), siteAddressNotice()],
  vite: {
    plugins: [tailwindcss()],
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Every MDX entry triggers "module level directive 'use astro:head-inject' … may not be preserved"
          // (withastro/astro#18087, open upstream). It is harmless and would bury real warnings; only that
          // exact directive is silenced, every other warning still prints.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  // A strict Content-Security-Policy in a <meta> of every page: scripts and styles only from this site or
  // hashed by Astro, no inline event handlers, nothing from elsewhere. Pagefind's search instantiates its
  // WebAssembly ('wasm-unsafe-eval') and fetches its index from /pagefind/ (connect-src 'self').
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
