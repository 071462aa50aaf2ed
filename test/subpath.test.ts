/**
 * Builds the site for a sub-path (BASE_PATH=/performance/, SITE_URL=https://example.org),
 * serves it under /performance/ only, and crawls it from the home page: every
 * internal link, stylesheet, script and image must load, every #fragment must
 * name an id on its page, and no internal URL may leave /performance/.
 * The sitemap, feed and robots.txt must use absolute URLs under the sub-path.
 */
// The one static server of the project (tests, Lighthouse), strict: nothing outside the sub-path, and a folder needs its trailing slash.
import { startServer } from '../scripts/serve-dist.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, removeScratch, type BuildResult } from './helpers/build';
import { attr, filesUnder, importsOf, parseHtml, parseXml, walk, xmlElements, xmlText } from './helpers/html';

const BASE = '/performance/';
const SITE = 'https://example.org';
const PUBLIC_ROOT = `${SITE}${BASE}`;

/** Attributes that point at something the page needs or offers, per element. */
const REF_ATTRIBUTES: Record<string, string[]> = { a: ['href'], area: ['href'], link: ['href'], script: ['src'], img: ['src'], source: ['src'], iframe: ['src'] };

interface PageFacts {
  ids: Set<string>;
  refs: { tag: string; attr: string; value: string }[];
  /** Every attribute value naming the public site (canonical, og:url, …). */
  absolute: { tag: string; attr: string; value: string }[];
}

function readPage(html: string): PageFacts {
  const facts: PageFacts = { ids: new Set(), refs: [], absolute: [] };
  walk(parseHtml(html), (node) => {
    for (const { name, value } of node.attrs ?? []) {
      if (name === 'id' || (name === 'name' && node.nodeName === 'a')) facts.ids.add(value);
      if (REF_ATTRIBUTES[node.nodeName]?.includes(name)) facts.refs.push({ tag: node.nodeName, attr: name, value });
      if (value.trim().startsWith(SITE)) facts.absolute.push({ tag: node.nodeName, attr: name, value: value.trim() });
    }
  });
  return facts;
}

/** URLs a stylesheet or a script module loads in turn. */
function subresources(body: string, type: string): string[] {
  if (type.startsWith('text/css')) return [...body.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!).filter((u) => !u.startsWith('data:'));
  if (type.startsWith('text/javascript')) return importsOf(body).filter((specifier) => /^\.{0,2}\//.test(specifier) && specifier.endsWith('.js'));
  return [];
}

/** The public URL of every index.html the build wrote. */
function builtPages(outDir: string): string[] {
  return filesUnder(outDir, /^index\.html$/)
    .map((file) => `${PUBLIC_ROOT}${file.replace(/index\.html$/, '')}`)
    .sort();
}

describe(`the site built for ${PUBLIC_ROOT}`, () => {
  let build: BuildResult;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let origin = '';
  const fetched = new Map<string, { status: number; type: string; body: string }>();
  const pages = new Map<string, PageFacts>();
  const problems = { broken: [] as string[], escapes: [] as string[], anchors: [] as string[], foreign: [] as string[] };

  /** A public-site URL as served by the local host. */
  const local = (url: string) => (url.startsWith(PUBLIC_ROOT) ? `${origin}${url.slice(SITE.length)}` : url);

  async function get(url: string) {
    let result = fetched.get(url);
    if (!result) {
      const response = await fetch(url, { redirect: 'manual' });
      result = { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
      fetched.set(url, result);
    }
    return result;
  }

  beforeAll(async () => {
    build = buildSite({ env: { BASE_PATH: BASE, SITE_URL: SITE } });
    if (build.status !== 0) return;
    server = await startServer({ root: build.outDir, basePath: BASE, strictFolders: true });
    origin = server.origin;

    // Crawl from the home page; the 404 page is served for any bad address, so check its links too.
    const queue: { url: string; from: string }[] = [
      { url: `${origin}${BASE}`, from: '(start)' },
      { url: `${origin}${BASE}404.html`, from: '(start)' },
    ];
    const seen = new Set<string>();
    const wanted: { from: string; raw: string; target: string; fragment: string }[] = [];
    while (queue.length) {
      const { url, from } = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const result = await get(url);
      if (result.status !== 200) {
        problems.broken.push(`${from} → ${url.slice(origin.length)}: HTTP ${result.status}`);
        continue;
      }
      const follow = (raw: string, where: string, tag?: string) => {
        const value = raw.trim();
        if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith(BASE)) problems.escapes.push(`${where}: ${tag ?? ''} "${value}" leaves ${BASE}`);
        const target = new URL(value, url);
        if (target.origin === SITE) {
          if (!target.href.startsWith(PUBLIC_ROOT)) problems.escapes.push(`${where}: ${tag ?? ''} "${value}" is outside ${PUBLIC_ROOT}`);
          target.href = local(target.href);
        }
        if (target.origin !== origin) return;
        const fragment = target.hash.slice(1);
        target.hash = '';
        if (fragment) wanted.push({ from: where, raw: value, target: target.href, fragment: decodeURIComponent(fragment) });
        queue.push({ url: target.href, from: where });
      };
      const where = url.slice(origin.length);
      if (result.type.startsWith('text/html')) {
        const facts = readPage(result.body);
        pages.set(url, facts);
        for (const ref of facts.refs) follow(ref.value, where, `<${ref.tag} ${ref.attr}>`);
        for (const ref of facts.absolute) {
          if (!ref.value.startsWith(PUBLIC_ROOT)) problems.foreign.push(`${where}: <${ref.tag} ${ref.attr}="${ref.value}">`);
        }
      } else {
        for (const raw of subresources(result.body, result.type)) follow(raw, where);
      }
    }
    for (const { from, raw, target, fragment } of wanted) {
      const facts = pages.get(target);
      if (!facts) problems.anchors.push(`${from}: "${raw}" points into a page that is not HTML or did not load`);
      else if (!facts.ids.has(fragment)) problems.anchors.push(`${from}: "${raw}" but ${target.slice(origin.length)} has no id="${fragment}"`);
    }
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    removeScratch();
  });

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('crawls the whole site from the home page', () => {
    // 43 pages today: home, quarters, 2 quarters, indicators, 33 indicators, data, about, accessibility, 404.
    expect(pages.size).toBeGreaterThan(30);
    expect([...fetched.keys()].some((url) => url.includes(`${BASE}_astro/`) && url.endsWith('.css'))).toBe(true);
    expect([...fetched.keys()].some((url) => url.includes(`${BASE}_astro/`) && url.endsWith('.js'))).toBe(true);
  });

  it('has no broken link or asset', () => {
    expect(problems.broken).toEqual([]);
  });

  it('has no #fragment that misses its target', () => {
    expect(problems.anchors).toEqual([]);
  });

  it('keeps every internal URL inside the sub-path', () => {
    expect(problems.escapes).toEqual([]);
    expect(problems.foreign).toEqual([]);
  });

  it('lists every built page in the sitemap, and nothing else', async () => {
    const sitemap = await get(`${origin}${BASE}sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const locs = xmlElements(parseXml(sitemap.body), 'loc').map((loc) => loc.text);
    for (const loc of locs) expect(loc.startsWith(PUBLIC_ROOT), loc).toBe(true);
    expect([...locs].sort()).toEqual(builtPages(build.outDir));
    expect(new Set(locs).size).toBe(locs.length);
    // Every page in the sitemap can be reached by following links from the home page.
    const crawled = new Set([...pages.keys()]);
    expect(locs.filter((loc) => !crawled.has(local(loc)))).toEqual([]);
  });

  it('links the feed to each quarter page under the sub-path', async () => {
    const feed = await get(`${origin}${BASE}feed.xml`);
    expect(feed.status).toBe(200);
    const root = parseXml(feed.body);
    const all = (name?: string) => xmlElements(root, name);
    // Every address the feed gives: each element's href. The ids are tag URIs, the same at any address.
    const urls = all().flatMap((element) => element.attributes.href ?? []);
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url.startsWith(PUBLIC_ROOT), url).toBe(true);
    for (const id of all('id')) expect(id.text).toMatch(/^tag:leics\.gov\.uk,2023:children-and-family-services:/);
    expect(all('link').map((link) => link.attributes)).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${PUBLIC_ROOT}feed.xml` });
    const entries = all('entry');
    expect(entries.length).toBeGreaterThan(0);
    const alternate = (entry: (typeof entries)[number]) => xmlElements(entry, 'link').find((link) => link.attributes.rel === 'alternate' && link.attributes.type === 'text/html')?.attributes.href;
    expect(xmlText(entries[0]!, 'title')).toBe('Q1 2024/25 performance');
    expect(alternate(entries[0]!)).toBe(`${PUBLIC_ROOT}2024-25/q1/`);
    // Published and updated at the commentary's publication moment (no correction since); a quarter whose papers record no
    // date has no <published>, and is dated the end of its quarter.
    expect(xmlText(entries[0]!, 'published')).toBe('2024-09-03T09:30:00+01:00');
    expect(xmlText(entries[0]!, 'updated')).toBe('2024-09-03T09:30:00+01:00');
    expect(xmlText(entries[1]!, 'title')).toBe('Q3 2023/24 performance');
    expect(xmlElements(entries[1]!, 'published')).toEqual([]);
    expect(xmlText(entries[1]!, 'updated')).toBe('2023-12-31T00:00:00Z');
    for (const entry of entries) {
      const link = alternate(entry)!;
      expect((await get(local(link))).status, link).toBe(200);
    }
  });

  it('offers search engines every page but the 404 page: canonical under the sub-path, or noindex', async () => {
    const headOf = async (path: string) => {
      const document = parseHtml((await get(`${origin}${BASE}${path}`)).body);
      let robots: string | undefined;
      let canonical: string | undefined;
      walk(document, (node) => {
        if (node.tagName === 'meta' && attr(node, 'name') === 'robots') robots = attr(node, 'content');
        if (node.tagName === 'link' && attr(node, 'rel') === 'canonical') canonical = attr(node, 'href');
      });
      return { robots, canonical };
    };
    expect(await headOf('404.html')).toEqual({ robots: 'noindex', canonical: undefined });
    expect(await headOf('2024-25/q1/')).toEqual({ robots: undefined, canonical: `${PUBLIC_ROOT}2024-25/q1/` });
    expect(await headOf('')).toEqual({ robots: undefined, canonical: PUBLIC_ROOT });
  });

  it('points robots.txt at the sitemap under the sub-path', async () => {
    const robots = await get(`${origin}${BASE}robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.body).toContain(`Sitemap: ${PUBLIC_ROOT}sitemap.xml`);
  });
});
