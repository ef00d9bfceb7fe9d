/**
 * `npm run import:list -- <table | folder> [options]`: imports rows of MHLW list tables (CSV, TSV, .xlsx) as records.
 * See docs/adding-a-request.md and `npm run import:list -- --help`.
 */
import { processIo } from '../src/importer/command.ts';
import { runImportListWithWorkbooks } from '../src/importer/import-list.ts';

process.exitCode = await runImportListWithWorkbooks(process.argv.slice(2), processIo);
