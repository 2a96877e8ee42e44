import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    env: { METADATA_SERVER_DETECTION: 'none', DO_NOT_TRACK: '1' },
  },
});
