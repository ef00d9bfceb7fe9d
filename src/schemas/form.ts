/**
 * The request form 別添様式1 (and 別添様式1-2 of the rapid scheme) as data: one schema per section.
 *
 * Field names follow the mapping of the form in the project's domain research; the Japanese label of the
 * form is given in each field's JSDoc. Text is kept exactly as the form writes it, including its quirks
 * (duplicated bullets, mismatched reference numbers): multi-line fields keep their line breaks and bullets.
 * A field the form leaves blank is left out of the record, and pages show it as "not stated".
 */
import { z } from 'astro/zod';
import {
  Classification,
  ClassificationSubtype,
  Country,
  FormVersion,
  RequesterType,
  StudyRegion,
} from '../data/vocabulary.ts';
import { partialDate, text } from './common.ts';

/**
 * A checkbox of the form: `true` ticked, `false` printed but not ticked. Leave the field out when the
 * checkbox cannot be read in the source (e.g. lost in the PDF's text layer); pages then say "unknown".
 */
const checkbox = z.boolean();

/** A citation as the form prints it, with the reference number the form gives it in the text. */
export const citationSchema = z.strictObject({
  /** The citation text exactly as printed (authors, title, journal, pages). */
  citation: text.describe("The citation text exactly as printed (authors, title, journal, pages)."),
  /**
   * The number the form's body gives it, e.g. 4 for "（文献4）". Real forms often number the body and the
   * reference list differently: this is the body's number, not a link into `references`.
   */
  refNo: z.number().int().positive().optional().describe("The number the form's body gives it, e.g. 4 for \"（文献4）\". Real forms often number the body and the reference list differently: this is the body's number, not a link into `references`."),
  /** Pages or sections cited, as printed (e.g. "35 頁"). */
  location: text.optional().describe("Pages or sections cited, as printed (e.g. \"35 頁\")."),
  /** The address printed with the citation, if any. */
  url: z.string().trim().min(1).optional().describe("The address printed with the citation, if any."),
  /** The requester's summary of the cited work. */
  summary: text.optional().describe("The requester's summary of the cited work."),
});

/** A citation on the form. */
export type Citation = z.infer<typeof citationSchema>;

/** Section 1: 要望者 (the requester). */
const requesterSchema = z.strictObject({
  /** 要望者（該当するものにチェックする。）: which of the three boxes is ticked. */
  type: z.enum(RequesterType.codes).describe("要望者（該当するものにチェックする。）: which of the three boxes is ticked."),
  /** 学会名 / 患者団体名 / 氏名: the requester's name as written. */
  name: text.optional().describe("学会名 / 患者団体名 / 氏名: the requester's name as written."),
});

/** Section 1: 要望する医薬品 (the drug as the form names it). */
const formDrugSchema = z.strictObject({
  /** 成分名（一般名）: ingredient (nonproprietary) name, verbatim. */
  genericName: text.describe("成分名（一般名）: ingredient (nonproprietary) name, verbatim."),
  /** 販売名: brand name, verbatim; may be absent for a drug unapproved in Japan. */
  brandName: text.optional().describe("販売名: brand name, verbatim; may be absent for a drug unapproved in Japan."),
  /** 会社名: company, verbatim. */
  company: text.optional().describe("会社名: company, verbatim."),
});

/** Section 1: 国内関連学会 (related domestic society) and the reason it was chosen. */
const relatedSocietySchema = z.strictObject({
  /** 国内関連学会: the society's name. */
  name: text.optional().describe("国内関連学会: the society's name."),
  /** （選定理由）: why that society was chosen. */
  reason: text.optional().describe("（選定理由）: why that society was chosen."),
});

/** One item of a necessity criterion axis: whether each of ア, イ, ウ is ticked. */
const criterionTicks = z.strictObject({
  /** ア ticked? Leave out when the checkbox cannot be read. */
  A: checkbox.optional().describe("ア ticked? Leave out when the checkbox cannot be read."),
  /** イ ticked? Leave out when the checkbox cannot be read. */
  B: checkbox.optional().describe("イ ticked? Leave out when the checkbox cannot be read."),
  /** ウ ticked? Leave out when the checkbox cannot be read. */
  C: checkbox.optional().describe("ウ ticked? Leave out when the checkbox cannot be read."),
});

/** One axis of 「医療上の必要性に係る基準」への該当性: ticks plus the requester's rationale. */
const necessityAxisSchema = z.strictObject({
  /** Which items (ア/イ/ウ) the requester ticked. */
  ticked: criterionTicks.describe("Which items (ア/イ/ウ) the requester ticked."),
  /** （上記の基準に該当すると考えた根拠）: the requester's rationale, verbatim. */
  rationale: text.optional().describe("（上記の基準に該当すると考えた根拠）: the requester's rationale, verbatim."),
});

/** Section 2: one row of 欧米等6か国での承認状況 (approval in a reference country). */
const foreignApprovalSchema = z.strictObject({
  /** The country of the row. */
  country: z.enum(Country.codes).describe("The country of the row."),
  /** Whether the country's checkbox is ticked (the drug is approved there for the request). */
  approved: checkbox.optional().describe("Whether the country's checkbox is ticked (the drug is approved there for the request)."),
  /** 販売名（企業名）: brand and company, or the form's note such as 承認なし. */
  brandAndCompany: text.optional().describe("販売名（企業名）: brand and company, or the form's note such as 承認なし."),
  /** 効能・効果: approved indication there. */
  indication: text.optional().describe("効能・効果: approved indication there."),
  /** 用法・用量: approved dosage there. */
  dosage: text.optional().describe("用法・用量: approved dosage there."),
  /** 備考: remarks. */
  remarks: text.optional().describe("備考: remarks."),
});

/** Section 2: one row of 欧米等6か国での標準的使用状況 (standard use without approval). */
const foreignStandardUseSchema = z.strictObject({
  /** The country of the row. */
  country: z.enum(Country.codes).describe("The country of the row."),
  /** Whether the country's checkbox is ticked (standard use is documented there). */
  used: checkbox.optional().describe("Whether the country's checkbox is ticked (standard use is documented there)."),
  /** ガイドライン名: the guideline, or the form's note such as 不明. */
  guidelineName: text.optional().describe("ガイドライン名: the guideline, or the form's note such as 不明."),
  /** 効能・効果（または効能・効果に関連のある記載箇所）. */
  indication: text.optional().describe("効能・効果: the indication (or the related passage) as the source states it."),
  /** 用法・用量（または用法・用量に関連のある記載箇所）. */
  dosage: text.optional().describe("用法・用量: the dosage (or the related passage) as the source states it."),
  /** ガイドラインの根拠論文: the papers the guideline rests on. */
  guidelineEvidence: z.array(citationSchema).default([]).describe("ガイドラインの根拠論文: the papers the guideline rests on."),
  /** 備考: remarks. */
  remarks: text.optional().describe("備考: remarks."),
});

/** Section 3 (1): the literature search as described on the form. */
const literatureSearchSchema = z.strictObject({
  /** <文献の検索方法…>: the whole description, verbatim. */
  description: text.describe("<文献の検索方法…>: the whole description, verbatim."),
  /** Database searched, when stated (e.g. PubMed). */
  database: text.optional().describe("Database searched, when stated (e.g. PubMed)."),
  /** Search expression, verbatim. */
  query: text.optional().describe("Search expression, verbatim."),
  /** Date of the search. */
  searchDate: partialDate.optional().describe("Date of the search."),
  /** Number of hits reported. */
  hitCount: z.number().int().nonnegative().optional().describe("Number of hits reported."),
});

/** Section 3 (1): one study reported under <海外における臨床試験等> or <日本における臨床試験等>. */
const studySchema = z.strictObject({
  /** Where the study was run. */
  region: z.enum(StudyRegion.codes).describe("Where the study was run."),
  /** The form's sub-heading for the item, e.g. "①北海道大学の経験". */
  heading: text.optional().describe("The form's sub-heading for the item, e.g. \"①北海道大学の経験\"."),
  /** The publication, when the item cites one. */
  citation: citationSchema.optional().describe("The publication, when the item cites one."),
  /** The requester's summary when the item has no citation. */
  summary: text.optional().describe("The requester's summary when the item has no citation."),
  /** True when the form flags the study as ICH-GCP compliant. */
  ichGcp: z.boolean().optional().describe("True when the form flags the study as ICH-GCP compliant."),
});

/** Section 3 (3) and (4): items found abroad and in Japan. */
const overseasAndJapan = z.strictObject({
  /** Items abroad (<海外における…>). */
  overseas: z.array(citationSchema).default([]).describe("Items abroad (<海外における…>)."),
  /** Items in Japan (<日本における…>). */
  japan: z.array(citationSchema).default([]).describe("Items in Japan (<日本における…>)."),
  /** What the form says when a side has no item, e.g. 特になし, verbatim. */
  note: z
    .strictObject({
      /** Note for the overseas side. */
      overseas: text.optional().describe("Note for the overseas side."),
      /** Note for the Japanese side. */
      japan: text.optional().describe("Note for the Japanese side."),
    })
    .optional().describe("What the form says when a side has no item, e.g. 特になし, verbatim."),
});

/** Section 3: 要望内容に係る国内外の公表文献・成書等について. */
const literatureSchema = z.strictObject({
  /** (1) the literature search. */
  search: literatureSearchSchema.optional().describe("(1) the literature search."),
  /** (1) 無作為化比較試験、薬物動態試験等に係る公表文献としての報告状況. */
  studies: z.array(studySchema).default([]).describe("(1) Published reports of randomised controlled trials, pharmacokinetic studies and the like."),
  /** (2) Peer-reviewed journal の総説、メタ・アナリシス等の報告状況. */
  reviews: z
    .strictObject({
      /** The form's lead sentence, e.g. that no meta-analysis exists. */
      note: text.optional().describe("The form's lead sentence, e.g. that no meta-analysis exists."),
      /** The reviews cited. */
      items: z.array(citationSchema).default([]).describe("The reviews cited."),
    })
    .optional().describe("(2) Peer-reviewed journal の総説、メタ・アナリシス等の報告状況."),
  /** (3) 教科書等への標準的治療としての記載状況. */
  textbooks: overseasAndJapan.optional().describe("(3) How textbooks describe the use as standard treatment."),
  /** (4) 学会又は組織等の診療ガイドラインへの記載状況. */
  guidelines: overseasAndJapan.optional().describe("(4) How societies' or organisations' clinical guidelines describe the use."),
  /** (5) 要望内容に係る本邦での臨床試験成績及び臨床使用実態（上記（1）以外）について. */
  domesticUse: text.optional().describe("(5) Clinical trial results and actual clinical use in Japan (other than (1))."),
  /** (6) 上記の（1）から（5）を踏まえた要望の妥当性について. */
  appropriateness: z
    .strictObject({
      /** <要望効能・効果について>. */
      indication: text.optional().describe("<要望効能・効果について>: the requester's case for the requested indication."),
      /** <要望用法・用量について>. */
      dosage: text.optional().describe("<要望用法・用量について>: the requester's case for the requested dosage."),
      /** <臨床的位置づけについて>. */
      clinicalPositioning: text.optional().describe("<臨床的位置づけについて>: the requester's view of the drug's clinical place."),
    })
    .optional().describe("(6) Why the request is appropriate in the light of (1) to (5)."),
});

/** Section 6: one entry of 参考文献一覧. */
const referenceSchema = z.strictObject({
  /** The number printed in the list, e.g. 1 for "1)". */
  refNo: z.number().int().positive().describe("The number printed in the list, e.g. 1 for \"1)\"."),
  /** The reference exactly as printed. */
  citation: text.describe("The reference exactly as printed."),
  /** An address printed with the reference. */
  url: z.string().trim().min(1).optional().describe("An address printed with the reference."),
});

/** One attachment listed under [別添資料]. */
const attachmentSchema = z.strictObject({
  /** The marker printed before it, e.g. ①. */
  marker: text.optional().describe("The marker printed before it, e.g. ①."),
  /** The attachment's label, verbatim (e.g. 米国添付文書). */
  label: text.describe("The attachment's label, verbatim (e.g. 米国添付文書)."),
});

/** The whole request form. Every field is documented with the form's own label. */
export const formSchema = z
  .strictObject({
    /** Which form this transcribes: 別添様式1 or the rapid scheme's 別添様式1-2. */
    version: z.enum(FormVersion.codes).describe("Which form this transcribes: 別添様式1 or the rapid scheme's 別添様式1-2."),
    /** 要望者. */
    requester: requesterSchema.describe("要望者: the requester(s) exactly as the source prints them."),
    /** 優先順位: the requester's own ranking among its requests, "n位（全m要望中）". */
    priority: z
      .strictObject({
        /** n位. */
        rank: z.number().int().positive().optional().describe("The request's rank among the requester's requests (n位)."),
        /** 全m要望中. */
        outOf: z.number().int().positive().optional().describe("How many requests the requester ranked (全m要望中)."),
      })
      .optional().describe("優先順位: the requester's own ranking among its requests, \"n位（全m要望中）\"."),
    /** 要望する医薬品. */
    drug: formDrugSchema.describe("要望する医薬品: the drug as the form names it."),
    /** 国内関連学会. */
    relatedSociety: relatedSocietySchema.optional().describe("国内関連学会: related Japanese societies the form names."),
    /** 未承認薬・適応外薬の分類: the ticked classification. */
    classification: z.enum(Classification.codes).describe("未承認薬・適応外薬の分類: the ticked classification."),
    /** The ticked sub-type under the classification. */
    classificationSubtype: z.enum(ClassificationSubtype.codes).optional().describe("The ticked sub-type under the classification."),
    /** 要望内容 — 効能・効果: the requested indication, verbatim with its bullets. */
    requestedIndication: text.describe("要望内容 — 効能・効果: the requested indication, verbatim with its bullets."),
    /** 要望内容 — 用法・用量: the requested dosage, verbatim with its bullets. */
    requestedDosage: text.describe("要望内容 — 用法・用量: the requested dosage, verbatim with its bullets."),
    /** 備考 — 小児に関する要望: whether the paediatric-request box is ticked. */
    pediatricRequest: checkbox.optional().describe("備考 — 小児に関する要望: whether the paediatric-request box is ticked."),
    /** 備考 — （特記事項等）. */
    requestNotes: text.optional().describe("備考 (特記事項等): remarks on section 1."),
    /** 希少疾病用医薬品の該当性: estimated patients and how they were estimated. */
    orphan: z
      .strictObject({
        /** 約__人: the estimate as written (ranges allowed, e.g. "200-250"). */
        estimatedPatients: text.optional().describe("約__人: the estimate as written (ranges allowed, e.g. \"200-250\")."),
        /** <推定方法>: the estimation method, verbatim. */
        estimationMethod: text.optional().describe("<推定方法>: the estimation method, verbatim."),
      })
      .optional().describe("希少疾病用医薬品の該当性: estimated patients and how they were estimated."),
    /** 国内の承認内容（適応外薬のみ）: what is approved in Japan today (off-label requests only). */
    domesticApproval: z
      .strictObject({
        /** （効能・効果）. */
        indication: text.optional().describe("効能・効果: the indication approved in Japan today, as the form states it."),
        /** （用法・用量）. */
        dosage: text.optional().describe("用法・用量: the dosage approved in Japan today, as the form states it."),
      })
      .optional().describe("国内の承認内容（適応外薬のみ）: what is approved in Japan today (off-label requests only)."),
    /** 「医療上の必要性に係る基準」への該当性. */
    necessity: z.strictObject({
      /** 1. 適応疾病の重篤性. */
      seriousness: necessityAxisSchema.describe("1. Seriousness of the target disease: the ticked criteria and the rationale."),
      /** 2. 医療上の有用性. */
      usefulness: necessityAxisSchema.describe("2. Medical usefulness: the ticked criteria and the rationale."),
    }).describe("How the request meets the medical-necessity criteria (「医療上の必要性に係る基準」への該当性)."),
    /** 備考 at the end of section 1. */
    section1Remarks: text.optional().describe("備考 at the end of section 1."),
    /** Section 2: 欧米等6か国での承認状況, one row per country. */
    foreignApprovals: z.array(foreignApprovalSchema).default([]).describe("Section 2: 欧米等6か国での承認状況, one row per country."),
    /** Section 2: 欧米等6か国での標準的使用状況, one row per country (off-label requests without approval). */
    foreignStandardUse: z.array(foreignStandardUseSchema).default([]).describe("Section 2: 欧米等6か国での標準的使用状況, one row per country (off-label requests without approval)."),
    /** Section 3: published evidence. */
    literature: literatureSchema.optional().describe("Section 3: published evidence."),
    /** 4. 実施すべき試験の種類とその方法案. */
    requiredStudies: text.optional().describe("4. The studies the requester thinks are needed, and how to run them."),
    /** 5. 備考 <その他>. */
    remarks: text.optional().describe("5. Other remarks."),
    /** 6. 参考文献一覧. */
    references: z.array(referenceSchema).default([]).describe("6. The list of references."),
    /** [別添資料]: attachments listed on the form. */
    attachments: z.array(attachmentSchema).default([]).describe("[別添資料]: attachments listed on the form."),
  })
  .superRefine((form, ctx) => {
    if (form.classificationSubtype && ClassificationSubtype.get(form.classificationSubtype).classification !== form.classification) {
      ctx.addIssue({
        code: 'custom',
        path: ['classificationSubtype'],
        message: `sub-type "${form.classificationSubtype}" belongs to ${ClassificationSubtype.get(form.classificationSubtype).classification}, but classification is "${form.classification}"`,
      });
    }
    if (form.domesticApproval && form.classification !== 'offLabel') {
      ctx.addIssue({
        code: 'custom',
        path: ['domesticApproval'],
        message: 'domesticApproval (国内の承認内容) is filled only for off-label requests; remove it or set classification to offLabel',
      });
    }
    for (const [key, rows] of [
      ['foreignApprovals', form.foreignApprovals],
      ['foreignStandardUse', form.foreignStandardUse],
    ] as const) {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.country)) {
          ctx.addIssue({ code: 'custom', path: [key, index, 'country'], message: `country "${row.country}" appears twice; give each country one row` });
        }
        seen.add(row.country);
      });
    }
    const refNos = new Set<number>();
    form.references.forEach((reference, index) => {
      if (refNos.has(reference.refNo)) {
        ctx.addIssue({ code: 'custom', path: ['references', index, 'refNo'], message: `reference number ${reference.refNo} appears twice in references` });
      }
      refNos.add(reference.refNo);
    });
  });

/** A transcribed request form. */
export type RequestForm = z.infer<typeof formSchema>;
