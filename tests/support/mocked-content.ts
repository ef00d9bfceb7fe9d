/**
 * Test support: a stand-in for `astro:content` that reads the real content folder through the real schemas.
 *
 * Component tests render through Astro's Container API in Vite's dev mode, where Astro's content data store
 * exists only after a dev server has run. Components that look terms up (GlossaryLink, Term) therefore read
 * the glossary through this module in tests: `vi.mock('astro:content', () => mockedContent())`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { splitFrontmatter } from '../../src/lib/content-validation.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { primerSchema } from '../../src/schemas/primer.ts';
import { requestSchema } from '../../src/schemas/request.ts';

interface MockEntry {
  id: string;
  collection: string;
  data: unknown;
  body: string;
}

function load(collection: string, dir: string, parse: (file: string, source: string) => { data: unknown; body: string }): MockEntry[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(mdx|yaml)$/.test(name))
    .map((name) => ({ id: name.replace(/\.(mdx|yaml)$/, '').split(path.sep).join('/'), collection, ...parse(path.join(dir, name), readFileSync(path.join(dir, name), 'utf8')) }));
}

function frontmatter(schema: { parse(value: unknown): unknown }) {
  return (file: string, source: string) => {
    const split = splitFrontmatter(file, source);
    if ('message' in split) throw new Error(split.message);
    return { data: schema.parse(split.data), body: split.body };
  };
}

/** The module `vi.mock('astro:content', …)` should return. */
export function mockedContent(contentDir = 'content'): { getCollection(name: string): Promise<MockEntry[]>; render(): Promise<never> } {
  const collections: Record<string, MockEntry[]> = {
    requests: load('requests', path.join(contentDir, 'requests'), frontmatter(requestSchema)),
    primer: load('primer', path.join(contentDir, 'primer'), frontmatter(primerSchema)),
    glossary: load('glossary', path.join(contentDir, 'glossary'), (_, source) => ({ data: glossarySchema.parse(yaml.load(source)), body: '' })),
  };
  return {
    getCollection: (name) => Promise.resolve(collections[name] ?? []),
    render: () => Promise.reject(new Error('render() is not available in component tests; render the component with its props instead')),
  };
}
