/**
 * Turns the text of a request form (別添様式1 or 別添様式1-2, as extracted from its PDF) into the `form`
 * part of a record, with a report of every field found, missing or odd. Throws an {@link ImportError}
 * when the text is not a form, or lacks a section or a field the schema requires.
 */
import type { RequestForm } from '../schemas/form.ts';
import type { FormVersionCode } from '../data/vocabulary.ts';
import { parseAttachments, parseReferences, parseRunningText, parseSection3 } from './form-literature.ts';
import { locateSections, tokenizeForm, type FormSection, type SectionKey } from './form-sections.ts';
import { parseSection1 } from './form-section1.ts';
import { parseSection2 } from './form-section2.ts';
import { ImportError, ImportReport } from './report.ts';
import { splitSourceLines } from './source-text.ts';

/** A parsed form and what the parser noticed. */
export interface ParsedForm {
  /** The form, ready to go under `form:` in a record. */
  form: RequestForm;
  /** Fields found, missing and odd, with source lines. */
  report: ImportReport;
}

function section(input: string, sections: ReadonlyMap<SectionKey, FormSection>, key: SectionKey): FormSection {
  const found = sections.get(key);
  if (!found) throw new ImportError(input, undefined, `section ${key} is missing`);
  return found;
}

/** Parses the text of a request form. `input` names the file in messages. */
export function parseRequestForm(input: string, text: string): ParsedForm {
  const report = new ImportReport();
  const lines = tokenizeForm(splitSourceLines(text));
  const layout = locateSections(input, lines);
  const s1 = section(input, layout.sections, 's1');
  const first = parseSection1(input, s1.lines, s1.headingLine, report);
  let version: FormVersionCode;
  if (layout.version) {
    version = layout.version.code;
    report.addFound('form.version', layout.version.line, version);
  } else {
    version = first.classification === 'rapid' ? 'betten1-2' : 'betten1';
    report.addOddity('form.version', layout.titleLine ?? s1.headingLine, `the header (別添様式1) / (別添様式1-2) was not found; took ${version} from the classification`);
  }
  if (version === 'betten1-2' && first.classification !== 'rapid') {
    report.addOddity('form.classification', s1.headingLine, `the form is 別添様式1-2 (rapid scheme) but the ticked classification is ${first.classification}`);
  }
  const s2 = section(input, layout.sections, 's2');
  const second = parseSection2(s2.lines, s2.headingLine, report);
  const s3 = section(input, layout.sections, 's3');
  const literature = parseSection3(s3.lines, s3.headingLine, report);
  const s4 = section(input, layout.sections, 's4');
  const requiredStudies = parseRunningText(s4.lines, s4.headingLine, 'form.requiredStudies', report);
  const s5 = section(input, layout.sections, 's5');
  const remarks = parseRunningText(s5.lines, s5.headingLine, 'form.remarks', report, [{ key: 'その他' }]);
  const s6 = section(input, layout.sections, 's6');
  const references = parseReferences(s6.lines, s6.headingLine, report);
  const attachmentSection = layout.sections.get('attachments');
  const attachments = attachmentSection ? parseAttachments(attachmentSection.lines, attachmentSection.headingLine, report) : [];
  if (!attachmentSection) report.addMissing('form.attachments', 'absent');

  const form: RequestForm = {
    version,
    requester: first.requester,
    ...(first.priority ? { priority: first.priority } : {}),
    drug: first.drug,
    ...(first.relatedSociety ? { relatedSociety: first.relatedSociety } : {}),
    classification: first.classification,
    ...(first.classificationSubtype ? { classificationSubtype: first.classificationSubtype } : {}),
    requestedIndication: first.requestedIndication,
    requestedDosage: first.requestedDosage,
    ...(first.pediatricRequest === undefined ? {} : { pediatricRequest: first.pediatricRequest }),
    ...(first.requestNotes === undefined ? {} : { requestNotes: first.requestNotes }),
    ...(first.orphan ? { orphan: first.orphan } : {}),
    ...(first.domesticApproval ? { domesticApproval: first.domesticApproval } : {}),
    necessity: first.necessity,
    ...(first.section1Remarks === undefined ? {} : { section1Remarks: first.section1Remarks }),
    foreignApprovals: second.foreignApprovals,
    foreignStandardUse: second.foreignStandardUse,
    literature,
    ...(requiredStudies === undefined ? {} : { requiredStudies }),
    ...(remarks === undefined ? {} : { remarks }),
    references,
    attachments,
  };
  return { form, report };
}
