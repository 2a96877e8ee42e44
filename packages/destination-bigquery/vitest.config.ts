import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/loopback-guard.ts', 'test/support/strict-cleanup.ts'],
    testTimeout: 30_000,
    // The fake and ZetaSQL are heavy: keep parallelism modest on shared 2-core machines.
    maxWorkers: 2,
    env: { METADATA_SERVER_DETECTION: 'none', DO_NOT_TRACK: '1' },
  },
});
