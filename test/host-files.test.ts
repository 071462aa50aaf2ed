/**
 * The configuration files the build writes for hosts that read them from the
 * published folder, read by each host's documented rules (the Netlify and
 * Cloudflare Pages files by test/fixtures/hosting/pages-rules.ts, Azure's JSON
 * for its keys), against the one description: every built file gets the
 * headers src/hosting/headers.ts gives it. (nginx and Apache are run for real
 * in hosting-servers.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedHeaders, mediaTypeOf } from '../src/hosting/headers';
import { netlifyHeaders, netlifyRedirects, azureStaticWebAppConfig } from '../src/hosting/hosts';
import { sharedSite } from './helpers/build';
import { filesUnder } from './helpers/html';
import { headersFor, matches, parseHeadersFile, parseRedirectsFile } from './fixtures/hosting/pages-rules';

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
  it.each([
    ['two splats', '/*/x/*\n  A: 1\n', /more than one splat/],
    ['a header before a path', '  A: 1\n', /before any URL pattern/],
    ['a line that is not a header', '/*\n  nonsense\n', /not "Name: value"/],
  ])('refuses %s', (_name, text, expected) => {
    expect(() => parseHeadersFile(text)).toThrow(expected);
  });
});

describe.each(['/', '/performance/'])('_headers and _redirects for base path %s', (base) => {
  const rules = parseHeadersFile(netlifyHeaders(base));
  const prefix = base.replace(/\/$/, '');
  const site = sharedSite();
  const files = filesUnder(site.outDir).filter((file) => !file.startsWith('.') && !file.startsWith('_') && !/^staticwebapp/.test(file));

  it('give every built file the headers of the description, each once', () => {
    expect(files.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const file of files) {
      const sitePath = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const got = headersFor(rules, `${prefix}${sitePath}`);
      for (const [name, value] of Object.entries(expectedHeaders(sitePath, base))) {
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

describe('Azure Static Web Apps', () => {
  it('has global headers, a route per folder rule, media types and the 404 page', () => {
    const config = JSON.parse(azureStaticWebAppConfig('/'));
    expect(Object.keys(config).sort()).toEqual(['globalHeaders', 'mimeTypes', 'responseOverrides', 'routes']);
    expect(config.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
    // Azure applies the first route that matches: the most specific first, each with every header that covers it.
    expect(config.routes.map((route: { route: string }) => route.route)).toEqual(['/_astro/*', '/data/*.{csv}', '/data/*.{json}', '/data/*']);
    const csv = config.routes.find((route: { route: string }) => route.route === '/data/*.{csv}');
    const expected = expectedHeaders('/data/all-observations.csv', '/');
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
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toBe(netlifyHeaders('/'));
    expect(filesUnder(dir).some((file) => file.startsWith('_astro/'))).toBe(true);
  });
});
