import { describe, expect, it } from 'vitest';
import { toDate } from './list-columns.ts';

describe('toDate', () => {
  it('reads the dates MHLW papers print, with their precision', () => {
    expect(toDate('2015-03-26')).toBe('2015-03-26');
    expect(toDate('平成27年3月26日')).toBe('2015-03-26');
    expect(toDate('平成26年7月')).toBe('2014-07');
    expect(toDate('令和元年5月')).toBe('2019-05');
    expect(toDate('令和7年')).toBe('2025');
    expect(toDate('2015年3月')).toBe('2015-03');
    expect(toDate('２０１５－０３')).toBe('2015-03');
  });

  it('refuses a date whose year the source does not print, and impossible dates', () => {
    expect(() => toDate('3月26日')).toThrow(/not a date/);
    expect(() => toDate('平成27年13月')).toThrow(/not a date/);
    expect(() => toDate('2015-02-30')).toThrow(/not a date/);
  });
});
