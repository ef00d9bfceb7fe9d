/**
 * Test support: serves the built site from `dist/` on 127.0.0.1 and launches Debian's Chromium through
 * playwright-core. Never downloads a browser; only loopback addresses are used.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sirv from 'sirv';
import { normaliseBase } from '../../src/lib/base-path.ts';
import { chromium, type Browser } from 'playwright-core';

/** A running static server. */
export interface SiteServer {
  /** Base address, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** The built site the tests read: `OFFLABEL_DIST_DIR`, or `dist/`. */
export const distDir = process.env.OFFLABEL_DIST_DIR ?? 'dist';

/** The base path that build was made for (`OFFLABEL_BASE`, as for the build): `/`, or e.g. `/offlabel-jp/`. */
export const distBase = normaliseBase(process.env.OFFLABEL_BASE);

/**
 * Serves a built site (default {@link distDir}) on a free port of 127.0.0.1 under its base path (default
 * {@link distBase}), with the site's 404 page for misses and for anything outside the base path. `url` is the
 * server's origin: pages are at `url + base`.
 */
export async function startSite(dir = distDir, base = distBase): Promise<SiteServer> {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`${root} has no index.html; run "npm run build" first`);
  const notFound = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('Not found'));
  const serve = sirv(root, { dev: false, etag: true, extensions: ['html'] });
  const server: Server = createServer((req, res) => {
    const missing = (): void => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    };
    if (!(req.url ?? '/').startsWith(base)) {
      missing();
      return;
    }
    req.url = `/${(req.url ?? '/').slice(base.length)}`;
    serve(req, res, missing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** Path of Debian's Chromium; `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags Chromium needs here (headless mode is set by whoever launches it): no sandbox as root, and no
 * background networking, component updates or sync, whose connections this closed network refuses.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
] as const;

/** Launches headless Chromium with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}; install Debian's chromium (apt-get install chromium)`);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
}

/** A free TCP port on 127.0.0.1 (for a server the test or script starts itself: nginx, the dev server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}
