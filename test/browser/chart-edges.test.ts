/**
 * The Chart.js upgrade at the edges of its data, as a reader meets them: a chart of one figure, of none, of two
 * periods at the same place on the time axis, and a target or average equal in value to a figure but published to
 * other decimals. Each case serves the real indicator page with its chart spec replaced before the page loads, so
 * <kpi-chart> upgrades it exactly as it would a built one.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LineSpec } from '../../src/present/chart-spec';
import { useBrowser } from './lib/use-browser';
import { withBase } from './lib/site';

const PATH = '/indicators/care-leavers-eet/';
const DAY = 24 * 60 * 60 * 1000;
// Mid-quarter dates, as periodMidpoint gives them.
const Q4 = Date.UTC(2024, 1, 15);
const Q1 = Date.UTC(2025, 4, 16);

const browser = useBrowser();

const spec = (points: LineSpec['points'], more: Partial<LineSpec> = {}): LineSpec => ({
  kind: 'line',
  name: 'Care leavers EET',
  unit: 'percent',
  decimals: 1,
  points,
  target: { y: 54, label: 'Target >54.0%', text: '54.0%' },
  references: [],
  gaps: [],
  ...more,
});

/** The indicator page with its first chart's spec replaced, scrolled to that chart; motion reduced so nothing is mid-animation. */
async function pageWith(chartSpec: LineSpec): Promise<Page> {
  const context = await browser().newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const url = inject('origin') + withBase(PATH);
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const json = /(<kpi-chart[\s\S]*?<script type="application\/json">)[\s\S]*?(<\/script>)/;
    expect(html).toMatch(json);
    await route.fulfill({ response, body: html.replace(json, (_, open: string, close: string) => open + JSON.stringify(chartSpec).replace(/</g, '\\u003c') + close) });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('kpi-chart').first().scrollIntoViewIfNeeded();
  return page;
}

/** The first chart, once it has upgraded to a Chart.js canvas. */
async function upgraded(page: Page) {
  await page.waitForFunction(() => (document.querySelector('kpi-chart') as any)?.chart);
  return page.locator('kpi-chart').first();
}

/** The x axis labels as drawn, each a label's lines joined (“Q1” over “2024/25” reads “Q1 2024/25”). */
const drawnPeriodLabels = (page: Page) =>
  page.locator('kpi-chart').first().evaluate((el: any) =>
    (el.chart.scales.x.getLabelItems() as { label: string | string[] }[]).map((item) => (Array.isArray(item.label) ? item.label : [item.label]).join(' ')).filter((text) => text.trim()),
  );

/** The tooltip a reader sees on hovering one drawn point: its title and its lines. */
const tooltipFor = (page: Page, datasetIndex: number, index: number) =>
  page.locator('kpi-chart').first().evaluate(
    (el: any, [datasetIndex, index]) => {
      const { chart } = el;
      const point = chart.getDatasetMeta(datasetIndex).data[index];
      chart.tooltip.setActiveElements([{ datasetIndex, index }], { x: point.x, y: point.y });
      chart.update();
      return { title: chart.tooltip.title as string[], body: (chart.tooltip.body as { lines: string[] }[]).flatMap((b) => b.lines) };
    },
    [datasetIndex, index],
  );

describe('the Chart.js upgrade at the edges of its data', () => {
  it('with one figure, draws the point inside a real time axis and the target across the whole plot', async () => {
    const page = await pageWith(spec([{ x: Q1, y: 47.3, label: 'Q1 2024/25', text: '47.3%' }]));
    const chart = await upgraded(page);
    expect(await chart.locator('canvas').isVisible()).toBe(true);
    const drawn = await chart.evaluate((el: any) => {
      const { chart } = el;
      const at = (i: number) => chart.getDatasetMeta(i).data.map((p: any) => ({ x: p.x, y: p.y }));
      return { area: chart.chartArea, span: chart.scales.x.max - chart.scales.x.min, point: at(0), target: at(1) };
    });
    // Room either side of the one point: weeks, not the fraction of a millisecond it was.
    expect(drawn.span).toBeGreaterThan(30 * DAY);
    expect(drawn.point[0].x).toBeGreaterThan(drawn.area.left + 20);
    expect(drawn.point[0].x).toBeLessThan(drawn.area.right - 20);
    // The target the legend names is a line a reader can see, from one side of the plot to the other.
    expect(drawn.target).toHaveLength(2);
    expect(drawn.target[0].x).toBeCloseTo(drawn.area.left, 0);
    expect(drawn.target[1].x).toBeCloseTo(drawn.area.right, 0);
    expect(drawn.target[1].y).toBeCloseTo(drawn.target[0].y, 3);
    expect(await drawnPeriodLabels(page)).toEqual(['Q1 2024/25']);
    await page.context().close();
  });

  it('with no figures, leaves the build-time drawing and table in place rather than an empty canvas', async () => {
    const page = await pageWith(spec([]));
    // Time for an upgrade to happen, were it going to: the chart is in view and the page has settled.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const chart = page.locator('kpi-chart').first();
    expect(await chart.locator('canvas').count()).toBe(0);
    expect(await chart.evaluate((el: any) => el.chart)).toBeUndefined();
    const shownSvgs = await chart.locator('.chart-box > svg').evaluateAll((svgs) =>
      svgs.filter((svg) => { const style = getComputedStyle(svg); const box = svg.getBoundingClientRect(); return style.display !== 'none' && style.visibility === 'visible' && box.width > 0 && box.height > 0; }).length,
    );
    expect(shownSvgs).toBeGreaterThan(0);
    expect(await chart.locator('table').isVisible()).toBe(true);
    await page.context().close();
  });

  it('with two periods at the same place on the axis, keeps both their labels, on the axis and in their tooltips', async () => {
    const page = await pageWith(
      spec([
        { x: Q4, y: 63.3, label: 'Q4 2023/24', text: '63.3%' },
        { x: Q1, y: 47.3, label: 'Q1 2024/25', text: '47.3%' },
        { x: Q1, y: 48.1, label: 'Summer Term 2024', text: '48.1%' },
      ]),
    );
    await upgraded(page);
    const drawn = (await drawnPeriodLabels(page)).join(' | ');
    for (const label of ['Q4 2023/24', 'Q1 2024/25', 'Summer Term 2024']) expect(drawn).toContain(label);
    expect(await tooltipFor(page, 0, 1)).toEqual({ title: ['Q1 2024/25'], body: ['Care leavers EET: 47.3%'] });
    expect(await tooltipFor(page, 0, 2)).toEqual({ title: ['Summer Term 2024'], body: ['Care leavers EET: 48.1%'] });
    await page.context().close();
  });

  it('gives a target or an average its own published figure, even when a point has the same value to other decimals', async () => {
    const page = await pageWith(
      spec(
        [
          { x: Q4, y: 54, label: 'Q4 2023/24', text: '54.0%' },
          { x: Q1, y: 47.3, label: 'Q1 2024/25', text: '47.3%' },
        ],
        {
          target: { y: 54, label: 'Target >54%', text: '54%' },
          references: [{ x: Q1, y: 47.3, label: 'England, Q1 2024/25', text: '47.30%', series: 'England' }],
        },
      ),
    );
    await upgraded(page);
    expect((await tooltipFor(page, 0, 0)).body).toEqual(['Care leavers EET: 54.0%']);
    expect((await tooltipFor(page, 1, 0)).body).toEqual(['Target >54%: 54%']);
    expect((await tooltipFor(page, 1, 1)).body).toEqual(['Target >54%: 54%']);
    expect(await tooltipFor(page, 2, 0)).toEqual({ title: ['Q1 2024/25'], body: ['England average: 47.30%'] });
    await page.context().close();
  });

  it('sizes its text on its own chart, leaving Chart.js’s defaults for every other chart alone', async () => {
    const page = await pageWith(spec([{ x: Q4, y: 63.3, label: 'Q4 2023/24', text: '63.3%' }, { x: Q1, y: 47.3, label: 'Q1 2024/25', text: '47.3%' }]));
    const chart = await upgraded(page);
    const sizes = await chart.evaluate((el: any) => {
      const { chart } = el;
      return {
        box: parseFloat(getComputedStyle(chart.canvas).fontSize),
        defaults: chart.constructor.defaults.font.size,
        ticks: [chart.scales.x.getLabelItems()[0].font.size, chart.scales.y.getLabelItems()[0].font.size],
        legend: chart.legend.options.labels.font?.size,
      };
    });
    // Chart.js's own default stays its own (12 px); the box's size must differ from it for this check to mean anything.
    expect(sizes.defaults).toBe(12);
    expect(sizes.box).not.toBe(12);
    expect(sizes.ticks).toEqual([sizes.box, sizes.box]);
    expect(sizes.legend).toBe(sizes.box);
    await page.context().close();
  });
});
