// @ts-check
/**
 * Lint: typed typescript-eslint (strict) for `.ts`, the syntactic strict rules plus eslint-plugin-astro for
 * `.astro` (typed rules cannot resolve Astro's JSX types there; `astro check` type-checks those files).
 */
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import * as astroParser from 'astro-eslint-parser';
import globals from 'globals';

export default defineConfig(
  { ignores: ['dist/', 'dist-subpath/', 'dist-hosting/', 'dist-subpath-hosting/', '.astro/', 'node_modules/', 'coverage/', 'screenshots/', '.scratch*/'] },
  js.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Messages are built with template literals that include numbers.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.astro'],
    extends: [...tseslint.configs.strict, ...astro.configs.recommended],
    // The typescript-eslint configs set their own parser; Astro files need Astro's, with TypeScript inside.
    languageOptions: { parser: astroParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.astro'] } },
  },
);
