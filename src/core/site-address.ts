/**
 * Where the site is published, and the names that must not change when it moves.
 *
 * The address is content: `siteUrl` and `basePath` in content/site.yaml, which
 * SITE_URL and BASE_PATH override for one build (tests, previews). Without an
 * address the site still builds: what needs an absolute address (sitemap,
 * canonical links, robots' Sitemap line, printed link addresses) is left out,
 * never filled in with a made-up domain.
 *
 * Feed entry ids and calendar UIDs are tag URIs (RFC 4151) named from content,
 * not from the address, so moving the site never duplicates a feed entry.
 */

/** Why a site address is refused, or null when it is a usable one. */
export function siteUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'a full web address starting https://, such as https://www.example.gov.uk';
  }
  if (url.protocol !== 'https:') return 'an address starting https:// (the site is served over HTTPS)';
  if (url.username || url.password) return 'an address without a user name or password';
  if (url.search || url.hash) return 'an address without ? or # parts';
  if (url.pathname !== '/') return 'the address of the host alone, such as https://www.example.gov.uk; put a sub-path such as /performance/ under basePath';
  if (!url.hostname.includes('.') ) return 'an address with a full domain name, such as https://www.example.gov.uk';
  return null;
}

/** Why a base path is refused, or null: it starts and ends with "/" and holds plain path segments. */
export function basePathProblem(text: string): string | null {
  if (!text.startsWith('/') || !text.endsWith('/')) return 'a path starting and ending with /, such as /performance/ (or / for the domain root)';
  const segments = text.split('/').slice(1, -1);
  if (segments.some((segment) => !/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..')) {
    return 'a path of plain words separated by /, such as /performance/ (letters, digits, dot, hyphen, underscore)';
  }
  return null;
}

export interface SiteAddress {
  /** The origin, "https://www.example.gov.uk", or undefined when no address is set. */
  site: string | undefined;
  /** The sub-path, "/" at the domain root. */
  base: string;
  /** Where each came from, for the build's one line. */
  from: { site: 'SITE_URL' | 'site.yaml' | 'none'; base: 'BASE_PATH' | 'site.yaml' | 'default' };
}

/**
 * The address a build uses: SITE_URL / BASE_PATH when set, else site.yaml's.
 * A malformed variable stops the build in plain words (a content problem in
 * site.yaml is the validation stage's to report).
 */
export function resolveSiteAddress(settings: { siteUrl?: string | undefined; basePath?: string | undefined } | null, env: Record<string, string | undefined>): SiteAddress {
  const fromEnvSite = env.SITE_URL?.trim() || undefined;
  const fromEnvBase = env.BASE_PATH?.trim() || undefined;
  if (fromEnvSite) {
    const problem = siteUrlProblem(fromEnvSite.replace(/\/+$/, '/'));
    if (problem) throw settingProblem('SITE_URL', fromEnvSite, problem);
  }
  const base = fromEnvBase ? normaliseBase(fromEnvBase) : settings?.basePath ?? '/';
  if (fromEnvBase) {
    const problem = basePathProblem(base);
    if (problem) throw settingProblem('BASE_PATH', fromEnvBase, problem);
  }
  const site = fromEnvSite ? new URL(fromEnvSite).origin : settings?.siteUrl ? new URL(settings.siteUrl).origin : undefined;
  return {
    site,
    base,
    from: { site: fromEnvSite ? 'SITE_URL' : settings?.siteUrl ? 'site.yaml' : 'none', base: fromEnvBase ? 'BASE_PATH' : settings?.basePath ? 'site.yaml' : 'default' },
  };
}

/** "performance" → "/performance/": a variable may be written without its slashes. */
function normaliseBase(text: string): string {
  const inner = text.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

function settingProblem(name: string, found: string, expected: string): Error {
  const error = new Error(`${name} is "${found}": expected ${expected}.`);
  error.name = 'Setting problem';
  error.stack = '';
  return error;
}

/** The one line a build without an address prints. */
export const NO_ADDRESS_NOTE =
  'No site address (siteUrl in content/site.yaml, or SITE_URL): built without the sitemap, canonical and og:url links, robots.txt\'s Sitemap line and printed link addresses. See docs/HOSTING.md.';

/**
 * The tag URI authority and date for this site's ids: the domain of the
 * council's contact address and the year of its first report, both content
 * ("tag:leics.gov.uk,2023:"). The slug names the department, so two sites of
 * one council never share an id.
 */
export function tagPrefix(contactEmail: string, firstYear: string, department: string): string {
  const domain = contactEmail.split('@').at(-1)!.toLowerCase();
  const slug = department
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `tag:${domain},${firstYear}:${slug}`;
}

/** The year of the site's first report: the calendar year the earliest quarter ends in. */
export function firstReportYear(quarterEnds: readonly string[]): string | null {
  return [...quarterEnds].sort()[0]?.slice(0, 4) ?? null;
}
