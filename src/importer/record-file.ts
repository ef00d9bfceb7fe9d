/**
 * Writing a record as an MDX file and proving it reads back unchanged.
 *
 * All imported text goes into the YAML frontmatter, which the site renders as escaped text; the MDX body
 * holds only what editors wrote. The frontmatter is written with the `yaml` library in YAML 1.1 mode, so
 * that every string a YAML 1.1 reader could take for something else (`2013-11-07`, `yes`, `0755`, `1:20`)
 * is quoted: Astro and the project's validator read frontmatter with js-yaml 4 (YAML 1.1), which turns an
 * unquoted date into a Date. Quoting keeps every value a string, as the record meant it.
 *
 * {@link verifyRecordText} is the gate every file passes before it is written: the frontmatter must parse
 * back to exactly the data that was serialised, the record must pass the schema, and the body must be
 * valid MDX that uses only the allowed components.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document } from 'yaml';
import { checkMdxBody, describeIssues, splitFrontmatter, type ContentProblem } from '../lib/content-validation.ts';
import { requestSchema } from '../schemas/request.ts';

/** Components a request's MDX body may use (the same list `npm run validate` allows). */
export const BODY_COMPONENTS: readonly string[] = ['Note'];

/** Serialises frontmatter data and an MDX body into the text of a record file. */
export function serializeRecord(data: Record<string, unknown>, body: string): string {
  const document = new Document(data, { version: '1.1', aliasDuplicateObjects: false });
  const yaml = document.toString({ lineWidth: 0, blockQuote: 'literal', defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', directives: false });
  return `---\n${yaml}---\n${body}`;
}

/**
 * Checks the text of a record file: it must split into frontmatter and body, the frontmatter must parse to
 * `expected` exactly (when given), pass the request schema, and the body must be safe MDX. Returns the
 * problems; an empty list means the file can be written.
 */
export function verifyRecordText(file: string, text: string, expected?: unknown): ContentProblem[] {
  const split = splitFrontmatter(file, text);
  if ('message' in split) return [split];
  const problems: ContentProblem[] = [];
  if (expected !== undefined && !isDeepStrictEqual(split.data, expected)) {
    problems.push({ file, where: '(frontmatter)', message: 'the frontmatter does not read back as the data that was written (a YAML quoting problem in the importer); please report this' });
  }
  const result = requestSchema.safeParse(split.data);
  if (!result.success) problems.push(...describeIssues(file, result.error.issues, split.data, requestSchema));
  problems.push(...checkMdxBody(file, split.body, split.bodyLine, BODY_COMPONENTS));
  return problems;
}

/** The frontmatter and body of an existing record file, or the problem that stops it being read. */
export function readRecordText(file: string, text: string): { data: Record<string, unknown>; body: string } | ContentProblem {
  const split = splitFrontmatter(file, text);
  if ('message' in split) return split;
  return { data: split.data as Record<string, unknown>, body: split.body };
}
