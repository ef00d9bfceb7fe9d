import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requestSchema, type RequestData } from './request.ts';
import { splitFrontmatter } from '../lib/content-validation.ts';

/** The real request record, as the site stores it. */
function realRecord(): Record<string, unknown> {
  const split = splitFrontmatter('x', readFileSync('content/requests/basiliximab-liver-transplant.mdx', 'utf8'));
  if ('message' in split) throw new Error(split.message);
  return structuredClone(split.data) as Record<string, unknown>;
}

function minimalSummary(): Record<string, unknown> {
  return {
    kind: 'summary',
    drug: { ingredient: 'テスト', inn: 'test' },
    sources: [{ title: 'test source' }],
    updated: '2026-11-22',
    listRow: { genericName: 'テスト' },
  };
}

function issuesOf(value: unknown): string[] {
  const result = requestSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function form(record: Record<string, unknown>): Record<string, unknown> {
  return record.form as Record<string, unknown>;
}

describe('requestSchema', () => {
  it('accepts the real request form and fills defaults', () => {
    const data: RequestData = requestSchema.parse(realRecord());
    expect(data.kind).toBe('form');
    if (data.kind !== 'form') return;
    expect(data.form.references).toHaveLength(14);
    expect(data.form.foreignApprovals.map((row) => row.country)).toEqual(['US', 'UK', 'DE', 'FR', 'CA', 'AU']);
    expect(data.form.necessity.usefulness.ticked.C).toBeUndefined();
    expect(data.statusHistory.length).toBeGreaterThan(0);
    expect(data.statusHistory.every((event) => event.source.url !== undefined)).toBe(true);
    expect(data.requestNumber).toBe('III-(1)-49');
  });

  it('accepts a summary record with only list-table columns', () => {
    expect(issuesOf(minimalSummary())).toEqual([]);
  });

  it('rejects an unknown key anywhere, so a typo cannot be silently dropped', () => {
    const record = realRecord();
    form(record).requestedIndicaton = 'typo';
    expect(issuesOf(record).join('\n')).toMatch(/form: Unrecognized key.*requestedIndicaton/);
  });

  it('rejects a country outside the six', () => {
    const record = realRecord();
    (form(record).foreignApprovals as Record<string, unknown>[])[2] = { country: 'JP', approved: true };
    expect(issuesOf(record)[0]).toMatch(/^form\.foreignApprovals\.2\.country:/);
  });

  it('rejects a missing required field', () => {
    const record = realRecord();
    delete form(record).requestedDosage;
    expect(issuesOf(record)[0]).toMatch(/^form\.requestedDosage:/);
  });

  it('rejects a record without sources', () => {
    expect(issuesOf({ ...minimalSummary(), sources: [] })[0]).toMatch(/^sources: expected at least one source/);
  });

  it('rejects an unknown record kind with both kinds named', () => {
    expect(issuesOf({ ...minimalSummary(), kind: 'draft' })[0]).toMatch(/expected kind to be "form".*or "summary"/);
  });

  it('rejects impossible and malformed dates but accepts partial ones', () => {
    expect(issuesOf({ ...minimalSummary(), updated: '2026-02-30' })[0]).toMatch(/^updated: expected a real date/);
    expect(issuesOf({ ...minimalSummary(), updated: '22/11/2026' })[0]).toMatch(/^updated:/);
    expect(issuesOf({ ...minimalSummary(), updated: '2026-11' })).toEqual([]);
    expect(issuesOf({ ...minimalSummary(), updated: new Date('2026-11-22') })).toEqual([]);
  });

  it('rejects a status history that is not oldest first', () => {
    const source = { title: 's' };
    const record = {
      ...minimalSummary(),
      statusHistory: [
        { status: 'high_need', date: '2012-01-01', source },
        { status: 'received', date: '2011-09-30', source },
      ],
    };
    expect(issuesOf(record)[0]).toMatch(/^statusHistory\.1\.date: events must be listed oldest first/);
  });

  it('requires a source on every status event', () => {
    const record = { ...minimalSummary(), statusHistory: [{ status: 'received', date: '2011-09-30' }] };
    expect(issuesOf(record)[0]).toMatch(/^statusHistory\.0\.source:/);
  });

  it('keeps the domestic approval to off-label requests', () => {
    const record = realRecord();
    form(record).classification = 'unapproved';
    form(record).classificationSubtype = 'unapproved.other';
    expect(issuesOf(record)).toEqual([expect.stringMatching(/^form\.domesticApproval: .*only for off-label requests/)]);
  });

  it('rejects a sub-type of another classification', () => {
    const record = realRecord();
    form(record).classificationSubtype = 'unapproved.other';
    expect(issuesOf(record)[0]).toMatch(/^form\.classificationSubtype: sub-type "unapproved.other" belongs to unapproved/);
  });

  it('rejects a country listed twice in a six-country table', () => {
    const record = realRecord();
    (form(record).foreignStandardUse as Record<string, unknown>[])[1] = { country: 'US', used: false };
    expect(issuesOf(record)[0]).toMatch(/^form\.foreignStandardUse\.1\.country: country "US" appears twice/);
  });

  it('rejects a reference number used twice', () => {
    const record = realRecord();
    (form(record).references as Record<string, unknown>[])[1] = { refNo: 1, citation: 'x' };
    expect(issuesOf(record)[0]).toMatch(/^form\.references\.1\.refNo: reference number 1 appears twice/);
  });

  it('rejects empty text instead of storing a blank value', () => {
    const record = realRecord();
    form(record).remarks = '   ';
    expect(issuesOf(record)[0]).toMatch(/^form\.remarks: expected text, got an empty string/);
  });
});
