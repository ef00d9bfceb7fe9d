/**
 * Prints one line, "N passed, N failed" (with ", N skipped" when any), summing the Vitest JSON reports in
 * a folder (default `test-results/`). Used by `.ci/run` so that CI reads one closing line for all suites.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const dir = process.argv[2] ?? 'test-results';
let files: string[] = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {
  // No reports: nothing ran.
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as VitestJson;
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
