/**
 * `npx tsx scripts/lighthouse.ts [dist]`: Lighthouse (see scripts/lighthouse-audit.ts) on one page of each type
 * of the built site, printing the performance, accessibility, best-practices and SEO scores. Exits with 1 when a
 * page is under its budget (performance ≥ 98, the three others 100) and names the audits that cost points.
 * `LIGHTHOUSE_PAGES` (comma-separated paths) overrides the pages. `npm run bench` runs the same audit on its
 * synthetic site. Not part of `npm test`: a run (three per page, median reported) takes about three minutes. Run `npm run build` first.
 */
import { auditPages, pageTypes, scoreTable } from './lighthouse-audit.ts';

const pages: [string, string][] = process.env.LIGHTHOUSE_PAGES
  ? process.env.LIGHTHOUSE_PAGES.split(',').map((pathname) => [pathname, pathname])
  : Object.entries(pageTypes);

const { results, failures } = await auditPages(process.argv[2] ?? 'dist', pages);
console.log(scoreTable(results));
if (failures.length > 0) {
  console.log(`\nunder budget:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('\nevery page type is within budget');
}
