import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  globalIgnores(['dist', 'dist-*', 'test-results', 'test-results-*', 'playwright-report', 'node_modules']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // The floors (README): rules/ → src/engine → src/present → src/app, and no arrow runs up.
  {
    // The engine is the pure middle floor: no React, no DOM, no I/O, nothing above it.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'i18next', 'node:*', 'fs', 'path'],
              message: 'The engine is pure: no React, no I/O.',
            },
            {
              group: ['../app/*', '../present/*', '../rules-compiler/*', '../prerender/*'],
              message: 'The engine imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Display helpers: pure, reading the engine through its front door (src/engine/index.ts).
    files: ['src/present/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'node:*', 'fs', 'path'], message: 'src/present is pure: no React, no I/O.' },
            {
              group: ['../app/*', '../rules-compiler/*', '../prerender/*'],
              message: 'src/present imports nothing above it.',
            },
            {
              group: ['../engine/*'],
              allowTypeImports: true,
              message: "Import the engine through its index ('../engine'); types may come from '../engine/types'.",
            },
          ],
        },
      ],
    },
  },
  {
    // Nothing the browser runs imports the rules compiler: the rules arrive compiled (virtual:teiju/*).
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx', 'src/entry-server.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/rules-compiler/*'],
              allowTypeImports: true,
              message: 'Compiled at build time: import virtual:teiju/* instead.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [js.configs.recommended], languageOptions: { globals: globals.node } },
]);
