/**
 * One description of what the web server must add to the built files, from
 * which every host's configuration is generated (src/hosting/hosts.ts): media
 * types, CORS and the CSVW Link for /data/, long-lived caching for /_astro/,
 * security headers, the 404 page, and serving under a sub-path. Paths here are
 * site paths ("/data/"); the generators put the base path before them.
 */
import { adminPathHeaders, type AdminBackend } from './admin-csp.ts';

/** A Content-Security-Policy as a header (complementing the meta tag on every page; see docs/SECURITY.md). */
const SITE_CSP = [
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

/** Headers every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': SITE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** The folder of the browser editor (npm run build:admin writes it into dist/admin/). */
export const ADMIN_FOLDER = '/admin/';

/**
 * Folders whose responses carry security headers of their own *instead of*
 * SECURITY_HEADERS, on every host: the editor at /admin/, whose policy opens
 * the git host the editor saves to (admin-csp.ts). Instead, not as well: a
 * browser enforces every Content-Security-Policy it is sent, so the public
 * one beside it would still block the editor. (This replaced PATH_CSP, which
 * swapped the policy alone.)
 */
export function pathSecurityHeaders(backend: AdminBackend): Readonly<Record<string, Readonly<Record<string, string>>>> {
  return { [ADMIN_FOLDER]: adminPathHeaders(backend) };
}

/** The security headers of a site path: its folder's own set, or the site's. */
export function securityHeadersOf(sitePath: string, backend: AdminBackend): Readonly<Record<string, string>> {
  return Object.entries(pathSecurityHeaders(backend)).find(([folder]) => sitePath.startsWith(folder))?.[1] ?? SECURITY_HEADERS;
}

/** Media types by file ending (longest match wins: csv-metadata.json before .json). */
export const MEDIA_TYPES: readonly { ending: string; type: string }[] = [
  { ending: '-metadata.json', type: 'application/csvm+json; charset=utf-8' },
  { ending: 'feed.xml', type: 'application/atom+xml; charset=utf-8' },
  { ending: '.csv', type: 'text/csv; charset=utf-8' },
  { ending: '.json', type: 'application/json; charset=utf-8' },
  { ending: '.ics', type: 'text/calendar; charset=utf-8' },
  { ending: '.xml', type: 'application/xml; charset=utf-8' },
  { ending: '.txt', type: 'text/plain; charset=utf-8' },
  { ending: '.html', type: 'text/html; charset=utf-8' },
  { ending: '.css', type: 'text/css; charset=utf-8' },
  { ending: '.js', type: 'text/javascript; charset=utf-8' },
  { ending: '.svg', type: 'image/svg+xml' },
  // The editor's preview parser (/admin/chunks/): browsers compile WebAssembly as it streams in only with this type.
  { ending: '.wasm', type: 'application/wasm' },
];

/** The media type a file is served with, from its name. */
export function mediaTypeOf(path: string): string | undefined {
  return MEDIA_TYPES.find((entry) => path.endsWith(entry.ending))?.type;
}

/** A set of headers for the files under a folder, optionally only those with a given ending. */
export interface HeaderRule {
  /** Site folder, starting and ending with "/": "/data/". */
  folder: string;
  /** Only files whose name ends so (".csv"); every file under the folder when absent. */
  ending?: string;
  headers: Readonly<Record<string, string>>;
  /** Why, for the generated files' comments. */
  why: string;
}

/** The CSVW metadata every CSV under /data/ points to (also found by CSVW's default location, csv-metadata.json beside it). */
export const CSVW_METADATA = '/data/csv-metadata.json';

/** What each part of the site needs beyond the security headers, in one place. */
export function headerRules(base: string): HeaderRule[] {
  const metadata = `${base.replace(/\/$/, '')}${CSVW_METADATA}`;
  return [
    { folder: '/data/', headers: { 'Access-Control-Allow-Origin': '*' }, why: 'Open data any site may fetch (public, and no cookie is ever sent).' },
    {
      folder: '/data/',
      ending: '.csv',
      headers: { Link: `<${metadata}>; rel="describedby"; type="application/csvm+json"`, 'Content-Disposition': 'attachment' },
      why: 'Each CSV points to its CSV on the Web metadata (columns, datatypes, licence), and downloads rather than opens in the tab.',
    },
    { folder: '/data/', ending: '.json', headers: { 'Content-Disposition': 'attachment' }, why: 'The open-data JSON downloads rather than opens in the tab.' },
    { folder: '/_astro/', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' }, why: 'Bundled files are named by a hash of their content: a changed file gets a new name.' },
  ];
}

/** The page served, with status 404, for any address that does not exist. */
export const NOT_FOUND_PAGE = '/404.html';

/** The headers a response for a site path should carry: what every host's configuration must produce (the tests' oracle). */
export function expectedHeaders(sitePath: string, base: string, backend: AdminBackend): Record<string, string> {
  const headers: Record<string, string> = { ...securityHeadersOf(sitePath, backend) };
  for (const rule of headerRules(base)) {
    if (sitePath.startsWith(rule.folder) && (!rule.ending || sitePath.endsWith(rule.ending))) Object.assign(headers, rule.headers);
  }
  const type = mediaTypeOf(sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
  if (type) headers['Content-Type'] = type;
  return headers;
}
