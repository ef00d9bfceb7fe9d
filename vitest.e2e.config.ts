/**
 * Tests of the built site in `dist/`: checks over its files (`tests/site/`) and browser tests in Debian's
 * Chromium through playwright-core, served on 127.0.0.1 (`tests/e2e/`). Run `npm run build` first;
 * `npm test` does.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    include: ['tests/site/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
