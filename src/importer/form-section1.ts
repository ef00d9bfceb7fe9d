/**
 * Section 1 of the form, 要望内容に関連する事項: a two-column table of labels and values. The cells are read
 * as one stream; a cell holding a known label (要望者, 成分名, 効能・効果 …) starts a field, and the cells after
 * it are that field's value until the next label. This survives rows split across pages and label text
 * split from its instruction (the orphan cell `する。)`).
 */
import type { RequestForm } from '../schemas/form.ts';
import { ClassificationSubtype, criteriaOf, type ClassificationCode, type ClassificationSubtypeCode, type RequesterTypeCode } from '../data/vocabulary.ts';
import { readBlockText, type Block, type Cell } from './cells.ts';
import { readCheckboxOptions, type CheckboxOption } from './checkboxes.ts';
import type { FormLine } from './form-sections.ts';
import { ImportError, type ImportReport } from './report.ts';
import { cutLabel, cutLeadingGroup, normaliseForMatch, startsWithLabel } from './text-tools.ts';

type FieldKey =
  | 'requester'
  | 'priority'
  | 'drugGroup'
  | 'genericName'
  | 'brandName'
  | 'company'
  | 'relatedSociety'
  | 'classification'
  | 'requestGroup'
  | 'indication'
  | 'dosage'
  | 'notes'
  | 'orphan'
  | 'domesticApproval'
  | 'necessity'
  | 'remarks';

interface LabelSpec {
  key: FieldKey;
  labels: readonly string[];
  /** The field is recognised only before any of these has been seen. */
  before?: readonly FieldKey[];
  /** The field is recognised only after one of these has been seen. */
  after?: readonly FieldKey[];
}

/** Labels of section 1, in form order. 要望する品目 / 関連企業名 / 募集対象の分類 are the rapid form's wording. */
const LABELS: readonly LabelSpec[] = [
  { key: 'requester', labels: ['要望者'] },
  { key: 'priority', labels: ['優先順位'] },
  { key: 'drugGroup', labels: ['要望する医薬品', '要望する品目'] },
  { key: 'genericName', labels: ['成分名(一般名)', '成分名'] },
  { key: 'brandName', labels: ['販売名'] },
  { key: 'company', labels: ['会社名', '関連企業名'] },
  { key: 'relatedSociety', labels: ['国内関連学会'] },
  { key: 'classification', labels: ['未承認薬・適応外薬の分類', '募集対象の分類'] },
  { key: 'requestGroup', labels: ['要望内容'] },
  { key: 'indication', labels: ['効能・効果'], before: ['orphan', 'domesticApproval', 'necessity'] },
  { key: 'dosage', labels: ['用法・用量'], before: ['orphan', 'domesticApproval', 'necessity'] },
  { key: 'notes', labels: ['備考'], before: ['orphan', 'domesticApproval', 'necessity'] },
  { key: 'orphan', labels: ['希少疾病用医薬品の該当性'] },
  { key: 'domesticApproval', labels: ['国内の承認内容'] },
  { key: 'necessity', labels: ['「医療上の必要性に係る基準」への該当性', '医療上の必要性に係る基準'] },
  { key: 'remarks', labels: ['備考'], after: ['orphan', 'domesticApproval', 'necessity'] },
];

/** Record paths used in the report for each field. */
const FIELD_PATHS: Record<FieldKey, string> = {
  requester: 'form.requester',
  priority: 'form.priority',
  drugGroup: 'form.drug',
  genericName: 'form.drug.genericName',
  brandName: 'form.drug.brandName',
  company: 'form.drug.company',
  relatedSociety: 'form.relatedSociety',
  classification: 'form.classification',
  requestGroup: 'form.requestedIndication',
  indication: 'form.requestedIndication',
  dosage: 'form.requestedDosage',
  notes: 'form.pediatricRequest',
  orphan: 'form.orphan',
  domesticApproval: 'form.domesticApproval',
  necessity: 'form.necessity',
  remarks: 'form.section1Remarks',
};

interface FieldSlot {
  key: FieldKey;
  line: number;
  blocks: Block[];
  /** The label had an instruction in brackets; a page break may have split its end off into an orphan cell. */
  hadInstruction: boolean;
}

/** Words that mark a bracket after a label as the form's instruction, not a value. */
const INSTRUCTION_WORDS = /チェック|記載|該当する|のみ|一般名|ある場合|推定|選択|複数/u;

/** Tries to read a cell as a label; returns the slot it opens and any value text in the same cell. */
function matchLabel(cell: Cell, seen: ReadonlySet<FieldKey>): FieldSlot | undefined {
  const [first, ...rest] = cell.blocks;
  if (!first) return undefined;
  const text = readBlockText(first);
  const norm = normaliseForMatch(text);
  for (const spec of LABELS) {
    if (seen.has(spec.key)) continue;
    if (spec.before?.some((key) => seen.has(key))) continue;
    if (spec.after && !spec.after.some((key) => seen.has(key))) continue;
    for (const label of spec.labels) {
      if (!norm.startsWith(normaliseForMatch(label))) continue;
      const after = cutLabel(text, label);
      if (after === undefined) continue;
      let value = after;
      let instruction = false;
      const group = cutLeadingGroup(after);
      if (group && (INSTRUCTION_WORDS.test(group.group) || !group.closed)) {
        value = group.rest;
        instruction = true;
      } else if (/^[:：]/.test(after)) {
        value = after.slice(1).trim();
      } else if (after !== '') {
        // A value that merely starts with a label word (e.g. 備考欄…) is not a label.
        continue;
      }
      const blocks: Block[] = value === '' ? [] : [{ line: first.line, inlines: [{ kind: 'text', text: value }] }];
      return { key: spec.key, line: cell.line, blocks: [...blocks, ...rest], hadInstruction: instruction };
    }
  }
  return undefined;
}

/** Whether a cell is the orphaned end of a label instruction split by a page break, e.g. `する。)`. */
function isOrphanInstructionEnd(cell: Cell): boolean {
  if (cell.blocks.length !== 1) return false;
  const text = normaliseForMatch(cellTextOf(cell));
  return text.length > 0 && text.length <= 15 && /[)]$/.test(text) && !text.includes('(');
}

function cellTextOf(cell: Cell): string {
  return cell.blocks.map(readBlockText).join('\n');
}

/** Groups the cells of section 1 into labelled fields. */
function collectFields(lines: readonly FormLine[], report: ImportReport): Map<FieldKey, FieldSlot> {
  const fields = new Map<FieldKey, FieldSlot>();
  let current: FieldSlot | undefined;
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const note of cell.notes) report.addOddity(current ? FIELD_PATHS[current.key] : 'form', cell.line, note);
      const slot = matchLabel(cell, new Set(fields.keys()));
      if (slot) {
        fields.set(slot.key, slot);
        current = slot;
        continue;
      }
      if (current?.hadInstruction && isOrphanInstructionEnd(cell)) {
        report.addOddity(FIELD_PATHS[current.key], cell.line, `orphan cell ${JSON.stringify(cellTextOf(cell))} is the end of the label's instruction, split off by a page break; dropped`);
        current.hadInstruction = false;
        continue;
      }
      if (!current) {
        const text = cellTextOf(cell);
        if (text !== '') report.addOddity('form', cell.line, `text before the first field of section 1 was not imported: ${JSON.stringify(text.slice(0, 60))}`);
        continue;
      }
      current.blocks.push(...cell.blocks);
    }
  }
  return fields;
}

/** The value of a field as text, one paragraph per line; `undefined` when blank. */
function valueText(slot: FieldSlot | undefined): string | undefined {
  if (!slot) return undefined;
  const text = slot.blocks
    .map(readBlockText)
    .filter((line) => line !== '')
    .join('\n')
    .trim();
  return text === '' ? undefined : text;
}

function firstLine(slot: FieldSlot): number {
  return slot.blocks[0]?.line ?? slot.line;
}

/** Records a text field in the report and returns it. */
function takeText(slot: FieldSlot | undefined, path: string, report: ImportReport): string | undefined {
  if (!slot) {
    report.addMissing(path, 'absent');
    return undefined;
  }
  const text = valueText(slot);
  if (text === undefined) report.addMissing(path, 'blank', slot.line);
  else report.addFound(path, firstLine(slot));
  return text;
}

/** Finds a bracketed marker such as （選定理由） or <推定方法> in either width; returns its span. */
function findMarker(text: string, word: string, brackets: 'round' | 'angle'): { start: number; end: number } | undefined {
  const open = brackets === 'round' ? '[(（]' : '[<＜]';
  const close = brackets === 'round' ? '[)）]' : '[>＞]';
  const pattern = new RegExp(`${open}\\s*${word.split('').join('\\s*')}\\s*${close}`, 'u');
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

const REQUESTER_OPTIONS: readonly { code: RequesterTypeCode; word: string; nameLabel: string }[] = [
  { code: 'academicSociety', word: '学会', nameLabel: '学会名' },
  { code: 'patientGroup', word: '患者団体', nameLabel: '患者団体名' },
  { code: 'individual', word: '個人', nameLabel: '氏名' },
];

/** The name written beside a requester option, inside `(学会名; …)` or next to the word. */
function requesterName(option: CheckboxOption, word: string, nameLabel: string): { name?: string; conflict?: string } {
  const rest = cutLabel(option.text, word) ?? '';
  const inner = new RegExp(`[(（]\\s*${nameLabel}\\s*[;；:：]?\\s*([^)）]*)[)）]`, 'u').exec(rest);
  const inside = inner?.[1]?.trim() ?? '';
  const outside = (inner ? rest.slice(0, inner.index) + rest.slice(inner.index + inner[0].length) : rest).trim();
  if (inside !== '' && outside !== '' && inside !== outside) return { name: inside, conflict: outside };
  const name = inside || outside;
  return name === '' ? {} : { name };
}

function parseRequester(input: string, slot: FieldSlot | undefined, report: ImportReport): RequestForm['requester'] {
  if (!slot) throw new ImportError(input, undefined, 'the field 要望者 (requester) was not found in section 1', 'check that the first page of the form was extracted');
  const options = readCheckboxOptions(slot.blocks)
    .map((option) => ({ option, spec: REQUESTER_OPTIONS.find((candidate) => startsWithLabel(option.text, candidate.word)) }))
    .filter((entry): entry is { option: CheckboxOption; spec: (typeof REQUESTER_OPTIONS)[number] } => entry.spec !== undefined);
  const named = options.map((entry) => ({ ...entry, ...requesterName(entry.option, entry.spec.word, entry.spec.nameLabel) }));
  const ticked = named.filter((entry) => entry.option.checked === true);
  let chosen = ticked[0];
  if (ticked.length > 1) report.addOddity('form.requester.type', slot.line, `${ticked.length} requester boxes are ticked; took the first (${chosen?.spec.word ?? ''})`);
  if (!chosen) {
    const withName = named.filter((entry) => entry.name !== undefined);
    if (withName.length === 1) {
      chosen = withName[0];
      report.addOddity('form.requester.type', slot.line, `no requester box is ticked in the text; took ${chosen?.spec.word ?? ''}, the only option with a name written beside it`);
    }
  }
  if (!chosen) {
    throw new ImportError(
      input,
      slot.line,
      'the requester type (学会 / 患者団体 / 個人) cannot be read: no box is ticked and no name is written beside one option',
      'mark the ticked option in the text with ☑ (e.g. "☑ 学会 …") and import again',
    );
  }
  report.addFound('form.requester.type', chosen.option.line, chosen.spec.code);
  if (chosen.conflict) report.addOddity('form.requester.name', chosen.option.line, `two names are written (${JSON.stringify(chosen.name)} and ${JSON.stringify(chosen.conflict)}); kept the one inside the brackets`);
  if (chosen.name === undefined) report.addMissing('form.requester.name', 'blank', chosen.option.line);
  else report.addFound('form.requester.name', chosen.option.line);
  return chosen.name === undefined ? { type: chosen.spec.code } : { type: chosen.spec.code, name: chosen.name };
}

function parsePriority(slot: FieldSlot | undefined, report: ImportReport): RequestForm['priority'] {
  const text = valueText(slot);
  if (!slot || text === undefined) {
    report.addMissing('form.priority', slot ? 'blank' : 'absent', slot?.line);
    return undefined;
  }
  const norm = text.normalize('NFKC');
  const rank = /(\d+)\s*位/u.exec(norm)?.[1];
  const outOf = /全\s*(\d+)\s*要望/u.exec(norm)?.[1];
  const priority: NonNullable<RequestForm['priority']> = {};
  if (rank !== undefined && Number(rank) > 0) priority.rank = Number(rank);
  if (outOf !== undefined && Number(outOf) > 0) priority.outOf = Number(outOf);
  if (priority.rank === undefined && priority.outOf === undefined) {
    report.addOddity('form.priority', slot.line, `cannot read a rank from ${JSON.stringify(text)}; left unset`);
    return undefined;
  }
  report.addFound('form.priority', firstLine(slot), `${priority.rank ?? '?'} of ${priority.outOf ?? '?'}`);
  return priority;
}

function parseRelatedSociety(slot: FieldSlot | undefined, report: ImportReport): RequestForm['relatedSociety'] {
  const text = takeText(slot, 'form.relatedSociety', report);
  if (text === undefined) return undefined;
  const marker = findMarker(text, '選定理由', 'round');
  const name = (marker ? text.slice(0, marker.start) : text).trim();
  const reason = marker ? text.slice(marker.end).trim() : '';
  const society: NonNullable<RequestForm['relatedSociety']> = {};
  if (name !== '') society.name = name;
  if (reason !== '') society.reason = reason;
  return society;
}

interface ClassificationOption {
  key: string;
  classification: ClassificationCode;
  subtype?: ClassificationSubtypeCode;
}

/** The options of 分類 (別添様式1) and 募集対象の分類 (別添様式1-2), keyed by the start of their text. */
const CLASSIFICATION_OPTIONS: readonly ClassificationOption[] = [
  { key: '未承認薬', classification: 'unapproved' },
  { key: '適応外薬', classification: 'offLabel' },
  { key: '2009年4月以降', classification: 'unapproved', subtype: 'unapproved.fdaEmaSince2009Apr' },
  { key: '医師主導治験や先進医療B', classification: 'offLabel', subtype: 'offLabel.iitOrSenshinB' },
  { key: '国内第III相', classification: 'rapid', subtype: 'rapid.domesticPh3Iit' },
  { key: '優れた試験成績', classification: 'rapid', subtype: 'rapid.publishedExcellentResults' },
  { key: '先進医療Bで一定の実績', classification: 'rapid', subtype: 'rapid.senshinB' },
];

function parseClassification(
  input: string,
  slot: FieldSlot | undefined,
  report: ImportReport,
): { classification: ClassificationCode; subtype?: ClassificationSubtypeCode } {
  if (!slot) throw new ImportError(input, undefined, 'the field 未承認薬・適応外薬の分類 (classification) was not found in section 1', 'check that the first page of the form was extracted');
  let parent: ClassificationCode | undefined;
  let classification: { code: ClassificationCode; line: number } | undefined;
  let subtype: { code: ClassificationSubtypeCode; line: number } | undefined;
  const lost: string[] = [];
  for (const option of readCheckboxOptions(slot.blocks)) {
    const spec = CLASSIFICATION_OPTIONS.find((candidate) => startsWithLabel(option.text, candidate.key));
    let code: ClassificationSubtypeCode | undefined = spec?.subtype;
    if (!spec && startsWithLabel(option.text, '上記以外') && parent !== undefined && parent !== 'rapid') {
      code = parent === 'unapproved' ? 'unapproved.other' : 'offLabel.other';
    }
    if (spec && !spec.subtype) parent = spec.classification;
    if (!spec && !code) continue;
    if (option.checked === undefined) {
      lost.push(option.text.slice(0, 20));
      continue;
    }
    if (!option.checked) continue;
    if (code) {
      if (subtype) report.addOddity('form.classificationSubtype', option.line, `more than one sub-type is ticked; kept ${subtype.code}`);
      else subtype = { code, line: option.line };
    } else if (spec) {
      if (classification) report.addOddity('form.classification', option.line, `more than one classification is ticked; kept ${classification.code}`);
      else classification = { code: spec.classification, line: option.line };
    }
  }
  for (const text of lost) report.addOddity('form.classification', slot.line, `checkbox of option ${JSON.stringify(text)} not found in the text; read as not ticked`);
  if (!classification && subtype) {
    const owner = ClassificationSubtype.get(subtype.code).classification;
    if (owner === 'rapid') classification = { code: 'rapid', line: subtype.line };
    else {
      classification = { code: owner, line: subtype.line };
      report.addOddity('form.classification', subtype.line, `no classification box is ticked; took ${owner}, the owner of the ticked sub-type`);
    }
  }
  if (!classification) {
    throw new ImportError(
      input,
      slot.line,
      'the classification (未承認薬 / 適応外薬 / 募集対象の分類) cannot be read: no box is ticked in the text',
      'mark the ticked option in the text with ☑ (e.g. "☑ 適応外薬") and import again',
    );
  }
  report.addFound('form.classification', classification.line, classification.code);
  if (subtype && ClassificationSubtype.get(subtype.code).classification !== classification.code) {
    report.addOddity('form.classificationSubtype', subtype.line, `the ticked sub-type ${subtype.code} does not belong to ${classification.code}; left unset`);
    subtype = undefined;
  }
  if (subtype) report.addFound('form.classificationSubtype', subtype.line, subtype.code);
  else report.addMissing('form.classificationSubtype', 'blank', slot.line);
  return subtype ? { classification: classification.code, subtype: subtype.code } : { classification: classification.code };
}

function parseNotes(slot: FieldSlot | undefined, report: ImportReport): { pediatricRequest?: boolean; requestNotes?: string } {
  if (!slot) {
    report.addMissing('form.pediatricRequest', 'absent');
    report.addMissing('form.requestNotes', 'absent');
    return {};
  }
  const out: { pediatricRequest?: boolean; requestNotes?: string } = {};
  const pediatric = readCheckboxOptions(slot.blocks).find((option) => startsWithLabel(option.text, '小児に関する要望'));
  if (!pediatric) report.addMissing('form.pediatricRequest', 'blank', slot.line);
  else if (pediatric.checked === undefined) report.addOddity('form.pediatricRequest', pediatric.line, 'checkbox 小児に関する要望 not found in the text; left unset');
  else {
    out.pediatricRequest = pediatric.checked;
    report.addFound('form.pediatricRequest', pediatric.line, String(pediatric.checked));
  }
  const text = valueText(slot) ?? '';
  const marker = findMarker(text, '特記事項等', 'round');
  let notes = marker ? text.slice(marker.end) : text.replace(/^小児に関する要望/u, '');
  const label = cutLabel(notes.trim(), '備考');
  if (label !== undefined) notes = label;
  notes = notes.replace(/小児に関する要望\s*([(（][^)）]*[)）])?/u, '').trim();
  if (notes === '') report.addMissing('form.requestNotes', 'blank', slot.line);
  else {
    out.requestNotes = notes;
    report.addFound('form.requestNotes', firstLine(slot));
  }
  return out;
}

function parseOrphan(slot: FieldSlot | undefined, report: ImportReport): RequestForm['orphan'] {
  const text = takeText(slot, 'form.orphan', report);
  if (text === undefined || !slot) return undefined;
  const marker = findMarker(text, '推定方法', 'angle');
  const before = marker ? text.slice(0, marker.start) : text;
  const method = marker ? text.slice(marker.end).trim() : '';
  const orphan: NonNullable<RequestForm['orphan']> = {};
  const count = /約\s*([\s\S]*?)\s*人/u.exec(before)?.[1]?.trim();
  if (count) orphan.estimatedPatients = count;
  else if (before.trim() !== '') {
    orphan.estimatedPatients = before.trim();
    report.addOddity('form.orphan.estimatedPatients', slot.line, 'no "約 … 人" pattern; kept the text before <推定方法> as written');
  } else report.addMissing('form.orphan.estimatedPatients', 'blank', slot.line);
  if (method !== '') orphan.estimationMethod = method;
  else report.addMissing('form.orphan.estimationMethod', 'blank', slot.line);
  if (!marker) report.addOddity('form.orphan', slot.line, 'the marker <推定方法> was not found; the estimation method is left unset');
  return orphan;
}

function parseDomesticApproval(slot: FieldSlot | undefined, classification: ClassificationCode, report: ImportReport): RequestForm['domesticApproval'] {
  const text = takeText(slot, 'form.domesticApproval', report);
  if (text === undefined || !slot) return undefined;
  const indicationMarker = findMarker(text, '効能・効果', 'round');
  const dosageMarker = findMarker(text, '用法・用量', 'round');
  const approval: NonNullable<RequestForm['domesticApproval']> = {};
  if (indicationMarker || dosageMarker) {
    const indicationEnd = dosageMarker && (!indicationMarker || dosageMarker.start > indicationMarker.start) ? dosageMarker.start : text.length;
    const indication = indicationMarker ? text.slice(indicationMarker.end, indicationEnd).trim() : '';
    const dosage = dosageMarker ? text.slice(dosageMarker.end, indicationMarker && indicationMarker.start > dosageMarker.start ? indicationMarker.start : text.length).trim() : '';
    if (indication !== '') approval.indication = indication;
    if (dosage !== '') approval.dosage = dosage;
  } else {
    approval.indication = text;
    report.addOddity('form.domesticApproval', slot.line, 'the markers （効能・効果） and （用法・用量） were not found; the whole text is kept as the indication');
  }
  if (classification !== 'offLabel') {
    report.addOddity('form.domesticApproval', slot.line, `国内の承認内容 is filled, but the request is classified ${classification} (only off-label requests have one); left out, please check the classification`);
    return undefined;
  }
  return approval.indication === undefined && approval.dosage === undefined ? undefined : approval;
}

type Axis = 'seriousness' | 'usefulness';

const AXIS_HEADINGS: Record<Axis, string> = { seriousness: '適応疾病の重篤性', usefulness: '医療上の有用性' };
const MARKS = { ア: 'A', イ: 'B', ウ: 'C' } as const;

/** Which criterion item a block is, by its mark (ア/イ/ウ) or by its wording. */
function criterionOf(axis: Axis, text: string): { code: 'A' | 'B' | 'C'; wording: 'official' | 'variant' | 'unknown' } | undefined {
  const mark = text.charAt(0);
  const byMark = mark in MARKS ? MARKS[mark as keyof typeof MARKS] : undefined;
  const body = normaliseForMatch(byMark ? text.slice(1) : text);
  for (const entry of criteriaOf[axis].entries) {
    if (body.startsWith(normaliseForMatch(entry.ja))) return { code: entry.code, wording: 'official' };
    if (entry.variants.some((variant) => body.startsWith(normaliseForMatch(variant)))) return { code: entry.code, wording: 'variant' };
  }
  return byMark ? { code: byMark, wording: 'unknown' } : undefined;
}

function parseNecessity(input: string, slot: FieldSlot | undefined, report: ImportReport): RequestForm['necessity'] {
  if (!slot) {
    throw new ImportError(
      input,
      undefined,
      'the field 「医療上の必要性に係る基準」への該当性 (criteria of medical necessity) was not found in section 1',
      'check that the page with the criteria was extracted',
    );
  }
  const axes: Record<Axis, { ticked: RequestForm['necessity']['seriousness']['ticked']; rationale: string[]; line?: number; inRationale: boolean }> = {
    seriousness: { ticked: {}, rationale: [], inRationale: false },
    usefulness: { ticked: {}, rationale: [], inRationale: false },
  };
  let axis: Axis | undefined;
  for (const block of slot.blocks) {
    const text = readBlockText(block);
    const heading = (Object.keys(AXIS_HEADINGS) as Axis[]).find((key) => normaliseForMatch(text).replace(/^\d\.?/, '') === normaliseForMatch(AXIS_HEADINGS[key]));
    if (heading) {
      axis = heading;
      axes[heading].line = block.line;
      continue;
    }
    if (!axis) {
      if (text !== '') report.addOddity('form.necessity', block.line, `text before 1. 適応疾病の重篤性 was not imported: ${JSON.stringify(text.slice(0, 60))}`);
      continue;
    }
    const state = axes[axis];
    if (/^[(（]\s*(上記の基準に該当すると考えた)?根拠\s*[)）]$/u.test(text.replace(/\s+/g, ''))) {
      state.inRationale = true;
      continue;
    }
    const [option] = readCheckboxOptions([block]);
    const criterion = state.inRationale || !option ? undefined : criterionOf(axis, option.text);
    if (!criterion || !option) {
      if (text !== '') {
        if (!state.inRationale) report.addOddity(`form.necessity.${axis}.rationale`, block.line, 'the heading （上記の基準に該当すると考えた根拠） was not found before this text; read it as the rationale');
        state.inRationale = true;
        state.rationale.push(text);
      }
      continue;
    }
    const mark = criteriaOf[axis].get(criterion.code).mark;
    if (criterion.wording === 'variant') report.addOddity(`form.necessity.${axis}.ticked.${criterion.code}`, block.line, `${mark} is worded as a known variant of the current form (e.g. 致命的/致死的, 欧米/欧米等/国内外); read as ${mark}`);
    if (criterion.wording === 'unknown') report.addOddity(`form.necessity.${axis}.ticked.${criterion.code}`, block.line, `${mark} is worded differently from every known form; read as ${mark} by its mark`);
    if (option.checked === undefined) {
      report.addOddity(`form.necessity.${axis}.ticked.${criterion.code}`, block.line, `${axis} ${mark}: checkbox not found in the text; left unset`);
    } else {
      state.ticked[criterion.code] = option.checked;
    }
  }
  const necessity = {} as RequestForm['necessity'];
  for (const key of ['seriousness', 'usefulness'] as const) {
    const state = axes[key];
    if (state.line === undefined) report.addOddity(`form.necessity.${key}`, slot.line, `the heading ${AXIS_HEADINGS[key]} was not found; no ticks or rationale read for it`);
    for (const code of ['A', 'B', 'C'] as const) {
      const value = state.ticked[code];
      if (value === undefined && state.line !== undefined && !report.oddities.some((odd) => odd.field === `form.necessity.${key}.ticked.${code}`)) {
        report.addOddity(`form.necessity.${key}.ticked.${code}`, state.line, `${key} ${criteriaOf[key].get(code).mark}: item not found in the text; left unset`);
      }
      if (value !== undefined) report.addFound(`form.necessity.${key}.ticked.${code}`, state.line ?? slot.line, String(value));
    }
    const rationale = state.rationale.join('\n').trim();
    if (rationale !== '') report.addFound(`form.necessity.${key}.rationale`, state.line ?? slot.line);
    else report.addMissing(`form.necessity.${key}.rationale`, 'blank', state.line ?? slot.line);
    necessity[key] = rationale === '' ? { ticked: state.ticked } : { ticked: state.ticked, rationale };
  }
  return necessity;
}

/** What section 1 gives to the form. */
export type Section1 = Pick<
  RequestForm,
  | 'requester'
  | 'priority'
  | 'drug'
  | 'relatedSociety'
  | 'classification'
  | 'classificationSubtype'
  | 'requestedIndication'
  | 'requestedDosage'
  | 'pediatricRequest'
  | 'requestNotes'
  | 'orphan'
  | 'domesticApproval'
  | 'necessity'
  | 'section1Remarks'
>;

function requireText(input: string, slot: FieldSlot | undefined, label: string, path: string, report: ImportReport, headingLine: number): string {
  const text = takeText(slot, path, report);
  if (text === undefined) {
    throw new ImportError(
      input,
      slot?.line ?? headingLine,
      slot ? `the field ${label} is blank; a request form must state it` : `the field ${label} was not found in section 1`,
      slot ? 'check the extraction of that cell of the form' : 'check that the first page of the form was extracted',
    );
  }
  return text;
}

/** Reads section 1 into the form's fields, reporting every field found, missing or odd. */
export function parseSection1(input: string, lines: readonly FormLine[], headingLine: number, report: ImportReport): Section1 {
  const fields = collectFields(lines, report);
  const requester = parseRequester(input, fields.get('requester'), report);
  const priority = parsePriority(fields.get('priority'), report);
  const genericName = requireText(input, fields.get('genericName'), '成分名 (generic name)', 'form.drug.genericName', report, headingLine);
  const brandName = takeText(fields.get('brandName'), 'form.drug.brandName', report);
  const company = takeText(fields.get('company'), 'form.drug.company', report);
  const relatedSociety = parseRelatedSociety(fields.get('relatedSociety'), report);
  const { classification, subtype } = parseClassification(input, fields.get('classification'), report);
  const requestedIndication = requireText(input, fields.get('indication'), '効能・効果 (requested indication)', 'form.requestedIndication', report, headingLine);
  const requestedDosage = requireText(input, fields.get('dosage'), '用法・用量 (requested dosage)', 'form.requestedDosage', report, headingLine);
  const notes = parseNotes(fields.get('notes'), report);
  const orphan = parseOrphan(fields.get('orphan'), report);
  const domesticApproval = parseDomesticApproval(fields.get('domesticApproval'), classification, report);
  const necessity = parseNecessity(input, fields.get('necessity'), report);
  const section1Remarks = takeText(fields.get('remarks'), 'form.section1Remarks', report);
  const drug: Section1['drug'] = { genericName };
  if (brandName !== undefined) drug.brandName = brandName;
  if (company !== undefined) drug.company = company;
  const section: Section1 = { requester, drug, classification, requestedIndication, requestedDosage, necessity };
  if (priority) section.priority = priority;
  if (relatedSociety) section.relatedSociety = relatedSociety;
  if (subtype) section.classificationSubtype = subtype;
  if (notes.pediatricRequest !== undefined) section.pediatricRequest = notes.pediatricRequest;
  if (notes.requestNotes !== undefined) section.requestNotes = notes.requestNotes;
  if (orphan) section.orphan = orphan;
  if (domesticApproval) section.domesticApproval = domesticApproval;
  if (section1Remarks !== undefined) section.section1Remarks = section1Remarks;
  return section;
}
