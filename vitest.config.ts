import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Unit, Electron-mocked and real-data tests; browser end-to-end tests have their own config under tests/e2e. */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Vitest's default leaves one core idle, which on a two-core machine runs every file one after the other; the
    // files are independent (own temporary folders, ports chosen by the system), so use every core.
    maxWorkers: availableParallelism(),
    // Timeouts catch hangs. With files side by side a heavy test takes up to about twice its time alone (the slowest
    // default-timeout tests take 13–18 s alone), so 60 s still fails a hang without failing a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
