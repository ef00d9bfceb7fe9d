/**
 * The columns of an MHLW list-table CSV (`npm run import:list`) and how each cell value becomes a record
 * field. Japanese values of closed vocabularies (分類 適応外薬, WG 代謝・その他WG, 状況 要望者に確認中) map to
 * the codes of `src/data/vocabulary.ts`; an unknown value is an error that names the accepted values.
 */
import {
  Classification,
  RequesterType,
  Round,
  Scheme,
  Status,
  WorkingGroup,
  type VocabularyEntry,
  type Vocabulary,
} from '../data/vocabulary.ts';
import { isValidPartialDate } from '../schemas/common.ts';
import { readDate } from './form-literature.ts';
import { normaliseForMatch } from './text-tools.ts';

/** One column of the CSV. */
export interface ListColumn {
  /** Header text, as written in the CSV's first row. */
  name: string;
  /** Whether the header must have this column (its cells may still be blank). */
  required: boolean;
  /** What the column holds and where it goes in the record. */
  description: string;
}

/** Every column the importer reads, in the order a CSV should list them. */
export const LIST_COLUMNS: readonly ListColumn[] = [
  { name: 'ID', required: false, description: 'record id (file name); derived from 要望番号 and INN, or 回 and INN, when blank' },
  { name: '要望番号', required: false, description: 'requestNumber, as MHLW writes it (Ⅳ-194, IVS-33, III-(1)-56); blank when the source gives none' },
  { name: '回', required: false, description: 'round: I, II, III, IV (or 第Ⅰ回 …); derived from 要望番号 when blank' },
  { name: 'スキーム', required: false, description: 'scheme: standard / rapid (通常 / 迅速); derived from 要望番号 (IVS- is rapid) when blank' },
  { name: '成分名', required: true, description: 'listRow.genericName, verbatim; required on the first row of each request' },
  { name: '成分', required: false, description: 'drug.ingredient (name without salt or formulation notes); 成分名 when blank' },
  { name: 'INN', required: false, description: 'drug.inn, the English nonproprietary name, lower case (required on the first row of a new request)' },
  { name: '販売名', required: false, description: 'drug.brandNames, separated by 、 or ;' },
  { name: '要望効能・効果', required: false, description: 'listRow.requestedIndication, verbatim' },
  { name: '効能・効果（英）', required: false, description: 'indicationEn: the editors’ English translation of the requested indication (required on the first row of a new request)' },
  { name: '要望用法・用量', required: false, description: 'listRow.requestedDosage, verbatim' },
  { name: '要望者', required: false, description: 'listRow.requesterName, verbatim' },
  { name: '要望者区分', required: false, description: 'listRow.requesterType: 学会 / 患者団体 / 個人 (or the code), only when certain' },
  { name: '会社名', required: false, description: 'listRow.company, verbatim' },
  { name: '分類', required: false, description: 'listRow.classification: 未承認薬 / 適応外薬 / 未承認薬迅速実用化スキーム対象品目 (or the code)' },
  { name: 'WG', required: false, description: 'leadWg: 代謝・その他WG, 循環器WG … (or the code)' },
  { name: '小児', required: false, description: 'pediatricWg: ○ (yes) or × (no); blank when unknown' },
  { name: '検討状況', required: false, description: 'listRow.statusText, verbatim' },
  { name: '状況', required: false, description: 'one status event: a status code or its Japanese label; one row per event' },
  { name: '日付', required: false, description: 'date of the event: YYYY, YYYY-MM, YYYY-MM-DD or 平成27年3月26日; blank when the source gives none' },
  { name: '会議', required: false, description: 'meeting of the event, as the source names it' },
  { name: '状況メモ', required: false, description: 'note on the event, verbatim from the source' },
  { name: '概要（日）', required: false, description: 'summary.ja, the editors’ own words (with 概要（英）)' },
  { name: '概要（英）', required: false, description: 'summary.en, the editors’ own words (with 概要（日）)' },
  { name: '出典', required: true, description: 'title of the source of this row' },
  { name: '出典URL', required: true, description: 'address of the source of this row (the copy that was read)' },
  { name: '原典URL', required: false, description: 'address of the original the source copies (e.g. the MHLW page a wic-net copy names)' },
  { name: '出典発行者', required: false, description: 'publisher of the source' },
  { name: '出典日付', required: false, description: 'date of the source document' },
  { name: '出典メモ', required: false, description: 'what the source supports, or a caveat' },
];

/** Matches a header cell to a column, ignoring width and spaces (概要(日) is 概要（日）). */
export function findColumn(header: string): ListColumn | undefined {
  const norm = normaliseForMatch(header);
  return LIST_COLUMNS.find((column) => normaliseForMatch(column.name) === norm);
}

/**
 * Headings as MHLW's own tables print them, and the column each stands for. A table pasted from a council paper,
 * the development-request lists or an Insurance Bureau annex can be imported with its headings unchanged.
 */
export const HEADING_ALIASES: Readonly<Record<string, string>> = {
  一般名: '成分名',
  一般的名称: '成分名',
  '成分名（一般名）': '成分名',
  医薬品名: '成分名',
  募集内容: '要望効能・効果',
  対象疾病: '要望効能・効果',
  '公知とされた効能・効果等の概要': '要望効能・効果',
  '効能・効果': '要望効能・効果',
  要望内容: '要望効能・効果',
  '用法・用量': '要望用法・用量',
  要望提出者名: '要望者',
  要望者名: '要望者',
  開発の意思の申し出があった企業: '会社名',
  開発要請先企業: '会社名',
  企業名: '会社名',
  '未承認薬・適応外薬の分類': '分類',
  '未承認薬適応外薬の分類': '分類',
  小児WG: '小児',
  検討状況等: '検討状況',
  備考: '状況メモ',
};

/** Headings whose cells date an event of the row's request, and the status of that event. */
export const EVENT_DATE_HEADINGS: Readonly<Record<string, (typeof Status.codes)[number]>> = {
  承認日: 'approved',
  保険適用日: 'prior_assessment_done',
  事前評価日: 'prior_assessment_done',
  開発要請日: 'development_requested',
  公知申請日: 'kochi_filed',
  承認申請日: 'application_filed',
};

/** Headings that only number the rows of a printed table. */
const IGNORED_HEADINGS = ['No.', 'No', '番号', '通し番号'];

/** What a heading of a table stands for: a column, an event date, a row number to ignore; undefined when unknown. */
export function resolveHeading(heading: string): { kind: 'column'; column: string } | { kind: 'event'; status: (typeof Status.codes)[number] } | { kind: 'ignore' } | undefined {
  const direct = findColumn(heading);
  if (direct) return { kind: 'column', column: direct.name };
  const norm = normaliseForMatch(heading);
  const alias = Object.entries(HEADING_ALIASES).find(([name]) => normaliseForMatch(name) === norm);
  if (alias) return { kind: 'column', column: alias[1] };
  const event = Object.entries(EVENT_DATE_HEADINGS).find(([name]) => normaliseForMatch(name) === norm);
  if (event) return { kind: 'event', status: event[1] };
  if (IGNORED_HEADINGS.some((name) => normaliseForMatch(name) === norm)) return { kind: 'ignore' };
  return undefined;
}

/** A value that does not fit its column; the caller adds the row and column. */
export class CellValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellValueError';
  }
}

/** Looks a value up in a vocabulary by code, Japanese label or English label. */
function lookUp<E extends VocabularyEntry>(vocabulary: Vocabulary<E>, value: string, aliases: Readonly<Record<string, E['code']>> = {}): E['code'] {
  const norm = normaliseForMatch(value);
  const alias = Object.entries(aliases).find(([key]) => normaliseForMatch(key) === norm)?.[1];
  if (alias !== undefined) return alias;
  const entry = vocabulary.entries.find((candidate) => [candidate.code, candidate.ja, candidate.en].some((name) => normaliseForMatch(name) === norm));
  if (entry) return entry.code;
  const accepted = vocabulary.entries.map((candidate) => `${candidate.code} (${candidate.ja})`).join(', ');
  throw new CellValueError(`"${value}" is not a known value; accepted values: ${accepted}`);
}

/** 分類 → classification code. */
export function toClassification(value: string): (typeof Classification.codes)[number] {
  return lookUp(Classification, value, { 迅速実用化スキーム: 'rapid', 未承認薬迅速実用化スキーム: 'rapid' });
}

/** 要望者区分 → requester-type code. */
export function toRequesterType(value: string): (typeof RequesterType.codes)[number] {
  return lookUp(RequesterType, value);
}

/** WG → working-group code; the WG suffix may be left out (代謝・その他 is metabolism). */
export function toWorkingGroup(value: string): (typeof WorkingGroup.codes)[number] {
  const withSuffix = /wg$/i.test(value.normalize('NFKC').trim()) ? value : `${value}WG`;
  try {
    return lookUp(WorkingGroup, withSuffix);
  } catch {
    return lookUp(WorkingGroup, value);
  }
}

/** 状況 → status code. */
export function toStatus(value: string): (typeof Status.codes)[number] {
  return lookUp(Status, value);
}

/** スキーム → scheme code. */
export function toScheme(value: string): (typeof Scheme.codes)[number] {
  return lookUp(Scheme, value, { 迅速: 'rapid', 通常: 'standard' });
}

/** 回 → round code; 第Ⅳ回, IV, 4 all give IV. */
export function toRound(value: string): (typeof Round.codes)[number] {
  const norm = value.normalize('NFKC').replace(/\s+/g, '').replace(/^第/, '').replace(/回$/, '').toUpperCase();
  const numbers: Record<string, (typeof Round.codes)[number]> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };
  const code = numbers[norm] ?? norm;
  if (Round.has(code)) return code;
  throw new CellValueError(`"${value}" is not a known round; accepted values: ${Round.codes.join(', ')} (or 第Ⅰ回 … 第Ⅳ回)`);
}

/** The round and scheme a request number implies: Ⅳ-194 is IV standard, IVS-33 IV rapid, III-(1)-56 III. */
export function readRoundOfNumber(number: string): { round: (typeof Round.codes)[number]; scheme: (typeof Scheme.codes)[number] } | undefined {
  const match = /^(IV|III|II|I)(S)?[-‐－(]/u.exec(number.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
  if (!match) return undefined;
  const round = match[1] as (typeof Round.codes)[number];
  return { round, scheme: match[2] ? 'rapid' : 'standard' };
}

/** 小児 → pediatricWg. */
export function toPediatric(value: string): boolean {
  const norm = normaliseForMatch(value);
  if (['○', '◯', '●', '✓', '✔', 'はい', 'yes', 'true', '1', '対象'].includes(norm)) return true;
  if (['×', '✕', '-', 'いいえ', 'no', 'false', '0', '対象外'].includes(norm)) return false;
  throw new CellValueError(`"${value}" is not yes or no; write ○ for yes, × for no, or leave the cell blank when the source does not say`);
}

/**
 * 日付 / 出典日付 → a partial ISO date. Takes ISO dates (`2015`, `2015-03`, `2015-03-26`), Japanese dates with an
 * era or a Western year as MHLW papers print them (平成27年3月26日, 令和元年5月, 2015年3月), and nothing that leaves
 * the year unknown (3月26日 is refused: a year the source does not print is not filled in).
 */
export function toDate(value: string): string {
  const trimmed = value.normalize('NFKC').replace(/\s+/g, '');
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(trimmed) && isValidPartialDate(trimmed)) return trimmed;
  const full = readDate(trimmed.replace(/元年/u, '1年'));
  if (full !== undefined) return full;
  const partial = /^(平成|令和|昭和)?(\d{1,4}|元)年(?:(\d{1,2})月)?$/u.exec(trimmed);
  if (partial?.[2]) {
    const offset = partial[1] === '平成' ? 1988 : partial[1] === '令和' ? 2018 : partial[1] === '昭和' ? 1925 : 0;
    const year = (partial[2] === '元' ? 1 : Number(partial[2])) + offset;
    const iso = partial[3] === undefined ? String(year) : `${year}-${partial[3].padStart(2, '0')}`;
    if (year >= 1900 && isValidPartialDate(iso)) return iso;
  }
  throw new CellValueError(`"${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (or as printed with its year: 平成27年3月26日, 令和元年5月, 2015年3月)`);
}
