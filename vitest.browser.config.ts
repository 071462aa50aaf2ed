import { defineConfig } from 'vitest/config';

// Real-browser quality gate over the built site (`npm run test:browser`):
// builds first, then these tests serve dist/ and drive Debian's Chromium.
// Unit tests (`npm test`) use vitest.config.ts and never need Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    env: { TZ: 'Europe/London' },
  },
});
