/**
 * Checks a deployed copy of the site: `npm run check:deploy -- <address> [--as <public address>] [--require-headers]`.
 *
 * Fetches the home page, one request page (the first record of `/requests.json`), the search index's entry files
 * and WebAssembly, the Atom feed and a missing page, and reports what is missing, mistyped or pointing elsewhere:
 * every page's canonical link must be its own public address (`--as`, when the copy is fetched from somewhere
 * else, e.g. a staging host). Security headers are reported too; `--require-headers` makes their absence an
 * error (GitHub Pages cannot send headers, so they are optional by default). Exits 1 when anything is wrong.
 */
import { pathToFileURL } from 'node:url';

/** One finding of the check. */
export interface Finding {
  /** `error` fails the check; `note` is reported only. */
  level: 'error' | 'note';
  /** The address it concerns. */
  url: string;
  /** What is wrong, and what to do. */
  message: string;
}

/** Options of {@link checkDeployment}. */
export interface CheckOptions {
  /** Where to fetch the site from (with its base path), e.g. `https://example.github.io/offlabel-jp/`. */
  from: string;
  /** The public address the site was built for, when it differs from `from`. */
  as?: string;
  /** Whether missing security headers are errors. */
  requireHeaders?: boolean;
}

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy'];

/** Adds a trailing slash, so that relative addresses resolve under the base path. */
function folder(address: string): string {
  return address.endsWith('/') ? address : `${address}/`;
}

/** Checks a deployment; returns every finding (empty when everything is in place). */
export async function checkDeployment({ from, as, requireHeaders = false }: CheckOptions): Promise<Finding[]> {
  const fetchBase = folder(from);
  const publicBase = folder(as ?? from);
  const findings: Finding[] = [];
  const error = (url: string, message: string): void => void findings.push({ level: 'error', url, message });

  /** Fetches a path under the base; checks status and type; returns the body, or undefined when it failed. */
  const get = async (path: string, type: RegExp, status = 200): Promise<{ body: string; headers: Headers } | undefined> => {
    const url = new URL(path, fetchBase).href;
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'follow' });
    } catch (cause) {
      error(url, `could not be fetched (${(cause as Error).message}); is the address right and the server up?`);
      return undefined;
    }
    const body = await response.text();
    if (response.status !== status) error(url, `answered ${response.status}, expected ${status}`);
    const contentType = response.headers.get('content-type') ?? '(none)';
    if (!type.test(contentType)) error(url, `is served as ${contentType}, expected ${type.source}; fix the server's types`);
    return { body, headers: response.headers };
  };

  /** The canonical link of a page must be its public address. */
  const canonical = (path: string, html: string): void => {
    const found = /<link rel="canonical" href="([^"]+)"/u.exec(html)?.[1];
    const expected = new URL(path, publicBase).href;
    if (found === undefined) error(expected, 'has no canonical link');
    else if (found !== expected) error(expected, `says its canonical address is ${found}; build with OFFLABEL_SITE_URL (and OFFLABEL_BASE) set to where it is published`);
  };

  const home = await get('', /^text\/html/u);
  if (home) {
    canonical('', home.body);
    const missing = SECURITY_HEADERS.filter((name) => !home.headers.has(name));
    if (missing.length > 0) findings.push({ level: requireHeaders ? 'error' : 'note', url: fetchBase, message: `sends no ${missing.join(', ')} header; the host's header file (_headers, the nginx config) is not in use` });
    else if (!/frame-ancestors 'none'/u.test(home.headers.get('content-security-policy') ?? '')) error(fetchBase, "the Content-Security-Policy header lacks frame-ancestors 'none'");
  }

  const data = await get('requests.json', /^application\/json/u);
  if (data) {
    const first = (JSON.parse(data.body) as { records?: { url?: { ja?: string } }[] }).records?.[0]?.url?.ja;
    if (first === undefined) error(new URL('requests.json', fetchBase).href, 'holds no record');
    else if (!first.startsWith(publicBase)) error(first, `a record's address is not under ${publicBase}; the build used another site address`);
    else {
      const path = first.slice(publicBase.length);
      const page = await get(path, /^text\/html/u);
      if (page) canonical(path, page.body);
    }
  }

  await get('pagefind/pagefind.js', /javascript/u);
  const entry = await get('pagefind/pagefind-entry.json', /^application\/json/u);
  if (entry) {
    const languages = Object.values((JSON.parse(entry.body) as { languages?: Record<string, { wasm?: string; hash?: string }> }).languages ?? {});
    if (languages.length === 0) error(new URL('pagefind/pagefind-entry.json', fetchBase).href, 'names no index language; the search index was not built');
    for (const language of languages) {
      if (language.wasm) await get(`pagefind/wasm.${language.wasm}.pagefind`, /^application\/(wasm|octet-stream)/u);
    }
  }

  const feed = await get('feed.xml', /^application\/(atom\+)?xml|^text\/xml/u);
  if (feed && !feed.body.includes(`href="${publicBase}`)) error(new URL('feed.xml', fetchBase).href, `links to no address under ${publicBase}`);

  const missingPage = await get('no-such-page-offlabel-check/', /^text\/html/u, 404);
  if (missingPage && !missingPage.body.includes('<html')) error(new URL('no-such-page-offlabel-check/', fetchBase).href, "is not the site's own 404 page");
  return findings;
}

/** Reads the command line. */
function parseArgs(argv: readonly string[]): CheckOptions {
  const options: CheckOptions = { from: '' };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--as') options.as = argv[(index += 1)];
    else if (arg === '--require-headers') options.requireHeaders = true;
    else if (!arg.startsWith('--') && options.from === '') options.from = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.from === '' || !/^https?:\/\//u.test(options.from)) throw new Error('give the address to check, e.g. npm run check:deploy -- https://example.github.io/offlabel-jp/');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const findings = await checkDeployment(options);
    for (const finding of findings) console.log(`${finding.level === 'error' ? '✗' : '·'} ${finding.url}: ${finding.message}`);
    const errors = findings.filter((finding) => finding.level === 'error').length;
    console.log(errors === 0 ? `✓ ${options.from}: the site is in place` : `${errors} problem(s) at ${options.from}`);
    process.exitCode = errors === 0 ? 0 : 1;
  } catch (cause) {
    console.error(`check-deployment: ${(cause as Error).message}`);
    process.exitCode = 2;
  }
}
