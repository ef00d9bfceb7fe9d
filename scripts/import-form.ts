/**
 * `npm run import -- <form.pdf | form.txt | folder> … [options]`: imports request forms as records. See
 * docs/adding-a-request.md and `npm run import -- --help`.
 */
import { processIo } from '../src/importer/command.ts';
import { runImportForm } from '../src/importer/import-form.ts';

process.exitCode = await runImportForm(process.argv.slice(2), processIo);
