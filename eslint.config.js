import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layeringRule } from './tools/eslint/layers.js';
import { noSyncFsRule, SYNC_FS_ALLOWED } from './tools/eslint/noSyncFs.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'net', 'url', 'util', 'zlib', 'stream'];

// The boundaries of DESIGN.md §2, enforced here rather than remembered: only main.ts, preload.ts
// and electron/shell import Electron; the renderer and shared/ never import Node; the core never
// imports React.
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty-pattern': 'off',
      // Chinese typography uses the ideographic space (U+3000) inside text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipJSXText: true }],
    },
  },
  // Rules that need type information: a promise nobody awaits loses its error (and, in a
  // transaction, its ordering); a deprecated API is a removal waiting to happen (Electron 45's
  // synchronous safeStorage). The three tsconfigs cover every TypeScript file.
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json', './tsconfig.web.json', './tsconfig.e2e.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test()/describe() return promises the runner itself tracks.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-deprecated': 'error',
    },
  },
  {
    // The synchronous safeStorage calls (deprecated in Electron 45) are replaced by the async API
    // in the data-at-rest work of issue 10; drop this exception with that change.
    files: ['electron/shell/keystore.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
  {
    files: ['electron/**/*.ts', 'tools/**/*.ts', 'tests/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main.ts, preload.ts and electron/shell/ may import electron.' }], patterns: [{ group: ['react', 'react-dom', '@mantine/*'], message: 'The core never imports React.' }] }],
    },
  },
  {
    // The core's layers (tools/eslint/layers.js, drawn in docs/architecture.md).
    files: ['electron/**/*.ts'],
    plugins: { local: { rules: { layering: layeringRule, 'no-sync-fs': noSyncFsRule } } },
    rules: { 'local/layering': 'error' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: SYNC_FS_ALLOWED,
    rules: { 'local/no-sync-fs': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', 'sqlite3'], message: 'The renderer never imports Node or Electron; call the API client.' }, { group: ['**/electron/**'], message: 'The renderer talks to the core only through the API client.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', 'sqlite3', 'react', '@mantine/*'], message: 'shared/ runs in both the core and the renderer: no Node, DOM, Electron or React.' }, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the project.' }] }],
    },
  },
);
