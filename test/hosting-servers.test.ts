/**
 * The shipped hosting configuration on real servers (#21): Debian's nginx
 * (the generated server block) and Apache (the generated .htaccess) serve a
 * built dist/ on loopback, at the domain root and under a sub-path, and every
 * file's response carries the headers and media type the one description
 * (src/hosting/headers.ts) asks for; a missing page gets the site's 404 page
 * with status 404. Skipped, saying so, where the servers are not installed
 * (.ci/run installs them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedHeaders } from '../src/hosting/headers';
import { nginxConfig } from '../src/hosting/hosts';
import { buildSite, copyOfContent, removeScratch, ROOT, type BuildResult } from './helpers/build';
import { filesUnder } from './helpers/html';

const NGINX = '/usr/sbin/nginx';
const APACHE = '/usr/sbin/apache2';
const haveServers = existsSync(NGINX) && existsSync(APACHE);
if (!haveServers) console.warn('hosting-servers.test.ts: nginx or apache2 not installed (apt-get install nginx apache2): skipped');

afterAll(removeScratch);

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

async function startNginx(dist: string, base: string, work: string): Promise<Running> {
  const port = await freePort();
  const site = join(work, 'site.conf');
  writeFileSync(site, nginxConfig({ base, root: dist, listen: `127.0.0.1:${port}`, serverName: 'localhost' }));
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

describe.skipIf(!haveServers).each([
  ['nginx', startNginx],
  ['Apache', startApache],
] as const)('%s with the shipped configuration', (_name, start) => {
  describe.each(['/', '/performance/'])('the site built for base path %s', (base) => {
    let build: BuildResult;
    let server: Running;
    let work: string;
    const url = (sitePath: string) => `${server.origin}${base.replace(/\/$/, '')}${sitePath}`;

    beforeAll(async () => {
      const content = copyOfContent();
      // An announced release, so .ics files are built and served too.
      copyFileSync(join(ROOT, 'test/fixtures/releases/releases.csv'), join(content, 'releases.csv'));
      build = buildSite({ contentDir: relative(ROOT, content), env: { BASE_PATH: base } });
      expect(build.status, build.output).toBe(0);
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
        for (const [name, value] of Object.entries(expectedHeaders(sitePath, base))) {
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
