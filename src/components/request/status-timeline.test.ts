/**
 * Component tests of the status timeline: rendered through Astro's Container API in both languages, for an
 * empty history, a real summary record and histories that imply or close stages.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import StatusTimeline from './StatusTimeline.astro';
import StatusHistory from './StatusHistory.astro';
import type { StatusEvent } from '../../schemas/request.ts';
import { fixtureSummary } from '../../../tests/support/records.ts';

vi.mock('astro:content', async () => (await import('../../../tests/support/mocked-content.ts')).mockedContent());

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(history: StatusEvent[], lang: 'ja' | 'en' = 'en', component = StatusTimeline): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await container.renderToString(component, { props: { lang, history } }));
}

const text = ($: cheerio.CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();
const states = ($: cheerio.CheerioAPI) => $('[data-step]').map((_, step) => `${$(step).attr('data-step')}:${$(step).attr('data-state')}`).get();
const source = { title: 'test source' };

describe('StatusTimeline', () => {
  it('shows the whole line as unknown for a record with no history', async () => {
    const $ = await render([]);
    expect($('[data-step]')).toHaveLength(7);
    expect($('[data-state="unknown"]')).toHaveLength(7);
    expect(text($, '[data-step="intake"] p:first-child span:not([aria-hidden])')).toBe('Received');
    expect(text($, '[data-step="intake"] [data-state-label]')).toBe('Unknown');
    expect(text($, '[data-timeline]')).toContain('a stage is treated neither as reached nor as not reached');
  });

  it('marks the recorded stages with their status and date, or "date unknown", and leaves later ones unknown', async () => {
    const $ = await render(fixtureSummary().data.statusHistory, 'ja');
    expect(states($)).toEqual(['intake:recorded', 'wg:recorded', 'decision:unknown', 'development:unknown', 'pathway:unknown', 'application:unknown', 'outcome:unknown']);
    expect(text($, '[data-step="intake"] time')).toBe('2024年5月1日');
    expect($('[data-step="intake"] time').attr('datetime')).toBe('2024-05-01');
    expect(text($, '[data-step="wg"]')).toContain('企業見解を確認中');
    expect(text($, '[data-step="wg"]')).toContain('日付不明');
    expect(text($, '[data-step="outcome"] [data-state-label]')).toBe('不明');
  });

  it('shows stages implied by a later event as passed, without inventing a date', async () => {
    const $ = await render([{ status: 'prior_assessment_done', date: '2010-08', source }]);
    expect(states($).slice(0, 5)).toEqual(['intake:passed', 'wg:passed', 'decision:passed', 'development:passed', 'pathway:recorded']);
    expect($('[data-step="decision"] time')).toHaveLength(0);
    expect(text($, '[data-step="decision"] [data-state-label]')).toBe('Passed (not recorded)');
    expect(text($, '[data-step="pathway"]')).toContain('August 2010');
    expect(text($, '[data-step="pathway"]')).toContain('Prior assessment done; insurance coverage begins');
  });

  it('closes the stages after a negative decision', async () => {
    const $ = await render([{ status: 'not_high_need', source }]);
    expect($('[data-state="closed"]').map((_, step) => $(step).attr('data-step')).get()).toEqual(['development', 'pathway', 'application', 'outcome']);
    expect(text($, '[data-step="development"] [data-state-label]')).toBe('Not applicable (ended at an earlier stage)');
  });

  it('opens the history section, before the list of events', async () => {
    const $ = await render(fixtureSummary().data.statusHistory, 'en', StatusHistory);
    const section = $('#section-history');
    expect(section.children().eq(1).is('[data-timeline]')).toBe(true);
    expect(section.find('[data-timeline] ~ [data-history]')).toHaveLength(1);
  });
});
