/**
 * Browser tests: Debian's Chromium (through playwright-core) against the built site in `dist/`, served on
 * 127.0.0.1. Run `npm run build` first; `npm test` does.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
