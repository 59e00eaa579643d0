import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's Chromium against `astro preview` of the built site.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/preview-server.ts'],
    environment: 'node',
    fileParallelism: false, // two cores: one browser at a time keeps timings sane
    maxConcurrency: 2, // for the few suites marked concurrent (axe over every page): one page per core
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
