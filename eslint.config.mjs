import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'stream', 'util'];

/** Folder boundaries from docs/architecture: each layer may only reach the layers below it. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

/** Node's globals: only electron/ (and tests, benchmarks, scripts and build configuration) may use them. */
const nodeGlobals = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'exports', 'setImmediate', 'clearImmediate'];
const noNodeGlobals = (layer) => ({
  'no-restricted-globals': ['error', ...nodeGlobals.map((name) => ({ name, message: `${layer} does not run on Node: ${name} is not available.` }))],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
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
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.{ts,mts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(
        ['electron', 'react', 'react-dom', 'react-dom/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**', '**/renderer/**'],
        'shared/ is pure TypeScript: no platform, UI or app-layer imports.',
      ),
      ...noNodeGlobals('shared/'),
    },
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
      ...noNodeGlobals('renderer/'),
    },
  },
  {
    files: ['electron/service/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(['electron', '**/main/**', '**/preload/**', '**/renderer/**'], 'The service and CLI run on plain Node: never import electron.'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(
      ['better-sqlite3', '**/service/*', '!**/service/service-contract', '!**/service/service-protocol', '**/cli/**', '**/renderer/**'],
      'electron/main reaches the service only through its contract (service-contract) and protocol (service-protocol); the service runs in its own process.',
    ),
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
