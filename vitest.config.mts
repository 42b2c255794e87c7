import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The CLI tests run the built CLI: build it first if a source is newer.
    globalSetup: ['tests/unit/build-once.ts'],
    // What the build writes into the preload (__OPERATION_NAMES__), for the preload's own tests.
    setupFiles: ['tests/unit/operation-names.ts'],
    // better-sqlite3 is a native module; separate processes keep each file's handles apart.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
