/**
 * The quarter page as a phone reader, a screen-reader user and a councillor printing for committee meet it
 * (#14): the contents list reaches the first card in one tap, chart labels do not overlap at phone widths,
 * each chart is described once, charts stay visible in forced colours, and the printed page has one chart per
 * chart and fewer pages than the 14 it had.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './lib/browser';
import { withBase } from './lib/site';

const origin = () => inject('origin') as string;
let tb: TestBrowser;
beforeAll(async () => {
  tb = await launchBrowser();
});
afterAll(async () => {
  await tb?.close();
});

const Q1 = () => origin() + withBase('/2024-25/q1/');

describe('on a 375 px phone', () => {
  it('has the contents list in the first screen, and one tap on an area brings its first card into view', async () => {
    const context = await tb.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(Q1(), { waitUntil: 'networkidle' });
    const contents = page.getByRole('navigation', { name: 'On this page' });
    expect(await contents.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    await contents.getByRole('link', { name: /^Social Care/ }).click();
    const card = page.locator('#area-social-care ~ .cards article.card').first();
    expect(await card.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);
    await context.close();
  });
});

describe.each([320, 375])('chart labels at %i px', (width) => {
  it('do not overlap, in the build-time SVG and its axis', async () => {
    const context = await tb.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['/indicators/care-leavers-eet/', '/2024-25/q1/']) {
      await page.goto(origin() + withBase(path));
      const overlaps = await page.evaluate(() => {
        const found: string[] = [];
        for (const svg of document.querySelectorAll('kpi-chart svg')) {
          const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() })).filter((b) => b.box.width > 0);
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.box;
              const b = boxes[j]!.box;
              if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) found.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
            }
          }
        }
        return found;
      });
      expect(overlaps, path).toEqual([]);
    }
    await context.close();
  });
});

describe('screen readers', () => {
  it('hear each chart’s description once, and the history link by its visible words', async () => {
    const context = await tb.newContext();
    const page = await context.newPage();
    await page.goto(origin() + withBase('/indicators/care-leavers-eet/'), { waitUntil: 'networkidle' });
    const chart = page.locator('kpi-chart').first();
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').waitFor({ timeout: 15_000 });
    const description = (await chart.locator('.chart-description').innerText()).trim();
    const tree = await chart.ariaSnapshot();
    expect(tree.split(description.slice(0, 40)).length - 1).toBe(1);
    await page.goto(Q1());
    const names = await page.locator('a.sparkline-link').evaluateAll((links) => links.map((link) => (link as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    const accessible = await page.getByRole('link', { name: /^History of this indicator/ }).count();
    expect(accessible).toBe(names.length);
    await context.close();
  });
});

describe('forced colours (Windows high contrast)', () => {
  it('keeps charts and sparklines visible', async () => {
    const context = await tb.newContext({ forcedColors: 'active', colorScheme: 'dark', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(origin() + withBase('/indicators/care-leavers-eet/'), { waitUntil: 'networkidle' });
    const chart = page.locator('kpi-chart .chart-box').first();
    await chart.scrollIntoViewIfNeeded();
    await page.locator('kpi-chart canvas').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
    const shot = await chart.screenshot();
    // A visible chart has many distinct colours; a chart that vanished into the theme is one flat colour.
    const distinct = new Set<number>();
    for (let i = 0; i < shot.length; i += 97) distinct.add(shot[i]!);
    expect(distinct.size).toBeGreaterThan(20);
    const sparkline = await page.goto(Q1()).then(() => page.locator('svg.sparkline').first().evaluate((svg) => getComputedStyle(svg).color));
    expect(sparkline).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });
});

describe('printed for committee', () => {
  it('prints one chart per chart, no cards or navigation, a table of every indicator, on fewer pages than before (14)', async () => {
    const context = await tb.newContext();
    const page = await context.newPage();
    await page.goto(Q1(), { waitUntil: 'networkidle' });
    // Scroll so every chart has upgraded to its canvas, as a reader's page would have before printing.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await page.locator('kpi-chart canvas').first().waitFor({ timeout: 15_000 });
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('kpi-chart')].map((chart) => [...chart.querySelectorAll('canvas, .chart-box > svg')].filter((el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().height > 0).length),
    );
    expect(visible.every((n) => n === 1), JSON.stringify(visible)).toBe(true);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.cards').first().isVisible()).toBe(false);
    expect(await page.locator('table.print-table tbody th[scope="row"]').count()).toBe(22);
    // Links print with their full address, not a bare path.
    const printed = await page.locator('main a[href^="/"]').first().evaluate((link) => getComputedStyle(link, '::after').content);
    expect(printed).toMatch(/^"? ?\(?"?http/);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(14);
    await context.close();
  });
});
