/**
 * Each host's configuration, generated from the one description in
 * headers.ts, for the base path the site is built for. The build writes the
 * files a host reads from the published folder (_headers, _redirects,
 * .htaccess, staticwebapp.config.json, .nojekyll); `npm run hosting -- nginx`
 * prints the nginx server block, which lives in the server's own configuration.
 * docs/HOSTING.md says which to use on which host.
 */
import { MEDIA_TYPES, NOT_FOUND_PAGE, PATH_CSP, SECURITY_HEADERS, headerRules } from './headers.ts';

const withBase = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;
const headerLines = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);

/**
 * Netlify and Cloudflare Pages `_headers`: a path pattern (one `*` splat) then
 * indented `Name: value` lines. Every matching rule applies; Cloudflare joins
 * two values of one header with a comma, so no header is set twice for a path.
 */
export function netlifyHeaders(base: string): string {
  const blocks: string[][] = [
    ['# Generated from src/hosting/headers.ts for base path ' + base + ' (docs/HOSTING.md). Do not edit: rebuild.'],
    [withBase(base, '/*'), ...headerLines(SECURITY_HEADERS)],
  ];
  for (const [folder, csp] of Object.entries(PATH_CSP)) {
    // "! Name" first removes the site-wide value (Cloudflare Pages), so the folder's own policy is the only one.
    blocks.push([withBase(base, `${folder}*`), '  ! Content-Security-Policy', `  Content-Security-Policy: ${csp}`]);
  }
  for (const rule of headerRules(base)) {
    blocks.push([`# ${rule.why}`, withBase(base, `${rule.folder}*${rule.ending ?? ''}`), ...headerLines(rule.headers)]);
  }
  for (const { ending, type } of MEDIA_TYPES) {
    // Every host gets HTML, CSS, JavaScript, SVG, JSON and XML right. Both hosts join the values of a header two
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
 * the build wrote (dist/). Headers are set once at server level with `always`,
 * so the 404 page carries them too; a location with its own add_header would
 * drop the server's, so none has one.
 */
export function nginxConfig(options: { base: string; root: string; listen?: string; serverName?: string }): string {
  const { base } = options;
  const root = options.root.replace(/\/$/, '');
  const prefix = base.replace(/\/$/, '');
  const variables: string[] = [];
  const maps: string[] = [];
  const add = (name: string, rules: [RegExp | string, string][]) => {
    const variable = `$cfs_${name.toLowerCase().replace(/[^a-z]/g, '_')}`;
    maps.push(`map $uri ${variable} {\n  default '';\n${rules.map(([pattern, value]) => `  ${typeof pattern === 'string' ? pattern : `~${pattern.source}`} ${nginxQuote(value)};`).join('\n')}\n}`);
    variables.push(`  add_header ${name} ${variable} always;`);
  };
  const csp: [RegExp | string, string][] = Object.entries(PATH_CSP).map(([folder, policy]) => [new RegExp(`^${escapeRegex(withBase(base, folder))}`), policy]);
  add('Content-Security-Policy', [...csp, ['~.', SECURITY_HEADERS['Content-Security-Policy']!]]);
  const byName = new Map<string, [RegExp, string][]>();
  for (const rule of headerRules(base)) {
    const pattern = new RegExp(`^${escapeRegex(withBase(base, rule.folder))}${rule.ending ? `.*${escapeRegex(rule.ending)}$` : ''}`);
    for (const [name, value] of Object.entries(rule.headers)) byName.set(name, [...(byName.get(name) ?? []), [pattern, value]]);
  }
  for (const [name, rules] of byName) add(name, rules);
  const fixed = Object.entries(SECURITY_HEADERS)
    .filter(([name]) => name !== 'Content-Security-Policy')
    .map(([name, value]) => `  add_header ${name} ${nginxQuote(value)} always;`);
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
    ...fixed,
    ...variables,
    ...specialLocations,
    location,
    '}',
    '',
  ].join('\n');
}

/**
 * Apache `.htaccess` for the published folder (needs AllowOverride FileInfo
 * Indexes Options and mod_headers; mod_mime is on by default). Paths are
 * matched on the request's path, so the same rules work at a root or under
 * a sub-path (an Alias, or a folder of the document root).
 */
export function apacheHtaccess(base: string): string {
  const prefix = base.replace(/\/$/, '');
  const lines = [
    `# Apache configuration for the site built for base path ${base}.`,
    '# Generated from src/hosting/headers.ts (docs/HOSTING.md). Do not edit: rebuild.',
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
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`Header always set ${name} "${value.replace(/"/g, '\\"')}"`);
  for (const [folder, csp] of Object.entries(PATH_CSP)) {
    lines.push(`<If "%{REQUEST_URI} =~ m#^${escapeRegex(withBase(base, folder))}#">`, `  Header always set Content-Security-Policy "${csp.replace(/"/g, '\\"')}"`, '</If>');
  }
  for (const rule of headerRules(base)) {
    const pattern = `^${escapeRegex(`${prefix}${rule.folder}`)}${rule.ending ? `.*${escapeRegex(rule.ending)}$` : ''}`;
    lines.push(`# ${rule.why}`, `<If "%{REQUEST_URI} =~ m#${pattern}#">`);
    for (const [name, value] of Object.entries(rule.headers)) lines.push(`  Header always set ${name} "${value.replace(/"/g, '\\"')}"`);
    lines.push('</If>');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Azure Static Web Apps `staticwebapp.config.json`: global headers, routes, media types and the 404 page.
 * Azure applies only the first route that matches a request, so the most specific routes come first and
 * each carries every folder rule that also covers it.
 */
export function azureStaticWebAppConfig(base: string): string {
  const rules = headerRules(base);
  const covering = (folder: string, ending: string | undefined) =>
    Object.assign(
      {},
      ...Object.entries(PATH_CSP).filter(([cspFolder]) => folder.startsWith(cspFolder)).map(([, csp]) => ({ 'Content-Security-Policy': csp })),
      ...rules.filter((rule) => folder.startsWith(rule.folder) && (!rule.ending || rule.ending === ending)).map((rule) => rule.headers),
    ) as Record<string, string>;
  const places = [
    ...new Map(
      [...rules.map((rule) => [rule.folder, rule.ending] as const), ...Object.keys(PATH_CSP).map((folder) => [folder, undefined] as const)].map((place) => [`${place[0]}|${place[1] ?? ''}`, place]),
    ).values(),
  ].sort((a, b) => b[0].length - a[0].length || Number(Boolean(b[1])) - Number(Boolean(a[1])));
  // Azure's route wildcard takes the file ending as a filter: /data/*.{csv}.
  const routes = places.map(([folder, ending]) => ({ route: withBase(base, `${folder}*${ending ? `.{${ending.slice(1)}}` : ''}`), headers: covering(folder, ending) }));
  const mimeTypes = Object.fromEntries(MEDIA_TYPES.filter((entry) => /^\.[a-z]+$/.test(entry.ending)).map(({ ending, type }) => [ending, type]));
  return `${JSON.stringify({ globalHeaders: { ...SECURITY_HEADERS }, routes, mimeTypes, responseOverrides: { '404': { rewrite: withBase(base, NOT_FOUND_PAGE) } } }, null, 2)}\n`;
}

/** The files a host reads from the published folder, by name. */
export function publishedHostFiles(base: string): Record<string, string> {
  return {
    _headers: netlifyHeaders(base),
    _redirects: netlifyRedirects(base),
    '.htaccess': apacheHtaccess(base),
    'staticwebapp.config.json': azureStaticWebAppConfig(base),
    // GitHub Pages runs Jekyll on a branch deploy unless told not to, and Jekyll drops folders starting with _ (_astro/).
    '.nojekyll': '',
  };
}
