#!/usr/bin/env node
/**
 * Looking at pages by hand: serves dist/, opens each path in Chromium and writes screenshots
 * (375x667, 320, 1280 wide, forced colours) and an A4 PDF to the folder given, with a few measures.
 *   node scripts/look.mjs OUT_DIR /2024-25/q1/ / ...
 */
import { chromium } from 'playwright-core';
import { startServer } from './serve-dist.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.mjs';
import path from 'node:path';

const [out, ...routes] = process.argv.slice(2);
const server = await startServer({ root: 'dist', basePath: '/' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const slug = (r) => r.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home';
for (const route of routes) {
  for (const [w, h, extra] of [[375, 667, {}], [320, 568, {}], [1280, 900, {}], [375, 667, { forcedColors: 'active' }]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, ...extra });
    const page = await ctx.newPage();
    await page.goto(server.origin + route, { waitUntil: 'networkidle' });
    const m = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      landmarks: document.querySelectorAll('main, nav, header, footer, aside, section[aria-labelledby], section[aria-label], [role=search], [role=region], form[aria-label]').length,
    }));
    console.log(route, `${w}x${h}`, extra.forcedColors ? 'forced' : '', JSON.stringify(m));
    const name = `${slug(route)}-${w}${extra.forcedColors ? '-forced' : ''}`;
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    if (w === 375 && !extra.forcedColors) {
      // The whole page in screen-high strips of 1,600 px, small enough to look at one by one.
      for (let y = 0, i = 0; y < m.height; y += 1600, i++) await page.screenshot({ path: path.join(out, `${name}-part${i}.png`), fullPage: true, clip: { x: 0, y, width: w, height: Math.min(1600, m.height - y) } });
    }
    if (w === 1280) await page.pdf({ path: path.join(out, `${slug(route)}.pdf`), format: 'A4', preferCSSPageSize: true });
    await ctx.close();
  }
}
await browser.close();
await server.close();
