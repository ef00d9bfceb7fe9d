/**
 * Counts of the site's own records for the statistics page, and the reading of a status history that both
 * the funnel and the status timeline of a request page use. Pure (no `astro:content`): the page passes in
 * what `src/lib/requests.ts` exports.
 *
 * One rule runs through the module: a record is counted at a step only when its history shows that the
 * step was reached — by an event of that step, or by an event of a later step that the process cannot
 * reach without it. Nothing is inferred from the absence of an event. See `docs/statistics.md`.
 */
import {
  Classification,
  Country,
  RequesterType,
  Round,
  Stage,
  Status,
  WorkingGroup,
  type RoundCode,
  type StageCode,
  type StatusCode,
  type StatusEntry,
} from '../data/vocabulary.ts';
import { roundFigures } from '../data/official-figures.ts';
import type { StatusEvent } from '../schemas/request.ts';
import type { RequestRecord, RequestSummary } from './request-summary.ts';

/** The value a count uses for a record whose source does not give the fact. */
export const UNKNOWN = 'unknown';

/** One bar of a count: a vocabulary code (or {@link UNKNOWN}) and the number of records. */
export interface CountRow {
  /** A vocabulary code, a number of countries as text (`'0'`–`'6'`), or `'unknown'`. */
  code: string;
  /** Number of records. */
  count: number;
}

/** The facets the statistics page counts records by. */
export const countKeys = ['stage', 'classification', 'requesterType', 'round', 'leadWg', 'approvedCountries'] as const;

/** A facet counted on the statistics page. */
export type CountKey = (typeof countKeys)[number];

/**
 * Counts records by a value, giving a row for every code in vocabulary order (zeros included, so a chart
 * shows what is absent as well as what is present) and a final `unknown` row for records without a value.
 */
export function countByCode<T extends string>(codes: readonly T[], values: readonly (T | undefined)[]): CountRow[] {
  const rows: CountRow[] = codes.map((code) => ({ code, count: values.filter((value) => value === code).length }));
  rows.push({ code: UNKNOWN, count: values.filter((value) => value === undefined).length });
  return rows;
}

/**
 * The number of the six reference countries in which the drug is approved, read from the form's approval
 * table. Known only when the record is a full form whose six approval boxes can all be read (ticked or not);
 * otherwise (a summary record, a missing row, an unreadable box) it is `undefined`, that is unknown.
 */
export function approvedCountryCount(record: RequestRecord): number | undefined {
  if (record.data.kind !== 'form') return undefined;
  const rows = record.data.form.foreignApprovals;
  const boxes = Country.codes.map((country) => rows.find((row) => row.country === country)?.approved);
  if (boxes.some((box) => box === undefined)) return undefined;
  return boxes.filter((box) => box === true).length;
}

/** The codes of the approved-countries count: `'0'` to `'6'`. */
export const approvedCountryCodes: readonly string[] = Array.from({ length: Country.codes.length + 1 }, (_, n) => String(n));

/** Every count of the statistics page, keyed by facet. */
export type FacetCounts = Record<CountKey, CountRow[]>;

/**
 * Counts the records by current stage, classification, requester type, round, lead WG and number of
 * reference countries with an approval. `summaries` and `records` are the same requests (matched by id).
 */
export function countFacets(summaries: readonly RequestSummary[], records: readonly RequestRecord[]): FacetCounts {
  const byId = new Map(records.map((record) => [record.id, record]));
  const countries = summaries.map((summary) => {
    const record = byId.get(summary.id);
    const count = record ? approvedCountryCount(record) : undefined;
    return count === undefined ? undefined : String(count);
  });
  return {
    stage: countByCode(Stage.codes, summaries.map((summary) => summary.stage)),
    classification: countByCode(Classification.codes, summaries.map((summary) => summary.classification)),
    requesterType: countByCode(RequesterType.codes, summaries.map((summary) => summary.requester.type)),
    round: countByCode(Round.codes, summaries.map((summary) => summary.round)),
    leadWg: countByCode(WorkingGroup.codes, summaries.map((summary) => summary.leadWg)),
    approvedCountries: countByCode(approvedCountryCodes, countries),
  };
}

/**
 * Negative end states and the last stage they prove was passed. A request judged not of high medical need,
 * out of scope or withdrawn was received and reviewed, so it passed `wg`; a development request that was
 * withdrawn (`request_rescinded`) had been made, so it passed `development` — but whether a trial or an
 * application came before the withdrawal is not implied either way.
 */
const negativeEndsAfter: Partial<Record<StatusCode, StageCode>> = {
  not_high_need: 'wg',
  out_of_scope: 'wg',
  withdrawn: 'wg',
  request_rescinded: 'development',
};

/**
 * The stages a single status proves were passed before it: every earlier stage of the lifecycle for a
 * status on the main line; for a negative end state, only the stages up to the one it ends (see
 * `negativeEndsAfter`).
 */
export function stagesImpliedBy(status: StatusCode): StageCode[] {
  const entry = Status.get(status);
  const stageIndex = Stage.codes.indexOf(entry.stage);
  const endsAfter = negativeEndsAfter[status];
  const lastIndex = endsAfter === undefined ? stageIndex - 1 : Math.min(stageIndex - 1, Stage.codes.indexOf(endsAfter));
  return Stage.codes.slice(0, lastIndex + 1);
}

/** The stages a history reached: the stage of every event, and every stage those events imply. */
export function stagesReached(history: readonly StatusEvent[]): Set<StageCode> {
  const reached = new Set<StageCode>();
  for (const event of history) {
    reached.add(Status.get(event.status).stage);
    for (const stage of stagesImpliedBy(event.status)) reached.add(stage);
  }
  return reached;
}

/** The steps of the funnel, from every request to approval. */
export const funnelSteps = ['requests', 'highNeed', 'development', 'pathway', 'coverage', 'approval'] as const;

/** A funnel step. */
export type FunnelStep = (typeof funnelSteps)[number];

/** Statuses that show insurance coverage began: the prior assessment, and the kōchi application after it. */
const coverageStatuses: readonly StatusCode[] = ['prior_assessment_done', 'kochi_filed'];

/**
 * The funnel steps a history reached.
 *
 * - `requests`: every record.
 * - `highNeed`: a `high_need` event, or the `development` stage reached (every later main-line status
 *   implies it) — a development request or developer call is only made for a request judged of high
 *   medical need.
 * - `development`: the `development` stage reached (a development request or a developer call).
 * - `pathway`: the `pathway` stage reached (kōchi application judged appropriate, prior assessment, kōchi
 *   application filed, trial planned or ongoing), or a later one (application filed, approved).
 * - `coverage`: a `prior_assessment_done` or `kochi_filed` event. On the kōchi route insurance coverage
 *   starts at the prior assessment; on the trial route it follows approval and price listing, which the
 *   records do not hold, so an approval alone does not count here.
 * - `approval`: an `approved` event.
 *
 * Because of `coverage`, the steps are not nested: a record can count at `approval` and not at `coverage`.
 */
export function funnelStepsReached(history: readonly StatusEvent[]): Set<FunnelStep> {
  const stages = stagesReached(history);
  const statuses = new Set(history.map((event) => event.status));
  const reached = new Set<FunnelStep>(['requests']);
  if (statuses.has('high_need') || stages.has('development')) reached.add('highNeed');
  if (stages.has('development')) reached.add('development');
  if (stages.has('pathway')) reached.add('pathway');
  if (coverageStatuses.some((status) => statuses.has(status))) reached.add('coverage');
  if (statuses.has('approved')) reached.add('approval');
  return reached;
}

/** Counts the records at each funnel step, in funnel order. */
export function countFunnel(histories: readonly (readonly StatusEvent[])[]): { code: FunnelStep; count: number }[] {
  const reached = histories.map((history) => funnelStepsReached(history));
  return funnelSteps.map((code) => ({ code, count: reached.filter((steps) => steps.has(code)).length }));
}

/** What the status timeline of a request page shows for one stage. */
export type TimelineStep =
  /** The history holds events of this stage (oldest first). */
  | { stage: StageCode; state: 'recorded'; events: StatusEvent[] }
  /** No event of this stage, but a later event proves it was passed; when is not known. */
  | { stage: StageCode; state: 'passed' }
  /** The history ended at a negative end state before this stage. */
  | { stage: StageCode; state: 'closed' }
  /** Nothing in the sources says whether this stage was reached. */
  | { stage: StageCode; state: 'unknown' };

/**
 * The main stages of the lifecycle for a history, for the status timeline: each stage recorded (with its
 * events), passed (implied by a later event), closed (after a negative end state of the decision stage,
 * which nothing follows) or unknown. An empty history gives every stage as unknown.
 */
export function timelineSteps(history: readonly StatusEvent[]): TimelineStep[] {
  const reached = stagesReached(history);
  const closedAfter = history
    .map((event): StatusEntry => Status.get(event.status))
    .filter((entry) => entry.negative && entry.terminal && entry.stage === 'decision')
    .map((entry) => Stage.codes.indexOf(entry.stage))
    .at(-1);
  return Stage.codes.map((stage, index): TimelineStep => {
    const events = history.filter((event) => Status.get(event.status).stage === stage);
    if (events.length > 0) return { stage, state: 'recorded', events };
    if (reached.has(stage)) return { stage, state: 'passed' };
    if (closedAfter !== undefined && index > closedAfter) return { stage, state: 'closed' };
    return { stage, state: 'unknown' };
  });
}

/** One row of the coverage table: what the site holds of a round, against the round's official total. */
export interface CoverageRow {
  /** The round, or `unknown` for requests whose round no source gives. */
  round: RoundCode | typeof UNKNOWN;
  /** Requests of the round on the site. */
  held: number;
  /** Of those, how many have a known status. */
  withStatus: number;
  /** The round's official total, when the sources give one. */
  officialTotal?: number;
}

/**
 * How much of each round the site holds, against the official totals of `src/data/official-figures.ts`, and
 * how many of the held requests have a known status. Requests without a known round are a row of their own.
 */
export function coverageByRound(summaries: readonly Pick<RequestSummary, 'round' | 'status'>[]): CoverageRow[] {
  const rows: CoverageRow[] = Round.entries.map((round) => {
    const inRound = summaries.filter((summary) => summary.round === round.code);
    const total = roundFigures.find((figure) => figure.round === round.code)?.total;
    return {
      round: round.code,
      held: inRound.length,
      withStatus: inRound.filter((summary) => summary.status !== undefined).length,
      ...(total === undefined ? {} : { officialTotal: total }),
    };
  });
  const unknown = summaries.filter((summary) => summary.round === undefined);
  rows.push({ round: UNKNOWN, held: unknown.length, withStatus: unknown.filter((summary) => summary.status !== undefined).length });
  return rows;
}
