import { describe, expect, it } from 'vitest';
import { cutLabel, cutLeadingGroup, joinCitationLines, joinParagraphLines, normaliseForMatch, stripMarkdownDecorations, takeAutolink } from './text-tools.ts';

describe('normaliseForMatch', () => {
  it('treats full-width and half-width spellings and spaces alike', () => {
    expect(normaliseForMatch('ガイドライ ン名 （または）')).toBe(normaliseForMatch('ガイドライン名(または)'));
    expect(normaliseForMatch('第Ⅲ相')).toBe('第iii相');
  });
});

describe('cutLabel', () => {
  it('returns the original text after a label written with other widths and spaces', () => {
    expect(cutLabel('備 考 （該当する場合はチェックする。）', '備考')).toBe('（該当する場合はチェックする。）');
    expect(cutLabel('成分名 (一般名)', '成分名(一般名)')).toBe('');
    expect(cutLabel('販売名', '会社名')).toBeUndefined();
  });
});

describe('cutLeadingGroup', () => {
  it('splits off a bracketed instruction and notices one left open by a page break', () => {
    expect(cutLeadingGroup('(該当するものにチェックする。) 残り')).toEqual({ group: '(該当するものにチェックする。)', rest: '残り', closed: true });
    expect(cutLeadingGroup('(要望する効能・効果について記載')?.closed).toBe(false);
    expect(cutLeadingGroup('値')).toBeUndefined();
  });
});

describe('joinParagraphLines', () => {
  it('glues a sentence the PDF wrapped and keeps the author’s own line breaks', () => {
    const wrapped = '100例近くの症例にinductionとして用いている。本剤使用群が入院日数、拒絶反応、';
    expect(joinParagraphLines([wrapped, '細菌感染症などで成績がよかった。'])).toBe(`${wrapped}細菌感染症などで成績がよかった。`);
    expect(joinParagraphLines(['1. 検索式', '(Basiliximab) AND (liver)', '2. 検索結果 139報'])).toBe('1. 検索式\n(Basiliximab) AND (liver)\n2. 検索結果 139報');
  });
});

describe('joinCitationLines', () => {
  it('joins Latin words with a space and Japanese with nothing', () => {
    expect(joinCitationLines(['Lupo L, et al. Basiliximab versus steroids in double therapy', 'immunosuppression in liver transplantation.'])).toBe(
      'Lupo L, et al. Basiliximab versus steroids in double therapy immunosuppression in liver transplantation.',
    );
  });
});

describe('stripMarkdownDecorations', () => {
  it('removes the extractor’s heading marks, bold pairs and italic journal names, and nothing else', () => {
    expect(stripMarkdownDecorations('### (2) Peer-reviewed journal の総説')).toBe('(2) Peer-reviewed journal の総説');
    expect(stripMarkdownDecorations('1) **Marubashi S. Title.** (文献9)')).toBe('1) Marubashi S. Title. (文献9)');
    expect(stripMarkdownDecorations('in *Transplantation* 2002;73')).toBe('in Transplantation 2002;73');
    expect(stripMarkdownDecorations('p*0.05 と 2*3')).toBe('p*0.05 と 2*3');
  });
});

describe('takeAutolink', () => {
  it('takes a printed address out of its brackets', () => {
    expect(takeAutolink('35 頁 (<http://www.bts.org.uk/x/>)')).toEqual({ url: 'http://www.bts.org.uk/x/', rest: '35 頁' });
    expect(takeAutolink('no address')).toEqual({ rest: 'no address' });
  });
});
