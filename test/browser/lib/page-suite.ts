/**
 * The per-page checks, data-driven over every html page in dist/. Each page is
 * one describe block named after its route, so a failure names the page.
 * Split into shards (one test file each) so vitest runs them on both cores.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchPage, type TestBrowser } from './browser';
import { discoverPages, withBase, ROOT, type SitePage } from './site';
import { formatViolations, runAxe } from './axe';

const INPAGE = path.join(ROOT, 'test/browser/lib/inpage.js');
const MAX_TAB_STOPS = 400;

declare global {
  interface Window {
    __cfs: any;
  }
}

export async function openPage(context: BrowserContext, route: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  watchPage(page, problems);
  const url = inject('origin') + withBase(route);
  const res = await page.goto(url, { waitUntil: 'load' });
  // /404.html is served with 200 (it is a file); anything else must be 2xx.
  const status = `page itself answered HTTP ${res?.status()}`;
  if ((!res || res.status() >= 400) && !problems.includes(status)) problems.push(status);
  await page.evaluate(() => document.fonts?.ready);
  await page.addScriptTag({ path: INPAGE });
  if (!(await page.evaluate(() => typeof window.__cfs === 'object'))) throw new Error(`${INPAGE} did not load on ${url}`);
  return page;
}

interface FocusResult {
  stops: string[];
  problems: string[];
  skip: string | null;
  navOrder: { want: string[]; got: string[] } | null;
  navCount: number;
  positiveTabindex: string[];
}

async function tabThrough(page: Page): Promise<FocusResult> {
  // Freeze transitions so computed styles are the end state, not mid-transition.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }' });
  await page.evaluate(() => window.__cfs.focusReset());
  for (let i = 0; i < MAX_TAB_STOPS; i++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => window.__cfs.focusStep());
    if (step.done) break;
  }
  return page.evaluate(() => window.__cfs.focusReport());
}

export function definePageSuite(shard: number, shards: number): void {
  const pages = discoverPages().filter((_, i) => i % shards === shard - 1);

  let tb: TestBrowser;
  let reducedMotion: BrowserContext;
  beforeAll(async () => {
    tb = await launchBrowser();
    reducedMotion = await tb.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', bypassCSP: true });
  });
  afterAll(async () => {
    await tb?.close();
  });

  if (pages.length === 0) {
    // With a built site every shard has pages; an empty one means dist/ is missing pages.
    it(`has pages to check in shard ${shard}/${shards}`, () => {
      expect(pages.length).toBeGreaterThan(0);
    });
    return;
  }

  describe.each(pages.map((p) => [p.route, p] as [string, SitePage]))('%s', (route) => {
    const problems: string[] = [];
    let context: BrowserContext;
    let page: Page;
    let focus: Promise<FocusResult> | undefined;
    const tabbed = () => (focus ??= tabThrough(page));

    beforeAll(async () => {
      context = await tb.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      page = await openPage(context, route, problems);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('axe: no WCAG 2.2 A/AA violations', async () => {
      const violations = await runAxe(page);
      expect(violations.length, `axe found ${violations.length} violation(s) on ${route}:\n${formatViolations(violations)}`).toBe(0);
    });

    it('<html lang> is set', async () => {
      const s = await page.evaluate(() => window.__cfs.structure());
      expect(s.lang?.trim(), `<html> has no lang attribute on ${route}`).toBeTruthy();
    });

    it('has exactly one h1', async () => {
      const s = await page.evaluate(() => window.__cfs.structure());
      expect(s.h1, `expected exactly one <h1> on ${route}, found ${s.h1.length}`).toHaveLength(1);
    });

    it('has a <main> landmark', async () => {
      const s = await page.evaluate(() => window.__cfs.structure());
      expect(s.mainIsElement, `no <main> element on ${route} (landmarks: ${JSON.stringify(s.mains)})`).toBe(true);
      expect(s.mains, `more than one main landmark on ${route}`).toHaveLength(1);
    });

    it('charts have an accessible name and a text/table alternative', async () => {
      const r = await page.evaluate(() => window.__cfs.charts());
      expect(r.problems, `chart problems on ${route}`).toEqual([]);
    });

    it('RAG and direction are not shown by colour alone', async () => {
      const r = await page.evaluate(() => window.__cfs.colourAlone());
      expect(r.problems, `[data-rag]/[data-direction] elements without visible text on ${route}`).toEqual([]);
    });

    for (const [label, width] of [
      ['320px wide', 320],
      ['1280px at 200% zoom (640px viewport)', 640],
    ] as const) {
      it(`no horizontal scrolling at ${label}`, async () => {
        await page.setViewportSize({ width, height: 900 });
        try {
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const r = await page.evaluate(() => window.__cfs.overflow());
          expect(r.scrollWidth, `horizontal scroll on ${route} at ${width}px: scrollWidth ${r.scrollWidth} > clientWidth ${r.clientWidth}; sticking out:\n  ${r.offenders.join('\n  ')}`).toBeLessThanOrEqual(r.clientWidth);
        } finally {
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      });
    }

    it('skip link is the first focusable element and targets <main>', async () => {
      const r = await tabbed();
      expect(r.skip, `skip link on ${route}`).toBeNull();
    });

    it('focus is visible on every interactive element', async () => {
      const r = await tabbed();
      expect(r.problems, `focus indicator problems on ${route} (${r.stops.length} tab stops)`).toEqual([]);
    });

    it('header nav tab order follows DOM order', async () => {
      const r = await tabbed();
      expect(r.positiveTabindex, `positive tabindex breaks the tab order on ${route}`).toEqual([]);
      if (r.navOrder) expect(r.navOrder.got, `header nav tab order on ${route} differs from DOM order`).toEqual(r.navOrder.want);
    });

    it('prefers-reduced-motion: no running animation or transition over 0.01s', async () => {
      const p = await openPage(reducedMotion, route, problems);
      try {
        await p.waitForTimeout(100);
        const r = await p.evaluate(() => window.__cfs.motion());
        expect(r, `motion with prefers-reduced-motion: reduce on ${route}`).toEqual([]);
      } finally {
        await p.close();
      }
    });

    it('no console errors or failed requests', async () => {
      expect(problems, `browser problems on ${route}`).toEqual([]);
    });
  });
}
