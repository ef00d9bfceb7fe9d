/**
 * Unit and component tests: `*.test.ts` beside the code in `src/`, and build-level tests in `tests/build/`.
 * `getViteConfig` gives the tests Astro's Vite setup, so components render through the Container API.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
