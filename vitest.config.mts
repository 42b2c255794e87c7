import { defineConfig } from 'vitest/config';
import { operationNames } from './shared/operations';

export default defineConfig({
  // As electron.vite.config.ts gives the preload: the operations' names, written in at build time.
  define: { __OPERATION_NAMES__: JSON.stringify(operationNames) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The CLI tests run the built CLI: build it first if a source is newer.
    globalSetup: ['tests/unit/build-once.ts'],
    // better-sqlite3 is a native module; separate processes keep each file's handles apart.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
