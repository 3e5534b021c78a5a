import { defineConfig } from 'vitest/config';

/** Unit, Electron-mocked and real-data tests; browser end-to-end tests have their own config under tests/e2e. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
