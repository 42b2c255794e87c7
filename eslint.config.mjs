import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'stream', 'util'];

/** Folder boundaries from docs/architecture: each layer may only reach the layers below it. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['electron', 'react', 'react-dom', 'react-dom/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript: no platform, UI or app-layer imports.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', 'better-sqlite3', ...nodeBuiltins, '**/electron/**'],
        'renderer/ reaches the app only through window.workbench (renderer/src/api.ts) and shared/.',
      ),
    },
  },
  {
    files: ['electron/service/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(['electron', '**/main/**', '**/preload/**', '**/renderer/**'], 'The service and CLI run on plain Node: never import electron.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      ['zod', 'better-sqlite3', ...nodeBuiltins, '**/service/**', '**/main/**', '**/renderer/**'],
      'The sandboxed preload may only use electron and the dependency-free parts of shared/.',
    ),
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
