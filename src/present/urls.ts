/**
 * Every internal URL goes through here, so the site works at a domain root
 * or under a sub-path (BASE_PATH).
 */

/** Joins the base path and a site path: ("/performance/", "/2024-25/q1/") → "/performance/2024-25/q1/". */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}

/** A site path under the configured base; a fragment alone ("#corrections") stays a link within the page. */
export function href(path: string): string {
  if (path.startsWith('#')) return path;
  return joinBase(import.meta.env.BASE_URL, path);
}

import { paths } from '../core/routes.ts';
import { leadingQuarter, type SiteModel } from '../model/model.ts';

export { paths };

/**
 * Whether search engines are offered a page: never the 404 page or a figure reference (previews only), and nothing in a drafts preview.
 * The pages' robots meta tag and the sitemap both ask this, so they cannot disagree.
 * `sitePath` is the page's path without the base ("/404/", "2024-25/q1/").
 */
export function isIndexable(sitePath: string, previewDrafts: boolean): boolean {
  if (previewDrafts) return false;
  const page = sitePath.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '');
  return page !== '404' && !page.startsWith('figures/');
}

/** A URL's path without the base: ("/performance/", "/performance/2024-25/q1/") → "/2024-25/q1/". */
export function withoutBase(base: string, pathname: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return trimmedBase && pathname.startsWith(trimmedBase) ? pathname.slice(trimmedBase.length) || '/' : pathname;
}

/** The main navigation's sections: the `section` a page names marks its entry as current. */
export function navigation(latestQuarter: { year: string; quarter: string } | undefined) {
  return [
    { key: 'home', label: 'Latest quarter', path: latestQuarter ? paths.quarter(latestQuarter) : paths.home() },
    { key: 'quarters', label: 'All quarters', path: paths.quarters() },
    { key: 'indicators', label: 'Indicators', path: paths.indicators() },
    { key: 'data', label: 'Data', path: paths.data() },
    { key: 'about', label: 'About the figures', path: paths.about() },
  ] as const;
}

export type Section = ReturnType<typeof navigation>[number]['key'];
export type Navigation = ReturnType<typeof navigation>;

/** The navigation of every page: "Latest quarter" leads to the quarter the site leads with (leadingQuarter). */
export function navigationFor(model: Pick<SiteModel, 'quarters'>): Navigation {
  return navigation(leadingQuarter(model));
}

/** A commentary link's address: a path on this site goes under the base like every other link; https:, mailto:, tel: and #fragments as written. */
export function commentaryHref(url: string): string {
  return url.startsWith('/') ? href(url) : url;
}
