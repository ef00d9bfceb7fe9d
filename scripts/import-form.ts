/**
 * `npm run import -- <form.txt> [options]`: imports one request form as a record. See
 * docs/adding-a-request.md and `npm run import -- --help`.
 */
import { processIo } from '../src/importer/command.ts';
import { runImportForm } from '../src/importer/import-form.ts';

process.exitCode = runImportForm(process.argv.slice(2), processIo);
