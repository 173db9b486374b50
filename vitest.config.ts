import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // integration tests start real daemons, ffmpeg and servers: keep the 2-core machine sane
    maxWorkers: 2,
  },
});
