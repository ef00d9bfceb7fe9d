/**
 * Turning a parsed form into a whole record: the form goes under `form:`, and the record metadata the
 * form does not state (request number, round, working group, status) stays empty.
 *
 * Editorial fields — `summary`, `drug`, `sources`, `scheme`, the status history, the request number and
 * the other metadata, and the MDX body — belong to the editors. When a record for the same request
 * already exists (re-importing with `--force`, or turning a summary record into a full one), those are
 * kept exactly and only `form` and `updated` are replaced.
 */
import type { RequestForm } from '../schemas/form.ts';
import type { Source } from '../schemas/common.ts';
import { FormVersion } from '../data/vocabulary.ts';
import type { ImportReport } from './report.ts';
import { slugifyDrugName, findIndicationKeyword, joinIdParts } from './record-id.ts';

/** What the user can add to a form import from the command line (all editorial, all optional). */
export interface FormRecordOptions {
  /** Date of the record, YYYY-MM-DD. */
  updated: string;
  /** The drug's INN, lower case. */
  inn?: string;
  /** The editors' English translation of the requested indication. */
  indicationEn?: string;
  /** Address the form was published at. */
  sourceUrl?: string;
  /** Title of the source, instead of the generated one. */
  sourceTitle?: string;
}

/** Keys of the metadata kept from an existing record, in the order the schema lists them. */
const EDITORIAL_KEYS = ['requestNumber', 'round', 'scheme', 'leadWg', 'pediatricWg', 'drug', 'indicationEn', 'summary', 'statusHistory', 'sources'] as const;

/** The ingredient name without formulation notes: the name up to the first bracket or space. */
export function deriveIngredient(genericName: string): string {
  const head = genericName.split(/[\s(（[［]/u)[0] ?? '';
  return head === '' ? genericName.trim() : head;
}

/** The brand name without strength and form: the first word of 販売名. */
export function deriveBrandName(brandName: string): string {
  const head = brandName.split(/[\s(（]/u)[0] ?? '';
  return head === '' ? brandName.trim() : head;
}

/** Empty `guidelineEvidence` lists are left out: the schema fills them in, and they only add noise. */
function pruneForm(form: RequestForm): Record<string, unknown> {
  return {
    ...form,
    foreignStandardUse: form.foreignStandardUse.map((row) => (row.guidelineEvidence.length > 0 ? row : Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'guidelineEvidence')))),
  };
}

/** The metadata of a record imported from a form with no existing record to merge. */
function freshMetadata(form: RequestForm, options: FormRecordOptions, input: string, report: ImportReport): Record<string, unknown> {
  const ingredient = deriveIngredient(form.drug.genericName);
  const drug: Record<string, unknown> = { ingredient };
  if (options.inn !== undefined) drug.inn = options.inn;
  if (form.drug.brandName !== undefined) drug.brandNames = [deriveBrandName(form.drug.brandName)];
  report.addNote(`Derived drug names: ingredient ${ingredient}${form.drug.brandName === undefined ? '' : `, brand ${deriveBrandName(form.drug.brandName)}`}${options.inn === undefined ? '' : `, INN ${options.inn} (given with --inn or inn: in the form’s .yaml)`}; edit drug: by hand if they need it.`);
  const scheme = form.version === 'betten1-2' ? 'rapid' : 'standard';
  const source: Record<string, unknown> = {
    title: options.sourceTitle ?? `未承認薬・適応外薬の要望（${FormVersion.get(form.version).ja}）${ingredient}${form.requester.name === undefined ? '' : ` — ${form.requester.name}`}`,
  };
  if (options.sourceUrl !== undefined) source.url = options.sourceUrl;
  const file = input.split(/[\\/]/).at(-1) ?? input;
  const from = /\.pdf$/i.test(file) ? `imported from its PDF (${file})` : `imported from the text extracted from its PDF (${file})`;
  source.note = `The request form as filed, ${from}. The form itself states no request number, round, working group or outcome.`;
  const fresh: Record<string, unknown> = { scheme, drug, statusHistory: [], sources: [source] };
  if (options.indicationEn !== undefined) fresh.indicationEn = options.indicationEn;
  return fresh;
}

/**
 * Builds the frontmatter of a form record. With `existing` (the frontmatter of the record being
 * re-imported), every editorial key it has is kept as it is.
 */
export function buildFormRecord(form: RequestForm, options: FormRecordOptions, input: string, report: ImportReport, existing?: Record<string, unknown>): Record<string, unknown> {
  const fresh = freshMetadata(form, options, input, report);
  const metadata: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const key of EDITORIAL_KEYS) {
    if (existing && key in existing) {
      metadata[key] = existing[key];
      kept.push(key);
    } else if (key in fresh) metadata[key] = fresh[key];
  }
  const formSource = (fresh.sources as Record<string, unknown>[])[0];
  if (existing && options.sourceUrl !== undefined && Array.isArray(metadata.sources) && formSource) {
    // A form source named on the command line is added to the sources the editors already have.
    const sources = metadata.sources as Source[];
    if (!sources.some((source) => source.url === options.sourceUrl)) metadata.sources = [...sources, formSource];
  }
  if (existing?.kind === 'summary') report.addNote('The existing record was a summary record; it becomes a full-form record and keeps its metadata.');
  if (kept.length > 0) report.addNote(`Kept from the existing record: ${kept.join(', ')} (and the MDX body).`);
  return { kind: 'form', ...metadata, updated: options.updated, form: pruneForm(form) };
}

/** The id a form record gets when none is given: INN (or romanised ingredient) plus an indication keyword. */
export function deriveFormRecordId(form: RequestForm, inn: string | undefined): string | undefined {
  return joinIdParts([slugifyDrugName(inn, deriveIngredient(form.drug.genericName)), findIndicationKeyword(form.requestedIndication)]);
}
