import { describe, expect, it } from 'vitest';
import { headerCsp, netlifyHeaders, nginxServer } from './hosting.ts';

const meta = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc='";

describe('the hosting headers', () => {
  it('send the pages’ own policy with frame-ancestors, which a <meta> cannot carry', () => {
    expect(headerCsp(meta)).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-abc='; frame-ancestors 'none'");
  });

  it('write _headers with the security headers everywhere and a year of cache for hashed assets, under the base path', () => {
    const text = netlifyHeaders(meta, '/offlabel-jp/');
    expect(text).toContain('/offlabel-jp/*\n  Content-Security-Policy: ');
    expect(text).toContain('/offlabel-jp/_astro/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable');
    expect(text).toContain('/offlabel-jp/pagefind/*.pagefind\n  ! Content-Type\n  Content-Type: application/wasm');
  });

  it('write an nginx server that repeats the headers in every location and sends pre-compressed files', () => {
    const config = nginxServer({ root: '/srv/site', listen: '8080', metaCsp: meta });
    const locations = config.split('location ').length - 1;
    expect(config.split('add_header X-Content-Type-Options').length - 1).toBe(locations);
    expect(config).toContain('brotli_static on;');
    expect(config).toContain('gzip_static on;');
    expect(config).toContain('error_page 404 /404.html;');
  });
});
