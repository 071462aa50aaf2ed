/**
 * A reader's browser asks no one but this site for anything: no script,
 * style, font, image, frame or beacon from another host, in any page, style
 * sheet, script or feed of one real build. Links to other sites are fine
 * (following one is the reader's choice). Every page carries a
 * Content-Security-Policy meta tag that allows no inline script it does not
 * know by hash, and the _headers file for hosts that read one agrees with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, filesUnder, parseHtml, textOf, walk, type Node } from '../helpers/html';
import { buildSite, type BuildResult } from '../helpers/build';
import { netlifyHeaders } from '../../src/hosting/hosts';
import { editorBackendFromEnv } from '../../src/core/editor-backend';

const SITE_URL = 'https://performance.example.gov.uk';
const SITE_HOST = new URL(SITE_URL).host;


/** The other host a URL would fetch from, or null when it stays on this site (relative, same host, data:, fragment). */
function thirdParty(url: string, page: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let resolved: URL;
  try {
    resolved = new URL(trimmed, new URL(page, `${SITE_URL}/`));
  } catch {
    return `unparseable URL ${trimmed}`;
  }
  if (resolved.protocol === 'data:' || resolved.protocol === 'blob:') return null;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(resolved.protocol)) return `${resolved.protocol} URL ${trimmed}`;
  return resolved.host === SITE_HOST ? null : resolved.host;
}

/** URLs a style sheet loads: url(...) and @import. */
function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) urls.push(match[2]!);
  for (const match of css.matchAll(/@import\s+(['"])(.*?)\1/gi)) urls.push(match[2]!);
  return urls;
}

/** XML namespace names are identifiers, not addresses a browser fetches. */
const NAMESPACE = /^https?:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1999\/xlink|2005\/Atom|XML\/1998\/namespace|1998\/Math\/MathML)$/;

/** Absolute URLs in script source: any that names another host is a request waiting to happen. */
function scriptUrls(code: string): string[] {
  const urls = [...code.matchAll(/\b(?:https?|wss?):\/\/[^\s'"`)<>\\]+/gi)].map((m) => m[0]);
  // Protocol-relative addresses in a string: "//cdn.example.com/x.js".
  const relativeToProtocol = [...code.matchAll(/["'`]\/\/([a-z0-9-]+\.)+[a-z]{2,}[/"'`]/gi)].map((m) => `https:${m[0].slice(1, -1)}`);
  return [...urls, ...relativeToProtocol].filter((url) => !NAMESPACE.test(url.replace(/[.,;]+$/, '')));
}

/** Where each kind of element makes the browser fetch something. `<a href>` is navigation, not a request. */
const REQUEST_ATTRIBUTES: Record<string, string[]> = {
  script: ['src'],
  link: ['href', 'imagesrcset'],
  img: ['src', 'srcset'],
  iframe: ['src'],
  frame: ['src'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  form: ['action'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  base: ['href'],
};
/** <link> relations that name a page rather than fetch one. */
const NAVIGATION_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'me', 'next', 'prev', 'search', 'bookmark']);

const srcsetUrls = (value: string) => value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/).filter(Boolean))
      .filter((tokens) => tokens.length > 0)
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
}

describe('no third-party requests, and a strict Content-Security-Policy', () => {
  let build: BuildResult;
  const read = (file: string) => readFileSync(join(build.outDir, file), 'utf8');
  beforeAll(() => {
    build = buildSite({ env: { SITE_URL } });
  }, 240_000);

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
    expect(filesUnder(build.outDir, /\.html$/).length).toBeGreaterThan(10);
  });

  it('no page loads anything from another host', () => {
    const requests: string[] = [];
    for (const file of filesUnder(build.outDir, /\.html$/)) {
      const page = `/${file.replace(/index\.html$/, '')}`;
      walk(parseHtml(read(file)), (node) => {
        const tag = node.tagName?.toLowerCase();
        if (!tag) return;
        const found = (what: string, url: string) => {
          const host = thirdParty(url, page);
          if (host) requests.push(`${file}: <${tag} ${what}="${url}"> (${host})`);
        };
        const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
        if (!(tag === 'link' && rel.every((r) => NAVIGATION_RELS.has(r)))) {
          for (const name of REQUEST_ATTRIBUTES[tag] ?? []) {
            const value = attr(node, name);
            if (value === undefined) continue;
            for (const url of name.endsWith('srcset') ? srcsetUrls(value) : [value]) found(name, url);
          }
        }
        if (tag === 'meta' && attr(node, 'http-equiv')?.toLowerCase() === 'refresh') {
          const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attr(node, 'content') ?? '')?.[1];
          if (url) found('http-equiv=refresh', url);
        }
        const style = attr(node, 'style');
        if (style) for (const url of cssUrls(style)) found('style', url);
        if (tag === 'style') for (const url of cssUrls(textOf(node))) found('style element', url);
        const type = attr(node, 'type');
        if (tag === 'script' && !attr(node, 'src') && (type === undefined || type === 'module' || /javascript/i.test(type))) {
          for (const url of scriptUrls(textOf(node))) found('inline script', url);
        }
      });
    }
    expect(requests).toEqual([]);
  });

  it('no style sheet loads anything from another host', () => {
    const files = filesUnder(build.outDir, /\.css$/);
    expect(files.length).toBeGreaterThan(0);
    const requests = files.flatMap((file) => cssUrls(read(file)).filter((url) => thirdParty(url, `/${file}`)).map((url) => `${file}: ${url}`));
    expect(requests).toEqual([]);
  });

  it('no script names another host (fetch, import, WebSocket, beacon or any other URL)', () => {
    const files = filesUnder(build.outDir, /\.m?js$/);
    expect(files.length).toBeGreaterThan(0);
    const requests = files.flatMap((file) => scriptUrls(read(file)).filter((url) => thirdParty(url, `/${file}`)).map((url) => `${file}: ${url}`));
    expect(requests).toEqual([]);
  });

  it('the feed and sitemap name only this site, apart from XML namespaces', () => {
    const files = filesUnder(build.outDir, /\.xml$/);
    expect(files).toEqual(expect.arrayContaining(['feed.xml', 'sitemap.xml']));
    const others: string[] = [];
    for (const file of files) {
      const xml = read(file).replace(/\sxmlns(?::[\w-]+)?="[^"]*"/g, '');
      for (const [url] of xml.matchAll(/\b(?:https?|wss?):\/\/[^\s"'<>]+/gi)) if (thirdParty(url, '/')) others.push(`${file}: ${url}`);
    }
    expect(others).toEqual([]);
  });

  it('every page has a Content-Security-Policy meta tag, first in the head, with no unsafe or third-party script source', () => {
    const problems: string[] = [];
    for (const file of filesUnder(build.outDir, /\.html$/)) {
      const document = parseHtml(read(file));
      const head = document.childNodes!.find((n) => n.tagName === 'html')!.childNodes!.find((n) => n.tagName === 'head')!;
      const order: Node[] = [];
      walk(head, (node) => node.tagName && order.push(node));
      const metas = order.filter((n) => n.tagName === 'meta' && attr(n, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) {
        problems.push(`${file}: ${metas.length} CSP meta tags in the head`);
        continue;
      }
      const meta = metas[0]!;
      // A policy only governs what comes after it.
      const firstLoad = order.findIndex((n) => n.tagName === 'script' || n.tagName === 'style' || (n.tagName === 'link' && /stylesheet|preload|modulepreload/i.test(attr(n, 'rel') ?? '')));
      if (firstLoad !== -1 && firstLoad < order.indexOf(meta)) problems.push(`${file}: a script or style comes before the CSP meta tag`);
      const policy = directives(attr(meta, 'content') ?? '');
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
      if (!scriptSrc) {
        problems.push(`${file}: no script-src or default-src`);
        continue;
      }
      for (const source of scriptSrc) {
        if (source === "'self'" || /^'(sha256|sha384|sha512|nonce)-[A-Za-z0-9+/=_-]+'$/.test(source)) continue;
        problems.push(`${file}: script-src allows ${source}`);
      }
      for (const [name, values] of policy) {
        if (values.includes("'unsafe-inline'") || values.includes("'unsafe-eval'") || values.includes('*')) problems.push(`${file}: ${name} ${values.join(' ')}`);
      }
      if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${file}: default-src is not 'self'`);
      if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${file}: object-src is not 'none'`);
    }
    expect(problems).toEqual([]);
  });

  // Generated into the build from src/hosting/headers.ts (test/host-files.test.ts reads it by the hosts' rules for every file).
  describe('_headers, for hosts that read it', () => {
    interface Rule {
      path: string;
      headers: Map<string, string>;
    }
    const rules = (): Rule[] => {
      const result: Rule[] = [];
      for (const line of read('_headers').split('\n')) {
        // Comments, and Cloudflare's "! Name" lines (/admin/ detaching the site-wide headers: test/host-files.test.ts).
        if (line.trim() === '' || line.trim().startsWith('#') || line.trim().startsWith('!')) continue;
        if (!/^\s/.test(line)) result.push({ path: line.trim(), headers: new Map() });
        else {
          const [, name, value] = /^\s+([\w-]+):\s*(.*)$/.exec(line) ?? [];
          expect(name, `not a header line: ${line}`).toBeDefined();
          result.at(-1)!.headers.set(name!.toLowerCase(), value!.trim());
        }
      }
      return result;
    };
    const headerFor = (path: string, name: string) => rules().find((rule) => rule.path === path)?.headers.get(name);

    it('is generated into the build from the one description', () => {
      // The build read the editor's git host from this environment, as the test does.
      expect(read('_headers')).toBe(netlifyHeaders('/', editorBackendFromEnv(process.env)));
    });

    it('sets the security headers on every path', () => {
      expect(headerFor('/*', 'x-content-type-options')).toBe('nosniff');
      expect(headerFor('/*', 'referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headerFor('/*', 'permissions-policy')).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
      const csp = directives(headerFor('/*', 'content-security-policy') ?? '');
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
    });

    it('has a CSP that agrees with the pages’ meta tag and cannot block their hashed scripts and styles', () => {
      const header = directives(headerFor('/*', 'content-security-policy') ?? '');
      // Both policies apply: a script-src, style-src or default-src here, without each page's hashes, would block the page's own inline script.
      for (const name of ['default-src', 'script-src', 'script-src-elem', 'style-src', 'style-src-elem', 'style-src-attr']) expect(header.has(name), name).toBe(false);
      const meta = directives(/http-equiv="content-security-policy" content="([^"]*)"/i.exec(read('index.html'))![1]!);
      for (const [name, values] of header) if (meta.has(name)) expect(values, name).toEqual(meta.get(name));
    });

    it('makes the open-data files downloads', () => {
      expect(headerFor('/data/*.csv', 'content-disposition')).toBe('attachment');
      expect(headerFor('/data/*.json', 'content-disposition')).toBe('attachment');
      // Only the data files: the /data/ page itself stays a page.
      expect(rules().filter((rule) => rule.headers.has('content-disposition')).map((rule) => rule.path).sort()).toEqual(['/data/*.csv', '/data/*.json']);
    });
  });
});
