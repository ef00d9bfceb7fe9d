import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMdxBody, formatPath, formatProblem, normaliseRequestNumber, validateContent } from './content-validation.ts';

const fixtures = 'tests/fixtures/content';

/** Writes one request file into a fresh content folder and validates it. */
function validateOne(source: string, name = 'entry.mdx'): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'offlabel-content-'));
  mkdirSync(path.join(dir, 'requests'));
  writeFileSync(path.join(dir, 'requests', name), source);
  return validateContent(dir, dir).map(formatProblem);
}

const valid = `---
kind: summary
drug:
  ingredient: テスト
sources:
  - title: test
updated: "2026-11-22"
listRow:
  genericName: テスト
---
`;

describe('validateContent', () => {
  it('passes the real content folder', () => {
    expect(validateContent('content').map(formatProblem)).toEqual([]);
  });

  it('passes a valid summary record', () => {
    expect(validateContent(`${fixtures}/valid-summary`)).toEqual([]);
  });

  it('names the file, the field path, what was expected and what was found', () => {
    expect(validateContent(`${fixtures}/bad-country`).map(formatProblem)).toEqual([
      'bad-country/requests/bad-country.mdx › form.foreignApprovals[2].country: expected one of US, UK, DE, FR, CA, AU, got "JP"',
    ]);
  });

  it('names both files when two records share a request number, even written differently', () => {
    expect(validateContent(`${fixtures}/duplicates`).map(formatProblem)).toEqual([
      'duplicates/requests/fixture-a.mdx and duplicates/requests/fixture-b.mdx › requestNumber: "Ⅳ-194" and "IV-194" name the same request; each request number may be used by one record only (merge the records or correct the number)',
    ]);
  });

  it('says which field is missing and what it should hold', () => {
    expect(validateOne(valid.replace('updated: "2026-11-22"\n', ''))).toEqual([
      'requests/entry.mdx › updated: required field is missing (expected string)',
    ]);
  });

  it('suggests the right spelling for a misspelt key', () => {
    expect(validateOne(valid.replace('updated:', 'upadted:'))).toContain('requests/entry.mdx › upadted: unknown key; did you mean "updated"?');
  });

  it('reports a wrong value with the value found', () => {
    expect(validateOne(valid.replace('kind: summary\n', 'kind: summary\nround: V\n'))).toEqual([
      'requests/entry.mdx › round: expected one of I, II, III, IV, got "V"',
    ]);
  });

  it('points at the line of malformed YAML and says how to fix it', () => {
    const [problem] = validateOne(valid.replace('  ingredient: テスト', '  ingredient: テスト : 注射用\n   bad: [indent'));
    expect(problem).toMatch(/^requests\/entry\.mdx › line \d+: the frontmatter is not valid YAML .*quote values that contain ": "/);
  });

  it('rejects a file without frontmatter', () => {
    expect(validateOne('just text\n')).toEqual([
      'requests/entry.mdx › line 1: no frontmatter found; the file must start with a line "---", then YAML fields, then "---"',
    ]);
  });

  it('rejects a file name that cannot be an address', () => {
    expect(validateOne(valid, 'Bad Name.mdx')[0]).toMatch(/^requests\/Bad Name\.mdx › file name: "Bad Name" is not a valid id/);
  });

  it('rejects MDX bodies that would break the build, with the line in the file', () => {
    const lines = valid.split('\n').length;
    expect(validateOne(`${valid}\np<0.05 was reported\n`)).toEqual([
      `requests/entry.mdx › line ${lines + 1}: the body is not valid MDX: Unexpected character after \`<\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`) (mdx-jsx:unexpected-character). Write a literal < or { as \\< or \\{ (or &lt; and &#123;).`,
    ]);
    expect(validateOne(`${valid}\nDose {体重} mg\n`)[0]).toMatch(/line \d+: "\{体重\}" is an expression, which MDX would evaluate/);
    expect(validateOne(`${valid}\nimport x from "y"\n`)[0]).toMatch(/a line starting with "import" or "export" is code in MDX/);
    expect(validateOne(`${valid}\n<Script>alert(1)</Script>\n`)[0]).toMatch(/<Script> is not allowed here; allowed components: Note/);
  });
});

describe('checkMdxBody', () => {
  it('allows the Note component, escaped braces and comments', () => {
    expect(checkMdxBody('x', '<Note lang="ja">\n本文 \\{体重\\} と 値 \\< 1\n</Note>\n{/* comment */}\n', 1, ['Note'])).toEqual([]);
  });
});

describe('helpers', () => {
  it('writes field paths the way authors read them', () => {
    expect(formatPath(['form', 'foreignApprovals', 2, 'country'])).toBe('form.foreignApprovals[2].country');
    expect(formatPath([])).toBe('(frontmatter)');
  });

  it('treats full-width Roman numerals as the same request number', () => {
    expect(normaliseRequestNumber('Ⅳ-194')).toBe(normaliseRequestNumber('IV-194'));
    expect(normaliseRequestNumber('III-(1)-56')).not.toBe(normaliseRequestNumber('III-(1)-57'));
  });
});
