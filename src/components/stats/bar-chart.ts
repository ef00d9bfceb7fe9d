/**
 * Renders a horizontal bar chart to an SVG string at build time with Observable Plot, on linkedom's server
 * DOM. The SVG is accessible on its own (`role="img"`, `<title>` and `<desc>` named by `aria-labelledby`)
 * and follows the page's colours: text and axes use `currentColor`, bars the `--chart-bar` CSS variable
 * that `StatsChart` sets for light, dark and print. See `docs/statistics.md` for why Observable Plot.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** One bar: its label and its value. */
export interface BarDatum {
  /** The label shown on the axis. */
  label: string;
  /** The value (a count of records). */
  value: number;
}

/** What a chart needs besides its data. */
export interface BarChartOptions {
  /** Unique id prefix; the title and description get `<id>-title` and `<id>-desc`. */
  id: string;
  /** Short name of the chart, read first by screen readers. */
  title: string;
  /** One or two sentences saying what the chart shows. */
  description: string;
}

/** Rough width in pixels of a label at 12 px: CJK characters are full-width. */
function labelWidth(label: string): number {
  const wide = label.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return wide * 12 + (label.length - wide) * 6.8;
}

/** Whole-number ticks from 0 to `max`, at most six of them, so a count axis never shows 0.5. */
export function integerTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 5));
  const ticks: number[] = [];
  for (let tick = 0; tick <= Math.max(max, 1); tick += step) ticks.push(tick);
  return ticks;
}

/** Renders the bars, in the order given, as the outer HTML of an accessible `<svg>`. */
export function renderBarChart(data: readonly BarDatum[], options: BarChartOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const marginLeft = Math.ceil(Math.min(260, Math.max(60, ...data.map((datum) => labelWidth(datum.label)))) + 14);
  const rows = data.map((datum) => ({ ...datum }));
  const svg = Plot.plot({
    document,
    width: 640,
    height: 30 + rows.length * 26,
    marginLeft,
    marginRight: 40,
    marginTop: 10,
    x: { domain: [0, max], ticks: integerTicks(max), tickFormat: 'd', grid: true, label: null },
    y: { domain: rows.map((row) => row.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'label', fill: 'var(--chart-bar)' }),
      Plot.text(rows, { x: 'value', y: 'label', text: (row: BarDatum) => String(row.value), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }) as unknown as SVGSVGElement;
  // Inside role="img" the parts are presentational, and aria-label is not allowed on a <g> without a role
  // (axe: aria-prohibited-attr); Plot's mark names are kept as data-mark for styling and tests.
  for (const element of svg.querySelectorAll('[aria-label]')) {
    element.setAttribute('data-mark', element.getAttribute('aria-label') ?? '');
    element.removeAttribute('aria-label');
  }
  // The site's Content-Security-Policy allows no inline styles, so Plot's <style> element and style
  // attributes are removed; their rules (block display, font size, tabular figures, pre-wrapped text) live
  // in StatsChart.astro's stylesheet. SVG's font-variant attribute does not take `tabular-nums` (an HTML
  // validator error) and goes too.
  for (const element of svg.querySelectorAll('style')) element.remove();
  for (const element of [svg, ...svg.querySelectorAll('[style], [font-variant]')]) {
    element.removeAttribute('style');
    element.removeAttribute('font-variant');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${options.id}-title ${options.id}-desc`);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${options.id}-title`);
  title.textContent = options.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${options.id}-desc`);
  desc.textContent = options.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}
