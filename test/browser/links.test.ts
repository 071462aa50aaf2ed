/**
 * Broken-link check over the build: every internal href/src/srcset on every
 * page resolves to a file in dist/ (under BASE_PATH), and every #fragment is
 * an id on the target page. No browser needed: pages are parsed with parse5.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { attr, parseHtml, walk } from '../helpers/html';
import { BASE, DIST, ROOT, discoverPages, withBase } from './lib/site';

/** The origin pages are resolved against; any absolute URL on it (or on SITE_URL's origin) is internal. */
const LOCAL = 'http://site.invalid';
/** Origin of the site's configured URL (astro.config.mjs `site`, from SITE_URL), or null. */
const SITE_ORIGIN = await (async () => {
  try {
    const config = (await import(pathToFileURL(path.join(ROOT, 'astro.config.mjs')).href)).default as { site?: string };
    return config.site ? new URL(config.site).origin : null;
  } catch {
    return process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : null;
  }
})();

interface Ref {
  tag: string;
  attr: string;
  value: string;
}

interface Parsed {
  ids: Set<string>;
  refs: Ref[];
  base: string | undefined;
}

const parsedCache = new Map<string, Parsed>();
function parseFile(file: string): Parsed {
  let p = parsedCache.get(file);
  if (p) return p;
  const doc = parseHtml(readFileSync(file, 'utf8'));
  const ids = new Set<string>();
  const refs: Ref[] = [];
  let base: string | undefined;
  walk(doc, (n) => {
    if (!n.attrs) return;
    const tag = n.nodeName;
    const id = attr(n, 'id');
    if (id) ids.add(id);
    if (tag === 'a' && attr(n, 'name')) ids.add(attr(n, 'name')!);
    if (tag === 'base' && attr(n, 'href')) base ??= attr(n, 'href');
    for (const a of n.attrs) {
      const name = a.name;
      if (name === 'href' || name === 'xlink:href' || name === 'src' || name === 'poster' || (name === 'data' && tag === 'object') || (name === 'action' && tag === 'form')) {
        if (tag === 'base') continue;
        refs.push({ tag, attr: name, value: a.value });
      } else if (name === 'srcset' || name === 'imagesrcset') {
        for (const candidate of a.value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) refs.push({ tag, attr: name, value: url });
        }
      } else if (tag === 'meta' && name === 'content') {
        const key = attr(n, 'property') ?? attr(n, 'name') ?? '';
        if (/^(og:(url|image)|twitter:image)$/.test(key)) refs.push({ tag: `meta[${key}]`, attr: 'content', value: a.value });
      }
    }
  });
  p = { ids, refs, base };
  parsedCache.set(file, p);
  return p;
}

/** dist file for a server path under the base, or a reason it is broken. */
function resolveTarget(pathname: string): { file?: string; problem?: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { problem: 'cannot be URL-decoded' };
  }
  if (!decoded.startsWith(BASE) && decoded !== BASE.slice(0, -1)) return { problem: `is outside the base path ${BASE}` };
  const rel = decoded.slice(BASE.length);
  const full = path.join(DIST, rel);
  if (!full.startsWith(DIST)) return { problem: 'escapes dist/' };
  if (existsSync(full) && statSync(full).isFile()) return { file: full };
  const index = path.join(full, 'index.html');
  if (existsSync(index)) return { file: index };
  return { problem: `no file in dist/ (looked for dist/${rel || ''}${rel.endsWith('/') || rel === '' ? 'index.html' : ''})` };
}

const pages = discoverPages();

describe('internal links', () => {
  it('there are built pages to crawl', () => {
    expect(pages.length, `no .html files in ${DIST}`).toBeGreaterThan(0);
  });

  it.each(pages.map((p) => [p.route, p.file]))('%s: every internal link and fragment resolves', (route, file) => {
    const pageUrl = new URL(withBase(route), LOCAL);
    const parsed = parseFile(path.join(DIST, file));
    const baseUrl = parsed.base ? new URL(parsed.base, pageUrl) : pageUrl;
    const broken: string[] = [];
    for (const ref of parsed.refs) {
      const raw = ref.value.trim();
      if (!raw) {
        if (ref.attr === 'href' && ref.tag === 'a') broken.push(`<a href=""> (empty link)`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(raw, baseUrl);
      } catch {
        broken.push(`<${ref.tag} ${ref.attr}="${raw}">: not a valid URL`);
        continue;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue; // mailto:, tel:, data:, javascript:
      if (url.origin !== LOCAL && url.origin !== SITE_ORIGIN) continue; // external
      const target = resolveTarget(url.pathname);
      if (!target.file) {
        broken.push(`<${ref.tag} ${ref.attr}="${raw}"> → ${url.pathname}: ${target.problem}`);
        continue;
      }
      const fragment = url.hash.slice(1);
      if (!fragment || fragment === 'top') continue;
      if (!/\.html?$/.test(target.file)) continue;
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        /* use as is */
      }
      if (!parseFile(target.file).ids.has(id)) {
        broken.push(`<${ref.tag} ${ref.attr}="${raw}"> → #${id} is not an id on ${path.relative(DIST, target.file)}`);
      }
    }
    expect(broken, `broken internal links on ${route}`).toEqual([]);
  });
});
