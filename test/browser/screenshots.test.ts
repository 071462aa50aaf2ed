/**
 * Full-page screenshots of the home page, a quarter page and an indicator page,
 * on a phone (375x812) and a desktop (1280x900), written to
 * test-results/screenshots/ for people to look at. A page that is not built
 * (yet) is skipped with a note.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './lib/browser';
import { RESULTS, discoverPages, withBase } from './lib/site';

const OUT = path.join(RESULTS, 'screenshots');
const routes = new Set(discoverPages().map((p) => p.route));
const firstIndicator = [...routes].filter((r) => /^\/indicators\/[^/]+\/$/.test(r)).sort()[0];

const targets: [name: string, route: string | undefined, wanted: string][] = [
  ['home', '/', '/'],
  ['quarter-2024-25-q1', '/2024-25/q1/', '/2024-25/q1/'],
  [firstIndicator ? `indicator-${firstIndicator.split('/')[2]}` : 'indicator', firstIndicator, '/indicators/<id>/'],
];

const devices = [
  { device: 'phone', viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { device: 'desktop', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
];

describe('screenshots', () => {
  let tb: TestBrowser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    tb = await launchBrowser();
  });
  afterAll(async () => {
    await tb?.close();
  });

  for (const [name, route, wanted] of targets) {
    for (const { device, ...options } of devices) {
      const exists = route !== undefined && routes.has(route);
      it.skipIf(!exists)(`${name} (${route ?? wanted}) on ${device}`, async () => {
        const context = await tb.newContext({ ...options, reducedMotion: 'reduce' });
        try {
          const page = await context.newPage();
          const res = await page.goto(inject('origin') + withBase(route!), { waitUntil: 'load' });
          expect(res?.status(), `${route} answered HTTP ${res?.status()}`).toBeLessThan(400);
          await page.evaluate(() => document.fonts?.ready);
          await page.waitForTimeout(300); // let charts draw
          const file = path.join(OUT, `${name}-${device}.png`);
          await page.screenshot({ path: file, fullPage: true });
          expect(page.url()).toContain(withBase(route!));
        } finally {
          await context.close();
        }
      });
      if (!exists) console.log(`[screenshots] skipped ${name} on ${device}: ${wanted} is not in dist/ yet`);
    }
  }
});
