import { chromium } from 'playwright-core';
import { startServer } from '/work/wt-readers/scripts/serve-dist.mjs';
const server = await startServer({ root: 'dist', basePath: '/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 375, height: 667 } });
const page = await ctx.newPage();
await page.goto(server.origin + (process.argv[2] ?? '/2024-25/q1/'), { waitUntil: 'networkidle' });
console.log(await page.evaluate((sel) => {
  const rows = [];
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    rows.push(`${Math.round(r.top + scrollY)}\t${Math.round(r.height)}+${cs.marginTop}/${cs.marginBottom}\t${el.tagName}.${el.className} ${el.id || el.getAttribute('aria-labelledby') || ''}`);
  }
  rows.push('total ' + document.documentElement.scrollHeight);
  return rows.join('\n');
}, process.argv[3] ?? 'body > *, main .wrap > *'));
await browser.close(); await server.close();
