/**
 * Sections 3 to 6 of the form and the attachment list. These are running text, not tables: section 3 is
 * divided by its headings (1)–(6) and by bracketed markers such as <海外における臨床試験等>; items are
 * numbered `1)`, grouped under headings such as `①北海道大学の経験` and `i) 大阪大学：`; the reference list
 * is numbered `1)` and the attachments `①`.
 *
 * Lines the PDF wrapped mid-sentence are joined again; other line breaks are kept.
 */
import type { Citation, RequestForm } from '../schemas/form.ts';
import type { StudyRegionCode } from '../data/vocabulary.ts';
import { readBlockText } from './cells.ts';
import { parseCitationText } from './citations.ts';
import type { FormLine } from './form-sections.ts';
import type { ImportReport } from './report.ts';
import { isWrappedLine, joinCitationLines, joinParagraphLines, normaliseForMatch, stripMarkdownDecorations, takeAutolink } from './text-tools.ts';

/** A line of running text, after the extractor's Markdown decorations are removed. */
export interface TextLine {
  /** 1-based source line. */
  line: number;
  /** The text. */
  text: string;
  /** Whether the extractor printed it in bold (`**…**`), as the forms print citations. */
  bold: boolean;
}

/** The running text of a section's lines: one entry per paragraph of each cell. */
export function collectTextLines(lines: readonly FormLine[], report: ImportReport, field: string): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    for (const cell of line.cells) {
      for (const note of cell.notes) report.addOddity(field, cell.line, note);
      for (const block of cell.blocks) {
        const raw = readBlockText(block);
        if (raw === '') continue;
        const text = stripMarkdownDecorations(raw).trim();
        if (text !== '') out.push({ line: block.line, text, bold: raw.replace(/^#{1,6}\s+/u, '').startsWith('**') });
      }
    }
  }
  return out;
}

type Target =
  | 'search'
  | 'studies.overseas'
  | 'studies.japan'
  | 'reviews'
  | 'textbooks.overseas'
  | 'textbooks.japan'
  | 'guidelines.overseas'
  | 'guidelines.japan'
  | 'domesticUse'
  | 'appropriateness.indication'
  | 'appropriateness.dosage'
  | 'appropriateness.clinicalPositioning';

/** Section 3's numbered headings, matched on normalised text, and where their text goes by default. */
const SUBSECTIONS: readonly { pattern: RegExp; target: Target; path: string }[] = [
  { pattern: /^\(1\)無作為化比較試験/u, target: 'search', path: 'form.literature.search' },
  { pattern: /^\(2\)peer-?reviewed/u, target: 'reviews', path: 'form.literature.reviews' },
  { pattern: /^\(3\)教科書等/u, target: 'textbooks.overseas', path: 'form.literature.textbooks' },
  { pattern: /^\(4\)学会又は組織等の診療ガイドライン/u, target: 'guidelines.overseas', path: 'form.literature.guidelines' },
  { pattern: /^\(5\)要望内容に係る本邦での/u, target: 'domesticUse', path: 'form.literature.domesticUse' },
  { pattern: /^\(6\)上記の\(1\)から\(5\)/u, target: 'appropriateness.indication', path: 'form.literature.appropriateness' },
];

/** Section 3's bracketed markers (<海外における臨床試験等> …) and where the text after them goes. */
const MARKERS: readonly { key: string; target: Target }[] = [
  { key: '文献の検索方法', target: 'search' },
  { key: '海外における臨床試験等', target: 'studies.overseas' },
  { key: '日本における臨床試験等', target: 'studies.japan' },
  { key: '海外における教科書等', target: 'textbooks.overseas' },
  { key: '日本における教科書等', target: 'textbooks.japan' },
  { key: '海外におけるガイドライン等', target: 'guidelines.overseas' },
  { key: '日本におけるガイドライン等', target: 'guidelines.japan' },
  { key: '要望効能・効果について', target: 'appropriateness.indication' },
  { key: '要望用法・用量について', target: 'appropriateness.dosage' },
  { key: '臨床的位置づけについて', target: 'appropriateness.clinicalPositioning' },
];

/** Lines of the form's own instructions, not the requester's text. */
const TEMPLATE_LINES: readonly string[] = ['※ich-gcp準拠の臨床試験については、その旨記載すること'];

const BRACKETED = /[<＜]([^<>＜＞]{1,80})[>＞]/gu;

/** A marker key if the bracketed content is one of the known markers. */
function markerOf(content: string, keys: readonly { key: string }[]): string | undefined {
  const norm = normaliseForMatch(content);
  return keys.find((marker) => norm.startsWith(normaliseForMatch(marker.key)))?.key;
}

/**
 * Splits lines at known bracketed markers, which the extraction sometimes glues to the end of the
 * previous paragraph (`…調査した。<海外における臨床試験等>`). Returns the pieces in order, markers tagged.
 */
export function splitAtMarkers(lines: readonly TextLine[], keys: readonly { key: string }[]): ({ marker: string; line: number } | TextLine)[] {
  const out: ({ marker: string; line: number } | TextLine)[] = [];
  for (const line of lines) {
    let rest = line.text;
    let found = false;
    for (const match of line.text.matchAll(BRACKETED)) {
      const key = markerOf(match[1] ?? '', keys);
      if (key === undefined) continue;
      const at = rest.indexOf(match[0]);
      const before = rest.slice(0, at).trim();
      if (before !== '') out.push({ ...line, text: before });
      out.push({ marker: key, line: line.line });
      rest = rest.slice(at + match[0].length);
      found = true;
    }
    const tail = found ? rest.trim() : line.text;
    if (tail !== '') out.push(found ? { ...line, text: tail, bold: false } : line);
  }
  return out;
}

interface ItemDraft {
  line: number;
  heading?: string;
  citation: TextLine[];
  summary: string[];
  hasRef: boolean;
}

const REF = /[(（]\s*文献\s*\d+\s*[)）]/u;
const CIRCLED_HEADING = /^[①-⑳]/u;
const ROMAN_HEADING = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[)）.]\s*/iu;
const NUMBERED_ITEM = /^(\d+)[)）]\s*/u;

/** Reads numbered items with their headings; lines before the first item or heading are the preamble. */
function readItems(lines: readonly TextLine[]): { preamble: TextLine[]; items: ItemDraft[] } {
  const preamble: TextLine[] = [];
  const items: ItemDraft[] = [];
  let level1: string | undefined;
  let level2: string | undefined;
  let current: ItemDraft | undefined;
  const heading = (): string | undefined => [level1, level2].filter((part) => part !== undefined).join(' ') || undefined;
  for (const line of lines) {
    const text = line.text;
    if (CIRCLED_HEADING.test(text)) {
      level1 = text;
      level2 = undefined;
      current = undefined;
      continue;
    }
    if (ROMAN_HEADING.test(text)) {
      level2 = text;
      current = undefined;
      continue;
    }
    const numbered = NUMBERED_ITEM.exec(text);
    if (numbered) {
      const first = text.slice(numbered[0].length);
      current = { line: line.line, citation: [{ ...line, text: first }], summary: [], hasRef: REF.test(first) };
      const title = heading();
      if (title !== undefined) current.heading = title;
      items.push(current);
      continue;
    }
    if (current) {
      const last = current.citation.at(-1);
      const continuesCitation =
        current.citation.length > 0 && current.summary.length === 0 && !current.hasRef && (line.bold || REF.test(text) || (last !== undefined && isWrappedLine(last.text, text)));
      if (continuesCitation) {
        current.citation.push(line);
        current.hasRef = REF.test(text);
      } else current.summary.push(text);
      continue;
    }
    const title = heading();
    if (title !== undefined) {
      current = { line: line.line, heading: title, citation: [], summary: [text], hasRef: false };
      items.push(current);
      continue;
    }
    preamble.push(line);
  }
  return { preamble, items };
}

/** An item's citation (with its summary), or `undefined` for an item that is only a summary. */
function itemCitation(item: ItemDraft): Citation | undefined {
  const text = joinCitationLines(item.citation.map((line) => line.text));
  if (text === '') return undefined;
  const citation = parseCitationText(text);
  const summary = joinParagraphLines(item.summary);
  if (summary !== '') citation.summary = summary;
  return citation;
}

type Literature = NonNullable<RequestForm['literature']>;
type Study = Literature['studies'][number];

function readStudies(lines: readonly TextLine[], region: StudyRegionCode, report: ImportReport): Study[] {
  const { preamble, items } = readItems(lines);
  for (const line of preamble) report.addOddity(`form.literature.studies`, line.line, `text outside any numbered study was not imported: ${JSON.stringify(line.text.slice(0, 60))}`);
  return items.map((item) => {
    const study: Study = { region };
    if (item.heading !== undefined) study.heading = item.heading;
    const citation = itemCitation(item);
    if (citation) study.citation = citation;
    else {
      const summary = joinParagraphLines(item.summary);
      if (summary !== '') study.summary = summary;
    }
    const all = [...item.citation.map((line) => line.text), ...item.summary].join(' ');
    if (/ICH[-‐]?GCP/iu.test(all)) study.ichGcp = true;
    return study;
  });
}

function readCitationList(lines: readonly TextLine[], path: string, report: ImportReport): { items: Citation[]; note?: string } {
  const { preamble, items } = readItems(lines);
  const citations: Citation[] = [];
  for (const item of items) {
    if (item.heading !== undefined) report.addOddity(path, item.line, `the heading ${JSON.stringify(item.heading)} has no place in the record; it was not imported`);
    const citation = itemCitation(item);
    if (citation) citations.push(citation);
    else {
      const summary = joinParagraphLines(item.summary);
      if (summary !== '') citations.push({ citation: summary });
    }
  }
  const note = joinParagraphLines(preamble.map((line) => line.text));
  return note === '' ? { items: citations } : { items: citations, note };
}

const DATABASES = ['PubMed', 'MEDLINE', '医中誌', 'Cochrane', 'EMBASE', 'JMEDPlus', 'Web of Science', 'Scopus'];

/** Reads the literature search's description and what can be read from it: database, query, date, hits. */
function readSearch(lines: readonly TextLine[], report: ImportReport): Literature['search'] {
  const description = joinParagraphLines(lines.map((line) => line.text));
  if (description === '') return undefined;
  const first = lines[0]?.line ?? 0;
  const search: NonNullable<Literature['search']> = { description };
  const bracketed = /【\s*([^】]+?)\s*での検索\s*】/u.exec(description)?.[1]?.trim() || undefined;
  const database = bracketed ?? DATABASES.find((name) => description.toLowerCase().includes(name.toLowerCase()));
  if (database !== undefined) search.database = database;
  const queryIndex = lines.findIndex((line) => /検索式/u.test(line.text));
  if (queryIndex !== -1) {
    const sameLine = (lines[queryIndex]?.text ?? '').split(/検索式\s*[:：]?/u)[1]?.trim();
    const query = sameLine !== undefined && sameLine !== '' ? sameLine : lines[queryIndex + 1]?.text;
    if (query !== undefined) search.query = query;
  }
  const date = readDate(description);
  if (date !== undefined) search.searchDate = date;
  const hits = /検索結果[^0-9\n]*([0-9,]+)\s*(?:報|件|hits?)/iu.exec(description.normalize('NFKC'))?.[1];
  if (hits !== undefined) search.hitCount = Number(hits.replace(/,/g, ''));
  report.addFound('form.literature.search', first, [search.database, search.searchDate, search.hitCount === undefined ? undefined : `${search.hitCount} hits`].filter(Boolean).join(', '));
  return search;
}

/** The first full date in a text: 2013年11月7日, 平成25年11月7日, 令和2年4月30日 or 2013-11-07. */
export function readDate(text: string): string | undefined {
  const norm = text.normalize('NFKC');
  const pad = (value: number): string => String(value).padStart(2, '0');
  const japanese = /(平成|令和)?\s*(\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(norm);
  const iso = /(\d{4})-(\d{2})-(\d{2})/u.exec(norm);
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  if (japanese && (!iso || japanese.index <= iso.index)) {
    const offset = japanese[1] === '平成' ? 1988 : japanese[1] === '令和' ? 2018 : 0;
    year = Number(japanese[2]) + offset;
    month = Number(japanese[3]);
    day = Number(japanese[4]);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  }
  if (year === undefined || month === undefined || day === undefined || year < 1900) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Reads section 3 into `form.literature`. */
export function parseSection3(lines: readonly FormLine[], headingLine: number, report: ImportReport): Literature {
  const pieces = splitAtMarkers(collectTextLines(lines, report, 'form.literature'), MARKERS);
  const buckets = new Map<Target, TextLine[]>();
  let target: Target | undefined;
  let sawMarker = false;
  for (const piece of pieces) {
    if ('marker' in piece) {
      target = MARKERS.find((marker) => marker.key === piece.marker)?.target;
      sawMarker = true;
      continue;
    }
    const norm = normaliseForMatch(piece.text);
    const sub = SUBSECTIONS.find((candidate) => candidate.pattern.test(norm));
    if (sub) {
      target = sub.target;
      sawMarker = false;
      continue;
    }
    if (TEMPLATE_LINES.some((template) => norm.startsWith(template))) continue;
    if (!target) {
      report.addOddity('form.literature', piece.line, `text before (1) was not imported: ${JSON.stringify(piece.text.slice(0, 60))}`);
      continue;
    }
    if (!sawMarker && (target === 'textbooks.overseas' || target === 'guidelines.overseas')) {
      report.addOddity(`form.literature.${target.split('.')[0] ?? ''}`, piece.line, 'no <海外における…> / <日本における…> marker before this text; read it as the overseas part');
      sawMarker = true;
    }
    const bucket = buckets.get(target) ?? [];
    bucket.push(piece);
    buckets.set(target, bucket);
  }
  const get = (key: Target): TextLine[] => buckets.get(key) ?? [];
  const search = readSearch(get('search'), report);
  const literature = (search ? { search, studies: [] } : { studies: [] }) as Literature;
  if (!search) report.addMissing('form.literature.search', 'blank', headingLine);
  literature.studies = [...readStudies(get('studies.overseas'), 'overseas', report), ...readStudies(get('studies.japan'), 'japan', report)];
  report.addFound('form.literature.studies', get('studies.overseas')[0]?.line ?? get('studies.japan')[0]?.line ?? headingLine, `${literature.studies.length} studies`);

  const reviews = readCitationList(get('reviews'), 'form.literature.reviews', report);
  if (reviews.items.length > 0 || reviews.note !== undefined) {
    literature.reviews = reviews.note === undefined ? { items: reviews.items } : { note: reviews.note, items: reviews.items };
    report.addFound('form.literature.reviews', get('reviews')[0]?.line ?? headingLine, `${reviews.items.length} reviews`);
  } else report.addMissing('form.literature.reviews', 'blank', headingLine);

  for (const key of ['textbooks', 'guidelines'] as const) {
    const overseas = readCitationList(get(`${key}.overseas`), `form.literature.${key}`, report);
    const japan = readCitationList(get(`${key}.japan`), `form.literature.${key}`, report);
    if (overseas.items.length + japan.items.length === 0 && overseas.note === undefined && japan.note === undefined) {
      report.addMissing(`form.literature.${key}`, 'blank', headingLine);
      continue;
    }
    const value: NonNullable<Literature['textbooks']> = { overseas: overseas.items, japan: japan.items };
    if (overseas.note !== undefined || japan.note !== undefined) {
      value.note = {};
      if (overseas.note !== undefined) value.note.overseas = overseas.note;
      if (japan.note !== undefined) value.note.japan = japan.note;
    }
    literature[key] = value;
    report.addFound(`form.literature.${key}`, get(`${key}.overseas`)[0]?.line ?? get(`${key}.japan`)[0]?.line ?? headingLine, `${overseas.items.length} abroad, ${japan.items.length} in Japan`);
  }

  const domesticUse = joinParagraphLines(get('domesticUse').map((line) => line.text));
  if (domesticUse !== '') {
    literature.domesticUse = domesticUse;
    report.addFound('form.literature.domesticUse', get('domesticUse')[0]?.line ?? headingLine);
  } else report.addMissing('form.literature.domesticUse', 'blank', headingLine);

  const appropriateness: NonNullable<Literature['appropriateness']> = {};
  for (const key of ['indication', 'dosage', 'clinicalPositioning'] as const) {
    const lines = get(`appropriateness.${key}`);
    const text = joinParagraphLines(lines.map((line) => line.text));
    if (text !== '') {
      appropriateness[key] = text;
      report.addFound(`form.literature.appropriateness.${key}`, lines[0]?.line ?? headingLine);
    } else report.addMissing(`form.literature.appropriateness.${key}`, 'blank', headingLine);
  }
  if (Object.keys(appropriateness).length > 0) literature.appropriateness = appropriateness;
  return literature;
}

/** Reads a section of plain running text (section 4, section 5 without its <その他> marker). */
export function parseRunningText(lines: readonly FormLine[], headingLine: number, path: string, report: ImportReport, markers: readonly { key: string }[] = []): string | undefined {
  const pieces = splitAtMarkers(collectTextLines(lines, report, path), markers).filter((piece): piece is TextLine => !('marker' in piece));
  const text = joinParagraphLines(pieces.map((piece) => piece.text));
  if (text === '') {
    report.addMissing(path, 'blank', headingLine);
    return undefined;
  }
  report.addFound(path, pieces[0]?.line ?? headingLine);
  return text;
}

const LIST_BULLET = /^[-•・*]\s+/u;

/** Reads section 6, 参考文献一覧: `1) citation`, continuation lines joined to the entry before. */
export function parseReferences(lines: readonly FormLine[], headingLine: number, report: ImportReport): RequestForm['references'] {
  const entries: { refNo: number; line: number; parts: string[] }[] = [];
  for (const line of collectTextLines(lines, report, 'form.references')) {
    const text = line.text.replace(LIST_BULLET, '');
    const numbered = /^(\d+)[)）.．]\s*/u.exec(text);
    if (numbered) {
      entries.push({ refNo: Number(numbered[1]), line: line.line, parts: [text.slice(numbered[0].length)] });
      continue;
    }
    const last = entries.at(-1);
    if (last) last.parts.push(text);
    else report.addOddity('form.references', line.line, `text before the first numbered reference was not imported: ${JSON.stringify(text.slice(0, 60))}`);
  }
  const references: RequestForm['references'] = [];
  const seen = new Set<number>();
  for (const entry of entries) {
    if (entry.refNo <= 0) {
      report.addOddity('form.references', entry.line, `reference number ${entry.refNo} is not a positive number; not imported`);
      continue;
    }
    if (seen.has(entry.refNo)) {
      report.addOddity('form.references', entry.line, `reference number ${entry.refNo} appears twice; kept the first, this one was not imported`);
      continue;
    }
    seen.add(entry.refNo);
    const whole = joinCitationLines(entry.parts);
    if (whole === '') {
      report.addOddity('form.references', entry.line, `reference number ${entry.refNo} has no text; not imported`);
      continue;
    }
    const printed = takeAutolink(whole);
    const reference: RequestForm['references'][number] = { refNo: entry.refNo, citation: printed.rest === '' ? whole : printed.rest };
    if (printed.url !== undefined && printed.rest !== '') reference.url = printed.url;
    references.push(reference);
  }
  if (references.length === 0) report.addMissing('form.references', 'blank', headingLine);
  else report.addFound('form.references', entries[0]?.line ?? headingLine, `${references.length} entries`);
  return references;
}

/** Reads the attachment list, [別添資料]: `① 米国添付文書`. */
export function parseAttachments(lines: readonly FormLine[], headingLine: number, report: ImportReport): RequestForm['attachments'] {
  const attachments: RequestForm['attachments'] = [];
  for (const line of collectTextLines(lines, report, 'form.attachments')) {
    const text = line.text.replace(LIST_BULLET, '');
    const marked = /^([①-⑳]|\d+[)）.．]|[(（]\d+[)）])\s*/u.exec(text);
    const label = marked ? text.slice(marked[0].length).trim() : text;
    if (label === '') continue;
    attachments.push(marked?.[1] === undefined ? { label } : { marker: marked[1], label });
  }
  if (attachments.length === 0) report.addMissing('form.attachments', 'blank', headingLine);
  else report.addFound('form.attachments', headingLine, `${attachments.length} attachments`);
  return attachments;
}
