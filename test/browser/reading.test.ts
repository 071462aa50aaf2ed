/**
 * The quarter page as a phone reader, a screen-reader user and a councillor printing for committee meet it
 * (#14): the contents list reaches the first card in one tap, chart labels do not overlap at phone widths,
 * each chart is described once, charts stay visible in forced colours, and the printed page has one chart per
 * chart and fewer pages than the 14 it had. And at 400% zoom (#14): the Chart.js charts' labels neither overlap
 * nor fall off the canvas and are no smaller than the page's small print; with WCAG 1.4.12 text spacing the wide
 * tables scroll in a named region of their own and keep their captions whole; a card's badges are read as
 * separate, labelled items.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './lib/use-browser';
import { withBase } from './lib/site';

const origin = () => inject('origin') as string;
const browser = useBrowser();

const Q1 = () => origin() + withBase('/2024-25/q1/');

/** Opens the quarter page's folds (the full cards and the commentary, #23), as a reader who taps them. */
async function openFolds(page: Page) {
  await page.evaluate(() => document.querySelectorAll('details.all-cards, details.commentary-fold').forEach((details) => ((details as HTMLDetailsElement).open = true)));
}

describe('on a 375 px phone', () => {
  it('has the contents list in the first screen, and one tap brings every indicator at a glance into view', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(Q1(), { waitUntil: 'networkidle' });
    const contents = page.getByRole('navigation', { name: 'On this page' });
    expect(await contents.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    // The full cards are folded since #23; the at-a-glance list leads to each (readers.test.ts taps through to a card).
    await contents.getByRole('link', { name: /at a glance/ }).click();
    const heading = page.locator('#glance-heading');
    expect(await heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);
    await context.close();
  });
});

describe.each([320, 375])('chart labels at %i px', (width) => {
  it('do not overlap, in the build-time SVG and its axis', async () => {
    const context = await browser().newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
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

  it('draws the build-time SVG for the width, its text no smaller than the page’s own smallest text', async () => {
    const context = await browser().newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['/indicators/care-leavers-eet/', '/indicators/children-mainstream-ehcp/', '/2024-25/q1/']) {
      await page.goto(origin() + withBase(path));
      const small = await page.evaluate(smallestPageText);
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('kpi-chart .chart-box')].map((box) => {
          const shown = [...box.querySelectorAll(':scope > svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
          // SVG text scales with its drawing: its size on screen is its font size times the drawing's scale.
          const sizes = shown.flatMap((svg) => [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * (svg as SVGSVGElement).getScreenCTM()!.a));
          return { shown: shown.length, smallest: Math.min(...sizes) };
        }),
      );
      expect(drawn.length, path).toBeGreaterThan(0);
      for (const chart of drawn) {
        expect(chart.shown, path).toBe(1);
        expect(chart.smallest, `${path}: chart text against ${small.example}`).toBeGreaterThanOrEqual(small.size - 0.01);
      }
    }
    await context.close();
  });
});

describe('screen readers', () => {
  it('hear each chart’s description once, and the history link by its visible words', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(origin() + withBase('/indicators/care-leavers-eet/'), { waitUntil: 'networkidle' });
    const chart = page.locator('kpi-chart').first();
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').waitFor({ timeout: 15_000 });
    const description = (await chart.locator('.chart-description').innerText()).trim();
    const tree = await chart.ariaSnapshot();
    expect(tree.split(description.slice(0, 40)).length - 1).toBe(1);
    await page.goto(Q1());
    await openFolds(page);
    const names = await page.locator('a.sparkline-link').evaluateAll((links) => links.map((link) => (link as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    const accessible = await page.getByRole('link', { name: /^History of this indicator/ }).count();
    expect(accessible).toBe(names.length);
    await context.close();
  });
});

describe('forced colours (Windows high contrast)', () => {
  it('keeps charts and sparklines visible', async () => {
    const context = await browser().newContext({ forcedColors: 'active', colorScheme: 'dark', viewport: { width: 375, height: 800 } });
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
    const context = await browser().newContext();
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
    // Links print with their full address when the site has one (SITE_URL, or siteUrl in site.yaml); without one, with
    // their path alone, never a made-up domain (#21). npm run test:browser builds the real content, which has none.
    const printed = await page.locator('main a[href^="/"]').first().evaluate((link) => getComputedStyle(link, '::after').content);
    expect(printed).toMatch(process.env.SITE_URL ? /^"? ?\(?"?http/ : /^"? ?\(\/[^"]*\)"?$/);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(14);
    await context.close();
  });
});

/** A 1280 px desktop at 400% zoom is a 320 CSS px viewport at four device pixels each (1280x1024 → 320x256); then a phone. */
const ZOOMED = [
  { name: '1280 px at 400% zoom (320 px)', viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
  { name: '375 px', viewport: { width: 375, height: 667 }, deviceScaleFactor: 2 },
];

/** Quarterly labels, a quarter page's two line charts and its quartile bars, termly labels, annual "(final)" labels. */
const CHART_PAGES = ['/indicators/care-leavers-eet/', '/2024-25/q1/', '/indicators/children-mainstream-ehcp/', '/indicators/ks2-rwm/'];

interface Box { left: number; right: number; top: number; bottom: number }
/** One line of text Chart.js drew: `label` is the whole (possibly multi-line) label it belongs to, `index` that label's place. */
interface ChartText { text: string; label: string; index: number; size: number; box: Box; frame: Box }
interface ChartLayout { width: number; height: number; groups: { name: string; clip: Box; items: ChartText[] }[] }
const roundBox = (b: Box) => ({ left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top), bottom: Math.round(b.bottom) });

/**
 * Where Chart.js drew a <kpi-chart>'s words, from its own layout (canvas text is not in the DOM): each axis's tick
 * labels (Scale#getLabelItems, each line measured with the label's own font, alignment and baseline), each axis
 * title, and the legend's items. `box` is the ink on the canvas in CSS px; `frame` is the same box in the labels'
 * own rotated frame (an axis's labels share one rotation), where two labels overlap exactly when their frames do.
 * `clip` is the area Chart.js clips the group to (Scale#_computeLabelArea for tick labels).
 */
function chartLayout(element: Element): ChartLayout {
  const chart = (element as Element & { chart?: any }).chart;
  const { ctx, width, height } = chart;
  const whole = { left: 0, right: width, top: 0, bottom: height };
  // An unset font is Chart.js's default font (toFont(undefined)), which the chart's root options carry.
  const fontOf = (f: any) => ({ ...chart.options.font, ...(f ?? {}) });
  const fontString = (f: any) => `${f.style ? `${f.style} ` : ''}${f.weight ? `${f.weight} ` : ''}${f.size}px ${f.family}`;
  // The ink of `text` around its anchor point, as fillText(text, 0, 0) would draw it with this alignment and baseline.
  const ink = (text: string, font: string, align: CanvasTextAlign, baseline: CanvasTextBaseline): Box => {
    ctx.save();
    ctx.font = font;
    ctx.textAlign = align;
    ctx.textBaseline = baseline;
    const m: TextMetrics = ctx.measureText(text);
    ctx.restore();
    return { left: -m.actualBoundingBoxLeft, right: m.actualBoundingBoxRight, top: -m.actualBoundingBoxAscent, bottom: m.actualBoundingBoxDescent };
  };
  // Chart.js draws a label by translate(tx, ty), rotate(rotation), then fillText(line, 0, dy).
  const place = (local: Box, tx: number, ty: number, dy: number, rotation: number) => {
    const cos = Math.cos(rotation);
    const sin = Math.sin(rotation);
    const corners = [[local.left, local.top], [local.right, local.top], [local.left, local.bottom], [local.right, local.bottom]].map(([x, y]) => [tx + x! * cos - (y! + dy) * sin, ty + x! * sin + (y! + dy) * cos]);
    const xs = corners.map((c) => c[0]!);
    const ys = corners.map((c) => c[1]!);
    const u = tx * cos + ty * sin;
    const v = -tx * sin + ty * cos + dy;
    return {
      box: { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) },
      frame: { left: u + local.left, right: u + local.right, top: v + local.top, bottom: v + local.bottom },
    };
  };
  const groups: ChartLayout['groups'] = [];
  for (const scale of Object.values(chart.scales) as any[]) {
    if (!scale.options.display) continue;
    if (scale.options.ticks.display) {
      const items: ChartText[] = [];
      for (const [index, item] of (scale.getLabelItems() as any[]).entries()) {
        const { rotation = 0, textAlign, textBaseline, translation } = item.options;
        const [tx, ty] = translation as [number, number];
        const lines = (Array.isArray(item.label) ? item.label : [item.label]).map(String);
        lines.forEach((line: string, i: number) => {
          if (!line.trim()) return;
          const local = ink(line, item.font.string, textAlign, textBaseline);
          items.push({ text: line, label: lines.join(' '), index, size: item.font.size, ...place(local, tx, ty, item.textOffset + i * item.font.lineHeight, rotation) });
        });
      }
      const side = ['left', 'right'].includes(scale.options.position);
      const clip = scale.options.ticks.mirror ? whole : side ? { left: scale.left, right: scale.right, top: 0, bottom: height } : { left: 0, right: width, top: scale.top, bottom: scale.bottom };
      groups.push({ name: `${scale.id} axis labels`, clip, items });
    }
    const title = scale.options.title;
    if (title?.display && title.text) {
      // An axis title is centred on its axis: what matters is whether it is wider than the canvas.
      const text = String(title.text);
      const font = fontOf(title.font);
      const local = ink(text, fontString(font), 'center', 'middle');
      const box = { left: width / 2 + local.left, right: width / 2 + local.right, top: height / 2, bottom: height / 2 };
      groups.push({ name: `${scale.id} axis title`, clip: whole, items: [{ text, label: text, index: 0, size: font.size, box, frame: box }] });
    }
  }
  const legend = chart.legend;
  if (legend?.options.display) {
    const items = (legend.legendItems ?? []).map((item: any, i: number) => {
      const hit = legend.legendHitBoxes[i];
      const box = { left: hit.left, right: hit.left + hit.width, top: hit.top, bottom: hit.top + hit.height };
      return { text: item.text, label: item.text, index: i, size: fontOf(legend.options.labels.font).size, box, frame: box };
    });
    groups.push({ name: 'legend', clip: whole, items });
  }
  return { width, height, groups };
}

/** The smallest text the page itself shows (not its SVG charts, not visually hidden words), in CSS px. */
function smallestPageText(): { size: number; example: string } {
  let smallest = { size: Infinity, example: '' };
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg, canvas, .visually-hidden, script, style')) continue;
    if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
    if (el.getBoundingClientRect().width === 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < smallest.size) smallest = { size, example: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}: “${el.textContent!.trim().slice(0, 30)}”` };
  }
  return smallest;
}

interface DrawnChart { title: string; spec: { kind: 'line'; points: { label: string }[]; categories?: undefined } | { kind: 'stacked-bar'; categories: string[]; points?: undefined }; layout: ChartLayout }
/** Every <kpi-chart> on the page scrolled into view until it has drawn its canvas; the layout of each. */
async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  const charts = page.locator('kpi-chart');
  const out: DrawnChart[] = [];
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').waitFor({ timeout: 15_000 });
    await page.waitForFunction((el) => Boolean((el as Element & { chart?: { chartArea?: unknown } }).chart?.chartArea), await chart.elementHandle(), { timeout: 15_000 });
    // Two frames, so a resize the canvas's first layout set off has been laid out again.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    out.push({
      title: (await chart.locator('.chart-title').innerText()).trim(),
      spec: JSON.parse((await chart.locator('script[type="application/json"]').textContent())!),
      layout: await chart.evaluate(chartLayout),
    });
  }
  return out;
}

/** Labels closer than Chart.js's own autoSkipPadding (3 px) run together, so they count as overlapping. */
const LABEL_GAP = 3;
const near = (a: Box, b: Box, gap: number) => a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

describe.each(ZOOMED)('Chart.js charts at $name', ({ viewport, deviceScaleFactor }) => {
  it('have axis labels that neither overlap nor are cut off, no smaller than the page’s small print', async () => {
    const context = await browser().newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of CHART_PAGES) {
      await page.goto(origin() + withBase(path), { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      const small = await page.evaluate(smallestPageText);
      await openFolds(page);
      const charts = await drawnCharts(page);
      expect(charts.length, `${path} has no Chart.js chart`).toBeGreaterThan(0);
      if (path === '/2024-25/q1/') expect(await page.locator('section.national kpi-chart canvas').count(), 'the quartile chart was checked').toBe(1);
      for (const { title, spec, layout } of charts) {
        const where = `${path} “${title}”`;
        for (const group of layout.groups) {
          const { items, clip } = group;
          const smallest = Math.min(...items.map((item) => item.size));
          if (smallest < small.size - 0.01) problems.push(`${where}: ${group.name} at ${smallest} px, smaller than the page’s smallest text, ${small.size} px (${small.example})`);
          for (const item of items) {
            const edge = { left: Math.max(0, clip.left), right: Math.min(layout.width, clip.right), top: Math.max(0, clip.top), bottom: Math.min(layout.height, clip.bottom) };
            if (item.box.left < edge.left - 0.5 || item.box.right > edge.right + 0.5 || item.box.top < edge.top - 0.5 || item.box.bottom > edge.bottom + 0.5) {
              problems.push(`${where}: ${group.name} “${item.text}” is cut off: ink ${JSON.stringify(roundBox(item.box))} outside ${JSON.stringify(roundBox(edge))}`);
            }
          }
          if (group.name === 'legend') continue;
          for (let i = 0; i < items.length; i++) {
            for (let j = i + 1; j < items.length; j++) {
              // The lines of one label ("Q1" over "2024/25") sit close by design; different labels must not.
              if (items[i]!.index !== items[j]!.index && near(items[i]!.frame, items[j]!.frame, LABEL_GAP)) problems.push(`${where}: ${group.name} “${items[i]!.text}” and “${items[j]!.text}” overlap or touch: ${JSON.stringify(roundBox(items[i]!.box))} / ${JSON.stringify(roundBox(items[j]!.box))}`);
            }
          }
        }
        // A line chart may leave out period labels it has no room for, but, as the SVG does, never its first or its
        // latest; a bar chart names every bar.
        const [axis, wanted] = spec.kind === 'line' ? ['x', [spec.points[0]!.label, spec.points.at(-1)!.label]] : ['y', spec.categories!];
        const shown = new Set(layout.groups.find((g) => g.name === `${axis} axis labels`)?.items.map((item) => item.label));
        for (const label of wanted) if (!shown.has(label)) problems.push(`${where}: “${label}” is not labelled (shown: ${[...shown].join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** WCAG 1.4.12 Text Spacing: the most a reader's style sheet may ask for, which must lose no content or function. */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

describe('wide tables at 320 px with WCAG text spacing', () => {
  it.each([
    ['/data/', 'table'],
    ['/2024-25/q1/', 'section.national table'],
  ])('%s: no sideways page scroll; each table scrolls in a named region and keeps its caption whole', async (path, selector) => {
    const context = await browser().newContext({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(origin() + withBase(path), { waitUntil: 'networkidle' });
    await page.addStyleTag({ content: TEXT_SPACING });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const doc = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    expect(doc.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(doc.innerWidth);

    const tables = page.locator(selector);
    expect(await tables.count()).toBeGreaterThan(0);
    const problems: string[] = [];
    for (let i = 0; i < (await tables.count()); i++) {
      const table = tables.nth(i);
      const caption = (await table.locator('caption').innerText()).trim();
      // The region a keyboard or screen-reader user finds the table by: focusable, named by the caption.
      const region = page.getByRole('region', { name: caption, exact: true });
      if ((await region.count()) !== 1) {
        problems.push(`“${caption}”: ${await region.count()} regions named by the caption`);
        continue;
      }
      const r = await region.evaluate((el, tableEl) => {
        const box = el.getBoundingClientRect();
        const cap = (tableEl as HTMLTableElement).caption!;
        const capBox = cap.getBoundingClientRect();
        // The caption's text as laid out: its lines' extent, which a caption as wide as its table can carry past the region's edge.
        const range = document.createRange();
        range.selectNodeContents(cap);
        const lines = [...range.getClientRects()];
        return {
          contains: el.contains(tableEl),
          tabIndex: el.tabIndex,
          overflowX: getComputedStyle(el).overflowX,
          scrolls: el.scrollWidth > el.clientWidth,
          box: { left: box.left, right: box.right },
          innerWidth: window.innerWidth,
          caption: { scrollWidth: cap.scrollWidth, clientWidth: cap.clientWidth, left: capBox.left, right: capBox.right, textRight: Math.max(...lines.map((l) => l.right)), textLeft: Math.min(...lines.map((l) => l.left)) },
        };
      }, await table.elementHandle());
      const name = `“${caption}”`;
      if (!r.contains) problems.push(`${name}: the region named by the caption does not hold the table`);
      if (r.tabIndex < 0) problems.push(`${name}: its scrolling region cannot be reached from the keyboard`);
      if (r.scrolls && !['auto', 'scroll'].includes(r.overflowX)) problems.push(`${name}: the table is wider than its region, which does not scroll (overflow-x: ${r.overflowX})`);
      if (r.box.left < -0.5 || r.box.right > r.innerWidth + 0.5) problems.push(`${name}: its region runs past the viewport: ${Math.round(r.box.left)}–${Math.round(r.box.right)} of ${r.innerWidth}`);
      if (r.caption.scrollWidth > r.caption.clientWidth) problems.push(`${name}: caption overflows its box (scrollWidth ${r.caption.scrollWidth} > clientWidth ${r.caption.clientWidth})`);
      const visible = { left: Math.max(0, r.box.left), right: Math.min(r.innerWidth, r.box.right) };
      if (r.caption.textLeft < visible.left - 0.5 || r.caption.textRight > visible.right + 0.5) {
        problems.push(`${name}: caption text runs to ${Math.round(r.caption.textLeft)}–${Math.round(r.caption.textRight)} px, past what the region shows (${Math.round(visible.left)}–${Math.round(visible.right)}): cut off until the reader scrolls`);
      }
    }
    // Nothing else cut off: no box that hides its overflow is holding back text (the 1 px visually hidden words aside).
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => !el.closest('.visually-hidden, svg') && ['hidden', 'clip'].some((v) => [getComputedStyle(el).overflowX, getComputedStyle(el).overflowY].includes(v)))
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`),
    );
    problems.push(...clipped);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a quarter card’s badges', () => {
  it('are read as separate items, each with its label, not one run of words', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(Q1());
    await openFolds(page);
    const cards = page.locator('article.card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const badges = cards.nth(i).locator('.card-badges');
      // The words a sighted reader sees on each badge ("Better", "Red"), without the visually hidden label.
      const visible = await badges.locator('[data-direction], [data-rag], .badge.corrected').evaluateAll((els) =>
        els.map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
          return copy.textContent!.replace(/\s+/g, ' ').trim();
        }),
      );
      const tree = await badges.ariaSnapshot();
      const where = `card ${i + 1} (${(await cards.nth(i).locator('h3, h4').first().innerText()).trim()}):\n${tree}`;
      expect(tree.split('\n')[0], where).toMatch(/^- list\b/);
      const items = tree.split('\n').filter((line) => /^ {2}- listitem\b/.test(line));
      expect(items, where).toHaveLength(visible.length);
      // Each item says what it is and shows its visible word: "Direction of travel: Better", "RAG rating: Red".
      expect(items[0], where).toMatch(new RegExp(`Direction of travel: ${escape(visible[0]!)}`));
      expect(items[1], where).toMatch(new RegExp(`RAG rating: ${escape(visible[1]!)}`));
      if (visible[2]) expect(items[2], where).toContain(visible[2]);
    }
    await context.close();
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
