import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The release test publishes to a local registry and installs into fresh projects: minutes, not seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // One file at a time: npm installs and DuckDB are heavy on a shared 2-core machine.
    fileParallelism: false,
    env: { METADATA_SERVER_DETECTION: 'none', DO_NOT_TRACK: '1', TURBO_TELEMETRY_DISABLED: '1' },
  },
});
