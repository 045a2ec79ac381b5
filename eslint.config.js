import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      // Type information from each layer's own tsconfig (tsconfig.json says which is which).
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // An async function without await is how code that may throw keeps a promise contract:
      // the throw becomes a rejection. Floating and misused promises stay errors.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The core runs headless (CLI, tests): it never depends on Electron.
    files: ['electron/core/**', 'electron/shared/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron/core, shared and cli must not import electron.' }] },
      ],
    },
  },
  {
    // The contract is shared with the sandboxed renderer: no Node modules in it.
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron'],
              message: 'electron/shared is imported by the renderer: no Node or Electron modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks only to the bridge; from the app's code it may import only the contract's types.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never touches Electron.' }],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The renderer never touches Node.' },
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'],
              message: 'The renderer imports only from electron/shared.',
            },
          ],
        },
      ],
    },
  },
  // Plain JavaScript (configs, scripts) has no types to check.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // The rules of hooks and complete effect dependencies. The plugin's React Compiler rules
    // (set-state-in-effect and the like) are not on yet: the window does not use the compiler.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Props interfaces declare callbacks in method shorthand; React never binds `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Tests read JSON and fixtures whose shape the assertions themselves check, and hand
    // methods to expect(); the type-aware rules about `any` and unbound methods add nothing there.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['electron/cli/**', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
