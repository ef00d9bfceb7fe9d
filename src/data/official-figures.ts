/**
 * Official aggregate figures of the request programme, shown on the statistics page as context beside the
 * site's own counts. Every number is taken from the project's domain research (`domain.md` §1.2) with the
 * source it gives; nothing here is computed from the site's records. Labels are UI strings in
 * `src/i18n/ui.ts` (`stats.official.*`).
 */
import type { RoundCode } from './vocabulary.ts';

/** A source of an official figure. */
export interface FigureSource {
  /** Address of the page or document. */
  url: string;
}

/** One row of the 66th-meeting table: a count for rounds I–III, round IV and in total. */
export interface MeetingFigureRow {
  /** Which count the row holds; its label is `stats.official.row.<code>`. */
  code: 'developmentRequested' | 'wgReview' | 'kochi' | 'other';
  /** Rounds I–III. */
  rounds1to3: number;
  /** Round IV. */
  round4: number;
  /** All rounds. */
  total: number;
}

/**
 * Cumulative figures at the 66th meeting (2025-12-12; counts closed one month before the meeting): requests
 * that received a development request, and how many of them are still under WG review, judged suitable for a
 * public-knowledge application (WG level) or on other routes (clinical trials etc.). The PDF text is
 * jumbled; this is the reading whose sums check out.
 */
export const meeting66 = {
  date: '2025-12-12',
  rows: [
    { code: 'developmentRequested', rounds1to3: 302, round4: 100, total: 402 },
    { code: 'wgReview', rounds1to3: 7, round4: 30, total: 37 },
    { code: 'kochi', rounds1to3: 128, round4: 56, total: 184 },
    { code: 'other', rounds1to3: 167, round4: 14, total: 181 },
  ] as const satisfies readonly MeetingFigureRow[],
  sources: [{ url: 'https://www.wic-net.com/material/document/22792/1' }, { url: 'https://www.mhlw.go.jp/stf/shingi2/0000198856_00044.html' }],
} as const;

/** The number of requests of one round, as the sources give it; its wording is `stats.official.round<code>`. */
export interface RoundFigure {
  /** The round. */
  round: RoundCode;
  /**
   * The round's total number of requests, when the sources give one (rounds I and II). Round III's sources give
   * only its first period; round IV takes requests continuously and has no total.
   */
  total?: number;
  /** Where the figure comes from. */
  sources: readonly FigureSource[];
}

/** Requests received per round (approximate, as the sources give them). */
export const roundFigures: readonly RoundFigure[] = [
  {
    round: 'I',
    total: 374,
    sources: [{ url: 'https://www.wic-net.com/material/document/22792/1' }, { url: 'http://medical.nikkeibp.co.jp/leaf/mem/pub/opinion/mric/201007/515982.html' }],
  },
  { round: 'II', total: 290, sources: [{ url: 'https://www.wic-net.com/material/document/22792/1' }, { url: 'https://bio.nikkeibp.co.jp/article/news/20121004/163606/' }] },
  { round: 'III', sources: [{ url: 'https://ynps.yakuji.co.jp/?p=1458' }] },
  {
    round: 'IV',
    sources: [
      { url: 'https://www.wic-net.com/material/document/22792/1' },
      { url: 'https://123deta.com/document/q7w96kkz-' },
      { url: 'https://www.jstage.jst.go.jp/browse/rsmp/15/2/_contents/-char/en' },
      { url: 'https://www.wic-net.com/material/document/23399/3' },
    ],
  },
];

/** Developer-call items across all rounds (59th-meeting data, 2024-07-05), as reported by industry. */
export const developerCalls = { items: 43, approved: 29, source: { url: 'https://wic-net.com/material/document/16252/8' } } as const;
