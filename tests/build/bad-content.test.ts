/**
 * The bad-content corpus (`tests/fixtures/bad-content/`): every folder is a small content folder with one
 * kind of mistake, `mistake.txt` saying what it is and `expected.txt` the exact lines the validator must
 * print. Each mistake must be rejected with a message naming the file and the field or line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateContent } from '../../src/lib/content-validation.ts';

const corpus = 'tests/fixtures/bad-content';
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function read(name: string, file: string): string {
  return readFileSync(path.join(corpus, name, file), 'utf8').trim();
}

describe('the bad-content corpus', () => {
  it('holds at least 20 distinct mistakes, each described', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const mistakes = cases.map((name) => read(name, 'mistake.txt'));
    expect(new Set(mistakes).size).toBe(cases.length);
    expect(mistakes.every((mistake) => mistake.length > 0)).toBe(true);
  });

  it.each(cases)('rejects %s with the expected message, naming the file and the field or line', (name) => {
    const dir = path.join(corpus, name);
    const lines = validateContent(dir, dir).map(formatProblem);
    expect(lines).toEqual(read(name, 'expected.txt').split('\n'));
    for (const line of lines) {
      const match = /^(.+?) › (.+?): (.+)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, files = '', where = '', message = ''] = match ?? [];
      // Every file named exists in the case folder.
      for (const file of files.split(' and ')) expect(existsSync(path.join(dir, file)), `${file} in ${name}`).toBe(true);
      // The place is a line number, the file name or a field path.
      expect(where).toMatch(/^(line \d+|file name|[A-Za-z][A-Za-z]*(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)*)$/);
      expect(message.length).toBeGreaterThan(10);
    }
  });
});
