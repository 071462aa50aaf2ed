/**
 * Performance budgets, checked over one real build (no browser):
 *
 * - a quarter page renders completely without JavaScript: no render-blocking
 *   script, and every indicator card of the quarter is in the HTML;
 * - the bytes needed for its first render (HTML plus every stylesheet it
 *   links, each gzipped) are at most 50 KB;
 * - its <title>, <h1>, key points, the whole "at a glance" list of indicators
 *   and the first indicator card's start arrive in the first 14 KB (see
 *   firstWindow below for how that is measured); structured data and the
 *   search index come after them (#23);
 * - every page's JavaScript (the scripts it references, plus everything they
 *   import statically or dynamically) is at most 70 KB gzipped, and a page
 *   with no interactive element (no custom element such as <kpi-chart> or
 *   <kpi-filters>) references no JavaScript at all;
 * - no web fonts, and no third-party URLs in script, link or img;
 * - every <kpi-chart> reserves its space at build time: its .chart-box holds
 *   a fallback <svg> with a viewBox, so upgrading to a canvas shifts nothing.
 *
 * Each failure names the page and the figure. The measured figures are
 * printed at the end (docs/PERFORMANCE.md records them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, type BuildResult } from './helpers/build';
import { attr, elements, filesUnder, hasAttr, hasClass, importsOf, parseHtml, parseXml, plainText, textOf, xmlText, type Element } from './helpers/html';

const KB = 1024;
const BUDGET = {
  /** HTML + linked CSS, each gzipped, for a quarter page's first render. */
  firstRender: 50 * KB,
  /** The first round trip of a new connection: TCP's initial congestion window of 10 segments, about 14 KB. */
  firstWindow: 14 * KB,
  /** JavaScript a page can load: its scripts and all their static and dynamic imports, gzipped. */
  javascript: 70 * KB,
};

// ---- Reading the build --------------------------------------------------------------------

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** What a <script> holds: classic JavaScript, a module, or data (application/json and the like). */
function scriptKind(script: Element): 'classic' | 'module' | 'data' {
  const type = (attr(script, 'type') ?? '').trim().toLowerCase();
  if (type === 'module') return 'module';
  return type === '' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type) ? 'classic' : 'data';
}

/** A script that blocks parsing: classic JavaScript, without defer or async. */
function isClassicBlocking(script: Element): boolean {
  if (scriptKind(script) !== 'classic') return false;
  if (hasAttr(script, 'src')) return !hasAttr(script, 'defer') && !hasAttr(script, 'async');
  return true;
}

/**
 * The page's URL path → its file: "/_astro/x.js" → dist/_astro/x.js; a
 * relative path resolves against the page's own folder.
 */
function fileFor(dist: string, pageFile: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
  const path = url.split(/[?#]/)[0]!;
  return path.startsWith('/') ? join(dist, path) : resolve(dirname(pageFile), path);
}

/** The specifiers a bundle imports (es-module-lexer: static, re-exported and dynamic) that name a file of the site. */
const localImportsOf = (source: string) => importsOf(source).filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/'));

/** Every JavaScript file reachable from the entry files through static and dynamic imports. */
function reachableScripts(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const specifier of localImportsOf(readFileSync(file, 'utf8'))) {
      queue.push(specifier.startsWith('/') ? join(dist, specifier) : resolve(dirname(file), specifier));
    }
  }
  return [...seen];
}

/**
 * How much of the raw HTML arrives in the first `budget` bytes of gzip.
 *
 * Method: the longest prefix of the HTML whose own gzip (zlib, default level
 * 6, as most servers use) is at most `budget` bytes, found by binary search.
 * A streaming compressor emits the bytes for a prefix at about the same size
 * as compressing that prefix alone, so this is the part of the page a
 * browser has after the first round trip (HTTP headers not counted).
 */
function firstWindow(html: string, budget: number): number {
  const bytes = Buffer.from(html);
  if (gzipSize(bytes) <= budget) return bytes.length;
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (gzipSize(bytes.subarray(0, mid)) <= budget) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Byte offset in the HTML just after an element (its start tag only, with `startTagOnly`), or -1 when there is none. */
function byteEndOf(html: string, element: Element | undefined, startTagOnly = false): number {
  const location = element?.sourceCodeLocation;
  const end = startTagOnly ? location?.startTag?.endOffset : location?.endOffset;
  // parse5 counts characters of the string; the window is measured in bytes.
  return end === undefined ? -1 : Buffer.byteLength(html.slice(0, end));
}

interface Page {
  /** As a reader addresses it: "/2024-25/q1/". */
  path: string;
  file: string;
  html: string;
  elements: Element[];
}

// ---- The checks ---------------------------------------------------------------------------

describe('performance budgets', () => {
  let build: BuildResult;
  let dist: string;
  let pages: Page[];
  let quarterPages: Page[];
  let siteOrigin: string;
  const figures: string[] = [];

  beforeAll(() => {
    build = sharedSite();
    dist = build.outDir;
    if (build.status !== 0) return;
    pages = filesUnder(dist, /\.html$/).map((name) => {
      const file = join(dist, name);
      const html = readFileSync(file, 'utf8');
      return { path: `/${name}`.replace(/index\.html$/, ''), file, html, elements: elements(parseHtml(html, { locations: true })) };
    });
    quarterPages = pages.filter((page) => /^\/\d{4}-\d{2}\/q[1-4]\/$/.test(page.path));
    // The site's own address, for telling first-party absolute URLs (canonical links) from third-party ones.
    siteOrigin = new URL(xmlText(parseXml(readFileSync(join(dist, 'sitemap.xml'), 'utf8')), 'loc')!).origin;
  }, 240_000);

  afterAll(() => {
    if (figures.length) console.info(`Performance budget figures (measured on this build):\n  ${figures.join('\n  ')}`);
  });

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
    expect(quarterPages.length, 'no quarter pages (dist/<yyyy-yy>/q<n>/index.html) were built').toBeGreaterThan(0);
  });

  describe('a quarter page', () => {
    it('has no render-blocking script: every <script src> is a module or defer/async, no classic script in <head>', () => {
      const failures: string[] = [];
      for (const page of quarterPages) {
        const head = page.elements.find((element) => element.tagName === 'head');
        const inHead = new Set(head ? elements(head) : []);
        for (const script of page.elements.filter((element) => element.tagName === 'script')) {
          if (!isClassicBlocking(script)) continue;
          if (hasAttr(script, 'src')) failures.push(`${page.path}: <script src="${attr(script, 'src')}"> is neither type="module" nor defer/async`);
          else if (inHead.has(script)) failures.push(`${page.path}: a classic inline <script> in <head> blocks rendering (${plainText(script).slice(0, 60)}…)`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('has every indicator card of the quarter in the HTML, none hidden, so it reads completely without JavaScript', () => {
      const failures: string[] = [];
      for (const page of quarterPages) {
        const id = page.path.replace(/^\/(\d{4}-\d{2})\/(q[1-4])\/$/, '$1-$2');
        const data = JSON.parse(readFileSync(join(dist, 'data', `${id}.json`), 'utf8')) as { indicators: { id: string }[] };
        const cards = page.elements.filter((element) => element.tagName === 'article' && hasClass(element, 'card') && attr(element, 'id'));
        const cardIds = new Set(cards.map((card) => attr(card, 'id')));
        const missing = data.indicators.filter((indicator) => !cardIds.has(indicator.id)).map((indicator) => indicator.id);
        if (missing.length) failures.push(`${page.path}: ${missing.length} of ${data.indicators.length} indicators have no card in the HTML: ${missing.join(', ')}`);
        const hidden = cards.filter((card) => hasAttr(card, 'hidden')).map((card) => attr(card, 'id'));
        if (hidden.length) failures.push(`${page.path}: cards hidden in the HTML: ${hidden.join(', ')}`);
      }
      expect(failures).toEqual([]);
    });

    it(`needs at most ${kb(BUDGET.firstRender)} (gzip) for its first render: the HTML plus every stylesheet it links`, () => {
      const failures: string[] = [];
      for (const page of quarterPages) {
        const html = gzipSize(page.html);
        const sheets = page.elements
          .filter((element) => element.tagName === 'link' && (attr(element, 'rel') ?? '').split(/\s+/).includes('stylesheet'))
          .map((link) => {
            const file = fileFor(dist, page.file, attr(link, 'href') ?? '');
            return { href: attr(link, 'href'), bytes: file && existsSync(file) ? gzipSize(readFileSync(file)) : 0 };
          });
        const total = html + sheets.reduce((sum, sheet) => sum + sheet.bytes, 0);
        const detail = `HTML ${kb(html)} (raw ${kb(Buffer.byteLength(page.html))})${sheets.map((sheet) => ` + ${sheet.href} ${kb(sheet.bytes)}`).join('')}`;
        figures.push(`${page.path} first render: ${kb(total)} gzip = ${detail}`);
        if (total > BUDGET.firstRender) failures.push(`${page.path}: first render needs ${kb(total)} gzip, over ${kb(BUDGET.firstRender)}: ${detail}`);
      }
      expect(failures).toEqual([]);
    });

    it('has its <title>, <h1>, key points, whole at-a-glance list and first indicator card within the first 14 KB of gzip', () => {
      const failures: string[] = [];
      for (const page of quarterPages) {
        const window = firstWindow(page.html, BUDGET.firstWindow);
        const firstCard = page.elements.find((element) => element.tagName === 'article' && hasClass(element, 'card') && attr(element, 'id'));
        const cardId = firstCard ? attr(firstCard, 'id')! : null;
        const landmarks = [
          ['<title>', byteEndOf(page.html, page.elements.find((element) => element.tagName === 'title'))],
          ['<h1>', byteEndOf(page.html, page.elements.find((element) => element.tagName === 'h1'))],
          ['key points', byteEndOf(page.html, page.elements.find((element) => element.tagName === 'section' && hasClass(element, 'key-points')))],
          ['at-a-glance list', byteEndOf(page.html, page.elements.find((element) => element.tagName === 'section' && hasClass(element, 'glance')))],
          [`first card (id="${cardId}")`, byteEndOf(page.html, firstCard, true)],
        ] as const;
        const raw = Buffer.byteLength(page.html);
        figures.push(
          `${page.path} first 14 KB of gzip = first ${kb(window)} of ${kb(raw)} raw HTML; ${landmarks.map(([what, at]) => `${what} ends at ${kb(at)}`).join(', ')}`,
        );
        for (const [what, at] of landmarks) {
          if (at < 0) failures.push(`${page.path}: no ${what} found`);
          else if (at > window) failures.push(`${page.path}: ${what} ends at byte ${at} of the raw HTML, after the first 14 KB of gzip (which holds ${window} bytes of it)`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  it(`loads at most ${kb(BUDGET.javascript)} of JavaScript (gzip, with every import) on any page, and none on a page without interactive elements`, () => {
    const failures: string[] = [];
    const perPage = new Map<string, string[]>();
    for (const page of pages) {
      const scripts = page.elements.filter((element) => element.tagName === 'script');
      const external = scripts.map((script) => attr(script, 'src')).filter((src): src is string => Boolean(src));
      const inlineCode = scripts.filter((script) => !hasAttr(script, 'src') && scriptKind(script) !== 'data');
      const entries = external.map((src) => fileFor(dist, page.file, src)).filter((file): file is string => file !== null);
      for (const entry of entries) if (!existsSync(entry)) failures.push(`${page.path}: references ${relative(dist, entry)}, which is not in the build`);
      // Inline module scripts can import bundles too.
      const inlineImports = inlineCode.flatMap((script) => localImportsOf(textOf(script)).map((specifier) => fileFor(dist, page.file, specifier)!));
      const files = reachableScripts(dist, [...entries, ...inlineImports]);
      const total = files.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0);
      const interactive = [...new Set(page.elements.map((element) => element.tagName).filter((tag) => tag.includes('-')))];
      if (files.length) perPage.set(page.path, [kb(total), ...files.map((file) => `${relative(dist, file)} ${kb(gzipSize(readFileSync(file)))}`)]);
      if (total > BUDGET.javascript) {
        failures.push(`${page.path}: ${kb(total)} of JavaScript (gzip), over ${kb(BUDGET.javascript)}: ${files.map((file) => `${relative(dist, file)} ${kb(gzipSize(readFileSync(file)))}`).join(', ')}`);
      }
      if (interactive.length === 0 && (external.length > 0 || inlineCode.length > 0)) {
        failures.push(`${page.path}: has no chart, filter or other custom element but references JavaScript: ${[...external, ...inlineCode.map((script) => `an inline ${scriptKind(script)} script`)].join(', ')}`);
      }
    }
    const seen = new Set<string>();
    for (const [path, [total, ...files]] of perPage) {
      const key = files.join(', ');
      if (seen.has(key)) continue;
      seen.add(key);
      figures.push(`JavaScript on ${path} (and pages like it): ${total} gzip = ${files.join(' + ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('uses no web fonts: no @font-face, no font files', () => {
    const failures: string[] = [];
    for (const name of filesUnder(dist)) {
      if (/\.(woff2?|ttf|otf|eot)$/i.test(name)) failures.push(`${name}: a font file`);
      if (/\.(css|html)$/i.test(name)) {
        const text = readFileSync(join(dist, name), 'utf8');
        if (/@font-face/i.test(text)) failures.push(`${name}: declares @font-face`);
        if (/\.woff2?\b/i.test(text)) failures.push(`${name}: refers to a .woff font`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('loads nothing from third parties: every script src, link href and img src is on the site', () => {
    const failures: string[] = [];
    for (const page of pages) {
      for (const element of page.elements) {
        const name = element.tagName === 'link' ? 'href' : element.tagName === 'script' || element.tagName === 'img' ? 'src' : null;
        if (!name) continue;
        const urls = [attr(element, name), ...(element.tagName === 'img' ? (attr(element, 'srcset') ?? '').split(',').map((part) => part.trim().split(/\s+/)[0]) : [])].filter(
          (url): url is string => Boolean(url),
        );
        for (const url of urls) {
          if (url.startsWith('data:')) continue;
          const absolute = new URL(url, `${siteOrigin}${page.path}`);
          if (absolute.origin !== siteOrigin) failures.push(`${page.path}: <${element.tagName} ${name}="${url}"> is third-party (${absolute.origin})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('reserves each chart’s space at build time: every <kpi-chart> has a .chart-box with a fallback <svg viewBox> inside', () => {
    const failures: string[] = [];
    let charts = 0;
    for (const page of pages) {
      for (const chart of page.elements.filter((element) => element.tagName === 'kpi-chart')) {
        charts += 1;
        const inside = elements(chart);
        const title = inside.find((element) => hasClass(element, 'chart-title'));
        const which = `${page.path}: chart "${title ? plainText(title) : attr(chart, 'data-label')?.slice(0, 60)}"`;
        const box = inside.find((element) => hasClass(element, 'chart-box'));
        if (!box) {
          failures.push(`${which} has no .chart-box`);
          continue;
        }
        const svg = elements(box).find((element) => element.tagName === 'svg');
        if (!svg) failures.push(`${which}: its .chart-box has no fallback <svg>`);
        else if (!/^\s*[\d.-]+[\s,]+[\d.-]+[\s,]+[\d.]+[\s,]+[\d.]+\s*$/.test(attr(svg, 'viewbox') ?? attr(svg, 'viewBox') ?? '')) {
          failures.push(`${which}: its fallback <svg> has no viewBox, so its height is not known before it loads`);
        }
      }
    }
    figures.push(`${charts} charts on ${pages.length} pages, each with a build-time SVG`);
    expect(failures).toEqual([]);
  });
});
