import { defineConfig } from 'vitest/config';

// Unit and build tests. Browser tests live apart (test/browser, `npm run test:browser`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
