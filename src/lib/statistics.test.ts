import { describe, expect, it } from 'vitest';
import {
  approvedCountryCount,
  countByCode,
  countFacets,
  countFunnel,
  funnelStepsReached,
  stagesImpliedBy,
  stagesReached,
  timelineSteps,
} from './statistics.ts';
import { toRequestSummary, type RequestRecord } from './request-summary.ts';
import { Status, type StatusCode } from '../data/vocabulary.ts';
import type { StatusEvent } from '../schemas/request.ts';
import { fixtureSummary, realFormAlone } from '../../tests/support/records.ts';

const source = { title: 'test source' };
const history = (...steps: (StatusCode | [StatusCode, string])[]): StatusEvent[] =>
  steps.map((step) => (Array.isArray(step) ? { status: step[0], date: step[1], source } : { status: step, source }));

describe('countByCode', () => {
  it('gives every code in order, zeros included, then the unknown count', () => {
    expect(countByCode(['a', 'b', 'c'], ['b', undefined, 'b', 'a'])).toEqual([
      { code: 'a', count: 1 },
      { code: 'b', count: 2 },
      { code: 'c', count: 0 },
      { code: 'unknown', count: 1 },
    ]);
  });
});

describe('approvedCountryCount', () => {
  it('counts the ticked approval boxes of a form whose six boxes are all readable', () => {
    expect(approvedCountryCount(realFormAlone())).toBe(0);
    const record = realFormAlone();
    const rows = record.data.form.foreignApprovals.map((row) => (row.country === 'US' || row.country === 'CA' ? { ...row, approved: true } : row));
    expect(approvedCountryCount({ id: 'x', data: { ...record.data, form: { ...record.data.form, foreignApprovals: rows } } })).toBe(2);
  });

  it('is unknown for a summary record and for a form with an unreadable box', () => {
    expect(approvedCountryCount(fixtureSummary())).toBeUndefined();
    const record = realFormAlone();
    const rows = record.data.form.foreignApprovals.map((row, index) => (index === 0 ? { country: row.country } : { ...row, approved: false }));
    expect(approvedCountryCount({ id: 'x', data: { ...record.data, form: { ...record.data.form, foreignApprovals: rows } } })).toBeUndefined();
  });
});

describe('countFacets', () => {
  it('counts each facet over the same records, unknown included, so every facet sums to the total', () => {
    const records: RequestRecord[] = [realFormAlone(), fixtureSummary()];
    const counts = countFacets(records.map((record) => toRequestSummary(record)), records);
    for (const rows of Object.values(counts)) expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(2);
    expect(counts.approvedCountries.find((row) => row.code === '0')?.count).toBe(1);
    expect(counts.approvedCountries.find((row) => row.code === 'unknown')?.count).toBe(1);
    expect(counts.requesterType.find((row) => row.code === 'academicSociety')?.count).toBeGreaterThanOrEqual(1);
    expect(counts.stage.find((row) => row.code === 'unknown')?.count).toBe(1);
  });
});

describe('stagesImpliedBy', () => {
  it('implies every earlier stage for a status on the main line', () => {
    expect(stagesImpliedBy('received')).toEqual([]);
    expect(stagesImpliedBy('prior_assessment_done')).toEqual(['intake', 'wg', 'decision', 'development']);
    expect(stagesImpliedBy('approved')).toEqual(['intake', 'wg', 'decision', 'development', 'pathway', 'application']);
  });

  it('implies only the stages a negative end state proves were passed', () => {
    expect(stagesImpliedBy('not_high_need')).toEqual(['intake', 'wg']);
    expect(stagesImpliedBy('withdrawn')).toEqual(['intake', 'wg']);
    expect(stagesImpliedBy('request_rescinded')).toEqual(['intake', 'wg', 'decision', 'development']);
  });

  it('is defined for every status of the vocabulary', () => {
    for (const code of Status.codes) expect(Array.isArray(stagesImpliedBy(code))).toBe(true);
  });
});

describe('funnelStepsReached', () => {
  const steps = (events: StatusEvent[]) => [...funnelStepsReached(events)];

  it('counts an empty history only as a request', () => {
    expect(steps([])).toEqual(['requests']);
    expect(steps(history('received', 'wg_review.company_view'))).toEqual(['requests']);
  });

  it('counts high need from the decision or from any development step', () => {
    expect(steps(history('high_need'))).toEqual(['requests', 'highNeed']);
    expect(steps(history('developer_call_open'))).toEqual(['requests', 'highNeed', 'development']);
    expect(steps(history('not_high_need'))).toEqual(['requests']);
    expect(steps(history('out_of_scope'))).toEqual(['requests']);
  });

  it('counts insurance coverage at the prior assessment of the kōchi route, and implies the steps before it', () => {
    expect(steps(history(['prior_assessment_done', '2010-08']))).toEqual(['requests', 'highNeed', 'development', 'pathway', 'coverage']);
    expect(steps(history('kochi_filed'))).toContain('coverage');
    expect(steps(history('kochi_eligible'))).not.toContain('coverage');
  });

  it('does not count coverage for an approval alone (on the trial route coverage follows approval)', () => {
    expect(steps(history('trial_ongoing', 'approved'))).toEqual(['requests', 'highNeed', 'development', 'pathway', 'approval']);
  });

  it('counts a withdrawn development request at the development step but no further', () => {
    expect(steps(history('development_requested', 'request_rescinded'))).toEqual(['requests', 'highNeed', 'development']);
    expect(steps(history('trial_ongoing', 'request_rescinded'))).toContain('pathway');
  });
});

describe('countFunnel', () => {
  it('counts the records at each step in funnel order', () => {
    expect(countFunnel([[], history('high_need', 'developer_call_open'), history('prior_assessment_done'), history('not_high_need')])).toEqual([
      { code: 'requests', count: 4 },
      { code: 'highNeed', count: 2 },
      { code: 'development', count: 2 },
      { code: 'pathway', count: 1 },
      { code: 'coverage', count: 1 },
      { code: 'approval', count: 0 },
    ]);
  });
});

describe('stagesReached and timelineSteps', () => {
  it('shows every stage as unknown for an empty history', () => {
    expect(stagesReached([]).size).toBe(0);
    expect(timelineSteps([]).map((step) => step.state)).toEqual(Array<string>(7).fill('unknown'));
  });

  it('marks recorded stages with their events, earlier stages as passed and later ones as unknown', () => {
    const steps = timelineSteps(history(['prior_assessment_done', '2010-08']));
    expect(steps.map((step) => [step.stage, step.state])).toEqual([
      ['intake', 'passed'],
      ['wg', 'passed'],
      ['decision', 'passed'],
      ['development', 'passed'],
      ['pathway', 'recorded'],
      ['application', 'unknown'],
      ['outcome', 'unknown'],
    ]);
    const pathway = steps[4];
    expect(pathway?.state === 'recorded' && pathway.events[0]?.date).toBe('2010-08');
  });

  it('closes the stages after a negative decision and keeps unknown what a rescinded request leaves open', () => {
    expect(timelineSteps(history('not_high_need')).map((step) => step.state)).toEqual(['passed', 'passed', 'recorded', 'closed', 'closed', 'closed', 'closed']);
    expect(timelineSteps(history('development_requested', 'request_rescinded')).map((step) => step.state)).toEqual([
      'passed',
      'passed',
      'passed',
      'recorded',
      'unknown',
      'unknown',
      'recorded',
    ]);
  });

  it('groups several events of one stage together, oldest first', () => {
    const steps = timelineSteps(history(['high_need', '2014-01'], 'developer_call_open', 'developer_found'));
    const development = steps.find((step) => step.stage === 'development');
    expect(development?.state === 'recorded' && development.events.map((event) => event.status)).toEqual(['developer_call_open', 'developer_found']);
  });
});
