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

/** A site path under the configured base. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Paths of the site's pages and files, in one place. */
export const paths = {
  home: () => '/',
  quarters: () => '/quarters/',
  quarter: (quarter: { year: string; quarter: string }) => `/${quarter.year}/${quarter.quarter}/`,
  indicators: () => '/indicators/',
  indicator: (id: string) => `/indicators/${id}/`,
  data: () => '/data/',
  quarterData: (id: string, format: 'json' | 'csv') => `/data/${id}.${format}`,
  allObservations: () => '/data/all-observations.csv',
  about: () => '/about/',
  accessibility: () => '/accessibility/',
  releases: () => '/releases/',
  releaseCalendar: (id: string) => `/releases/${id}.ics`,
  indicatorData: (id: string, format: 'json' | 'csv') => `/data/indicators/${id}.${format}`,
  csvMetadata: () => '/data/csv-metadata.json',
};
