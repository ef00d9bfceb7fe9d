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
  inn: test
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

  it('tells how to fix an HTML void tag or an HTML comment in the body', () => {
    expect(validateOne(`${valid}\n<Note lang="ja">一行目<br>二行目</Note>\n`)[0]).toMatch(/Close the empty HTML tag as <br \/>/);
    expect(validateOne(`${valid}\n<!-- todo -->\n`)[0]).toMatch(/Write a comment as \{\/\* text \*\/\}, or leave it out\.$/);
  });

  it('shows the impossible or badly written date it found', () => {
    expect(validateOne(valid.replace('updated: "2026-11-22"', 'updated: "2023-02-29"'))).toEqual([
      'requests/entry.mdx › updated: expected a real date written as YYYY, YYYY-MM or YYYY-MM-DD, got "2023-02-29"',
    ]);
  });

  it('says once that an empty string was found, and why no source is a mistake', () => {
    expect(validateOne(valid.replace('  ingredient: テスト', '  ingredient: ""'))).toEqual([
      'requests/entry.mdx › drug.ingredient: expected text, got an empty string (leave the field out instead)',
    ]);
    expect(validateOne(valid.replace('sources:\n  - title: test\n', 'sources: []\n'))).toEqual([
      'requests/entry.mdx › sources: expected at least one source for the record, got 0',
    ]);
  });
});

describe('cross references between primer, glossary and vocabularies', () => {
  /** Builds a content folder from a map of relative paths to file contents. */
  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'offlabel-cross-'));
    for (const [name, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), source);
    }
    return dir;
  }
  const term = (extra = '') => `ja: 公知申請
reading: こうちしんせい
en: Public-knowledge-based application
short: { ja: 短い説明。, en: Short. }
definition: { ja: 説明。, en: Definition. }
sources: [{ title: test }]
${extra}`;
  const chapter = (body: string, extra = '') => `---
title: T
description: D
chapter: 1
lastReviewed: "2026-11-22"
sources:
  - id: s1
    title: Source one
${extra}---

${body}
`;

  it('accepts a chapter in both languages whose terms and citations all resolve', () => {
    const dir = folder({
      'glossary/kochi-application.yaml': term(),
      'primer/ja/one.mdx': chapter('<Term id="kochi-application">公知申請</Term>とは。<Cite id="s1" />'),
      'primer/en/one.mdx': chapter('A <Term id="kochi-application">kōchi</Term> application. <Cite id="s1" />'),
    });
    expect(validateContent(dir, dir)).toEqual([]);
  });

  it('names the file, the line and the id of an unknown term or source, and an uncited source', () => {
    const dir = folder({
      'glossary/kochi-application.yaml': term(),
      'primer/ja/one.mdx': chapter('<Term id="kochi">公知申請</Term>。<Cite id="s2" />', '  - id: s3\n    title: Never cited\n'),
      'primer/en/one.mdx': chapter('Text. <Cite id="s1" />'),
    });
    expect(validateContent(dir, dir).map(formatProblem)).toEqual([
      'primer/ja/one.mdx › line 13: <Term id="kochi"> names no glossary term; add content/glossary/kochi.yaml or correct the id',
      'primer/ja/one.mdx › line 13: <Cite id="s2"> names no source of this chapter; add it to "sources" or correct the id',
      'primer/ja/one.mdx › sources[0].id: source "s1" is never cited; cite it with <Cite id="s1" /> or remove it',
      'primer/ja/one.mdx › sources[1].id: source "s3" is never cited; cite it with <Cite id="s3" /> or remove it',
    ]);
  });

  it('requires every chapter in both languages', () => {
    const dir = folder({ 'primer/ja/one.mdx': chapter('Text. <Cite id="s1" />') });
    expect(validateContent(dir, dir).map(formatProblem)).toEqual([
      'primer/ja/one.mdx › file name: chapter "one" exists only in Japanese; add primer/en/one.mdx',
    ]);
  });

  it('checks the glossary’s links to other terms, chapters and vocabulary values', () => {
    const dir = folder({
      'glossary/kochi-application.yaml': term(
        'related: [prior-assessment]\nprimer: [{ chapter: nowhere }]\nvocabulary: [{ vocabulary: Status, code: kochi }]\n',
      ),
    });
    expect(validateContent(dir, dir).map(formatProblem)).toEqual([
      'glossary/kochi-application.yaml › related[0]: "prior-assessment" is not a glossary term',
      'glossary/kochi-application.yaml › primer[0].chapter: "nowhere" is not a primer chapter; expected one of ',
      'glossary/kochi-application.yaml › vocabulary[0].code: "kochi" is not a code of Status',
    ]);
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
