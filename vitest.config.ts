import { defineConfig } from 'vitest/config';

/** Unit, Electron-mocked and real-data tests; browser end-to-end tests have their own config under tests/e2e. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Vitest's default of one worker less than the cores (one on a two-core machine) is kept on purpose: with every
    // core busy, an analysis child process of the document tests died once in V8's garbage collector
    // ("Check failed: marking_done_", SIGTRAP, Node 22.23.5), which one file at a time has not shown.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
