import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The core runs headless (CLI, tests): it never depends on Electron.
    files: ['electron/core/**', 'electron/shared/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core, shared and cli must not import electron.' }] }],
    },
  },
  {
    // The contract is shared with the sandboxed renderer: no Node modules in it.
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron'], message: 'electron/shared is imported by the renderer: no Node or Electron modules.' }] }],
    },
  },
  {
    // The renderer talks only to the bridge; from the app's code it may import only the contract's types.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer never touches Electron.' }],
        patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The renderer never touches Node.' },
        { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'], message: 'The renderer imports only from electron/shared.' },
      ] }],
    },
  },
  {
    files: ['electron/cli/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
