/**
 * The shipped hosting configuration on real servers (#21): Debian's nginx
 * (the generated server block) and Apache (the generated .htaccess) serve a
 * built dist/ on loopback, at the domain root and under a sub-path, and every
 * file's response carries the headers and media type the one description
 * (src/hosting/headers.ts) asks for; a missing page gets the site's 404 page
 * with status 404. The editor is built into the same folder (npm run
 * build:admin) with the same EDITOR_* variables, and /admin/ must get exactly
 * one Content-Security-Policy, the editor's (src/hosting/admin-csp.ts), the
 * one its page's meta tag also carries, never the public one beside it; a
 * configuration planted with the editor's policy added beside the public one
 * is caught by the same check. Skipped, saying so, where the servers are not
 * installed (.ci/run installs them).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorBackendFromEnv } from '../src/core/editor-backend';
import { adminCsp, adminPathHeaders } from '../src/hosting/admin-csp';
import { expectedHeaders, SECURITY_HEADERS } from '../src/hosting/headers';
import { nginxConfig } from '../src/hosting/hosts';
import { buildSite, copyOfContent, removeScratch, ROOT, type BuildResult } from './helpers/build';
import { filesUnder } from './helpers/html';

const NGINX = '/usr/sbin/nginx';
const APACHE = '/usr/sbin/apache2';
const haveServers = existsSync(NGINX) && existsSync(APACHE);
if (!haveServers) console.warn('hosting-servers.test.ts: nginx or apache2 not installed (apt-get install nginx apache2): skipped');

afterAll(removeScratch);

/** The editor's git host for these builds: a self-managed Gitea, so /admin/'s policy names a host of its own (EDITOR_AUTH_URL emptied: the runner's own must not leak in). */
const EDITOR_ENV = { EDITOR_BACKEND: 'gitea', EDITOR_API_ROOT: 'https://git.council.example/api/v1', EDITOR_AUTH_URL: '' };
const BACKEND = editorBackendFromEnv(EDITOR_ENV);
const ADMIN_HEADERS = adminPathHeaders(BACKEND);
/** Every security header either set of pages carries. */
const SECURITY_NAMES = [...new Set([...Object.keys(SECURITY_HEADERS), ...Object.keys(ADMIN_HEADERS)])];

interface Raw {
  status: number;
  /** Every header line as sent, names lower-cased: a header sent twice appears twice. */
  headers: [string, string][];
  body: string;
}

/** A response with its header lines as they came (fetch joins two headers of one name into one value). */
const rawGet = (url: string) =>
  new Promise<Raw>((resolve, reject) => {
    get(url, (response) => {
      const pairs: [string, string][] = [];
      for (let index = 0; index < response.rawHeaders.length; index += 2) pairs.push([response.rawHeaders[index]!.toLowerCase(), response.rawHeaders[index + 1]!]);
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: pairs, body }));
    }).on('error', reject);
  });

/** How a response's security headers differ from a set: each header must come once with its value, or not at all when the set has none. */
function securityProblems(path: string, raw: Raw, expected: Readonly<Record<string, string>>): string[] {
  return SECURITY_NAMES.flatMap((name) => {
    const sent = raw.headers.filter(([header]) => header === name.toLowerCase()).map(([, value]) => value);
    const want = expected[name] === undefined ? [] : [expected[name]];
    return JSON.stringify(sent) === JSON.stringify(want) ? [] : [`${path}: ${name} sent ${JSON.stringify(sent)}, expected ${JSON.stringify(want)}`];
  });
}

/** The nginx configuration with the editor's policy added beside the public one rather than instead of it (the planted fault). */
function nginxBeside(config: string): string {
  const lines: string[] = [];
  let map = '';
  for (const line of config.split('\n')) {
    map = /^map \$uri (\S+) \{$/.exec(line)?.[1] ?? (line === '}' ? '' : map);
    // The policy's map without its /admin/ line: the public policy for every address...
    if (map === '$cfs_content_security_policy' && /^  ~\^.*admin/.test(line)) continue;
    // ...and the editor's added as a header of its own.
    lines.push(line === 'server {' ? `${line}\n  add_header Content-Security-Policy "${ADMIN_HEADERS['Content-Security-Policy']}" always;` : line);
  }
  const planted = lines.join('\n');
  if (planted.split('\n').length !== config.split('\n').length) throw new Error('the nginx configuration has no /admin/ policy line to plant beside the public one');
  return planted;
}

/** The .htaccess with the same fault: the editor's policy added (`Header add`) beside the site's. */
function htaccessBeside(htaccess: string): string {
  const planted = htaccess.replace(/(<If "%\{REQUEST_URI\} =~ m#\^[^"]*admin[^"]*">\n(?:  .*\n)*?)  Header always set Content-Security-Policy /, '$1  Header always add Content-Security-Policy ');
  if (planted === htaccess) throw new Error('the .htaccess has no /admin/ Content-Security-Policy to plant beside the site\'s');
  return planted;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${log()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the server did not answer at ${url}: ${log()}`);
}

/** Everything below a folder readable by the server's worker user (a scratch folder is created private). */
function openUp(dir: string) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) openUp(path);
    else chmodSync(path, 0o644);
  }
}

interface Running {
  origin: string;
  stop: () => void;
}

async function startNginx(dist: string, base: string, work: string, plant: (config: string) => string = (config) => config): Promise<Running> {
  const port = await freePort();
  const site = join(work, 'site.conf');
  writeFileSync(site, plant(nginxConfig({ base, backend: BACKEND, root: dist, listen: `127.0.0.1:${port}`, serverName: 'localhost' })));
  const temp = (name: string) => `${name} ${join(work, name)};`;
  // As a Debian server runs it: mime.types in the http context, the site's file included there.
  writeFileSync(
    join(work, 'nginx.conf'),
    [
      'daemon off;', 'worker_processes 1;', `pid ${join(work, 'nginx.pid')};`, `error_log ${join(work, 'error.log')};`, 'user www-data;',
      'events {}',
      'http {', '  include /etc/nginx/mime.types;', '  default_type application/octet-stream;', '  access_log off;',
      ...['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'].map((name) => `  ${temp(name)}`),
      `  include ${site};`, '}', '',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-c', join(work, 'nginx.conf'), '-e', join(work, 'error.log')], { stdio: 'pipe' });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, child, () => output);
  return { origin, stop: () => child.kill('SIGTERM') };
}

async function startApache(dist: string, base: string, work: string): Promise<Running> {
  const port = await freePort();
  const modules = ['mpm_event', 'authz_core', 'mime', 'headers', 'dir', 'alias'];
  const docRoot = join(work, 'htdocs');
  mkdirSync(docRoot, { recursive: true });
  chmodSync(work, 0o755);
  const served = base === '/' ? dist : docRoot;
  writeFileSync(
    join(work, 'httpd.conf'),
    [
      ...modules.map((name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`),
      `Listen 127.0.0.1:${port}`, 'ServerName localhost', `PidFile ${join(work, 'httpd.pid')}`, `ErrorLog ${join(work, 'error.log')}`,
      'User www-data', 'Group www-data', 'TypesConfig /etc/mime.types',
      `DocumentRoot ${served}`,
      // The .htaccess the build wrote applies wherever the published folder is: here at the root or behind an Alias.
      ...(base === '/' ? [] : [`RedirectMatch 301 ^${base.replace(/\/$/, '')}$ ${base}`, `Alias ${base} ${dist}/`]),
      `<Directory ${dist}>`, '  AllowOverride All', '  Require all granted', '</Directory>',
      `<Directory ${docRoot}>`, '  Require all granted', '</Directory>', '',
    ].join('\n'),
  );
  const child = spawn(APACHE, ['-f', join(work, 'httpd.conf'), '-DFOREGROUND'], { stdio: 'pipe', env: { ...process.env, APACHE_RUN_DIR: work, APACHE_LOCK_DIR: work, APACHE_LOG_DIR: work } });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, child, () => output);
  return { origin, stop: () => child.kill('SIGTERM') };
}

/** The site path of a built file, as its address names it (index.html is its folder). */
const sitePathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
const normaliseType = (value: string | null) => value?.toLowerCase().replace(/\s+/g, '') ?? null;

/** Serves the same build with the planted fault: nginx as a second server, Apache with the .htaccess swapped (it is read at every request). */
type Plant = (dist: string, base: string, running: Running) => Promise<Running>;
const plantNginx: Plant = async (dist, base) => {
  const plantedWork = mkdtempSync(join(tmpdir(), 'cfs-planted-'));
  const planted = await startNginx(dist, base, plantedWork, nginxBeside);
  return { origin: planted.origin, stop: () => (planted.stop(), rmSync(plantedWork, { recursive: true, force: true })) };
};
const plantApache: Plant = async (dist, _base, running) => {
  const file = join(dist, '.htaccess');
  const shipped = readFileSync(file, 'utf8');
  writeFileSync(file, htaccessBeside(shipped));
  return { origin: running.origin, stop: () => writeFileSync(file, shipped) };
};

/** The editor, built into the site's published folder as the web team does (npm run build:admin), with the test's EDITOR_* variables. */
function buildEditor(outDir: string, contentDir: string) {
  const result = spawnSync(process.execPath, ['scripts/build-admin.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...EDITOR_ENV, OUT_DIR: outDir, CONTENT_DIR: contentDir }, timeout: 120_000 });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

describe.skipIf(!haveServers).each([
  ['nginx', startNginx, plantNginx],
  ['Apache', startApache, plantApache],
] as const)('%s with the shipped configuration', (_name, start, plant) => {
  describe.each(['/', '/performance/'])('the site built for base path %s', (base) => {
    let build: BuildResult;
    let server: Running;
    let work: string;
    const url = (sitePath: string) => `${server.origin}${base.replace(/\/$/, '')}${sitePath}`;

    beforeAll(async () => {
      const content = copyOfContent();
      // An announced release, so .ics files are built and served too.
      copyFileSync(join(ROOT, 'test/fixtures/releases/releases.csv'), join(content, 'releases.csv'));
      build = buildSite({ contentDir: relative(ROOT, content), env: { BASE_PATH: base, ...EDITOR_ENV } });
      expect(build.status, build.output).toBe(0);
      buildEditor(build.outDir, content);
      openUp(build.outDir);
      work = mkdtempSync(join(tmpdir(), 'cfs-server-'));
      server = await start(build.outDir, base, work);
    }, 300_000);

    afterAll(() => {
      server?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('serves every built file with the headers and media type the description gives', async () => {
      const files = filesUnder(build.outDir, /\.(html|css|js|svg|json|csv|ics|xml|txt)$/).filter((file) => !file.startsWith('.') && file !== '404.html');
      expect(files.some((file) => file.endsWith('.ics'))).toBe(true);
      const wrong: string[] = [];
      for (const file of files) {
        const sitePath = sitePathOf(file);
        const response = await fetch(url(sitePath), { redirect: 'manual' });
        if (response.status !== 200) wrong.push(`${sitePath}: status ${response.status}`);
        for (const [name, value] of Object.entries(expectedHeaders(sitePath, base, BACKEND))) {
          const got = response.headers.get(name);
          const same = name === 'Content-Type' ? normaliseType(got) === normaliseType(value) : got === value;
          if (!same) wrong.push(`${sitePath}: ${name} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
        }
        // Only /data/ is open to other sites, and only bundled files are cached for a year.
        if (!sitePath.startsWith('/data/') && response.headers.get('access-control-allow-origin')) wrong.push(`${sitePath}: CORS outside /data/`);
        if (!sitePath.startsWith('/_astro/') && response.headers.get('cache-control')?.includes('immutable')) wrong.push(`${sitePath}: immutable outside /_astro/`);
        await response.arrayBuffer();
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it('gives /admin/ exactly one policy, the editor’s, which its page’s meta tag carries too, and the public pages theirs', async () => {
      expect(ADMIN_HEADERS['Content-Security-Policy']).toContain("connect-src 'self' blob: data: https://git.council.example;");
      expect(ADMIN_HEADERS['Content-Security-Policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
      const problems: string[] = [];
      for (const path of ['/admin/', '/admin/index.html', '/admin/editor.js', '/admin/locales/en-GB.json']) {
        const response = await rawGet(url(path));
        if (response.status !== 200) problems.push(`${path}: status ${response.status}`);
        problems.push(...securityProblems(path, response, ADMIN_HEADERS));
        const robots = response.headers.filter(([name]) => name === 'x-robots-tag').map(([, value]) => value);
        if (JSON.stringify(robots) !== JSON.stringify(['noindex, nofollow'])) problems.push(`${path}: X-Robots-Tag ${JSON.stringify(robots)}`);
      }
      // The page's own meta tag, written by npm run build:admin from the same variables, is the header's policy less what only a header can say.
      const page = await rawGet(url('/admin/'));
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(page.body)?.[1];
      expect(meta).toBe(adminCsp(BACKEND));
      expect(ADMIN_HEADERS['Content-Security-Policy']).toBe(`${meta}; frame-ancestors 'none'`);
      for (const path of ['/', '/2024-25/q1/', '/data/']) {
        const response = await rawGet(url(path));
        if (response.status !== 200) problems.push(`${path}: status ${response.status}`);
        problems.push(...securityProblems(path, response, SECURITY_HEADERS));
      }
      expect(problems).toEqual([]);
    });

    it('would catch the editor’s policy sent beside the public one (the check can fail)', async () => {
      const planted = await plant(build.outDir, base, server);
      try {
        const response = await rawGet(`${planted.origin}${base.replace(/\/$/, '')}/admin/`);
        expect(response.status).toBe(200);
        const policies = response.headers.filter(([name]) => name === 'content-security-policy').map(([, value]) => value);
        expect(policies.sort()).toEqual([ADMIN_HEADERS['Content-Security-Policy'], SECURITY_HEADERS['Content-Security-Policy']].sort());
        expect(securityProblems('/admin/', response, ADMIN_HEADERS)).toHaveLength(1);
      } finally {
        planted.stop();
      }
      // The shipped configuration again (Apache reads the restored .htaccess at the next request).
      expect(securityProblems('/admin/', await rawGet(url('/admin/')), ADMIN_HEADERS)).toEqual([]);
    });

    it('gives the CSVs their metadata’s address, which is served', async () => {
      const csv = await fetch(url('/data/all-observations.csv'));
      const link = csv.headers.get('link')!;
      const target = /^<([^>]+)>; rel="describedby"/.exec(link)![1]!;
      expect(target).toBe(`${base.replace(/\/$/, '')}/data/csv-metadata.json`);
      const metadata = await fetch(`${server.origin}${target}`);
      expect(metadata.status).toBe(200);
      expect(normaliseType(metadata.headers.get('content-type'))).toBe('application/csvm+json;charset=utf-8');
      JSON.parse(await metadata.text());
    });

    it('answers a missing page with the site’s 404 page, status 404, with the security headers', async () => {
      const response = await fetch(url('/no-such-page/'), { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(normaliseType(response.headers.get('content-type'))).toBe('text/html;charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const body = await response.text();
      expect(body).toContain('<meta name="robots" content="noindex"');
      expect(body).toMatch(/<h1[^>]*>[^<]*not found/i);
    });

    it('leads a folder address without its slash, and the bare sub-path, to the page', async () => {
      const folder = await fetch(url('/indicators'), { redirect: 'manual' });
      expect(folder.status).toBe(301);
      expect(new URL(folder.headers.get('location')!, server.origin).pathname).toBe(`${base.replace(/\/$/, '')}/indicators/`);
      if (base !== '/') {
        const bare = await fetch(`${server.origin}${base.replace(/\/$/, '')}`, { redirect: 'manual' });
        expect(bare.status).toBe(301);
        expect(new URL(bare.headers.get('location')!, server.origin).pathname).toBe(base);
        // Nothing of the site is served outside its sub-path.
        expect((await fetch(`${server.origin}/data/all-observations.csv`)).status).toBe(404);
      }
    });
  });
});
