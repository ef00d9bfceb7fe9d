import { describe, expect, it } from 'vitest';
import { chapterFacts, chapterNumbers, comparePair } from './primer-pairs.ts';

describe('chapterNumbers', () => {
  it('reads a Japanese date and its English form as the same numbers', () => {
    expect(chapterNumbers('2023年12月25日に通知された。', 'ja')).toEqual(chapterNumbers('It was notified on 25 December 2023.', 'en'));
  });

  it('leaves out era years, numbers below ten and URLs, folds thousands separators and 万', () => {
    expect(chapterNumbers('令和6年（2024年）に第1種の5万人、1,100件。[出典](https://example.org/123456)', 'ja')).toEqual(['1100', '2024', '50000']);
  });
});

describe('comparePair', () => {
  it('agrees when only the wording differs', () => {
    const ja = chapterFacts('## 承認\n\n2024年4月に<Cite id="pmd-act" />、60日以内。\n', 'ja');
    const en = chapterFacts('## Approval\n\nIn April 2024<Cite id="pmd-act" />, within 60 days.\n', 'en');
    expect(comparePair(ja, en)).toEqual([]);
  });

  it('names a number, a citation and a heading that one language lacks', () => {
    const ja = chapterFacts('## 承認\n\n### 期間\n\n90日以内<Cite id="a" />。\n', 'ja');
    const en = chapterFacts('## Approval\n\nWithin 60 days<Cite id="b" />.\n', 'en');
    const problems = comparePair(ja, en);
    expect(problems.some((line) => line.startsWith('headings differ'))).toBe(true);
    expect(problems.some((line) => line.startsWith('citations differ'))).toBe(true);
    expect(problems).toContain('numbers only in the Japanese chapter: 90');
    expect(problems).toContain('numbers only in the English chapter: 60');
  });
});
