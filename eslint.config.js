import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importCycles from './eslint-rules/import-cycles.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No import circles, type-only imports included: shared types live in leaf modules (DESIGN.md).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { prepdeck: { rules: { 'import-cycles': importCycles } } },
    rules: { 'prepdeck/import-cycles': 'error' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', 'electron', 'better-sqlite3', 'node:*'],
              message: 'The renderer imports from src/shared and its own folder only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'better-sqlite3', 'node:fs', 'fs', 'node:fs/*', '**/store/**', '**/api/**'],
              message: 'core/ is pure: no Electron, SQLite or fs.',
            },
          ],
        },
      ],
    },
  },
);
