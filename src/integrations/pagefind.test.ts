import { describe, expect, it } from 'vitest';
import { indexedPagePaths } from './pagefind.ts';

describe('indexedPagePaths', () => {
  it('lists every primer chapter in its language and the glossary in both', () => {
    expect(indexedPagePaths(['ja/regulation', 'en/regulation'])).toEqual([
      'en/glossary/index.html',
      'en/primer/regulation/index.html',
      'glossary/index.html',
      'primer/regulation/index.html',
    ]);
  });
});
