/**
 * `npm run precompress [-- <folder>]`: writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of
 * a built site (default `dist/`), for servers that send pre-compressed files as they are (nginx's
 * `brotli_static` and `gzip_static`, as in the container). Netlify, Cloudflare Pages and GitHub Pages compress on
 * their own and do not need it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { precompress } from '../src/integrations/hosting-files.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`precompress: ${dir} has no index.html; run npm run build first`);
  process.exitCode = 1;
} else {
  const started = performance.now();
  const count = await precompress(dir);
  console.log(`precompress: .br and .gz copies of ${count} files in ${path.relative(process.cwd(), dir) || '.'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
