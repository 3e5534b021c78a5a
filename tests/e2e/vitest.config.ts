import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: a real Chromium against browser mode; slow, so long timeouts and one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
