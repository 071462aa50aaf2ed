import { getViteConfig } from 'astro/config';

// Unit, component (Astro container API) and build tests. Browser tests live apart (test/browser, `npm run test:browser`).
export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 20_000,
    // Several files build the whole site; one at a time keeps builds from competing for Astro's cache and two cores.
    fileParallelism: false,
    // One build of the unmodified site, shared by every test that only reads it.
    globalSetup: ['test/helpers/shared-build.ts'],
  },
});
