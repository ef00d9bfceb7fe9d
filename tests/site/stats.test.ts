/**
 * Checks over the built statistics pages (run after `npm run build`): every chart is a figure with a
 * caption, an SVG with `role="img"`, `<title>` and `<desc>` named by `aria-labelledby`, and a data table
 * beside it; the table's numbers, and the numbers printed on the bars, equal the counts computed from the
 * content files; the official figures are present with their sources and apart from the site's counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/site.ts';
import { contentRegistries, loadRecord } from '../support/records.ts';
import { toRequestSummary } from '../../src/lib/request-summary.ts';
import { countFacets, countFunnel, countKeys } from '../../src/lib/statistics.ts';

const registries = contentRegistries();

const contentDir = path.join(process.env.OFFLABEL_CONTENT_DIR ?? 'content', 'requests');
const records = readdirSync(contentDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => loadRecord(path.join(contentDir, name), name.replace(/\.mdx$/, '')));
const facets = countFacets(records.map((record) => toRequestSummary(record, registries.requesters, registries.drugs, registries.companies)), records);
const expected: Record<string, { code: string; count: number }[]> = {
  funnel: countFunnel(records.map((record) => record.data.statusHistory)),
  ...facets,
};

const pages = { ja: 'stats/index.html', en: 'en/stats/index.html' } as const;

function load(file: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(path.join(distDir, file), 'utf8'));
}

describe.each(Object.entries(pages))('the statistics page (%s)', (lang, file) => {
  const $ = load(file);
  const charts = $('figure[data-chart]');

  it('has the funnel and one chart per counted facet', () => {
    expect(charts.map((_, figure) => $(figure).attr('data-chart')).get()).toEqual(['funnel', ...countKeys]);
  });

  it('gives every chart a caption, an SVG with title and description, and a data table', () => {
    charts.each((_, figure) => {
      const chart = $(figure);
      expect(chart.find('figcaption').text().trim()).not.toBe('');
      const svg = chart.find('svg');
      expect(svg).toHaveLength(1);
      expect(svg.attr('role')).toBe('img');
      const ids = (svg.attr('aria-labelledby') ?? '').split(' ');
      expect(ids).toHaveLength(2);
      expect(svg.children('title').attr('id')).toBe(ids[0]);
      expect(svg.children('desc').attr('id')).toBe(ids[1]);
      expect(svg.children('title').text()).toBe(chart.find('figcaption').text().trim());
      expect(svg.children('desc').text().length).toBeGreaterThan(20);
      expect(chart.find('table[data-chart-table] thead th')).toHaveLength(2);
    });
  });

  it('shows in each table, on each bar and in each description the counts of the site’s records', () => {
    charts.each((_, figure) => {
      const chart = $(figure);
      const id = chart.attr('data-chart') ?? '';
      const rows = chart.find('table[data-chart-table] tbody tr');
      const table = rows.map((_, row) => ({ code: $(row).attr('data-code') ?? '', count: Number($(row).find('[data-count]').text()) })).get();
      expect(table, id).toEqual(expected[id]);
      const bars = chart.find('svg g[data-mark="text"] text').map((_, text) => Number($(text).text())).get();
      expect(bars, id).toEqual(table.map((row) => row.count));
      const desc = chart.find('svg desc').text();
      rows.each((_, row) => {
        expect(desc).toContain(`${$(row).find('th').text().trim()}: ${$(row).find('[data-count]').text().trim()}`);
      });
    });
  });

  it('uses currentColor for text and a CSS variable for the bars, so dark mode and print apply', () => {
    charts.each((_, figure) => {
      const svg = $(figure).find('svg');
      expect(svg.attr('fill')).toBe('currentColor');
      expect(svg.find('g[data-mark="bar"]').attr('fill')).toBe('var(--chart-bar)');
      expect(svg.find('[fill="black"], [fill="#000"], [stroke="black"]')).toHaveLength(0);
    });
  });

  it('says how few records there are and keeps the official figures apart, with their sources', () => {
    expect($('[data-few-records]').text()).toContain(String(records.length));
    const official = $('[data-official-figures]');
    expect(official.closest('[data-site-counts]')).toHaveLength(0);
    expect(official.find('figure[data-chart]')).toHaveLength(0);
    const meeting = official.find('table[data-official="meeting66"] tr[data-row="developmentRequested"] td').map((_, cell) => $(cell).text()).get();
    expect(meeting).toEqual(['302', '100', '402']);
    expect(official.find('a[href="https://www.wic-net.com/material/document/22792/1"]').length).toBeGreaterThan(0);
    expect(official.find('a[href="https://www.mhlw.go.jp/stf/shingi2/0000198856_00044.html"]')).toHaveLength(1);
    expect(official.find('[data-caveat]').text()).toMatch(lang === 'ja' ? /PDF/ : /jumbled/);
    expect(official.find('table[data-official="rounds"] tr[data-round="I"]').text()).toContain('374');
  });
});
