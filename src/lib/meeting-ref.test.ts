import { describe, expect, it } from 'vitest';
import { meetingId, parseMeetingRef } from './meeting-ref.ts';

describe('parseMeetingRef', () => {
  it('reads the council meeting however a source writes it', () => {
    expect(parseMeetingRef('第67回医療上の必要性の高い未承認薬・適応外薬検討会議')).toEqual({ body: 'council', number: 67 });
    expect(parseMeetingRef('第６７回 検討会議')).toEqual({ body: 'council', number: 67 });
    expect(parseMeetingRef('医療上の必要性の高い未承認薬・適応外薬検討会議(第50回 1/26)')).toEqual({ body: 'council', number: 50 });
  });

  it('does not take a drug committee or an unnumbered text for a council meeting', () => {
    expect(parseMeetingRef('薬事・食品衛生審議会医薬品第一部会')).toBeUndefined();
    expect(parseMeetingRef('検討会議')).toBeUndefined();
    expect(parseMeetingRef(undefined)).toBeUndefined();
  });

  it('names the entry of a meeting', () => {
    expect(meetingId({ body: 'council', number: 7 })).toBe('council-7');
  });
});
