import { describe, expect, it } from 'vitest';
import { buildSitemap, pagePathsFromRoutes, routePath, sitemapEntries } from './sitemap.ts';

describe('routePath', () => {
  it('turns route files into site paths', () => {
    expect(routePath('./index.astro')).toBe('/');
    expect(routePath('./en/index.astro')).toBe('/en/');
    expect(routePath('./primer/index.astro')).toBe('/primer/');
    expect(routePath('./data.astro')).toBe('/data/');
    expect(routePath('./en/[kind]/[slug].astro', { kind: 'drugs', slug: 'x' })).toBe('/en/drugs/x/');
    expect(routePath('./requests/sort/[...rest].astro', { rest: 'drug-desc/2' })).toBe('/requests/sort/drug-desc/2/');
    expect(routePath('/repo/src/pages/glossary.astro')).toBe('/glossary/');
  });

  it('fails on a missing parameter', () => {
    expect(() => routePath('./requests/[id].astro')).toThrow(/\[id\]/);
  });
});

describe('pagePathsFromRoutes', () => {
  it('lists static routes, every static path of dynamic routes, and leaves out the 404 page', async () => {
    const paths = await pagePathsFromRoutes({
      './index.astro': {},
      './404.astro': {},
      './requests/[id].astro': { getStaticPaths: () => [{ params: { id: 'a' } }, { params: { id: 'b' } }] },
      './en/requests/[id].astro': { getStaticPaths: () => Promise.resolve([{ params: { id: 'a' } }]) },
    });
    expect(paths).toEqual(['/', '/en/requests/a/', '/requests/a/', '/requests/b/']);
  });

  it('fails on a dynamic route without getStaticPaths', async () => {
    await expect(pagePathsFromRoutes({ './requests/[id].astro': {} })).rejects.toThrow(/getStaticPaths/);
  });
});

describe('the sitemap', () => {
  it('pairs each page with its other-language version, x-default being Japanese', () => {
    expect(sitemapEntries(['/a/', '/en/a/', '/only-ja/'])).toEqual([
      {
        path: '/a/',
        alternates: [
          { hreflang: 'ja', path: '/a/' },
          { hreflang: 'en', path: '/en/a/' },
          { hreflang: 'x-default', path: '/a/' },
        ],
      },
      {
        path: '/en/a/',
        alternates: [
          { hreflang: 'ja', path: '/a/' },
          { hreflang: 'en', path: '/en/a/' },
          { hreflang: 'x-default', path: '/a/' },
        ],
      },
      { path: '/only-ja/', alternates: [] },
    ]);
  });

  it('writes absolute addresses', () => {
    const xml = buildSitemap(['/a/', '/en/a/'], 'https://example.org');
    expect(xml).toContain('<loc>https://example.org/en/a/</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/a/"/>');
  });
});
