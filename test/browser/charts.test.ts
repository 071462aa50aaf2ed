/**
 * Charts as a person meets them: the indicator page's canvas is drawn, its
 * table shows the same numbers as the open data, and a quarter page fetches
 * no chart code until a chart scrolls into view.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './lib/use-browser';
import { DIST, withBase } from './lib/site';

const origin = () => inject('origin') as string;
const browser = useBrowser();

describe('indicator page chart', () => {
  it('draws the canvas, and its table matches the JSON', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(origin() + withBase('/indicators/cp-reviews-in-timescale/'));
    const chart = page.locator('kpi-chart').first();
    await chart.scrollIntoViewIfNeeded();
    const canvas = chart.locator('canvas');
    await canvas.waitFor({ timeout: 15_000 });
    // The caption describes the chart; the drawing is hidden from assistive technology so it is not described twice.
    expect(await canvas.getAttribute('aria-hidden')).toBe('true');
    expect(await chart.locator('.chart-description').innerText()).toContain('Better: 92.2% in Q1 2024/25, up 4.8 percentage points from 87.4% in Q4 2023/24.');
    await page.waitForTimeout(1500);
    // Non-blank pixels: count pixels that are not transparent or white.
    const inked = await canvas.evaluate((el: HTMLCanvasElement) => {
      const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(500);

    const rows = await page.locator('kpi-chart table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-period'), Number(tr.querySelector('td[data-value]')?.getAttribute('data-value'))]),
    );
    type Figure = { value: number; decimals: number };
    const json = (file: string) => JSON.parse(readFileSync(path.join(DIST, 'data', file), 'utf8')) as { indicators: { id: string; latest: { period: string; figure: Figure }; previous: { period: string; figure: Figure } }[] };
    const expected = new Map<string, number>();
    for (const file of ['2023-24-q3.json', '2024-25-q1.json']) {
      const indicator = json(file).indicators.find((i) => i.id === 'cp-reviews-in-timescale')!;
      expected.set(indicator.previous.period, indicator.previous.figure.value);
      expected.set(indicator.latest.period, indicator.latest.figure.value);
    }
    expect(new Map(rows as [string, number][])).toEqual(expected);
    await context.close();
  });
});

describe('quarter page', () => {
  it('downloads no Chart.js code before a chart scrolls into view, then does', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 600 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(origin() + withBase('/2024-25/q1/'), { waitUntil: 'networkidle' });
    // The first chart sits below the indicators, out of a phone's first screen.
    expect(await page.locator('kpi-chart').first().evaluate((el) => el.getBoundingClientRect().top > window.innerHeight + 200)).toBe(true);
    expect(scripts.filter((url) => /render-chart/.test(url))).toEqual([]);
    await page.locator('kpi-chart').first().scrollIntoViewIfNeeded();
    await page.locator('kpi-chart canvas').first().waitFor({ timeout: 15_000 });
    expect(scripts.filter((url) => /render-chart/.test(url)).length).toBeGreaterThan(0);
    await context.close();
  });
});
