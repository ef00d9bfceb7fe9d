/**
 * Reading which meeting a status event names. Sources write the council's meetings in several ways
 * (第67回医療上の必要性の高い未承認薬・適応外薬検討会議, 第67回検討会議, 検討会議(第67回)); every view and the importer
 * read them through {@link parseMeetingRef}, so a meeting is recognised the same way everywhere.
 */

/** A meeting a source names: the council (検討会議) and its number. */
export interface MeetingRef {
  /** Which body met: `council` is 医療上の必要性の高い未承認薬・適応外薬検討会議. */
  body: 'council';
  /** The meeting's number (第NN回). */
  number: number;
}

/** The id of a council meeting's entry and page (`council-67`). */
export function meetingId(ref: MeetingRef): string {
  return `${ref.body}-${ref.number}`;
}

/**
 * The council meeting a text names, or undefined when the text names none (or another body, such as a drug
 * committee). Full-width digits and spaces are accepted.
 */
export function parseMeetingRef(text: string | undefined): MeetingRef | undefined {
  if (text === undefined) return undefined;
  const norm = text.normalize('NFKC').replace(/\s+/g, '');
  if (!/検討会議/u.test(norm) || /部会|審議会/u.test(norm)) return undefined;
  const match = /第(\d+)回/u.exec(norm);
  if (!match?.[1]) return undefined;
  return { body: 'council', number: Number(match[1]) };
}
