/**
 * Builds the Pagefind search index at the end of `astro build`, through Pagefind's Node API, so that one
 * build command yields the site and its index in `dist/pagefind/`.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** The integration. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'offlabel:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        // One index for both languages: Pagefind would otherwise split it by <html lang>, and a search from an
        // English page could not find the Japanese text of a request (nor a Japanese page an English chapter).
        // Japanese segmentation also keeps Latin words whole, so English names and terms are still found;
        // results are deduplicated by page key in the search UI, preferring the reader's language.
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ja' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // The benchmark (scripts/bench.ts) reads this line for the index time.
        logger.info(`indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      },
    },
  };
}
