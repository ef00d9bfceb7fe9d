import { describe, expect, it } from 'vitest';
import { normaliseBase, withBase, withoutBase } from './base-path.ts';

describe('the base path', () => {
  it('is normalised to one leading and one trailing slash', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('offlabel-jp')).toBe('/offlabel-jp/');
    expect(normaliseBase('/offlabel-jp')).toBe('/offlabel-jp/');
  });

  it('is added to a site path once, and taken off again', () => {
    expect(withBase('/requests/', '/offlabel-jp/')).toBe('/offlabel-jp/requests/');
    expect(withBase('/offlabel-jp/requests/', '/offlabel-jp/')).toBe('/offlabel-jp/requests/');
    expect(withBase('/requests/', '/')).toBe('/requests/');
    expect(withoutBase('/offlabel-jp/en/', '/offlabel-jp/')).toBe('/en/');
    expect(withoutBase('/offlabel-jp', '/offlabel-jp/')).toBe('/');
    expect(withoutBase('/en/', '/')).toBe('/en/');
  });
});
