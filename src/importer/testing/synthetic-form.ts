/**
 * SYNTHETIC request forms for tests: the layout of a real extracted 別添様式1 (tab-separated cells, HTML
 * fragments, checkboxes, plain running text from section 3 on), filled with whatever text a test needs.
 * Nothing here is real data. Used by the importer's unit and property tests only.
 */

/** Every text a synthetic form carries, keyed by where it goes. */
export interface SyntheticFields {
  requesterName: string;
  genericName: string;
  brandName: string;
  company: string;
  societyName: string;
  societyReason: string;
  indication: string;
  dosage: string;
  requestNotes: string;
  patients: string;
  estimationMethod: string;
  domesticIndication: string;
  domesticDosage: string;
  seriousnessRationale: string;
  usefulnessRationale: string;
  section1Remarks: string;
  usBrand: string;
  caGuideline: string;
  caIndication: string;
  searchDescription: string;
  domesticUse: string;
  requiredStudies: string;
  remarks: string;
  reference: string;
  attachment: string;
}

/** Where each synthetic field lands in the imported record. */
export const SYNTHETIC_PATHS: Record<keyof SyntheticFields, readonly (string | number)[]> = {
  requesterName: ['form', 'requester', 'name'],
  genericName: ['form', 'drug', 'genericName'],
  brandName: ['form', 'drug', 'brandName'],
  company: ['form', 'drug', 'company'],
  societyName: ['form', 'relatedSociety', 'name'],
  societyReason: ['form', 'relatedSociety', 'reason'],
  indication: ['form', 'requestedIndication'],
  dosage: ['form', 'requestedDosage'],
  requestNotes: ['form', 'requestNotes'],
  patients: ['form', 'orphan', 'estimatedPatients'],
  estimationMethod: ['form', 'orphan', 'estimationMethod'],
  domesticIndication: ['form', 'domesticApproval', 'indication'],
  domesticDosage: ['form', 'domesticApproval', 'dosage'],
  seriousnessRationale: ['form', 'necessity', 'seriousness', 'rationale'],
  usefulnessRationale: ['form', 'necessity', 'usefulness', 'rationale'],
  section1Remarks: ['form', 'section1Remarks'],
  usBrand: ['form', 'foreignApprovals', 0, 'brandAndCompany'],
  caGuideline: ['form', 'foreignStandardUse', 4, 'guidelineName'],
  caIndication: ['form', 'foreignStandardUse', 4, 'indication'],
  searchDescription: ['form', 'literature', 'search', 'description'],
  domesticUse: ['form', 'literature', 'domesticUse'],
  requiredStudies: ['form', 'requiredStudies'],
  remarks: ['form', 'remarks'],
  reference: ['form', 'references', 0, 'citation'],
  attachment: ['form', 'attachments', 0, 'label'],
};

/** Fields whose text sits in an HTML cell (escaped by the extractor), as opposed to a plain line. */
export const HTML_FIELDS: readonly (keyof SyntheticFields)[] = [
  'requesterName',
  'genericName',
  'brandName',
  'company',
  'societyName',
  'societyReason',
  'indication',
  'dosage',
  'requestNotes',
  'patients',
  'estimationMethod',
  'domesticIndication',
  'domesticDosage',
  'seriousnessRationale',
  'usefulnessRationale',
  'usBrand',
  'caIndication',
];

/** Fields whose text sits on a plain line (kept verbatim by the extractor). */
export const PLAIN_FIELDS: readonly (keyof SyntheticFields)[] = ['section1Remarks', 'caGuideline', 'searchDescription', 'domesticUse', 'requiredStudies', 'remarks', 'reference', 'attachment'];

/** Plain, harmless values for every field. */
export const DEFAULT_FIELDS: SyntheticFields = {
  requesterName: '日本テスト学会',
  genericName: 'テストマブ（遺伝子組換え）',
  brandName: 'テストマブ点滴静注 100mg',
  company: 'テスト製薬株式会社',
  societyName: '日本テスト研究会',
  societyReason: '対象疾患を扱う学会であるため。',
  indication: '・ テスト病',
  dosage: '・ 1日1回 10mg/kg を投与する',
  requestNotes: '特になし',
  patients: '100-200',
  estimationMethod: '全国調査による。',
  domesticIndication: '別のテスト病',
  domesticDosage: '1日1回 5mg/kg',
  seriousnessRationale: '進行性で不可逆的であるため。',
  usefulnessRationale: '国内に治療法がないため。',
  section1Remarks: 'テスト備考',
  usBrand: 'Testmab (Test Inc.)',
  caGuideline: 'Test Guideline 2020',
  caIndication: 'テスト病の治療',
  searchDescription: 'PubMed で 2020年1月2日に検索した。',
  domesticUse: '国内での使用例は少ない。',
  requiredStudies: '特になし',
  remarks: 'テストのその他の備考。',
  reference: 'Test A, et al. A synthetic reference. J Test 2020;1:1-2.',
  attachment: '米国添付文書',
};

/** Escapes text the way the extractor writes it inside an HTML fragment. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How to print the form's checkboxes. */
export type BoxStyle = 'input' | 'glyph';

function box(checked: boolean, style: BoxStyle): string {
  if (style === 'glyph') return checked ? '☑' : '☐';
  return checked ? '<input checked="" type="checkbox"/>' : '<input type="checkbox"/>';
}

/** Builds the text of a synthetic form, as the PDF extractor would print it. */
export function buildSyntheticForm(values: Partial<SyntheticFields> = {}, style: BoxStyle = 'input'): string {
  const f: SyntheticFields = { ...DEFAULT_FIELDS, ...values };
  const h = (name: keyof SyntheticFields): string => escapeHtml(f[name]);
  const b = (checked: boolean): string => box(checked, style);
  const countries = ['米国', '英国', '独国', '仏国', '加国', '豪州'];
  const lines = [
    '(別添様式1)',
    '',
    '未承認薬・適応外薬の要望',
    '',
    '1. 要望内容に関連する事項',
    '',
    `<p>要望者 (該当するものにチェックする。)</p>\t<p>${b(true)} 学会 ${h('requesterName')} (学会名 ; ) ${b(false)} 患者団体 (患者団体名 ; ) ${b(false)} 個人 (氏名 ; )</p>`,
    '<p>優先順位</p>\t<p>2位 (全3要望中)</p>',
    `<p>要望する医薬品</p>\t<p>成分名 (一般名)</p>\t<p>${h('genericName')}</p>`,
    `\t<p>販売名</p>\t<p>${h('brandName')}</p>`,
    `\t<p>会社名</p>\t<p>${h('company')}</p>`,
    `\t<p>国内関連学会</p>\t<p>${h('societyName')} (選定理由) ${h('societyReason')}</p>`,
    `\t<p>未承認薬・適応外薬の分類 (該当するものにチェックする。)</p>\t<p>${b(false)} 未承認薬</p> <p>${b(false)} 2009年4月以降に、FDA又はEMAで承認されたが、国内で承認されていない医薬品</p> <p>${b(false)} 上記以外のもの</p> <p>${b(true)} 適応外薬</p> <p>${b(false)} 医師主導治験や先進医療B(ただし、ICH-GCPを準拠できたものに限る。)にて実施され、結果がまとめられたもの</p> <p>${b(true)} 上記以外のもの</p>`,
    `<p>要望内容</p>\t<p>効能・効果 (要望する効能・効果について記載する。)</p>\t<p>${h('indication')}</p>`,
    `\t用法・用量 （要望する用法・用量について記載する。）\t<p>${h('dosage')}</p>`,
    `\t備 考 （該当する場合はチェックする。）\t<p>${b(true)} 小児に関する要望 （特記事項等） ${h('requestNotes')}</p>`,
    `希少疾病用医薬品の該当性（推定対象患者数、推定方法についても記載する。）\t<p>約 <u>${h('patients')}</u> 人 &lt;推定方法&gt; ${h('estimationMethod')}</p>`,
    `国内の承認内容（適応外薬のみ）\t<p>（効能・効果） ${h('domesticIndication')} （用法・用量） ${h('domesticDosage')}</p>`,
    `「医療上の必要性に係る基準」への該当性 （該当するものにチェックし、該当すると考えた根拠について記載する。）\t<p>1. 適応疾病の重篤性</p> <p>${b(false)} ア 生命に重大な影響がある疾患（致死的な疾患）</p> <p>${b(true)} イ 病気の進行が不可逆的で、日常生活に著しい影響を及ぼす疾患</p> <p>${b(false)} ウ その他日常生活に著しい影響を及ぼす疾患</p> <p>（上記の基準に該当すると考えた根拠）</p> <p>${h('seriousnessRationale')}</p>`,
    `\t<p>2. 医療上の有用性</p> <p>${b(true)} ア 既存の療法が国内にない</p> <p>${b(false)} イ 欧米等の臨床試験において有効性・安全性等が既存の療法と比べて明らかに優れている</p> <p>${b(false)} ウ 欧米等において標準的療法に位置づけられており、国内外の医療環境の違い等を踏まえても国内における有用性が期待できると考えられる</p> <p>(上記の基準に該当すると考えた根拠)</p> <p>${h('usefulnessRationale')}</p>`,
    `備考\t${f.section1Remarks}`,
    '',
    '2. 要望内容に係る欧米での承認等の状況',
    '',
    `<p>欧米等 6 か国での承認状況 (該当国にチェックし、該当国の承認内容を記載する。)</p>\t${countries.map((name) => `${b(name === '米国')} ${name}`).join(' ')}`,
    '\t<p>[欧米等 6 か国での承認内容]</p>',
    `\t\t<p>欧米各国での承認内容（要望内容に関連する箇所を下線）</p> <table border="1"> <tr> <td>米国</td> <td>販売名（企業名）</td> <td>${h('usBrand')}</td> </tr> <tr> <td></td> <td>効能・効果</td> <td></td> </tr> </table>`,
    ...countries.slice(1).map((name) => `\t${name}\t販売名（企業名）\t承認なし`),
    '',
    `<p>欧米等6か国での標準的使用状況 （欧米等6か国で要望内容に関する承認がない適応外薬についてのみ、該当国にチェックし、該当国の標準的使用内容を記載する。）</p>\t${countries.map((name) => `${b(name === '加国')} ${name}`).join(' ')}`,
    '\t<p>〔欧米等6か国での標準的使用内容〕</p>',
    ...countries
      .filter((name) => name !== '加国')
      .map((name) => `\t${name}\tガイドライン名\t不明`),
    `\t加国\tガイドライン名\t${f.caGuideline}`,
    `\t\t効能・効果 (または効能・効果に関連のある記載箇所)\t<p>${h('caIndication')}</p>`,
    '',
    '### 3. 要望内容に係る国内外の公表文献・成書等について',
    '',
    '(1) 無作為化比較試験、薬物動態試験等に係る公表文献としての報告状況',
    '',
    '<文献の検索方法（検索式や検索時期等）、検索結果、文献・成書等の選定理由の概略等>',
    '',
    f.searchDescription,
    '',
    '<海外における臨床試験等>',
    '',
    '1) Test B, et al. A synthetic trial. J Test 2019;2:3-4. (文献1)',
    '',
    '試験の要約。',
    '',
    '(5) 要望内容に係る本邦での臨床試験成績及び臨床使用実態 (上記 (1) 以外) について',
    '',
    f.domesticUse,
    '',
    '#### 4. 実施すべき試験の種類とその方法案',
    '',
    f.requiredStudies,
    '',
    '#### 5. 備考',
    '',
    '< その他 >',
    '',
    f.remarks,
    '',
    '#### 6. 参考文献一覧',
    '',
    `- 1) ${f.reference}`,
    '',
    '[別添資料（添付文書）]',
    '',
    `- ① ${f.attachment}`,
  ];
  return `${lines.join('\n')}\n`;
}
