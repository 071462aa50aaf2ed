/**
 * The quarter page as residents and councillors read it (#23), measured in a real Chromium:
 *
 * - on 320 and 375 px phones, the first screen holds the key points with a figure, the page is at most half
 *   the height it had before (measured at commit 5ff4bd8, below), and any indicator is two taps away;
 * - the commentary is one tap from the first screen; the menu folds behind a button that works without JavaScript;
 * - a screen reader hears a card's name and judgement once, with one cite control named for its figure,
 *   and the page has at most 8 landmarks;
 * - at 200% text size on a 375 px phone nothing scrolls sideways;
 * - printed to PDF (read back with pdftotext from poppler-utils), every page names the council, the page's
 *   path and the date its figures were published, and no page ends on a heading.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './lib/use-browser';
import { withBase } from './lib/site';

const origin = () => inject('origin') as string;
const browser = useBrowser();
const Q1 = '/2024-25/q1/';

/** The quarter page's full height before #23 (commit 5ff4bd8, JavaScript on): the budget is half of it. */
const HEIGHT_BEFORE = { 320: 31891, 375: 29227 } as const;
const SCREENS = { 320: 568, 375: 667 } as const;

async function phone(width: 320 | 375, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser().newContext({ viewport: { width, height: SCREENS[width] }, ...options });
  return { context, page: await context.newPage() };
}

describe.each([320, 375] as const)('on a %i px phone', (width) => {
  it('shows the key points with a figure on the first screen, and the page is at most half its old height', async () => {
    const { context, page } = await phone(width);
    await page.goto(origin() + withBase(Q1), { waitUntil: 'networkidle' });
    const measured = await page.evaluate(() => {
      const figure = document.querySelector('main .figure')!.getBoundingClientRect();
      const heading = document.getElementById('key-points-heading')!.getBoundingClientRect();
      return { figureBottom: figure.bottom, headingTop: heading.top, height: document.documentElement.scrollHeight, screen: innerHeight };
    });
    expect(measured.headingTop).toBeLessThan(measured.screen);
    expect(measured.figureBottom, 'the first figure’s foot').toBeLessThanOrEqual(measured.screen);
    expect(measured.height).toBeLessThanOrEqual(HEIGHT_BEFORE[width] / 2);
    console.log(`[readers] ${width} px: first figure ends at ${Math.round(measured.figureBottom)} px of ${measured.screen}; page ${measured.height} px (was ${HEIGHT_BEFORE[width]})`);
    await context.close();
  });

  it('reaches any indicator’s full card in two taps from the first screen, without JavaScript', async () => {
    const { context, page } = await phone(width, { javaScriptEnabled: false });
    await page.goto(origin() + withBase(Q1));
    for (const id of ['care-leavers-eet', 'feee-3-year-olds']) {
      await page.evaluate(() => scrollTo(0, 0));
      await page.locator('.contents').getByRole('link', { name: /at a glance/ }).click();
      await page.locator(`.glance-list a[href="#${id}"]`).click();
      const card = page.locator(`article#${id}`);
      expect(await card.isVisible(), id).toBe(true);
      expect(await card.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }), id).toBe(true);
    }
    await context.close();
  });

  it('reaches the commentary in one tap from the first screen', async () => {
    const { context, page } = await phone(width, { javaScriptEnabled: false });
    await page.goto(origin() + withBase(Q1));
    const link = page.locator('.contents').getByRole('link', { name: /^Commentary/ });
    expect(await link.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await link.click();
    const first = page.locator('#commentary-text p').first();
    expect(await first.isVisible()).toBe(true);
    expect(await first.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; })).toBe(true);
    await context.close();
  });

  it('folds the menu behind a button that opens without JavaScript', async () => {
    const { context, page } = await phone(width, { javaScriptEnabled: false });
    await page.goto(origin() + withBase(Q1));
    const nav = page.getByRole('navigation', { name: 'Main' });
    const indicators = nav.getByRole('link', { name: 'Indicators' });
    expect(await indicators.isVisible()).toBe(false);
    const header = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);
    expect(header, 'header height').toBeLessThan(SCREENS[width] * 0.25);
    await nav.getByText('Menu').click();
    expect(await indicators.isVisible()).toBe(true);
    await context.close();
  });
});

describe('on a desktop', () => {
  it('shows the whole menu as links, no button', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(origin() + withBase(Q1));
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Indicators' }).isVisible()).toBe(true);
    expect(await nav.getByText('Menu').isVisible()).toBe(false);
    await context.close();
  });
});

describe('for a screen reader', () => {
  it('a card says its name once, its judgement once, and has one cite control named for its figure', async () => {
    const { context, page } = await phone(375);
    await page.goto(origin() + withBase(`${Q1}#care-leavers-eet`), { waitUntil: 'networkidle' });
    const card = page.locator('article#care-leavers-eet');
    const title = (await card.locator('h4').textContent())!.trim();
    const snapshot = await card.ariaSnapshot();
    const count = (text: string | RegExp) => (snapshot.match(new RegExp(typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source, 'gi')) ?? []).length;
    expect(count(title), snapshot).toBe(1);
    expect(count(/\bworse\b/), snapshot).toBe(1);
    const cites = card.locator('summary');
    expect(await cites.count()).toBe(1);
    expect(await cites.textContent()).toMatch(/^Cite this figure: 47\.3% in Q1 2024\/25$/);
    // Every card's cite control is named differently from the one before (its own figure and period).
    const names = await page.locator('article.card[id] .card-cite summary').allTextContents();
    expect(names.length).toBe(22);
    expect(names.every((name) => /^Cite this figure: .+ in .+$/.test(name))).toBe(true);
    await context.close();
  });

  it.each(['/', Q1, '/indicators/', '/indicators/care-leavers-eet/', '/about/'])('%s has at most 8 landmarks', async (path) => {
    const { context, page } = await phone(375);
    await page.goto(origin() + withBase(path), { waitUntil: 'networkidle' });
    const snapshot = await page.locator('body').ariaSnapshot();
    const landmarks = snapshot.split('\n').filter((line) => /^\s*- (banner|navigation|main|contentinfo|search|region|complementary|form)\b/.test(line));
    expect(landmarks.length, landmarks.join('\n')).toBeLessThanOrEqual(8);
    await context.close();
  });
});

describe('at 200% text size on a 375 px phone', () => {
  it.each([Q1, '/', '/indicators/', '/indicators/care-leavers-eet/'])('%s does not scroll sideways, with every fold open', async (path) => {
    const { context, page } = await phone(375);
    await page.goto(origin() + withBase(path), { waitUntil: 'networkidle' });
    const wide = await page.evaluate(() => {
      // Text size as a browser's text-only zoom sets it: the root font size doubled.
      document.documentElement.style.fontSize = '200%';
      for (const details of document.querySelectorAll('details')) details.open = true;
      const spill = [...document.querySelectorAll('main *')]
        .filter((el) => !el.closest('.table-scroll, .visually-hidden') && el.getBoundingClientRect().right > innerWidth + 1 && el.getBoundingClientRect().width > 0)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)} px`);
      return { width: document.documentElement.scrollWidth, spill };
    });
    expect(wide.spill).toEqual([]);
    expect(wide.width).toBeLessThanOrEqual(375);
    await context.close();
  });
});

describe('search in residents’ words', () => {
  it('the indicators page lists what “looked after” finds, best first, each saying what matched', async () => {
    const { context, page } = await phone(375);
    await page.goto(origin() + withBase('/indicators/'), { waitUntil: 'networkidle' });
    await page.getByLabel('Search the indicators in your own words').fill('looked after');
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count()).toBe(4);
    const texts = await results.allTextContents();
    for (const text of texts) expect(text).toMatch(/Matches: (children in care|care leavers)/);
    expect(texts.join(' ')).toContain('Care leavers in education, work or training');
    await page.getByLabel('Search the indicators in your own words').fill('childcare');
    await expect.poll(() => results.allTextContents()).not.toEqual(texts);
    expect((await results.allTextContents()).join(' ')).not.toMatch(/Children in care/);
    await context.close();
  });

  it('the quarter page’s filter keeps the lines “foster” finds, and says what matched', async () => {
    const { context, page } = await phone(375);
    await page.goto(origin() + withBase(`${Q1}?q=foster`), { waitUntil: 'networkidle' });
    const shown = page.locator('.glance-list li:not([hidden])');
    // The two children-in-care measures (dental and health checks), not the care leavers'.
    await expect.poll(() => shown.count()).toBe(2);
    for (const text of await shown.allTextContents()) expect(text).toMatch(/Matches: children in care/);
    await context.close();
  });
});

describe('printed to A4', () => {
  async function printed(page: Page, path: string): Promise<{ pages: string[]; headings: string[] }> {
    await page.goto(origin() + withBase(path), { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const headings = await page.evaluate(() => [...document.querySelectorAll('main h2, main h3, main h4')].filter((h) => h.getClientRects().length > 0).map((h) => h.textContent!.replace(/\s+/g, ' ').trim()));
    const dir = mkdtempSync(join(tmpdir(), 'print-'));
    const pdf = join(dir, 'page.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // pdftotext ends each page with a form feed.
    return { pages: text.split('\f').filter((page) => page.trim() !== ''), headings };
  }

  it.each([
    [Q1, '3 September 2024'],
    ['/indicators/care-leavers-eet/', '3 September 2024'],
  ])('%s: every page names the council, the page’s path and when its figures were published, and none ends on a heading', async (path, published) => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const { pages, headings } = await printed(page, path);
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((text, i) => {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, `page ${i + 1}`).toContain('Leicestershire County Council');
      expect(flat, `page ${i + 1}`).toContain(withBase(path));
      expect(flat, `page ${i + 1}`).toContain(`published ${published}`);
      expect(flat, `page ${i + 1}`).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`));
      // The last line of the page's body: drop the footer margin line (address, page number).
      const body = text.split('\n').map((line) => line.trim()).filter((line) => line && !line.includes(`Page ${i + 1} of`) && !line.includes(withBase(path)));
      const last = body.at(-1) ?? '';
      if (i < pages.length - 1) expect(headings, `page ${i + 1} ends on “${last}”`).not.toContain(last);
    });
    await context.close();
  });

  it('the print table uses the plain titles, not the dashboard’s abbreviated names', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const { pages } = await printed(page, Q1);
    const rows = await page.locator('.print-table tbody th[scope="row"]').allTextContents();
    expect(rows.length).toBe(22);
    expect(rows).toContain('Care leavers in education, work or training');
    // The dashboard's name for that row, and its abbreviations, are nowhere on paper.
    const all = pages.join(' ').replace(/\s+/g, ' ');
    expect(all).not.toMatch(/Care leavers EET|\bFEEE\b|\bCPP\b/);
    await context.close();
  });
});
