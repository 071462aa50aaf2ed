#!/usr/bin/env node
/**
 * A small static server for the built site (dist/), used by the browser tests
 * and handy for looking at a build by hand.
 *
 *   node scripts/serve-dist.mjs [--port 4321] [--root dist]
 *
 * - Serves files under BASE_PATH (env, default "/"), as the site is published:
 *   with BASE_PATH=/performance/ the home page is /performance/ and anything
 *   outside that prefix is a 404.
 * - A directory path serves its index.html; a directory path without its
 *   trailing slash is redirected (301) to the slash form, as static hosts do.
 * - Missing files are 404 (dist/404.html as the body when there is one).
 * - Loopback only (127.0.0.1).
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** "/", "performance", "/performance" → "/", "/performance/", "/performance/". */
export function normaliseBase(base) {
  if (!base || base === '/') return '/';
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

async function statOrNull(p) {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

/**
 * Starts the server. Resolves to { server, port, origin, base, url, close() };
 * `url` is origin + base, the site's home page.
 */
/**
 * Options: `strictFolders` answers a folder address without its trailing slash
 * with 404 instead of a redirect (the sub-path crawl uses it to catch such
 * links); hashed assets under /_astro/ are served with the long immutable cache
 * public/_headers gives them, pages with no-cache (as Lighthouse should see);
 * `compress` gzips text when the browser accepts it, as a real host does.
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', basePath = process.env.BASE_PATH, log = false, strictFolders = false, compress = false } = {}) {
  const rootDir = path.resolve(root);
  const base = normaliseBase(basePath);
  const rootStat = await statOrNull(rootDir);
  if (!rootStat?.isDirectory()) throw new Error(`serve-dist: ${rootDir} is not a directory (run \`npm run build\` first)`);

  const notFound = async (res, method) => {
    const page = path.join(rootDir, '404.html');
    const s = await statOrNull(page);
    res.statusCode = 404;
    res.setHeader('Cache-Control', 'no-store');
    if (s?.isFile()) {
      res.setHeader('Content-Type', CONTENT_TYPES['.html']);
      res.setHeader('Content-Length', s.size);
      if (method === 'HEAD') return res.end();
      return createReadStream(page).pipe(res);
    }
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(method === 'HEAD' ? undefined : 'Not found\n');
  };

  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const done = () => log && console.log(`${res.statusCode} ${method} ${req.url}`);
    res.on('finish', done);
    try {
      if (method !== 'GET' && method !== 'HEAD') {
        res.statusCode = 405;
        res.setHeader('Allow', 'GET, HEAD');
        return res.end();
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.statusCode = 400;
        return res.end('Bad request\n');
      }
      if (pathname.includes('\0')) return notFound(res, method);
      // "/performance" (no slash) is the base itself: send it to "/performance/".
      if (base !== '/' && pathname === base.slice(0, -1)) {
        res.statusCode = 301;
        res.setHeader('Location', base + url.search);
        return res.end();
      }
      if (!pathname.startsWith(base)) return notFound(res, method);
      const rel = pathname.slice(base.length);
      const filePath = path.resolve(rootDir, `.${path.posix.sep}${rel}`);
      if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) return notFound(res, method);

      let target = filePath;
      let s = await statOrNull(target);
      if (s?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          if (strictFolders) return notFound(res, method);
          res.statusCode = 301;
          res.setHeader('Location', `${url.pathname}/${url.search}`);
          return res.end();
        }
        target = path.join(target, 'index.html');
        s = await statOrNull(target);
      }
      if (!s?.isFile()) return notFound(res, method);

      const type = CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
      const gzip = compress && /^(text\/|application\/(json|xml|javascript|manifest))|image\/svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.statusCode = 200;
      res.setHeader('Content-Type', type);
      res.setHeader('Vary', 'Accept-Encoding');
      if (gzip) res.setHeader('Content-Encoding', 'gzip');
      else res.setHeader('Content-Length', s.size);
      res.setHeader('Cache-Control', rel.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (method === 'HEAD') return res.end();
      const stream = createReadStream(target).on('error', () => res.destroy());
      (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const origin = `http://${host}:${actualPort}`;
  return {
    server,
    port: actualPort,
    origin,
    base,
    url: origin + base,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// CLI: node scripts/serve-dist.mjs [--port N] [--root DIR] [--quiet]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { url, close } = await startServer({
    root: opt('--root', path.join(here, '..', 'dist')),
    port: Number(opt('--port', process.env.PORT ?? 4321)),
    log: !args.includes('--quiet'),
  });
  console.log(`Serving dist/ at ${url} (Ctrl+C to stop)`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
