/**
 * Validates the content folder before Astro builds it, and explains every mistake in words an author can
 * act on: the file, the field path (or line), what was expected and what was found.
 *
 * Astro validates entries too, but its messages name neither the file nor the value found, and a bad
 * expression in an MDX body only fails at render time with a path into a build chunk. This module checks
 * everything up front with the same schemas, so `astro build` either starts on valid content or stops with
 * a list of problems. Used by the `contentGuard` integration, `npm run validate` and the tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { mdxToMdast } from 'satteri';
import type { z } from 'astro/zod';
import { vocabularyRegistry } from '../data/vocabulary.ts';
import { glossarySchema, type GlossaryData } from '../schemas/glossary.ts';
import { primerSchema, type PrimerData } from '../schemas/primer.ts';
import { drugSchema } from '../schemas/drug.ts';
import { meetingSchema, type MeetingData } from '../schemas/meeting.ts';
import { requesterSchema, type RequesterData } from '../schemas/requester.ts';
import { companySchema, type CompanyData } from '../schemas/company.ts';
import { requestSchema, type RequestData } from '../schemas/request.ts';
import { createRequesterIndex } from './requester-registry.ts';
import { createCompanyIndex, normaliseCompanyName } from './company-registry.ts';

/** One thing wrong with the content. */
export interface ContentProblem {
  /** Path of the file, relative to the project (or to the content folder's parent). */
  file: string;
  /** Field path such as `form.foreignApprovals[2].country`, or `line 12` for syntax errors. */
  where: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** Formats a problem as one line: `content/requests/x.mdx › field: message`. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file} › ${problem.where}: ${problem.message}`;
}

/** Renders a path of keys and indexes as `a.b[2].c`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(frontmatter)';
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitution));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

interface ZodDefLike {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDefLike } }>;
  element?: { _zod: { def: ZodDefLike } };
  innerType?: { _zod: { def: ZodDefLike } };
  in?: { _zod: { def: ZodDefLike } };
  out?: { _zod: { def: ZodDefLike } };
  options?: { _zod: { def: ZodDefLike } }[];
}

/** Every object key the schema knows, anywhere in it; used to suggest a fix for a misspelt key. */
function collectKeys(def: ZodDefLike, into = new Set<string>()): Set<string> {
  const children: ({ _zod: { def: ZodDefLike } } | undefined)[] = [def.element, def.innerType, def.in, def.out, ...(def.options ?? [])];
  if (def.shape) {
    for (const [key, child] of Object.entries(def.shape)) {
      into.add(key);
      children.push(child);
    }
  }
  for (const child of children) if (child) collectKeys(child._zod.def, into);
  return into;
}

function suggestKey(key: string, known: Set<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? `; did you mean "${best}"?` : '; remove it or check its spelling against the schema in src/schemas/';
}

/** Adds the value found to a message, unless there is none or the message already says what was found. */
function withFound(message: string, found: unknown): string {
  if (found === undefined || message.includes(', got ')) return message;
  return `${message}, got ${describeValue(found)}`;
}

/** Turns zod's issues into problems that say what was expected and what the file contains. */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[], input: unknown, schema: z.ZodType): ContentProblem[] {
  const knownKeys = collectKeys((schema as unknown as { _zod: { def: ZodDefLike } })._zod.def);
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    const found = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        problems.push({
          file,
          where: formatPath(issue.path),
          message:
            found === undefined
              ? `required field is missing (expected ${issue.expected})`
              : `expected ${issue.expected}, got ${describeValue(found)}`,
        });
        break;
      case 'invalid_value':
        problems.push({
          file,
          where: formatPath(issue.path),
          message:
            found === undefined
              ? `required field is missing (expected one of ${issue.values.map(String).join(', ')})`
              : `expected one of ${issue.values.map(String).join(', ')}, got ${describeValue(found)}`,
        });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push({ file, where: formatPath([...issue.path, key]), message: `unknown key${suggestKey(key, knownKeys)}` });
        }
        break;
      case 'too_small':
        problems.push({
          file,
          where: formatPath(issue.path),
          message:
            issue.origin === 'array'
              ? `${issue.message.startsWith('expected') ? issue.message : `expected at least ${String(issue.minimum)} item(s)`}, got ${Array.isArray(found) ? found.length : describeValue(found)}`
              : withFound(issue.message, found),
        });
        break;
      case 'invalid_union':
        problems.push({ file, where: formatPath(issue.path), message: `${issue.message}, got ${describeValue(found)}` });
        break;
      default:
        problems.push({
          file,
          where: formatPath(issue.path),
          message: issue.code === 'custom' && !issue.message.startsWith('expected') ? issue.message : withFound(issue.message, found),
        });
    }
  }
  return problems;
}

/** Frontmatter and body of an MDX or Markdown file. */
export interface SplitSource {
  /** The parsed frontmatter. */
  data: unknown;
  /** The body after the closing `---`. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

/**
 * Splits a file into frontmatter and body and parses the frontmatter with js-yaml, the parser Astro uses,
 * so that both read a value the same way. Returns a problem instead of throwing.
 */
export function splitFrontmatter(file: string, source: string): SplitSource | ContentProblem {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return { file, where: 'line 1', message: 'no frontmatter found; the file must start with a line "---", then YAML fields, then "---"' };
  }
  const raw = match[1] ?? '';
  let data: unknown;
  try {
    data = yaml.load(raw);
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return {
      file,
      where: mark ? `line ${mark.line + 2}` : 'frontmatter',
      message: `the frontmatter is not valid YAML (${reason}); quote values that contain ": " or start with a special character`,
    };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { file, where: 'line 2', message: 'the frontmatter must be YAML fields (key: value), not a single value or a list' };
  }
  return { data, body: source.slice(match[0].length), bodyLine: source.slice(0, match[0].length).split('\n').length };
}

interface MdastLike {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: MdastLike[];
}

/** One use of a component in an MDX body, with its literal string attributes. */
export interface ComponentUsage {
  /** Component name, e.g. `Term`. */
  name: string;
  /** String-valued attributes, e.g. `{ id: 'kochi-application' }`. */
  attributes: Record<string, string>;
  /** Line in the file. */
  line: number;
}

const VOID_TAG = /(?:closing tag for|corresponding closing tag for) `<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)>`/i;

/** The fix for an MDX syntax error, in the author's terms. */
function mdxHint(message: string): string {
  const voidTag = VOID_TAG.exec(message);
  if (voidTag) return `Close the empty HTML tag as <${voidTag[1] ?? 'br'} />, or write a literal < as \\<.`;
  if (message.includes('comment')) return 'Write a comment as {/* text */}, or leave it out.';
  return 'Write a literal < or { as \\< or \\{ (or &lt; and &#123;).';
}

/** A link target a body may use: http(s), mailto, a path or an anchor on this site (not `javascript:` or `data:`). */
const SAFE_URL = /^(?:https?:\/\/|mailto:|\/|#|\.{0,2}\/|[^:]*$)/i;

/**
 * Parses an MDX body with Astro's own MDX compiler and checks it: it must compile, and it may use only the
 * named components, no expressions or import/export lines (which would run code, or fail at render time far
 * from the file) and no links that would run code (`javascript:`) or embed data. Returns the problems and every component used, for cross-reference checks.
 */
export function parseMdxBody(
  file: string,
  body: string,
  bodyLine: number,
  components: readonly string[],
): { problems: ContentProblem[]; usages: ComponentUsage[] } {
  let tree: MdastLike;
  try {
    tree = mdxToMdast(body) as MdastLike;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+): /.exec(message);
    const line = position ? Number(position[1]) + bodyLine - 1 : bodyLine;
    return {
      problems: [
        {
          file,
          where: `line ${line}`,
          message: `the body is not valid MDX: ${position ? message.slice(position[0].length) : message}. ${mdxHint(message)}`,
        },
      ],
      usages: [],
    };
  }
  const problems: ContentProblem[] = [];
  const usages: ComponentUsage[] = [];
  const visit = (node: MdastLike): void => {
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
      if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value ?? '')) {
        problems.push({
          file,
          where: `line ${line}`,
          message: `"{${node.value ?? ''}}" is an expression, which MDX would evaluate; write a literal brace as \\{ and \\}`,
        });
      }
    } else if (node.type === 'mdxjsEsm') {
      problems.push({
        file,
        where: `line ${line}`,
        message: 'a line starting with "import" or "export" is code in MDX; rephrase it or write the first letter as &#105; / &#101;',
      });
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !SAFE_URL.test(node.url ?? '')) {
      problems.push({
        file,
        where: `line ${line}`,
        message: `the link "${node.url ?? ''}" is not an http(s) or mailto address nor a path on this site; a link in a body may not run code or embed data`,
      });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (!components.includes(name)) {
        problems.push({
          file,
          where: `line ${line}`,
          message: `<${name || '>'}> is not allowed here; allowed components: ${components.join(', ') || 'none'}. Write a literal < as \\<.`,
        });
      } else {
        const attributes: Record<string, string> = {};
        for (const attribute of node.attributes ?? []) {
          if (attribute.type === 'mdxJsxAttribute' && attribute.name && typeof attribute.value === 'string') {
            attributes[attribute.name] = attribute.value;
          }
        }
        usages.push({ name, attributes, line });
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { problems, usages };
}

/** Checks an MDX body (see {@link parseMdxBody}) and returns only the problems. */
export function checkMdxBody(file: string, body: string, bodyLine: number, components: readonly string[]): ContentProblem[] {
  return parseMdxBody(file, body, bodyLine, components).problems;
}

/** What to validate in one collection. */
export interface CollectionSpec {
  /** Collection name, for messages. */
  name: string;
  /** Folder of the collection. */
  dir: string;
  /** File extensions the collection reads. */
  extensions: readonly string[];
  /** The schema every entry must pass. */
  schema: z.ZodType;
  /** Components allowed in MDX bodies. */
  components?: readonly string[];
}

/** A validated entry, for cross-entry checks. */
export interface ValidatedEntry {
  /** File path as shown in messages. */
  file: string;
  /** The entry id (file name without extension, relative to the collection folder). */
  id: string;
  /** The parsed, validated data. */
  data: unknown;
  /** The MDX body, if any. */
  body: string;
  /** Components used in the body. */
  usages: ComponentUsage[];
}

function listFiles(dir: string, extensions: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => extensions.some((ext) => name.endsWith(ext)) && statSync(path.join(dir, name)).isFile())
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

/** Validates every file of a collection; returns the entries that passed and the problems found. */
export function validateCollection(spec: CollectionSpec, displayRoot: string): { entries: ValidatedEntry[]; problems: ContentProblem[] } {
  const entries: ValidatedEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const name of listFiles(spec.dir, spec.extensions)) {
    const result = validateFile(spec, name, displayRoot);
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  }
  return { entries, problems };
}

/**
 * Validates one file of a collection (`name` relative to the collection's folder): the entry when it passed,
 * and its problems. The dev server's loader uses it to check only the file an editor changed.
 */
export function validateFile(spec: CollectionSpec, name: string, displayRoot: string): { entry?: ValidatedEntry; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const absolute = path.join(spec.dir, name);
  const file = path.relative(displayRoot, absolute).split(path.sep).join('/');
  const id = name.replace(/\.[^.]+$/, '');
  if (!ID_PATTERN.test(id)) {
    problems.push({ file, where: 'file name', message: `"${id}" is not a valid id; use lower-case letters, digits and hyphens (e.g. iv-194-hydroxocobalamin)` });
  }
  const source = readFileSync(absolute, 'utf8');
  let data: unknown;
  let body = '';
  let usages: ComponentUsage[] = [];
  if (name.endsWith('.mdx') || name.endsWith('.md')) {
    const split = splitFrontmatter(file, source);
    if ('message' in split) return { problems: [...problems, split] };
    data = split.data;
    body = split.body;
    if (name.endsWith('.mdx')) {
      const parsed = parseMdxBody(file, split.body, split.bodyLine, spec.components ?? []);
      problems.push(...parsed.problems);
      usages = parsed.usages;
    }
  } else {
    try {
      data = yaml.load(source) ?? {};
    } catch (error) {
      const mark = (error as { mark?: { line: number } }).mark;
      return { problems: [...problems, { file, where: mark ? `line ${mark.line + 1}` : 'file', message: `not valid YAML (${(error as { reason?: string }).reason ?? String(error)})` }] };
    }
  }
  const result = spec.schema.safeParse(data);
  if (!result.success) return { problems: [...problems, ...describeIssues(file, result.error.issues, data, spec.schema)] };
  return { entry: { file, id, data: result.data, body, usages }, problems };
}

/**
 * Normalises a request number for comparison, so that spellings of one number count as one: Ⅳ-194 and
 * IV-194, Ⅲ-①-49 and III-(1)-49, full-width hyphens and stray spaces.
 */
export function normaliseRequestNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—―−ー－]/gu, '-')
    .replace(/[()]/g, '')
    .toUpperCase();
}

/** Finds request numbers used by more than one file, naming every file involved. */
export function findDuplicateRequestNumbers(entries: readonly ValidatedEntry[]): ContentProblem[] {
  const byNumber = new Map<string, ValidatedEntry[]>();
  for (const entry of entries) {
    const number = (entry.data as { requestNumber?: string }).requestNumber;
    if (!number) continue;
    const key = normaliseRequestNumber(number);
    byNumber.set(key, [...(byNumber.get(key) ?? []), entry]);
  }
  const problems: ContentProblem[] = [];
  for (const group of byNumber.values()) {
    if (group.length < 2) continue;
    const files = group.map((entry) => entry.file);
    problems.push({
      file: files.join(' and '),
      where: 'requestNumber',
      message: `${group.map((entry) => `"${(entry.data as { requestNumber: string }).requestNumber}"`).join(' and ')} name the same request; each request number may be used by one record only (merge the records or correct the number)`,
    });
  }
  return problems;
}

/** The collections of the site, relative to a content folder. */
export function siteCollections(contentDir: string): CollectionSpec[] {
  return [
    { name: 'requests', dir: path.join(contentDir, 'requests'), extensions: ['.mdx'], schema: requestSchema, components: ['Note'] },
    { name: 'glossary', dir: path.join(contentDir, 'glossary'), extensions: ['.yaml'], schema: glossarySchema },
    { name: 'primer', dir: path.join(contentDir, 'primer'), extensions: ['.mdx'], schema: primerSchema, components: ['Cite', 'Term', 'RequestFlow'] },
    { name: 'requesters', dir: path.join(contentDir, 'requesters'), extensions: ['.yaml'], schema: requesterSchema },
    { name: 'companies', dir: path.join(contentDir, 'companies'), extensions: ['.yaml'], schema: companySchema },
    { name: 'meetings', dir: path.join(contentDir, 'meetings'), extensions: ['.yaml'], schema: meetingSchema },
    { name: 'drugs', dir: path.join(contentDir, 'drugs'), extensions: ['.yaml'], schema: drugSchema },
  ];
}

/**
 * Checks the requester registry against the requests: every requester a request names must be in the
 * registry (so that its requests are grouped under one name in both languages), and no two entries may claim
 * one name. Skipped when the content folder has no registry (test fixtures).
 */
export function checkRequesters(requesters: readonly ValidatedEntry[], requests: readonly ValidatedEntry[], hasRegistry: boolean): ContentProblem[] {
  if (!hasRegistry) return [];
  const index = createRequesterIndex(requesters.map((entry) => ({ id: entry.id, ...(entry.data as RequesterData) })));
  return [
    ...checkNameClaims(requesters, 'requester', (name) => name.normalize('NFKC').replace(/\s+/g, '')),
    ...unregisteredNames(requests, index, 'requester', 'requesters', (data) =>
      data.kind === 'form' ? [data.form.requester.name, 'form.requester.name'] : [data.listRow.requesterName, 'listRow.requesterName'],
    ),
  ];
}

/**
 * Checks the company registry against the requests, as {@link checkRequesters} does the requester registry:
 * every company a request names must be in it, and no two entries may claim one name.
 */
export function checkCompanies(companies: readonly ValidatedEntry[], requests: readonly ValidatedEntry[], hasRegistry: boolean): ContentProblem[] {
  if (!hasRegistry) return [];
  const index = createCompanyIndex(companies.map((entry) => ({ id: entry.id, ...(entry.data as CompanyData) })));
  return [
    ...checkNameClaims(companies, 'company', normaliseCompanyName),
    ...unregisteredNames(requests, index, 'company', 'companies', (data) => (data.kind === 'form' ? [data.form.drug.company, 'form.drug.company'] : [data.listRow.company, 'listRow.company'])),
  ];
}

/** Every name a request's cell gives that the registry (`content/<folder>/`) does not know, as a problem naming the fix. */
function unregisteredNames(
  requests: readonly ValidatedEntry[],
  index: { resolve(cell: string | undefined): { unmatched: string[] } },
  kind: string,
  folder: string,
  cellOf: (data: RequestData) => [string | undefined, string],
): ContentProblem[] {
  return requests.flatMap((entry) => {
    const [cell, field] = cellOf(entry.data as RequestData);
    return index.resolve(cell).unmatched.map((name) => ({
      file: entry.file,
      where: field,
      message: `${kind} "${name}" is not in the ${kind} registry; add content/${folder}/<id>.yaml for it (or add the spelling to an entry's aliases)`,
    }));
  });
}

/** Names (Japanese name and aliases) that two entries of one registry both claim. */
function checkNameClaims(entries: readonly ValidatedEntry[], kind: string, key: (name: string) => string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const claimed = new Map<string, string>();
  for (const entry of entries) {
    const data = entry.data as { ja: string; aliases: string[] };
    for (const name of [data.ja, ...data.aliases]) {
      const other = claimed.get(key(name));
      if (other !== undefined && other !== entry.file) problems.push({ file: entry.file, where: 'aliases', message: `"${name}" is also claimed by ${other}; a name may belong to one ${kind} only` });
      claimed.set(key(name), entry.file);
    }
  }
  return problems;
}

/** Checks that each meeting's file name (council-NN) matches its number. */
function checkMeetings(meetings: readonly ValidatedEntry[]): ContentProblem[] {
  return meetings
    .filter((entry) => entry.id !== `council-${(entry.data as MeetingData).number}`)
    .map((entry) => ({ file: entry.file, where: 'number', message: `the file of meeting ${(entry.data as MeetingData).number} must be named council-${(entry.data as MeetingData).number}.yaml` }));
}

/** Checks that `<Note lang>` in request bodies names a site language. */
function checkRequestBodies(entries: readonly ValidatedEntry[]): ContentProblem[] {
  return entries.flatMap((entry) =>
    entry.usages
      .filter((usage) => usage.name === 'Note' && usage.attributes.lang !== 'ja' && usage.attributes.lang !== 'en')
      .map((usage) => ({ file: entry.file, where: `line ${usage.line}`, message: '<Note> needs lang="ja" or lang="en"' })),
  );
}

/**
 * Checks the links between collections: every `<Term id>` names a glossary term, every `<Cite id>` one of
 * the chapter's sources and every source is cited, every chapter exists in both languages with the same
 * number, and every glossary link (related term, primer chapter, vocabulary value) resolves.
 */
export function checkCrossReferences(glossary: readonly ValidatedEntry[], primer: readonly ValidatedEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const termIds = new Set(glossary.map((entry) => entry.id));
  const chapters = new Map<string, Map<string, ValidatedEntry>>();
  for (const entry of primer) {
    const [lang, slug] = entry.id.split('/');
    if (!slug || (lang !== 'ja' && lang !== 'en')) {
      problems.push({ file: entry.file, where: 'file name', message: 'a chapter must sit in primer/ja/ or primer/en/' });
      continue;
    }
    chapters.set(slug, (chapters.get(slug) ?? new Map<string, ValidatedEntry>()).set(lang, entry));
    const data = entry.data as PrimerData;
    const sourceIds = new Set(data.sources.map((source) => source.id));
    const cited = new Set<string>();
    for (const usage of entry.usages) {
      const id = usage.attributes.id;
      if (usage.name === 'Term' && (!id || !termIds.has(id))) {
        problems.push({ file: entry.file, where: `line ${usage.line}`, message: `<Term id="${id ?? ''}"> names no glossary term; add content/glossary/${id ?? '…'}.yaml or correct the id` });
      }
      if (usage.name === 'Cite') {
        if (!id || !sourceIds.has(id)) {
          problems.push({ file: entry.file, where: `line ${usage.line}`, message: `<Cite id="${id ?? ''}"> names no source of this chapter; add it to "sources" or correct the id` });
        } else cited.add(id);
      }
    }
    data.sources.forEach((source, index) => {
      if (!cited.has(source.id)) {
        problems.push({ file: entry.file, where: `sources[${index}].id`, message: `source "${source.id}" is never cited; cite it with <Cite id="${source.id}" /> or remove it` });
      }
    });
  }
  for (const [slug, byLang] of chapters) {
    const ja = byLang.get('ja');
    const en = byLang.get('en');
    if (!ja || !en) {
      const present = (ja ?? en) as ValidatedEntry;
      problems.push({ file: present.file, where: 'file name', message: `chapter "${slug}" exists only in ${ja ? 'Japanese' : 'English'}; add primer/${ja ? 'en' : 'ja'}/${slug}.mdx` });
    } else if ((ja.data as PrimerData).chapter !== (en.data as PrimerData).chapter) {
      problems.push({ file: en.file, where: 'chapter', message: `chapter number ${(en.data as PrimerData).chapter} differs from ${(ja.data as PrimerData).chapter} in ${ja.file}` });
    }
  }
  for (const lang of ['ja', 'en']) {
    const seen = new Map<number, string>();
    for (const byLang of chapters.values()) {
      const entry = byLang.get(lang);
      if (!entry) continue;
      const number = (entry.data as PrimerData).chapter;
      const other = seen.get(number);
      if (other) problems.push({ file: entry.file, where: 'chapter', message: `chapter number ${number} is also used by ${other}` });
      seen.set(number, entry.file);
    }
  }
  for (const entry of glossary) {
    const data = entry.data as GlossaryData;
    data.related.forEach((id, index) => {
      if (!termIds.has(id)) problems.push({ file: entry.file, where: `related[${index}]`, message: `"${id}" is not a glossary term` });
    });
    data.primer.forEach((link, index) => {
      if (!chapters.has(link.chapter)) problems.push({ file: entry.file, where: `primer[${index}].chapter`, message: `"${link.chapter}" is not a primer chapter; expected one of ${[...chapters.keys()].join(', ')}` });
    });
    data.vocabulary.forEach((link, index) => {
      const vocabulary = vocabularyRegistry[link.vocabulary];
      if (!vocabulary?.has(link.code)) problems.push({ file: entry.file, where: `vocabulary[${index}].code`, message: `"${link.code}" is not a code of ${link.vocabulary}` });
    });
  }
  return problems;
}

/** The result of validating the content folder: its problems, and the entries of each collection that passed. */
export interface SiteValidation {
  /** Every problem found; empty when the content is fine. */
  problems: ContentProblem[];
  /** The valid entries of each collection, by collection name. */
  entries: Map<string, ValidatedEntry[]>;
}

/** Validates the whole content folder and keeps the parsed entries (the build reuses them; see content-guard.ts). */
export function validateSite(contentDir: string, displayRoot = path.dirname(path.resolve(contentDir))): SiteValidation {
  const problems: ContentProblem[] = [];
  const entries = new Map<string, ValidatedEntry[]>();
  for (const spec of siteCollections(path.resolve(contentDir))) {
    const result = validateCollection(spec, displayRoot);
    problems.push(...result.problems);
    entries.set(spec.name, result.entries);
  }
  const requests = entries.get('requests') ?? [];
  problems.push(...findDuplicateRequestNumbers(requests), ...checkRequestBodies(requests));
  problems.push(...checkRequesters(entries.get('requesters') ?? [], requests, existsSync(path.join(path.resolve(contentDir), 'requesters'))));
  problems.push(...checkCompanies(entries.get('companies') ?? [], requests, existsSync(path.join(path.resolve(contentDir), 'companies'))));
  problems.push(...checkMeetings(entries.get('meetings') ?? []));
  problems.push(...checkCrossReferences(entries.get('glossary') ?? [], entries.get('primer') ?? []));
  return { problems, entries };
}

const HANDOVER = Symbol.for('offlabel-jp/validated-content');

/**
 * Hands a clean validation over to the content loaders, which run later in the same process but load this
 * module separately (through Vite), so that a build reads and parses every request once, not twice.
 */
export function handOverValidation(contentDir: string, validation: SiteValidation): void {
  if (validation.problems.length > 0) return;
  (globalThis as Record<symbol, unknown>)[HANDOVER] = { dir: path.resolve(contentDir), validation };
}

/** Takes the validation handed over for `contentDir`, once; later loads (the dev server after an edit) read the files again. */
export function takeValidation(contentDir: string): SiteValidation | undefined {
  const store = globalThis as Record<symbol, { dir: string; validation: SiteValidation } | undefined>;
  const handed = store[HANDOVER];
  if (!handed || handed.dir !== path.resolve(contentDir)) return undefined;
  store[HANDOVER] = undefined;
  return handed.validation;
}

/** Validates the whole content folder; the result is empty when everything is fine. */
export function validateContent(contentDir: string, displayRoot = path.dirname(path.resolve(contentDir))): ContentProblem[] {
  return validateSite(contentDir, displayRoot).problems;
}
