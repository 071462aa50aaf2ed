/**
 * The configuration files the build writes for hosts that read them from the
 * published folder, read by each host's documented rules (the Netlify and
 * Cloudflare Pages files by test/fixtures/hosting/pages-rules.ts, Azure's JSON
 * for its keys), against the one description: every built file gets the
 * headers src/hosting/headers.ts gives it, and /admin/ exactly the editor's
 * own headers instead of the public ones. (nginx and Apache are run for real
 * in hosting-servers.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorBackendFromEnv, type EditorBackend } from '../src/core/editor-backend';
import { adminPathHeaders } from '../src/hosting/admin-csp';
import { expectedHeaders, mediaTypeOf, SECURITY_HEADERS } from '../src/hosting/headers';
import { netlifyHeaders, netlifyRedirects, azureStaticWebAppConfig } from '../src/hosting/hosts';
import { sharedSite } from './helpers/build';
import { filesUnder } from './helpers/html';
import { headersFor, matches, parseHeadersFile, parseRedirectsFile } from './fixtures/hosting/pages-rules';

/** The git host the build's EDITOR_* variables name (the shared build inherits this process's environment). */
const BUILD_BACKEND = editorBackendFromEnv(process.env);
/** A self-managed GitLab, so /admin/'s policy names a host of its own. */
const GITLAB = editorBackendFromEnv({ EDITOR_BACKEND: 'gitlab', EDITOR_API_ROOT: 'https://gitlab.council.example/api/v4' });

/** Types every host serves right by itself, which _headers leaves alone (a second Content-Type would be joined to the host's). */
const HOST_KNOWS = ['text/html', 'text/css', 'text/javascript', 'image/svg+xml', 'application/json', 'application/xml'];

describe('the rules reader (so its verdicts mean something)', () => {
  it('matches splats and placeholders, joins repeated headers and honours detach', () => {
    expect(matches('/data/*.csv', '/data/indicators/x.csv')).toBe(true);
    expect(matches('/data/*.csv', '/data/x.json')).toBe(false);
    expect(matches('/:year/q1/', '/2024-25/q1/')).toBe(true);
    const rules = parseHeadersFile('/*\n  A: 1\n/x/*\n  A: 2\n/y/*\n  ! A\n  B: 3\n');
    expect(headersFor(rules, '/x/p').get('a')).toBe('1, 2');
    expect([...headersFor(rules, '/y/p')]).toEqual([['b', '3']]);
  });
  it('reads as Netlify does: detach lines ignored, a later matching rule replacing a header, one repeated in a rule joined', () => {
    const rules = parseHeadersFile('/*\n  A: 1\n  C: 1\n/x/*\n  A: 2\n  A: 3\n/y/*\n  ! A\n  B: 3\n');
    expect([...headersFor(rules, '/x/p', 'netlify')]).toEqual([['a', '2, 3'], ['c', '1']]);
    expect([...headersFor(rules, '/y/p', 'netlify')]).toEqual([['a', '1'], ['c', '1'], ['b', '3']]);
  });
  it.each([
    ['two splats', '/*/x/*\n  A: 1\n', /more than one splat/],
    ['a header before a path', '  A: 1\n', /before any URL pattern/],
    ['a line that is not a header', '/*\n  nonsense\n', /not "Name: value"/],
  ])('refuses %s', (_name, text, expected) => {
    expect(() => parseHeadersFile(text)).toThrow(expected);
  });
});

describe.each(['/', '/performance/'])('_headers and _redirects for base path %s', (base) => {
  const rules = parseHeadersFile(netlifyHeaders(base, BUILD_BACKEND));
  const prefix = base.replace(/\/$/, '');
  const site = sharedSite();
  const files = filesUnder(site.outDir).filter((file) => !file.startsWith('.') && !file.startsWith('_') && !/^staticwebapp/.test(file));

  it('give every built file the headers of the description, each once', () => {
    expect(files.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const file of files) {
      const sitePath = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const got = headersFor(rules, `${prefix}${sitePath}`);
      for (const [name, value] of Object.entries(expectedHeaders(sitePath, base, BUILD_BACKEND))) {
        if (name === 'Content-Type' && HOST_KNOWS.includes(value.split(';')[0]!)) {
          if (got.has('content-type')) wrong.push(`${sitePath}: a Content-Type the host sets itself`);
          continue;
        }
        if (got.get(name.toLowerCase()) !== value) wrong.push(`${sitePath}: ${name} ${JSON.stringify(got.get(name.toLowerCase()))}, expected ${JSON.stringify(value)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lead the bare sub-path to the site, and nothing else', () => {
    const redirects = parseRedirectsFile(netlifyRedirects(base));
    expect(redirects).toEqual(base === '/' ? [] : [{ from: '/performance', to: '/performance/', status: 301 }]);
  });
});

/** What a host would send that differs from what it should: each wrong, missing or extra header. */
function differences(got: ReadonlyMap<string, string>, expected: Readonly<Record<string, string>>): string[] {
  const names = new Map(Object.entries(expected).map(([name, value]) => [name.toLowerCase(), value]));
  const wrong = [...names].filter(([name, value]) => got.get(name) !== value).map(([name, value]) => `${name}: ${JSON.stringify(got.get(name))}, expected ${JSON.stringify(value)}`);
  return [...wrong, ...[...got.keys()].filter((name) => !names.has(name)).map((name) => `${name}: not expected (${got.get(name)})`)];
}

const ADMIN_PATHS = ['/admin/', '/admin/index.html', '/admin/editor.js', '/admin/locales/en-GB.json'];

describe.each(['/', '/performance/'])('/admin/ in _headers for base path %s', (base) => {
  const prefix = base.replace(/\/$/, '');
  const hosts = ['cloudflare', 'netlify'] as const;

  it.each([
    ['the build’s git host', BUILD_BACKEND],
    ['a self-managed GitLab', GITLAB],
  ] as [string, EditorBackend][])('gives the editor exactly its own headers, not the public ones as well (%s)', (_name, backend) => {
    const rules = parseHeadersFile(netlifyHeaders(base, backend));
    for (const host of hosts) {
      for (const path of ADMIN_PATHS) expect(differences(headersFor(rules, `${prefix}${path}`, host), adminPathHeaders(backend)), `${host} ${path}`).toEqual([]);
      // The public pages keep theirs.
      for (const path of ['/', '/2024-25/q1/', '/administration/']) expect(differences(headersFor(rules, `${prefix}${path}`, host), SECURITY_HEADERS), `${host} ${path}`).toEqual([]);
    }
  });

  it('opens the policy to the git host the EDITOR_* variables name, and to WebAssembly, on both hosts', () => {
    const rules = parseHeadersFile(netlifyHeaders(base, GITLAB));
    for (const host of hosts) {
      const csp = headersFor(rules, `${prefix}/admin/`, host).get('content-security-policy')!;
      expect(csp).toContain("connect-src 'self' blob: data: https://gitlab.com https://gitlab.council.example;");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(headersFor(rules, `${prefix}/admin/`, host).get('x-robots-tag')).toBe('noindex, nofollow');
    }
  });

  it('would see both policies sent if the site-wide ones were not detached, or came last (the check can fail)', () => {
    const text = netlifyHeaders(base, GITLAB);
    const admin = adminPathHeaders(GITLAB)['Content-Security-Policy']!;
    // Cloudflare, without the "! Name" lines: both values, joined, which a browser reads as two policies to enforce.
    const undetached = parseHeadersFile(text.replace(/^  ! .*\n/gm, ''));
    expect(headersFor(undetached, `${prefix}/admin/`).get('content-security-policy')).toBe(`${SECURITY_HEADERS['Content-Security-Policy']}, ${admin}`);
    expect(differences(headersFor(undetached, `${prefix}/admin/`), adminPathHeaders(GITLAB))).not.toEqual([]);
    // Netlify, with the /admin/ rule before the site-wide one: the public values win.
    const blocks = text.split('\n\n');
    const adminBlock = blocks.findIndex((block) => block.includes(`\n${prefix}/admin/*\n`));
    const siteBlock = blocks.findIndex((block) => block.startsWith(`${prefix}/*\n`));
    expect([adminBlock, siteBlock].every((index) => index > 0)).toBe(true);
    const reordered = [...blocks];
    [reordered[siteBlock], reordered[adminBlock]] = [blocks[adminBlock]!, blocks[siteBlock]!];
    const early = parseHeadersFile(reordered.join('\n\n'));
    expect(headersFor(early, `${prefix}/admin/`, 'netlify').get('content-security-policy')).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    expect(differences(headersFor(early, `${prefix}/admin/`, 'netlify'), adminPathHeaders(GITLAB))).not.toEqual([]);
  });
});

/** What Azure sends for a route: the global headers, each replaced by the route's of that name, an empty value removing it. */
function azureSends(globalHeaders: Record<string, string>, route: { headers: Record<string, string> }): Map<string, string> {
  return new Map(Object.entries({ ...globalHeaders, ...route.headers }).filter(([, value]) => value !== '').map(([name, value]) => [name.toLowerCase(), value]));
}

describe('Azure Static Web Apps', () => {
  it.each(['/', '/performance/'])('gives /admin/ its own headers instead of the global ones, at base path %s', (base) => {
    const config = JSON.parse(azureStaticWebAppConfig(base, GITLAB));
    const prefix = base.replace(/\/$/, '');
    const routes: { route: string; headers: Record<string, string> }[] = config.routes;
    // The file route also matches the folder's address (/admin/); the wildcard covers the rest of the folder.
    for (const name of [`${prefix}/admin/index.html`, `${prefix}/admin/*`]) {
      const route = routes.find((candidate) => candidate.route === name);
      expect(route, name).toBeDefined();
      expect(differences(azureSends(config.globalHeaders, route!), adminPathHeaders(GITLAB)), name).toEqual([]);
    }
    // No route before them that could match an address under /admin/.
    const first = routes.findIndex((route) => route.route.startsWith(`${prefix}/admin/`));
    expect(routes.slice(0, first).filter((route) => `${prefix}/admin/x`.startsWith(route.route.replace(/\*.*$/, '')))).toEqual([]);
  });

  it('has global headers, a route per folder rule, media types and the 404 page', () => {
    const config = JSON.parse(azureStaticWebAppConfig('/', BUILD_BACKEND));
    expect(Object.keys(config).sort()).toEqual(['globalHeaders', 'mimeTypes', 'responseOverrides', 'routes']);
    expect(config.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
    // Azure applies the first route that matches: the most specific first, each with every header that covers it.
    expect(config.routes.map((route: { route: string }) => route.route)).toEqual(['/_astro/*', '/admin/index.html', '/admin/*', '/data/*.{csv}', '/data/*.{json}', '/data/*']);
    const csv = config.routes.find((route: { route: string }) => route.route === '/data/*.{csv}');
    const expected = expectedHeaders('/data/all-observations.csv', '/', BUILD_BACKEND);
    for (const name of ['Access-Control-Allow-Origin', 'Link', 'Content-Disposition']) expect(csv.headers[name]).toBe(expected[name]);
    expect(config.mimeTypes['.csv']).toBe(mediaTypeOf('x.csv'));
    expect(config.mimeTypes['.ics']).toBe('text/calendar; charset=utf-8');
    expect(config.responseOverrides['404']).toEqual({ rewrite: '/404.html' });
  });
});

describe('the published folder', () => {
  it('holds each host file, generated for its base path, and .nojekyll so GitHub Pages keeps _astro/', () => {
    const dir = sharedSite().outDir;
    for (const name of ['_headers', '_redirects', '.htaccess', 'staticwebapp.config.json', '.nojekyll']) expect(existsSync(join(dir, name)), name).toBe(true);
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toBe(netlifyHeaders('/', BUILD_BACKEND));
    expect(filesUnder(dir).some((file) => file.startsWith('_astro/'))).toBe(true);
  });
});
