/**
 * The hosting files the build writes, and the nginx configuration proved on a real nginx from Debian's package
 * (installed by `.ci/run`; the container uses the same packages): `nginx -t` accepts it, and nginx serving
 * `dist/` on 127.0.0.1 sends the security headers, the cache rules, Pagefind's types and the pre-compressed
 * files, and the site's 404 page. The deployment check script runs against that server too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerCsp, nginxServer } from '../../src/lib/hosting.ts';
import { metaCspOf, precompress } from '../../src/integrations/hosting-files.ts';
import { checkDeployment } from '../../scripts/check-deployment.ts';
import { distDir, freePort } from '../support/site.ts';

const dist = path.resolve(distDir);
const metaCsp = metaCspOf(readFileSync(path.join(dist, 'index.html'), 'utf8')) ?? '';
/** The site address the build wrote into its pages (canonical links, JSON, feed). */
const builtSite = /<link rel="canonical" href="([^"]+)"/u.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? '';

// The container build runs `npm run precompress` after the build; so does this file, before its checks.
beforeAll(async () => {
  await precompress(dist);
});

describe('the hosting files of the build', () => {
  it('_headers sends the pages’ own policy as a header, with frame-ancestors, and the other security headers', () => {
    const headers = readFileSync(path.join(dist, '_headers'), 'utf8');
    expect(metaCsp).not.toBe('');
    expect(headers).toContain(`Content-Security-Policy: ${headerCsp(metaCsp)}`);
    expect(headerCsp(metaCsp)).toContain("frame-ancestors 'none'");
    for (const name of ['X-Content-Type-Options: nosniff', 'Referrer-Policy:', 'Strict-Transport-Security:']) expect(headers).toContain(name);
  });

  it('npm run precompress writes a brotli and a gzip copy of each text file that decompress to the file itself', () => {
    for (const file of ['index.html', 'en/index.html', 'requests.json', 'feed.xml']) {
      const original = readFileSync(path.join(dist, file));
      expect(brotliDecompressSync(readFileSync(path.join(dist, `${file}.br`))).equals(original), `${file}.br`).toBe(true);
      expect(gunzipSync(readFileSync(path.join(dist, `${file}.gz`))).equals(original), `${file}.gz`).toBe(true);
    }
  });
});

describe('the nginx configuration, on nginx from Debian', () => {
  const nginx = '/usr/sbin/nginx';
  let work = '';
  let base = '';
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(nginx)) throw new Error('nginx is not installed: apt-get install nginx libnginx-mod-http-brotli-static (.ci/run does)');
    work = mkdtempSync(path.join(tmpdir(), 'offlabel-nginx-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    writeFileSync(path.join(work, 'site.conf'), nginxServer({ root: dist, listen: `127.0.0.1:${port}`, metaCsp }));
    // Debian's module configs name their modules relative to nginx's prefix, which is the test folder here.
    const brotli = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
    if (!existsSync(brotli)) throw new Error('the brotli module is not installed: apt-get install libnginx-mod-http-brotli-static (.ci/run does)');
    writeFileSync(
      path.join(work, 'nginx.conf'),
      [
        `load_module ${brotli};`,
        // As root, nginx would hand requests to workers running as "nobody", who may not read a checkout in a
        // private folder (a CI clone in a mkdtemp directory): run them as the user running the test.
        ...(process.getuid?.() === 0 ? ['user root;'] : []),
        `pid ${work}/nginx.pid;`,
        `error_log ${work}/error.log;`,
        'events {}',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  default_type application/octet-stream;',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${work}/${kind};`),
        `  include ${work}/site.conf;`,
        '}',
        '',
      ].join('\n'),
    );
    const test = spawnSync(nginx, ['-t', '-p', work, '-c', path.join(work, 'nginx.conf')], { encoding: 'utf8' });
    if (test.status !== 0) throw new Error(`nginx -t rejected the configuration:\n${test.stderr}`);
    server = spawn(nginx, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (await fetch(`${base}/`).then(() => true, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nginx did not answer on ${base}: ${readFileSync(path.join(work, 'error.log'), 'utf8')}`);
  });

  afterAll(() => {
    server?.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sends every page with the security headers and a short cache', async () => {
    const response = await fetch(`${base}/en/requests/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(headerCsp(metaCsp));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/u);
    expect(response.headers.get('cache-control')).toMatch(/max-age=300/u);
  });

  it('sends the pre-compressed brotli or gzip file to a client that accepts it', async () => {
    const br = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(await br.text()).toBe(readFileSync(path.join(dist, 'index.html'), 'utf8'));
    const gz = await fetch(`${base}/requests.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toMatch(/^application\/json/u);
  });

  it('caches hashed assets and search chunks for a year, and types Pagefind’s files', async () => {
    const css = readdirSync(path.join(dist, '_astro')).find((name) => name.endsWith('.css'));
    const asset = await fetch(`${base}/_astro/${css}`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-security-policy')).toBe(headerCsp(metaCsp));
    const fragment = readdirSync(path.join(dist, 'pagefind/fragment'))[0];
    const chunk = await fetch(`${base}/pagefind/fragment/${fragment}`);
    expect(chunk.headers.get('cache-control')).toContain('immutable');
    expect(chunk.headers.get('content-type')).toBe('application/octet-stream');
    const wasm = readdirSync(path.join(dist, 'pagefind')).find((name) => name.endsWith('.pagefind'));
    expect((await fetch(`${base}/pagefind/${wasm}`)).headers.get('content-type')).toBe('application/wasm');
    const entry = await fetch(`${base}/pagefind/pagefind-entry.json`);
    expect(entry.headers.get('cache-control')).toMatch(/max-age=300/u);
  });

  it('answers a missing page with the site’s own 404 page', async () => {
    const response = await fetch(`${base}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(readFileSync(path.join(dist, '404.html'), 'utf8'));
  });

  it('passes the deployment check when told the public address, and fails it when the canonical links point elsewhere', async () => {
    expect(await checkDeployment({ from: `${base}/`, as: builtSite, requireHeaders: true })).toEqual([]);
    const elsewhere = await checkDeployment({ from: `${base}/` });
    expect(elsewhere.some((finding) => finding.level === 'error' && finding.message.includes('canonical address is'))).toBe(true);
  });
});
