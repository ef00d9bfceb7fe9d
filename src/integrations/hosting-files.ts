/**
 * Writes what a host needs beside the built pages, at the end of every build (after the search index):
 * - `dist/_headers`: security headers, caching and types for Netlify and Cloudflare Pages;
 * - `dist-hosting/nginx-site.conf` (beside the output folder): the same as an nginx server block (the container
 *   copies it).
 * The Content-Security-Policy is read back from the built pages, so the header always matches the `<meta>`.
 * The `.br` and `.gz` copies that nginx's `brotli_static`/`gzip_static` send are written by `npm run precompress`
 * ({@link precompress}), a step of the container build only: Netlify, Cloudflare and GitHub Pages compress on
 * their own, and at 3,000 requests compressing 450 MB doubled the build's time.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { compressibleEndings, netlifyHeaders, nginxServer } from '../lib/hosting.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The folder, beside the build output (`dist` → `dist-hosting`), that holds the generated server configuration. */
export function hostingDirOf(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/u, '')}-hosting`;
}

/** Where the container serves the site from and listens. */
export const CONTAINER_ROOT = '/srv/offlabel-jp';

/** The policy of a built page's `<meta http-equiv="content-security-policy">`, or undefined. */
export function metaCspOf(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/iu.exec(html)?.[1]?.replace(/&#39;/gu, "'").replace(/&quot;/gu, '"');
}

/** Every file under a folder, relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes a `.br` and a `.gz` copy beside every text file of `dir`; returns how many files were compressed. */
export async function precompress(dir: string): Promise<number> {
  const files = filesUnder(dir).filter((file) => compressibleEndings.some((ending) => file.endsWith(ending)));
  let next = 0;
  // A few at a time: zlib works on libuv's thread pool, so this overlaps compression on every core. Brotli at
  // quality 5 and gzip at 6: the site's 63 MB took 2.7 s; brotli 9 and gzip 9 took 52 s for a few per cent less.
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      const content = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        gzipAsync(content, { level: 6 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return files.length;
}

/** The integration. */
export function hostingFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'offlabel:hosting-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const csp = metaCspOf(readFileSync(path.join(outDir, 'index.html'), 'utf8'));
        if (csp === undefined) throw new Error('dist/index.html has no Content-Security-Policy <meta>; the hosting headers copy it, so the build stops here');
        writeFileSync(path.join(outDir, '_headers'), netlifyHeaders(csp, base));
        const hostingDir = hostingDirOf(outDir);
        mkdirSync(hostingDir, { recursive: true });
        writeFileSync(path.join(hostingDir, 'nginx-site.conf'), nginxServer({ root: CONTAINER_ROOT, listen: '8080', metaCsp: csp, base }));
        logger.info(`wrote _headers and ${path.relative(process.cwd(), hostingDir)}/nginx-site.conf (npm run precompress adds the .br/.gz copies nginx serves)`);
      },
    },
  };
}
