/**
 * Section 2 of the form, 要望内容に係る欧米での承認等の状況: two country checklists (approval, and standard use
 * without approval) and, for each, a table with one block of rows per country.
 *
 * The tables are read as a stream of cells: a cell naming a country (米国 … 豪州, also 豪国) starts that
 * country's rows, a field label (販売名（企業名）, ガイドライン名 …) starts a field, and other cells are the
 * field's value. A table split across pages, printed twice by the extraction, or with its countries out of
 * order still gives one row per country, in the form's country order.
 */
import type { RequestForm } from '../schemas/form.ts';
import { Country, type CountryCode } from '../data/vocabulary.ts';
import { readBlockText, type Block, type Cell } from './cells.ts';
import { readCheckboxOptions } from './checkboxes.ts';
import { parseCitationText } from './citations.ts';
import type { FormLine } from './form-sections.ts';
import type { ImportReport } from './report.ts';
import { normaliseForMatch, startsWithLabel } from './text-tools.ts';

type Mode = 'approvals' | 'standardUse';
type ApprovalField = 'brandAndCompany' | 'indication' | 'dosage' | 'remarks';
type StandardUseField = 'guidelineName' | 'indication' | 'dosage' | 'guidelineEvidence' | 'remarks';
type RowField = ApprovalField | StandardUseField;

const ROW_LABELS: Record<Mode, readonly { field: RowField; label: string }[]> = {
  approvals: [
    { field: 'brandAndCompany', label: '販売名' },
    { field: 'indication', label: '効能・効果' },
    { field: 'dosage', label: '用法・用量' },
    { field: 'remarks', label: '備考' },
  ],
  standardUse: [
    { field: 'guidelineName', label: 'ガイドライン名' },
    { field: 'indication', label: '効能・効果' },
    { field: 'dosage', label: '用法・用量' },
    { field: 'guidelineEvidence', label: 'ガイドラインの根拠論文' },
    { field: 'remarks', label: '備考' },
  ],
};

const MODE_PATHS: Record<Mode, string> = { approvals: 'form.foreignApprovals', standardUse: 'form.foreignStandardUse' };
const MODE_HEADINGS: Record<Mode, string> = { approvals: '欧米等6か国での承認状況', standardUse: '欧米等6か国での標準的使用状況' };

interface RowDraft {
  line: number;
  fields: Map<RowField, { line: number; blocks: Block[] }>;
  repeats: number;
}

/** The field cells are being added to; a repeated copy of a filled field is only compared. */
interface ActiveField {
  blocks: Block[];
  repeatOf?: Block[];
}

interface TableDraft {
  headingLine?: number;
  checks: Map<CountryCode, { checked: boolean | undefined; line: number }>;
  rows: Map<CountryCode, RowDraft>;
}

/** The country a cell names on its own (米国, 豪国 …), or `undefined`. */
function countryOf(text: string): CountryCode | undefined {
  const norm = normaliseForMatch(text);
  return Country.entries.find((entry) => [entry.ja, ...entry.aliases].some((name) => normaliseForMatch(name) === norm))?.code;
}

/** The country an option of a checklist names (its text starts with the country's name). */
function countryAtStart(text: string): CountryCode | undefined {
  const norm = normaliseForMatch(text);
  return Country.entries.find((entry) => [entry.ja, ...entry.aliases].some((name) => norm.startsWith(normaliseForMatch(name))))?.code;
}

function isSubHeading(text: string): boolean {
  const norm = normaliseForMatch(text);
  return /^[[［〔【]?欧米等?(6か国|各国)での(承認内容|標準的使用内容)/u.test(norm);
}

function cellBlocksText(cell: Cell): string {
  return cell.blocks.map(readBlockText).join('\n').trim();
}

function textOf(blocks: readonly Block[]): string {
  return blocks
    .map(readBlockText)
    .filter((text) => text !== '')
    .join('\n')
    .trim();
}

/** Reads the cells of section 2 into the two tables. */
function collectTables(lines: readonly FormLine[], report: ImportReport): Record<Mode, TableDraft> {
  const tables: Record<Mode, TableDraft> = {
    approvals: { checks: new Map(), rows: new Map() },
    standardUse: { checks: new Map(), rows: new Map() },
  };
  let mode: Mode | undefined;
  let row: { country: CountryCode; draft: RowDraft; seenFields: Set<RowField> } | undefined;
  let field: ActiveField | undefined;
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const note of cell.notes) report.addOddity(mode ? MODE_PATHS[mode] : 'form.foreignApprovals', cell.line, note);
      const text = cellBlocksText(cell);
      const heading = (Object.keys(MODE_HEADINGS) as Mode[]).find((key) => startsWithLabel(text, MODE_HEADINGS[key]));
      if (heading) {
        mode = heading;
        tables[heading].headingLine = cell.line;
        row = undefined;
        field = undefined;
        continue;
      }
      if (!mode) {
        if (text !== '') report.addOddity('form.foreignApprovals', cell.line, `text before the first table of section 2 was not imported: ${JSON.stringify(text.slice(0, 60))}`);
        continue;
      }
      const table = tables[mode];
      if (isSubHeading(text)) continue;
      const country = countryOf(text);
      if (country) {
        let draft = table.rows.get(country);
        if (draft) draft.repeats += 1;
        else {
          draft = { line: cell.line, fields: new Map(), repeats: 0 };
          table.rows.set(country, draft);
        }
        row = { country, draft, seenFields: new Set() };
        field = undefined;
        continue;
      }
      if (!row) {
        // Before the first country: the checklist of countries.
        for (const option of readCheckboxOptions(cell.blocks)) {
          const checked = countryAtStart(option.text);
          if (checked) table.checks.set(checked, { checked: option.checked, line: option.line });
        }
        continue;
      }
      const label = ROW_LABELS[mode].find((candidate) => !row?.seenFields.has(candidate.field) && startsWithLabel(text, candidate.label));
      if (label && cell.blocks.length === 1 && text.length <= 60) {
        row.seenFields.add(label.field);
        const existing = row.draft.fields.get(label.field);
        if (existing && existing.blocks.length > 0) {
          field = { blocks: [], repeatOf: existing.blocks };
        } else {
          const fresh = { line: cell.line, blocks: [] };
          row.draft.fields.set(label.field, fresh);
          field = { blocks: fresh.blocks };
        }
        continue;
      }
      if (!field) {
        if (text !== '') report.addOddity(`${MODE_PATHS[mode]}.${row.country}`, cell.line, `value without a field label was not imported: ${JSON.stringify(text.slice(0, 60))}`);
        continue;
      }
      if (field.repeatOf) {
        const before = textOf(field.repeatOf);
        const now = textOf(cell.blocks);
        if (before !== now && !before.includes(now)) report.addOddity(`${MODE_PATHS[mode]}.${row.country}`, cell.line, `the row is printed twice with different text (${JSON.stringify(now.slice(0, 40))}); kept the first`);
        continue;
      }
      field.blocks.push(...cell.blocks);
    }
  }
  return tables;
}

function tick(table: TableDraft, country: CountryCode, path: string, report: ImportReport): boolean | undefined {
  const check = table.checks.get(country);
  if (!check) {
    report.addOddity(path, table.headingLine, `${Country.get(country).ja}: checkbox not found in the text; left unset`);
    return undefined;
  }
  if (check.checked === undefined) {
    report.addOddity(path, check.line, `${Country.get(country).ja}: checkbox not found in the text; left unset`);
    return undefined;
  }
  return check.checked;
}

function fieldText(row: RowDraft | undefined, name: RowField): string | undefined {
  const value = row?.fields.get(name);
  if (!value) return undefined;
  const text = textOf(value.blocks);
  return text === '' ? undefined : text;
}

/** What section 2 gives to the form. */
export type Section2 = Pick<RequestForm, 'foreignApprovals' | 'foreignStandardUse'>;

/** Reads section 2: one row per country for each table, in the form's order of countries. */
export function parseSection2(lines: readonly FormLine[], headingLine: number, report: ImportReport): Section2 {
  const tables = collectTables(lines, report);
  const foreignApprovals: Section2['foreignApprovals'] = [];
  const foreignStandardUse: Section2['foreignStandardUse'] = [];
  for (const mode of ['approvals', 'standardUse'] as const) {
    const table = tables[mode];
    const path = MODE_PATHS[mode];
    if (table.headingLine === undefined) {
      report.addMissing(path, 'absent', headingLine);
      continue;
    }
    for (const { code } of Country.entries) {
      const row = table.rows.get(code);
      const checked = tick(table, code, `${path}.${code}`, report);
      if (row && row.repeats > 0) report.addOddity(`${path}.${code}`, row.line, `the rows of ${Country.get(code).ja} appear ${row.repeats + 1} times (the extraction printed the table more than once); merged`);
      if (!row && checked === undefined) continue;
      if (!row) report.addOddity(`${path}.${code}`, table.headingLine, `no rows for ${Country.get(code).ja} in the table; only the checkbox was imported`);
      if (mode === 'approvals') {
        const entry: Section2['foreignApprovals'][number] = { country: code };
        if (checked !== undefined) entry.approved = checked;
        for (const name of ['brandAndCompany', 'indication', 'dosage', 'remarks'] as const) {
          const text = fieldText(row, name);
          if (text !== undefined) entry[name] = text;
        }
        foreignApprovals.push(entry);
      } else {
        const guidelineEvidence: Section2['foreignStandardUse'][number]['guidelineEvidence'] = [];
        for (const block of row?.fields.get('guidelineEvidence')?.blocks ?? []) {
          const text = readBlockText(block);
          const citation = text.replace(/^\d+[.)．）]\s*/u, '');
          if (citation !== '') guidelineEvidence.push(parseCitationText(citation));
        }
        const entry = { country: code } as Section2['foreignStandardUse'][number];
        if (checked !== undefined) entry.used = checked;
        for (const name of ['guidelineName', 'indication', 'dosage'] as const) {
          const text = fieldText(row, name);
          if (text !== undefined) entry[name] = text;
        }
        entry.guidelineEvidence = guidelineEvidence;
        const remarks = fieldText(row, 'remarks');
        if (remarks !== undefined) entry.remarks = remarks;
        foreignStandardUse.push(entry);
      }
    }
    const rows = mode === 'approvals' ? foreignApprovals.length : foreignStandardUse.length;
    report.addFound(path, table.headingLine, `${rows} countries`);
  }
  return { foreignApprovals, foreignStandardUse };
}
