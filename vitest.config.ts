import { readdirSync, readFileSync } from 'node:fs';
import { getViteConfig } from 'astro/config';

/**
 * Unit, component (Astro container API) and build tests, in two vitest projects
 * (`npm test` runs both; browser tests live apart, test/browser, `npm run test:browser`):
 *
 * - "unit": every test file that builds no site. No global build, files in
 *   parallel: `npx vitest run test/format.test.ts` takes about a second.
 * - "build": the files that build a site, found by what they call: sharedSite()
 *   (the one build of the real site, made once by test/helpers/shared-build.ts
 *   for every read-only test) or buildSite() (a build of their own), or the
 *   benchmark (test/bench.test.ts). One file at a time, after the unit project,
 *   so builds do not compete for Astro's cache and the two cores.
 *
 * A new test file lands in the right project by itself: call sharedSite() or
 * buildSite() and it joins "build". So does a file that starts programs of its
 * own (spawn, spawnSync: `npm run check`, the watcher, servers), whose timings
 * would not hold with other files running beside it on two cores.
 */
const BUILDS_A_SITE = /\b(?:sharedSite|buildSite|spawn|spawnSync)\(|scripts\/bench\.mjs/;
const testFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .map((file) => `test/${file.replaceAll('\\', '/')}`)
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith('test/browser/'));
const buildFiles = testFiles.filter((file) => BUILDS_A_SITE.test(readFileSync(file, 'utf8')));
const unitFiles = testFiles.filter((file) => !buildFiles.includes(file));

const shared = {
  exclude: ['test/browser/**', 'node_modules/**'],
  testTimeout: 20_000,
  // Dates are read and written in the council's time zone, whatever the machine's (package.json sets it too).
  env: { TZ: 'Europe/London' },
};

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { ...shared, name: 'unit', include: unitFiles, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'build',
          include: buildFiles,
          sequence: { groupOrder: 1 },
          // Several files build the whole site; one at a time keeps builds from competing for Astro's cache and two cores.
          fileParallelism: false,
          // One build of the unmodified site, shared by every test that only reads it; made only when this project runs.
          globalSetup: ['test/helpers/shared-build.ts'],
        },
      },
    ],
  },
});
