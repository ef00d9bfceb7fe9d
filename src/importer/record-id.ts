/**
 * Record ids (file names): lower-case ASCII slugs derived the same way every time, so that importing the
 * same form or row again finds the same file.
 *
 * - With a request number: the number plus the INN, e.g. `iv-194-hydroxocobalamin`, `iii-1-56`.
 * - Without one: the INN (or a romanisation of the Japanese ingredient name) plus a keyword of the
 *   indication, e.g. `basiliximab-liver-transplant`; round I list items get `round1-…`.
 */

/** The pattern every record id must match (the same as the content validator's). */
export const RECORD_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Lower-case ASCII slug: NFKC (so Ⅳ becomes IV), letters and digits kept, everything else one hyphen. */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Katakana (and hiragana, converted) to Hepburn romaji: two-character combinations first. */
const KANA_PAIRS: Record<string, string> = {
  キャ: 'kya', キュ: 'kyu', キョ: 'kyo', シャ: 'sha', シュ: 'shu', ショ: 'sho', シェ: 'she', チャ: 'cha', チュ: 'chu', チョ: 'cho', チェ: 'che',
  ニャ: 'nya', ニュ: 'nyu', ニョ: 'nyo', ヒャ: 'hya', ヒュ: 'hyu', ヒョ: 'hyo', ミャ: 'mya', ミュ: 'myu', ミョ: 'myo', リャ: 'rya', リュ: 'ryu',
  リョ: 'ryo', ギャ: 'gya', ギュ: 'gyu', ギョ: 'gyo', ジャ: 'ja', ジュ: 'ju', ジョ: 'jo', ジェ: 'je', ビャ: 'bya', ビュ: 'byu', ビョ: 'byo', ピャ: 'pya',
  ピュ: 'pyu', ピョ: 'pyo', ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo', ティ: 'ti', ディ: 'di', デュ: 'dyu', トゥ: 'tu', ドゥ: 'du', ウィ: 'wi',
  ウェ: 'we', ウォ: 'wo', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo',
};

const KANA: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so',
  タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヲ: 'o',
  ン: 'n', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de',
  ド: 'do', バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', ヴ: 'bu', ァ: 'a', ィ: 'i', ゥ: 'u',
  ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo',
};

/** Romanises the kana of a name (other characters become separators): バシリキシマブ → bashirikishimabu. */
export function romaniseKana(text: string): string {
  const katakana = text.normalize('NFKC').replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
  let out = '';
  let double = false;
  for (let index = 0; index < katakana.length; index += 1) {
    const pair = KANA_PAIRS[katakana.slice(index, index + 2)];
    const single = KANA[katakana.charAt(index)];
    const char = katakana.charAt(index);
    let roman: string | undefined;
    if (pair !== undefined) {
      roman = pair;
      index += 1;
    } else if (single !== undefined) roman = single;
    if (char === 'ッ') {
      double = true;
      continue;
    }
    if (char === 'ー') continue;
    if (roman === undefined) {
      out += ' ';
      double = false;
      continue;
    }
    out += double ? roman.charAt(0) + roman : roman;
    double = false;
  }
  return out;
}

/** Indication keywords for ids, first match by position in the text. */
const INDICATION_KEYWORDS: readonly (readonly [string, string])[] = [
  ['肝臓移植', 'liver-transplant'],
  ['肝移植', 'liver-transplant'],
  ['腎臓移植', 'kidney-transplant'],
  ['腎移植', 'kidney-transplant'],
  ['心臓移植', 'heart-transplant'],
  ['肺移植', 'lung-transplant'],
  ['造血幹細胞移植', 'stem-cell-transplant'],
  ['移植片対宿主病', 'gvhd'],
  ['関節リウマチ', 'rheumatoid-arthritis'],
  ['リウマチ', 'rheumatic'],
  ['血管炎', 'vasculitis'],
  ['肺高血圧', 'pulmonary-hypertension'],
  ['副腎不全', 'adrenal-insufficiency'],
  ['尿素サイクル', 'urea-cycle'],
  ['メチルマロン酸', 'methylmalonic-acidemia'],
  ['貧血', 'anemia'],
  ['てんかん', 'epilepsy'],
  ['白血病', 'leukemia'],
  ['リンパ腫', 'lymphoma'],
  ['卵巣癌', 'ovarian-cancer'],
  ['胃癌', 'gastric-cancer'],
  ['乳癌', 'breast-cancer'],
  ['肺癌', 'lung-cancer'],
  ['疼痛', 'pain'],
  ['感染症', 'infection'],
  ['多発性硬化症', 'multiple-sclerosis'],
  ['乾癬', 'psoriasis'],
  ['喘息', 'asthma'],
];

/** The keyword of an indication text for ids, or `undefined` when none of the known terms occurs. */
export function findIndicationKeyword(indication: string): string | undefined {
  let best: { at: number; slug: string } | undefined;
  for (const [term, slug] of INDICATION_KEYWORDS) {
    const at = indication.indexOf(term);
    if (at !== -1 && (!best || at < best.at)) best = { at, slug };
  }
  return best?.slug;
}

/** The ASCII name part of an id: the INN when known, else the romanised ingredient. */
export function slugifyDrugName(inn: string | undefined, ingredient: string): string {
  const fromInn = inn === undefined ? '' : slugify(inn);
  return fromInn !== '' ? fromInn : slugify(romaniseKana(ingredient));
}

/** Joins id parts, skipping empty ones; returns `undefined` when nothing ASCII is left. */
export function joinIdParts(parts: readonly (string | undefined)[]): string | undefined {
  const id = parts
    .filter((part): part is string => part !== undefined && part !== '')
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return RECORD_ID.test(id) ? id : undefined;
}
