/**
 * Every closed vocabulary of the site, defined once.
 *
 * The request schema (`src/schemas/request.ts`) builds its enums from these lists; badges, tables,
 * filters, the search attributes and the tests read the same objects. Adding a value here is the
 * only change needed for it to be accepted, labelled and filterable.
 *
 * Labels are ours (English) or the official Japanese term; sources for each term are given in the
 * entry or in the comment above the list.
 */

/** A language the site is published in. Japanese is the default. */
export type Lang = 'ja' | 'en';

/** One value of a closed vocabulary, with its labels in both languages. */
export interface VocabularyEntry<Code extends string = string> {
  /** Stable code stored in content files and URLs. */
  readonly code: Code;
  /** Japanese label, as the MHLW documents write it. */
  readonly ja: string;
  /** English label. */
  readonly en: string;
}

/** A closed vocabulary: its entries in display order plus helpers to look codes up. */
export interface Vocabulary<E extends VocabularyEntry> {
  /** Entries in display order. */
  readonly entries: readonly E[];
  /** Codes in display order, ready for `z.enum`. */
  readonly codes: readonly [E['code'], ...E['code'][]];
  /** The entry of a code; throws on an unknown code (the schema makes that impossible for content). */
  get(code: E['code']): E;
  /** Whether a string is one of the codes. */
  has(code: string): code is E['code'];
  /** The label of a code in a language. */
  label(code: E['code'], lang: Lang): string;
}

/** Builds a {@link Vocabulary} from entries given in display order. */
export function defineVocabulary<const E extends VocabularyEntry>(name: string, entries: readonly E[]): Vocabulary<E> {
  if (entries.length === 0) throw new Error(`Vocabulary ${name} is empty`);
  const byCode = new Map<string, E>(entries.map((entry) => [entry.code, entry]));
  if (byCode.size !== entries.length) throw new Error(`Vocabulary ${name} has a duplicate code`);
  const codes = entries.map((entry) => entry.code) as unknown as readonly [E['code'], ...E['code'][]];
  return {
    entries,
    codes,
    get(code) {
      const entry = byCode.get(code);
      if (!entry) throw new Error(`Unknown ${name} code "${code}"; expected one of ${codes.join(', ')}`);
      return entry;
    },
    has(code): code is E['code'] {
      return byCode.has(code);
    },
    label(code, lang) {
      return this.get(code)[lang];
    },
  };
}

/** Main stages a request passes through; statuses are grouped under them for facets and badges. */
export const Stage = defineVocabulary('stage', [
  { code: 'intake', ja: '受付', en: 'Received' },
  { code: 'wg', ja: 'WG検討', en: 'Working-group review' },
  { code: 'decision', ja: '必要性の判断', en: 'Medical-need decision' },
  { code: 'development', ja: '開発要請・公募', en: 'Development request or call' },
  { code: 'pathway', ja: '公知申請・治験', en: 'Public-knowledge application or trial' },
  { code: 'application', ja: '承認申請', en: 'Application filed' },
  { code: 'outcome', ja: '承認・終了', en: 'Approved or closed' },
]);

/** A stage code. */
export type StageCode = (typeof Stage.codes)[number];

/** One status of the request lifecycle. */
export interface StatusEntry extends VocabularyEntry {
  /** Position in the lifecycle; a larger number is a later step. */
  readonly order: number;
  /** The stage this status belongs to. */
  readonly stage: StageCode;
  /** True when nothing follows this status. */
  readonly terminal: boolean;
  /** Whether the status ends the request without the drug reaching patients through this route. */
  readonly negative: boolean;
}

/**
 * The status of a request, in lifecycle order.
 *
 * Vocabulary from MHLW meeting papers and request lists: WG sub-states from the round IV list
 * (https://www.wic-net.com/material/document/23399/3), outcomes from the round IV WG sheet
 * (https://123deta.com/document/q7w96kkz-), development requests and calls from
 * http://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000070117.html, roadmap categories from the round III
 * summary (https://fdocuments.pl/document/-e-oe-h-mhlw-vzq-b-tg-qlw-u3-b-44-000000000.html) and prior
 * assessment from https://www.pmda.go.jp/review-services/drug-reviews/review-information/p-drugs/0016.html.
 */
export const Status = defineVocabulary('status', [
  { code: 'received', order: 10, stage: 'intake', terminal: false, negative: false, ja: '要望受付', en: 'Request received' },
  { code: 'wg_review', order: 20, stage: 'wg', terminal: false, negative: false, ja: '専門作業班（WG）で検討中', en: 'Under working-group review' },
  { code: 'wg_review.requester_query', order: 21, stage: 'wg', terminal: false, negative: false, ja: '要望者に確認中', en: 'WG: clarifying with the requester' },
  { code: 'wg_review.company_view', order: 22, stage: 'wg', terminal: false, negative: false, ja: '企業見解を確認中', en: "WG: awaiting the company's view" },
  { code: 'wg_evaluated', order: 30, stage: 'wg', terminal: false, negative: false, ja: 'WG評価済み（本会議へ）', en: 'WG evaluation done, to the plenary' },
  { code: 'high_need', order: 40, stage: 'decision', terminal: false, negative: false, ja: '医療上の必要性が高い', en: 'Judged of high medical need' },
  { code: 'not_high_need', order: 41, stage: 'decision', terminal: true, negative: true, ja: '医療上の必要性が高いとは言えない', en: 'Not judged of high medical need' },
  { code: 'out_of_scope', order: 42, stage: 'decision', terminal: true, negative: true, ja: '対象外（既に開発中・要件不充足 等）', en: 'Out of scope (already in development, requirement unmet)' },
  { code: 'withdrawn', order: 43, stage: 'decision', terminal: true, negative: true, ja: '要望取下げ', en: 'Withdrawn by the requester' },
  { code: 'development_requested', order: 50, stage: 'development', terminal: false, negative: false, ja: '開発要請', en: 'Development requested of a company' },
  { code: 'developer_call_open', order: 51, stage: 'development', terminal: false, negative: false, ja: '開発企業の公募中', en: 'Open call for a developer' },
  { code: 'developer_call_no_taker', order: 52, stage: 'development', terminal: false, negative: false, ja: '手上げ企業なし', en: 'Call with no company volunteering' },
  { code: 'developer_found', order: 53, stage: 'development', terminal: false, negative: false, ja: '開発の意思の申し出あり', en: 'A company volunteered (call)' },
  { code: 'roadmap_submitted', order: 60, stage: 'development', terminal: false, negative: false, ja: '開発工程表提出', en: 'Company roadmap submitted' },
  { code: 'kochi_eligible', order: 70, stage: 'pathway', terminal: false, negative: false, ja: '公知申請が妥当', en: 'Public-knowledge application judged appropriate' },
  { code: 'prior_assessment_done', order: 71, stage: 'pathway', terminal: false, negative: false, ja: '事前評価終了（保険適用）', en: 'Prior assessment done; insurance coverage begins' },
  { code: 'kochi_filed', order: 72, stage: 'pathway', terminal: false, negative: false, ja: '公知申請済み', en: 'Public-knowledge application filed' },
  { code: 'trial_planned', order: 75, stage: 'pathway', terminal: false, negative: false, ja: '治験計画届提出予定', en: 'Trial planned' },
  { code: 'trial_ongoing', order: 76, stage: 'pathway', terminal: false, negative: false, ja: '治験計画届提出済み／治験実施中', en: 'Trial notified or ongoing' },
  { code: 'application_filed', order: 80, stage: 'application', terminal: false, negative: false, ja: '承認申請済み', en: 'Application filed' },
  { code: 'approved', order: 90, stage: 'outcome', terminal: true, negative: false, ja: '承認済み', en: 'Approved' },
  { code: 'request_rescinded', order: 91, stage: 'outcome', terminal: true, negative: true, ja: '開発要請取り下げ', en: 'Development request withdrawn' },
] as const satisfies readonly StatusEntry[]);

/** A status code. */
export type StatusCode = (typeof Status.codes)[number];

/**
 * Classification of a request (未承認薬・適応外薬の分類), from the 別添様式1 and 別添様式1-2 forms and the
 * recruitment page http://www.mhlw.go.jp/stf/newpage_12946.html.
 */
export const Classification = defineVocabulary('classification', [
  { code: 'unapproved', ja: '未承認薬', en: 'Unapproved drug' },
  { code: 'offLabel', ja: '適応外薬', en: 'Off-label drug' },
  { code: 'rapid', ja: '未承認薬迅速実用化スキーム対象品目', en: 'Rapid practical-use scheme item' },
]);

/** A classification code. */
export type ClassificationCode = (typeof Classification.codes)[number];

/** One sub-type checkbox under a classification on the form. */
export interface SubtypeEntry extends VocabularyEntry {
  /** The classification this sub-type belongs to. */
  readonly classification: ClassificationCode;
  /** A description that reads on its own, for checkboxes whose text refers to the one above (上記以外のもの). */
  readonly standalone: { readonly ja: string; readonly en: string };
}

/**
 * The sub-type checkboxes under each classification. For `unapproved.*` and `offLabel.*` the Japanese label
 * is the checkbox text of the 別添様式1 request form. The exact checkbox wording of the rapid-scheme form
 * (別添様式1-2) was not available, so the `rapid.*` labels paraphrase the scheme's three entry conditions as
 * the recruitment page states them (http://www.mhlw.go.jp/stf/newpage_12946.html).
 */
export const ClassificationSubtype = defineVocabulary('classification subtype', [
  {
    code: 'unapproved.fdaEmaSince2009Apr',
    classification: 'unapproved',
    ja: '2009年4月以降に、FDA又はEMAで承認されたが、国内で承認されていない医薬品',
    en: 'Approved by the FDA or EMA in or after April 2009 but not approved in Japan',
    standalone: {
      ja: '2009年4月以降にFDA又はEMAで承認されたが、国内で承認されていない医薬品',
      en: 'Approved by the FDA or EMA in or after April 2009 but not approved in Japan',
    },
  },
  {
    code: 'unapproved.other',
    classification: 'unapproved',
    ja: '上記以外のもの',
    en: 'Other than the above',
    standalone: {
      ja: '2009年4月以降にFDA又はEMAで承認された医薬品以外の未承認薬',
      en: 'An unapproved drug other than one approved by the FDA or EMA since April 2009',
    },
  },
  {
    code: 'offLabel.iitOrSenshinB',
    classification: 'offLabel',
    ja: '医師主導治験や先進医療B(ただし、ICH-GCPを準拠できたものに限る。)にて実施され、結果がまとめられたもの',
    en: 'Studied in an investigator-initiated trial or Advanced Medical Care B (ICH-GCP compliant only), with results compiled',
    standalone: {
      ja: '医師主導治験や先進医療B（ICH-GCP準拠のものに限る）で実施され、結果がまとめられた適応外薬',
      en: 'Studied in an investigator-initiated trial or Advanced Medical Care B (ICH-GCP compliant only), with results compiled',
    },
  },
  {
    code: 'offLabel.other',
    classification: 'offLabel',
    ja: '上記以外のもの',
    en: 'Other than the above',
    standalone: {
      ja: '医師主導治験や先進医療Bで実施され結果がまとめられたもの以外の適応外薬',
      en: 'An off-label use other than one studied in an investigator-initiated trial or Advanced Medical Care B with results compiled',
    },
  },
  {
    code: 'rapid.domesticPh3Iit',
    classification: 'rapid',
    ja: '国内で実施中又は終了した第III相の医師主導治験がある',
    en: 'A domestic phase III investigator-initiated trial is ongoing or finished',
    standalone: {
      ja: '国内で実施中又は終了した第III相の医師主導治験がある',
      en: 'A domestic phase III investigator-initiated trial is ongoing or finished',
    },
  },
  {
    code: 'rapid.publishedExcellentResults',
    classification: 'rapid',
    ja: '権威ある学術雑誌に優れた試験成績が掲載されている',
    en: 'Excellent trial results are published in an authoritative journal',
    standalone: {
      ja: '権威ある学術雑誌に優れた試験成績が掲載されている',
      en: 'Excellent trial results are published in an authoritative journal',
    },
  },
  {
    code: 'rapid.senshinB',
    classification: 'rapid',
    ja: '先進医療Bでの実績がある',
    en: 'A track record under Advanced Medical Care B',
    standalone: { ja: '先進医療Bでの実績がある', en: 'A track record under Advanced Medical Care B' },
  },
] as const satisfies readonly SubtypeEntry[]);

/** A classification sub-type code. */
export type ClassificationSubtypeCode = (typeof ClassificationSubtype.codes)[number];

/**
 * Who filed the request (要望者): the three checkboxes of the form, and two kinds of requester that lists name
 * but the form has no box for (a government-funded research group, another organisation).
 */
export const RequesterType = defineVocabulary('requester type', [
  { code: 'academicSociety', ja: '学会', en: 'Academic society' },
  { code: 'patientGroup', ja: '患者団体', en: 'Patient group' },
  { code: 'individual', ja: '個人', en: 'Individual' },
  { code: 'researchGroup', ja: '研究班', en: 'Research group' },
  { code: 'otherOrganisation', ja: 'その他の団体', en: 'Other organisation' },
]);

/**
 * The first level of the WHO ATC classification (the anatomical main group), used to browse requests by
 * therapeutic area. English names as WHO gives them; Japanese labels are the editors' translation.
 */
export const TherapeuticArea = defineVocabulary('therapeutic area', [
  { code: 'A', ja: '消化管と代謝', en: 'Alimentary tract and metabolism' },
  { code: 'B', ja: '血液と造血器官', en: 'Blood and blood forming organs' },
  { code: 'C', ja: '循環器系', en: 'Cardiovascular system' },
  { code: 'D', ja: '皮膚科用薬', en: 'Dermatologicals' },
  { code: 'G', ja: '泌尿生殖器系と性ホルモン', en: 'Genito-urinary system and sex hormones' },
  { code: 'H', ja: '全身用ホルモン製剤（性ホルモンとインスリンを除く）', en: 'Systemic hormonal preparations, excluding sex hormones and insulins' },
  { code: 'J', ja: '全身用抗感染薬', en: 'Antiinfectives for systemic use' },
  { code: 'L', ja: '抗悪性腫瘍薬と免疫調節薬', en: 'Antineoplastic and immunomodulating agents' },
  { code: 'M', ja: '筋骨格系', en: 'Musculo-skeletal system' },
  { code: 'N', ja: '神経系', en: 'Nervous system' },
  { code: 'P', ja: '抗寄生虫薬・殺虫剤・忌避剤', en: 'Antiparasitic products, insecticides and repellents' },
  { code: 'R', ja: '呼吸器系', en: 'Respiratory system' },
  { code: 'S', ja: '感覚器', en: 'Sensory organs' },
  { code: 'V', ja: 'その他', en: 'Various' },
]);

/** A therapeutic-area code (ATC first level). */
export type TherapeuticAreaCode = (typeof TherapeuticArea.codes)[number];

/** A requester-type code. */
export type RequesterTypeCode = (typeof RequesterType.codes)[number];

/** One call for requests (要望募集). */
export interface RoundEntry extends VocabularyEntry {
  /** First day of the intake window (ISO date). */
  readonly intakeFrom: string;
  /** Last day of the intake window, or `undefined` while intake is continuous and open. */
  readonly intakeTo?: string;
  /** Where the intake window is documented. */
  readonly source: string;
}

/**
 * The four calls for requests. Windows from https://www.wic-net.com/material/document/22792/1 (rounds I, II
 * and IV) and https://ynps.yakuji.co.jp/?p=1458 (round III).
 */
export const Round = defineVocabulary('round', [
  { code: 'I', ja: '第I回', en: 'Round I', intakeFrom: '2009-06-18', intakeTo: '2009-08-17', source: 'https://www.wic-net.com/material/document/22792/1' },
  { code: 'II', ja: '第II回', en: 'Round II', intakeFrom: '2011-08-02', intakeTo: '2011-09-30', source: 'https://www.wic-net.com/material/document/22792/1' },
  { code: 'III', ja: '第III回', en: 'Round III', intakeFrom: '2013-08-01', intakeTo: '2015-06-30', source: 'https://ynps.yakuji.co.jp/?p=1458' },
  { code: 'IV', ja: '第IV回', en: 'Round IV', intakeFrom: '2015-07-01', source: 'https://www.wic-net.com/material/document/22792/1' },
] as const satisfies readonly RoundEntry[]);

/** A round code. */
export type RoundCode = (typeof Round.codes)[number];

/** Whether a request follows the standard route or the rapid practical-use scheme (IVS numbers). */
export const Scheme = defineVocabulary('scheme', [
  { code: 'standard', ja: '通常', en: 'Standard' },
  { code: 'rapid', ja: '未承認薬迅速実用化スキーム', en: 'Rapid practical-use scheme' },
]);

/** A scheme code. */
export type SchemeCode = (typeof Scheme.codes)[number];

/**
 * The expert working groups (専門作業班). Names from https://h-crisis.niph.go.jp/?p=30103; current lists show
 * 小児WG as a flag beside the lead WG (https://www.wic-net.com/material/document/23399/3), hence the separate
 * `pediatricWg` field of a record.
 */
export const WorkingGroup = defineVocabulary('working group', [
  { code: 'metabolism', ja: '代謝・その他WG', en: 'Metabolism and other WG' },
  { code: 'cardiovascular', ja: '循環器WG', en: 'Cardiovascular WG' },
  { code: 'neuropsychiatry', ja: '精神・神経WG', en: 'Psychiatry and neurology WG' },
  { code: 'antiinfective', ja: '抗菌・抗炎症WG', en: 'Anti-infective and anti-inflammatory WG' },
  { code: 'oncology', ja: '抗がんWG', en: 'Oncology WG' },
  { code: 'biologics', ja: '生物WG', en: 'Biologics WG' },
  { code: 'pediatrics', ja: '小児WG', en: 'Paediatrics WG' },
]);

/** A working-group code. */
export type WorkingGroupCode = (typeof WorkingGroup.codes)[number];

/** One of the six reference countries. */
export interface CountryEntry extends VocabularyEntry {
  /** Other spellings seen on forms for the same country. */
  readonly aliases: readonly string[];
}

/**
 * The six reference countries (欧米等6か国), in the order of the form. Source: the request form and
 * http://www.mhlw.go.jp/stf/newpage_12946.html. The form labels Australia both 豪州 and 豪国.
 */
export const Country = defineVocabulary('country', [
  { code: 'US', ja: '米国', en: 'United States', aliases: ['アメリカ'] },
  { code: 'UK', ja: '英国', en: 'United Kingdom', aliases: ['イギリス'] },
  { code: 'DE', ja: '独国', en: 'Germany', aliases: ['ドイツ'] },
  { code: 'FR', ja: '仏国', en: 'France', aliases: ['フランス'] },
  { code: 'CA', ja: '加国', en: 'Canada', aliases: ['カナダ'] },
  { code: 'AU', ja: '豪州', en: 'Australia', aliases: ['豪国', 'オーストラリア'] },
] as const satisfies readonly CountryEntry[]);

/** A country code. */
export type CountryCode = (typeof Country.codes)[number];

/** Which version of the request form a full record was transcribed from. */
export const FormVersion = defineVocabulary('form version', [
  { code: 'betten1', ja: '別添様式1', en: 'Form 1 (別添様式1)' },
  { code: 'betten1-2', ja: '別添様式1-2', en: 'Form 1-2 (別添様式1-2, rapid scheme)' },
]);

/** A form-version code. */
export type FormVersionCode = (typeof FormVersion.codes)[number];

/** Whether a record transcribes a whole request form or only the columns of an MHLW list table. */
export const RecordKind = defineVocabulary('record kind', [
  { code: 'form', ja: '要望書の全項目', en: 'Full request form' },
  { code: 'summary', ja: '一覧表の項目のみ', en: 'Summary record (list-table columns only)' },
]);

/** A record-kind code. */
export type RecordKindCode = (typeof RecordKind.codes)[number];

/** Where a clinical study in the literature section was run. */
export const StudyRegion = defineVocabulary('study region', [
  { code: 'overseas', ja: '海外における臨床試験等', en: 'Studies abroad' },
  { code: 'japan', ja: '日本における臨床試験等', en: 'Studies in Japan' },
]);

/** A study-region code. */
export type StudyRegionCode = (typeof StudyRegion.codes)[number];

/** One item of a necessity criterion. */
export interface CriterionEntry extends VocabularyEntry<'A' | 'B' | 'C'> {
  /** The kana the form prints before the item. */
  readonly mark: 'ア' | 'イ' | 'ウ';
  /** Other wordings of the same item seen on forms of other rounds or schemes. */
  readonly variants: readonly string[];
}

/**
 * The two axes of the criteria of medical necessity (医療上の必要性に係る基準). A request is of high
 * medical need when it meets one item of each. Official wording from the current forms (the 別添様式1-2
 * template, https://expydoc.com/doc/8204348/, and the request form); criteria set at the 3rd meeting,
 * 2010-04-27 (https://www.wic-net.com/daily/post-45369). English renderings are ours.
 */
export const NecessityAxis = defineVocabulary('necessity axis', [
  { code: 'seriousness', ja: '適応疾病の重篤性', en: 'Seriousness of the target disease' },
  { code: 'usefulness', ja: '医療上の有用性', en: 'Medical usefulness' },
]);

/** A necessity-axis code. */
export type NecessityAxisCode = (typeof NecessityAxis.codes)[number];

/** Items of the seriousness axis, (1) ア–ウ. */
export const SeriousnessCriterion = defineVocabulary('seriousness criterion', [
  {
    code: 'A',
    mark: 'ア',
    ja: '生命に重大な影響がある疾患（致死的な疾患）',
    en: 'A disease with a grave impact on life (a fatal disease)',
    variants: ['生命に重大な影響がある疾患（致命的な疾患）'],
  },
  {
    code: 'B',
    mark: 'イ',
    ja: '病気の進行が不可逆的で、日常生活に著しい影響を及ぼす疾患',
    en: 'A disease whose progression is irreversible and which markedly affects daily life',
    variants: [],
  },
  {
    code: 'C',
    mark: 'ウ',
    ja: 'その他日常生活に著しい影響を及ぼす疾患',
    en: 'Any other disease that markedly affects daily life',
    variants: [],
  },
] as const satisfies readonly CriterionEntry[]);

/** Items of the usefulness axis, (2) ア–ウ. */
export const UsefulnessCriterion = defineVocabulary('usefulness criterion', [
  { code: 'A', mark: 'ア', ja: '既存の療法が国内にない', en: 'No existing therapy is available in Japan', variants: [] },
  {
    code: 'B',
    mark: 'イ',
    ja: '欧米等の臨床試験において有効性・安全性等が既存の療法と比べて明らかに優れている',
    en: 'In clinical trials in the West and the other reference countries, efficacy, safety and the like are clearly superior to existing therapy',
    variants: [
      '国内外の臨床試験において有効性・安全性等が既存の療法と比べて明らかに優れている',
      '欧米の臨床試験において有効性・安全性等が既存の療法と比べて明らかに優れている',
    ],
  },
  {
    code: 'C',
    mark: 'ウ',
    ja: '欧米等において標準的療法に位置づけられており、国内外の医療環境の違い等を踏まえても国内における有用性が期待できると考えられる',
    en: 'It is positioned as standard therapy in the West and the other reference countries, and usefulness in Japan can be expected even allowing for differences in medical environment between Japan and abroad',
    variants: ['欧米において標準的療法に位置づけられており、国内外の医療環境の違い等を踏まえても国内における有用性が期待できると考えられる'],
  },
] as const satisfies readonly CriterionEntry[]);

/** A criterion item code (the same three codes serve both axes). */
export type CriterionCode = (typeof SeriousnessCriterion.codes)[number];

/** The criterion list of an axis. */
export const criteriaOf = {
  seriousness: SeriousnessCriterion,
  usefulness: UsefulnessCriterion,
} as const satisfies Record<NecessityAxisCode, Vocabulary<CriterionEntry>>;

/** A vocabulary seen only through what every vocabulary has, for code that walks all of them. */
export interface AnyVocabulary {
  /** Entries in display order. */
  readonly entries: readonly VocabularyEntry[];
  /** Whether a string is one of the codes. */
  has(code: string): boolean;
}

/** Every vocabulary by its exported name; glossary links (`vocabulary: Status`) and tests look them up here. */
export const vocabularyRegistry: Readonly<Record<string, AnyVocabulary>> = {
  TherapeuticArea,
  Stage,
  Status,
  Classification,
  ClassificationSubtype,
  RequesterType,
  Round,
  Scheme,
  WorkingGroup,
  Country,
  FormVersion,
  RecordKind,
  StudyRegion,
  NecessityAxis,
  SeriousnessCriterion,
  UsefulnessCriterion,
};
