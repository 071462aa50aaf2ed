/**
 * Performance budgets, checked over one real build (no browser):
 *
 * - a quarter page renders completely without JavaScript: no render-blocking
 *   script, and every indicator card of the quarter is in the HTML;
 * - the bytes needed for its first render (HTML plus every stylesheet it
 *   links, each gzipped) are at most 50 KB;
 * - its <title>, <h1> and first indicator card arrive in the first 14 KB
 *   (see firstWindow below for how that is measured);
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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, type BuildResult } from './helpers/build';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function elements(root: Node): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) found.push(node);
    const children: Node[] =
      node.nodeName === 'template'
        ? (node as DefaultTreeAdapterMap['template']).content.childNodes
        : 'childNodes' in node
          ? (node as DefaultTreeAdapterMap['parentNode']).childNodes
          : [];
    for (const child of children) walk(child);
  };
  walk(root);
  return found;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const hasAttr = (element: Element, name: string) => element.attrs.some((a) => a.name === name);
const classes = (element: Element) => (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean);

/** Text of an element, tags stripped and spaces collapsed. */
function textOf(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') parts.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('childNodes' in node) for (const child of (node as DefaultTreeAdapterMap['parentNode']).childNodes) walk(child);
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

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

/** Relative specifiers a bundle imports: import "./x.js", from "./x.js", import("./x.js") (any quotes, minified or not). */
function importsOf(source: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g, // dynamic import("./chunk.js")
    /\bimport\s*(['"`])([^'"`]+)\1/g, // side-effect import "./chunk.js"
    /\bfrom\s*(['"`])([^'"`]+)\1/g, // import { x } from "./chunk.js", export * from "./chunk.js"
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[2]!;
      if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) specifiers.add(specifier);
    }
  }
  return [...specifiers];
}

/** Every JavaScript file reachable from the entry files through static and dynamic imports. */
function reachableScripts(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
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

/** Byte offset just after the first match of `pattern` in the HTML, or -1. */
function byteEndOf(html: string, pattern: RegExp): number {
  const match = pattern.exec(html);
  return match ? Buffer.byteLength(html.slice(0, match.index + match[0].length)) : -1;
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
    pages = filesUnder(dist)
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => {
        const html = readFileSync(file, 'utf8');
        const path = `/${relative(dist, file).split('\\').join('/')}`.replace(/index\.html$/, '');
        return { path, file, html, elements: elements(parse(html)) };
      });
    quarterPages = pages.filter((page) => /^\/\d{4}-\d{2}\/q[1-4]\/$/.test(page.path));
    // The site's own address, for telling first-party absolute URLs (canonical links) from third-party ones.
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    siteOrigin = new URL(/<loc>([^<]+)<\/loc>/.exec(sitemap)![1]!).origin;
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
          else if (inHead.has(script)) failures.push(`${page.path}: a classic inline <script> in <head> blocks rendering (${textOf(script).slice(0, 60)}…)`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('has every indicator card of the quarter in the HTML, none hidden, so it reads completely without JavaScript', () => {
      const failures: string[] = [];
      for (const page of quarterPages) {
        const id = page.path.replace(/^\/(\d{4}-\d{2})\/(q[1-4])\/$/, '$1-$2');
        const data = JSON.parse(readFileSync(join(dist, 'data', `${id}.json`), 'utf8')) as { indicators: { id: string }[] };
        const cards = page.elements.filter((element) => element.tagName === 'article' && classes(element).includes('card') && attr(element, 'id'));
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

    it('has its <title>, <h1> and first indicator card within the first 14 KB of gzip', () => {
      const failures: string[] = [];
      for (const page of quarterPages) {
        const window = firstWindow(page.html, BUDGET.firstWindow);
        const firstCard = page.elements.find((element) => element.tagName === 'article' && classes(element).includes('card') && attr(element, 'id'));
        const cardId = firstCard ? attr(firstCard, 'id')! : null;
        const landmarks = [
          ['<title>', byteEndOf(page.html, /<\/title>/i)],
          ['<h1>', byteEndOf(page.html, /<\/h1>/i)],
          [`first card (id="${cardId}")`, cardId ? byteEndOf(page.html, new RegExp(`<article\\b[^>]*\\bid="${cardId}"[^>]*>`)) : -1],
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
      const inlineImports = inlineCode.flatMap((script) => importsOf(textOf(script)).map((specifier) => fileFor(dist, page.file, specifier)!));
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
    for (const file of filesUnder(dist)) {
      const name = relative(dist, file);
      if (/\.(woff2?|ttf|otf|eot)$/i.test(file)) failures.push(`${name}: a font file`);
      if (/\.(css|html)$/i.test(file)) {
        const text = readFileSync(file, 'utf8');
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
        const title = inside.find((element) => classes(element).includes('chart-title'));
        const which = `${page.path}: chart "${title ? textOf(title) : attr(chart, 'data-label')?.slice(0, 60)}"`;
        const box = inside.find((element) => classes(element).includes('chart-box'));
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
