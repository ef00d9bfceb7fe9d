/**
 * `npm run validate`: checks every content file against the schemas and prints each problem as
 * `file › field: message`. Exits 1 when anything is wrong. Content folder: `OFFLABEL_CONTENT_DIR` or `content/`.
 */
import { formatProblem, validateContent } from '../src/lib/content-validation.ts';

const dir = process.env.OFFLABEL_CONTENT_DIR ?? 'content';
const problems = validateContent(dir);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in ${dir}/:`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(`${dir}/: every entry is valid.`);
