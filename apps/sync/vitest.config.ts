import { defineConfig } from 'vitest/config';
import SecretScanLast from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The e2e files start simulators and CLI processes: one file at a time on a small machine.
    fileParallelism: false,
    globalSetup: ['test/e2e/global-setup.ts'],
    sequence: { sequencer: SecretScanLast },
    env: { METADATA_SERVER_DETECTION: 'none', DO_NOT_TRACK: '1' },
  },
});
