import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { requestLoader } from './request-loader.ts';
import { handOverValidation, validateSite } from '../lib/content-validation.ts';
import { devProblemsFor } from '../lib/dev-problems.ts';

/** A content folder with one valid request and one that lacks a required field. */
const dir = mkdtempSync(path.join(tmpdir(), 'offlabel-loader-'));
cpSync('tests/fixtures/content/valid-summary', dir, { recursive: true });
cpSync('tests/fixtures/bad-content/missing-required-field/requests', path.join(dir, 'requests'), { recursive: true });
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the loader with an in-memory store and a recording logger (and, with `watch`, a file watcher to drive). */
async function load(contentDir: string, watch = false) {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; body?: string; filePath?: string }>();
  const logged: string[] = [];
  const context = {
    store: {
      set: (entry: { id: string; data: Record<string, unknown> }) => {
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    logger: { warn: (line: string) => logged.push(line), error: (line: string) => logged.push(line), info: () => undefined },
    generateDigest: (value: unknown) => JSON.stringify(value).length.toString(16),
    watcher: watch ? { add: () => undefined, on: (_event: string, handler: (event: string, file: string) => void) => handlers.push(handler) } : undefined,
  } as unknown as LoaderContext;
  const handlers: ((event: string, file: string) => void)[] = [];
  await requestLoader({ contentDir }).load(context);
  /** Tells the loader that a file changed, as the dev server's watcher does. */
  const change = (event: string, file: string): void => {
    for (const handler of handlers) handler(event, file);
  };
  return { entries, logged, change };
}

describe('requestLoader', () => {
  it('stores each valid request with its data and raw MDX body, and leaves a broken one out with a warning', async () => {
    const { entries, logged } = await load(dir);
    expect([...entries.keys()]).toEqual(['fixture-summary']);
    expect(entries.get('fixture-summary')?.data).toMatchObject({ kind: 'summary' });
    expect(entries.get('fixture-summary')?.filePath).toMatch(/requests\/fixture-summary\.mdx$/);
    expect(logged).toEqual([expect.stringMatching(/^1 problem\(s\) listed above; those requests are left out/)]);
  });

  it('takes the content guard’s validation instead of reading the files again, once', async () => {
    const validation = validateSite('tests/fixtures/content/valid-summary');
    const [entry] = validation.entries.get('requests') ?? [];
    if (!entry) throw new Error('the fixture has a request');
    handOverValidation('tests/fixtures/content/valid-summary', { ...validation, entries: new Map([['requests', [{ ...entry, id: 'handed-over' }]]]) });
    expect([...(await load('tests/fixtures/content/valid-summary')).entries.keys()]).toEqual(['handed-over']);
    expect([...(await load('tests/fixtures/content/valid-summary')).entries.keys()]).toEqual(['fixture-summary']);
  });

  it('after an edit in the dev server reads only that file, keeps the last valid version of a broken one and reports it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'offlabel-loader-watch-'));
    cpSync('tests/fixtures/content/valid-summary', folder, { recursive: true });
    const file = path.join(path.resolve(folder), 'requests', 'fixture-summary.mdx');
    const original = readFileSync(file, 'utf8');
    const { entries, logged, change } = await load(folder, true);
    writeFileSync(file, original.replace(/^ {2}inn: .*$/mu, '  inn: edited'));
    change('change', file);
    expect(entries.get('fixture-summary')?.data).toMatchObject({ drug: { inn: 'edited' } });
    writeFileSync(file, original.replace(/^ {2}inn: .*$/mu, '  inn: ""'));
    change('change', file);
    expect(entries.get('fixture-summary')?.data).toMatchObject({ drug: { inn: 'edited' } });
    expect(devProblemsFor('fixture-summary')?.join('\n')).toMatch(/fixture-summary\.mdx.*drug\.inn/u);
    expect(logged.some((line) => line.includes('drug.inn'))).toBe(true);
    writeFileSync(file, original);
    change('change', file);
    expect(devProblemsFor('fixture-summary')).toBeUndefined();
    change('unlink', file);
    expect(entries.has('fixture-summary')).toBe(false);
    rmSync(folder, { recursive: true, force: true });
  });
});
