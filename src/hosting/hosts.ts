/**
 * Each host's configuration, generated from the one description in
 * headers.ts, for the base path the site is built for and the git host the
 * editor at /admin/ saves to (editorBackendFromEnv, the same reading
 * scripts/build-admin.ts makes). The build writes the files a host reads from
 * the published folder (_headers, _redirects, .htaccess,
 * staticwebapp.config.json, .nojekyll); `npm run hosting -- nginx` prints the
 * nginx server block, which lives in the server's own configuration.
 * docs/HOSTING.md says which to use on which host.
 */
import type { AdminBackend } from './admin-csp.ts';
import { MEDIA_TYPES, NOT_FOUND_PAGE, SECURITY_HEADERS, headerRules, pathSecurityHeaders } from './headers.ts';

const withBase = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;
const headerLines = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);

/** One line naming the git host /admin/'s policy was generated for, so a configuration built with other EDITOR_* variables than the editor shows it. */
function editorNote(backend: AdminBackend): string {
  const extra = [backend.api_root, backend.base_url].filter(Boolean).join(', ');
  return `/admin/ headers generated for the editor's git host: ${backend.name}${extra ? ` (${extra})` : ''}; build the site and the editor with the same EDITOR_* variables.`;
}

/**
 * Netlify and Cloudflare Pages `_headers`: a path pattern (one `*` splat) then
 * indented `Name: value` lines. Every matching rule applies; Cloudflare joins
 * two values of one header with a comma, so no header is set twice for a path.
 * A folder with security headers of its own (/admin/) first detaches each
 * site-wide one with Cloudflare's `! Name` line, then sets its own: Cloudflare
 * then sends only the folder's. Netlify's rules reader skips a line without a
 * colon, and lets a later matching rule's value of a header replace an
 * earlier one, so the folder's rule, written after the site-wide one and
 * setting every header that one sets, gives the same result there.
 */
export function netlifyHeaders(base: string, backend: AdminBackend): string {
  const blocks: string[][] = [
    ['# Generated from src/hosting/headers.ts for base path ' + base + ' (docs/HOSTING.md). Do not edit: rebuild.', `# ${editorNote(backend)}`],
    [withBase(base, '/*'), ...headerLines(SECURITY_HEADERS)],
  ];
  for (const [folder, headers] of Object.entries(pathSecurityHeaders(backend))) {
    blocks.push([
      `# ${folder}: its own security headers instead of the site's ("! Name" detaches the site-wide value on Cloudflare Pages; Netlify skips the line).`,
      withBase(base, `${folder}*`),
      ...Object.keys(SECURITY_HEADERS).map((name) => `  ! ${name}`),
      ...headerLines(headers),
    ]);
  }
  for (const rule of headerRules(base)) {
    blocks.push([`# ${rule.why}`, withBase(base, `${rule.folder}*${rule.ending ?? ''}`), ...headerLines(rule.headers)]);
  }
  for (const { ending, type } of MEDIA_TYPES) {
    // Every host gets HTML, CSS, JavaScript, SVG, JSON and XML right. Cloudflare joins the values of a header two
    // matching rules set, so an ending that a more specific one ends with (.json, -metadata.json) gets no rule of its own.
    if (['.html', '.css', '.js', '.svg'].includes(ending) || MEDIA_TYPES.some((other) => other.ending !== ending && other.ending.endsWith(ending))) continue;
    blocks.push([withBase(base, `/*${ending}`), `  Content-Type: ${type}`]);
  }
  return `${blocks.map((block) => block.join('\n')).join('\n\n')}\n`;
}

/** Netlify and Cloudflare Pages `_redirects`: under a sub-path, the domain root leads to the site. The 404 page is found by both hosts' own rule (a 404.html in the published folder). */
export function netlifyRedirects(base: string): string {
  const lines = ['# Generated from src/hosting/headers.ts (docs/HOSTING.md). Do not edit: rebuild.'];
  if (base !== '/') lines.push(`${base.replace(/\/$/, '')} ${base} 301`);
  return `${lines.join('\n')}\n`;
}

/** A value quoted for nginx: in the quote it does not contain (the CSP has single quotes, the Link double ones). */
const nginxQuote = (value: string) => (value.includes("'") ? `"${value.replace(/(["\\$])/g, '\\$1')}"` : `'${value}'`);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An nginx server block (with the `map`s it needs, which belong in the http
 * context: put the file in conf.d/ or sites-enabled/). `root` is the folder
 * the build wrote (dist/). Every header is set once, at server level, with
 * `always` (so the 404 page carries them too), from a `map` of the address:
 * a location with its own add_header would drop the server's, so none has
 * one. An empty value sends no header, which is how /admin/ gets its own
 * security headers instead of the site's, never beside them.
 */
export function nginxConfig(options: { base: string; root: string; backend: AdminBackend; listen?: string; serverName?: string }): string {
  const { base, backend } = options;
  const root = options.root.replace(/\/$/, '');
  const prefix = base.replace(/\/$/, '');
  const folderPattern = (folder: string, ending?: string) => new RegExp(`^${escapeRegex(withBase(base, folder))}${ending ? `.*${escapeRegex(ending)}$` : ''}`);
  // Each header's values by address, first match wins: folder rules, then folders' own security headers, then the site's.
  const byName = new Map<string, { rules: [RegExp, string][]; fallback: string }>();
  const entry = (name: string) => byName.get(name) ?? byName.set(name, { rules: [], fallback: SECURITY_HEADERS[name] ?? '' }).get(name)!;
  for (const rule of headerRules(base)) {
    for (const [name, value] of Object.entries(rule.headers)) entry(name).rules.push([folderPattern(rule.folder, rule.ending), value]);
  }
  const ownFolders = Object.entries(pathSecurityHeaders(backend));
  const securityNames = [...new Set([...Object.keys(SECURITY_HEADERS), ...ownFolders.flatMap(([, headers]) => Object.keys(headers))])];
  for (const name of securityNames) for (const [folder, headers] of ownFolders) entry(name).rules.push([folderPattern(folder), headers[name] ?? '']);
  const maps: string[] = [];
  const variables: string[] = [];
  for (const [name, { rules, fallback }] of [...byName].sort(([a], [b]) => Number(!securityNames.includes(a)) - Number(!securityNames.includes(b)))) {
    const variable = `$cfs_${name.toLowerCase().replace(/[^a-z]/g, '_')}`;
    maps.push(`map $uri ${variable} {\n  default ${fallback ? nginxQuote(fallback) : "''"};\n${rules.map(([pattern, value]) => `  ~${pattern.source} ${value ? nginxQuote(value) : "''"};`).join('\n')}\n}`);
    variables.push(`  add_header ${name} ${variable} always;`);
  }
  const byExtension = MEDIA_TYPES.filter((entry) => /^\.[a-z]+$/.test(entry.ending));
  const special = MEDIA_TYPES.filter((entry) => !/^\.[a-z]+$/.test(entry.ending));
  const typeOnly = (type: string) => type.split(';')[0]!.trim();
  const location = base === '/' ? `  root ${root};` : `  location = ${prefix} { return 301 ${base}; }\n  location ${base} {\n    alias ${root}/;\n  }`;
  const specialLocations = special.map(({ ending, type }) => {
    const pattern = `^${escapeRegex(prefix)}/(.*${escapeRegex(ending)})$`;
    return `  location ~ ${pattern} {\n    alias ${root}/$1;\n    types { }\n    default_type ${typeOnly(type)};\n  }`;
  });
  return [
    `# nginx configuration for the site built for base path ${base}.`,
    '# Generated from src/hosting/headers.ts (docs/HOSTING.md): regenerate with npm run hosting -- nginx, never edit by hand.',
    `# ${editorNote(backend)}`,
    '# The maps belong in the http context (conf.d/ or sites-enabled/ are included there).',
    ...maps,
    'server {',
    `  listen ${options.listen ?? '80'};`,
    `  server_name ${options.serverName ?? '_'};`,
    '  absolute_redirect off;',
    '  index index.html;',
    '  charset utf-8;',
    `  charset_types ${[...new Set(MEDIA_TYPES.map((entry) => typeOnly(entry.type)).filter((type) => type !== 'image/svg+xml' && type !== 'text/html'))].join(' ')};`,
    '  types {',
    ...byExtension.map(({ ending, type }) => `    ${typeOnly(type)} ${ending.slice(1)};`),
    '  }',
    `  error_page 404 ${withBase(base, NOT_FOUND_PAGE)};`,
    ...variables,
    ...specialLocations,
    location,
    '}',
    '',
  ].join('\n');
}

const apacheValue = (value: string) => `"${value.replace(/"/g, '\\"')}"`;

/**
 * Apache `.htaccess` for the published folder (needs AllowOverride FileInfo
 * Indexes Options and mod_headers; mod_mime is on by default). Paths are
 * matched on the request's path, so the same rules work at a root or under
 * a sub-path (an Alias, or a folder of the document root). A folder with
 * security headers of its own (/admin/) sets each of them in an <If>, which
 * Apache applies after the file's top-level lines: `set` replaces the site's
 * value, and a site header the folder has none of is unset.
 */
export function apacheHtaccess(base: string, backend: AdminBackend): string {
  const prefix = base.replace(/\/$/, '');
  const lines = [
    `# Apache configuration for the site built for base path ${base}.`,
    '# Generated from src/hosting/headers.ts (docs/HOSTING.md). Do not edit: rebuild.',
    `# ${editorNote(backend)}`,
    'Options -Indexes -MultiViews',
    'DirectoryIndex index.html',
    `ErrorDocument 404 ${withBase(base, NOT_FOUND_PAGE)}`,
    'AddDefaultCharset utf-8',
  ];
  for (const { ending, type } of MEDIA_TYPES) {
    if (/^\.[a-z]+$/.test(ending)) {
      lines.push(`AddType ${type.split(';')[0]} ${ending}`);
      if (type.includes('charset')) lines.push(`AddCharset utf-8 ${ending}`);
    } else {
      lines.push(`<FilesMatch "${escapeRegex(ending)}$">`, `  ForceType "${type}"`, '</FilesMatch>');
    }
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`Header always set ${name} ${apacheValue(value)}`);
  for (const [folder, headers] of Object.entries(pathSecurityHeaders(backend))) {
    lines.push(`# ${folder}: its own security headers instead of the site's.`, `<If "%{REQUEST_URI} =~ m#^${escapeRegex(withBase(base, folder))}#">`);
    for (const name of Object.keys(SECURITY_HEADERS)) if (!(name in headers)) lines.push(`  Header always unset ${name}`);
    for (const [name, value] of Object.entries(headers)) lines.push(`  Header always set ${name} ${apacheValue(value)}`);
    lines.push('</If>');
  }
  for (const rule of headerRules(base)) {
    const pattern = `^${escapeRegex(`${prefix}${rule.folder}`)}${rule.ending ? `.*${escapeRegex(rule.ending)}$` : ''}`;
    lines.push(`# ${rule.why}`, `<If "%{REQUEST_URI} =~ m#${pattern}#">`);
    for (const [name, value] of Object.entries(rule.headers)) lines.push(`  Header always set ${name} ${apacheValue(value)}`);
    lines.push('</If>');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Azure Static Web Apps `staticwebapp.config.json`: global headers, routes, media types and the 404 page.
 * Azure applies only the first route that matches a request, so the most specific routes come first and
 * each carries every folder rule that also covers it. A route's header replaces the global one of the same
 * name, and an empty value removes it (learn.microsoft.com/azure/static-web-apps/configuration): a folder with
 * security headers of its own (/admin/) sets each of them and empties any site header it has none of. Its
 * `index.html` gets a route of its own, the one that also matches the folder's address (`/admin/*` does not).
 */
export function azureStaticWebAppConfig(base: string, backend: AdminBackend): string {
  const rules = headerRules(base);
  const own = Object.entries(pathSecurityHeaders(backend));
  const covering = (folder: string, ending: string | undefined) => {
    const security = own.find(([ownFolder]) => folder.startsWith(ownFolder))?.[1];
    return Object.assign(
      {},
      ...(security ? [Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, ''])), security] : []),
      ...rules.filter((rule) => folder.startsWith(rule.folder) && (!rule.ending || rule.ending === ending)).map((rule) => rule.headers),
    ) as Record<string, string>;
  };
  const places = [
    ...new Map(
      [...rules.map((rule) => [rule.folder, rule.ending] as const), ...own.map(([folder]) => [folder, undefined] as const)].map((place) => [`${place[0]}|${place[1] ?? ''}`, place]),
    ).values(),
  ].sort((a, b) => b[0].length - a[0].length || Number(Boolean(b[1])) - Number(Boolean(a[1])));
  // Azure's route wildcard takes the file ending as a filter: /data/*.{csv}.
  const routes = places.flatMap(([folder, ending]) => [
    ...(own.some(([ownFolder]) => ownFolder === folder) && !ending ? [{ route: withBase(base, `${folder}index.html`), headers: covering(folder, '.html') }] : []),
    { route: withBase(base, `${folder}*${ending ? `.{${ending.slice(1)}}` : ''}`), headers: covering(folder, ending) },
  ]);
  const mimeTypes = Object.fromEntries(MEDIA_TYPES.filter((entry) => /^\.[a-z]+$/.test(entry.ending)).map(({ ending, type }) => [ending, type]));
  return `${JSON.stringify({ globalHeaders: { ...SECURITY_HEADERS }, routes, mimeTypes, responseOverrides: { '404': { rewrite: withBase(base, NOT_FOUND_PAGE) } } }, null, 2)}\n`;
}

/** The files a host reads from the published folder, by name. */
export function publishedHostFiles(base: string, backend: AdminBackend): Record<string, string> {
  return {
    _headers: netlifyHeaders(base, backend),
    _redirects: netlifyRedirects(base),
    '.htaccess': apacheHtaccess(base, backend),
    'staticwebapp.config.json': azureStaticWebAppConfig(base, backend),
    // GitHub Pages runs Jekyll on a branch deploy unless told not to, and Jekyll drops folders starting with _ (_astro/).
    '.nojekyll': '',
  };
}
