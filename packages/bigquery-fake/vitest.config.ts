import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/network-guard.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own fake (and possibly a ZetaSQL server); keep parallelism modest on 2 cores.
    maxWorkers: 2,
    env: { METADATA_SERVER_DETECTION: 'none', DO_NOT_TRACK: '1' },
  },
});
