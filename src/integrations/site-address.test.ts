import { describe, expect, it } from 'vitest';
import { isLocalAddress, LOCAL_SITE_URL } from './site-address.ts';

describe('isLocalAddress', () => {
  it('takes the default and every loopback address for local, a public address for public', () => {
    expect(isLocalAddress(LOCAL_SITE_URL)).toBe(true);
    expect(isLocalAddress('http://localhost:8080/')).toBe(true);
    expect(isLocalAddress(undefined)).toBe(true);
    expect(isLocalAddress('https://offlabel.example.org/')).toBe(false);
  });
});
