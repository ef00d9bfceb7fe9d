/**
 * `npm run import:list -- <rows.csv> [options]`: imports rows of an MHLW list table as summary records.
 * See docs/adding-a-request.md and `npm run import:list -- --help`.
 */
import { processIo } from '../src/lib/import/command.ts';
import { runImportList } from '../src/lib/import/import-list.ts';

process.exitCode = runImportList(process.argv.slice(2), processIo);
