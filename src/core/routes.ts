/**
 * The site's addresses, without the base path (src/present/urls.ts adds it):
 * the one place a page's path is written. The check uses the same list to
 * refuse a commentary link to a page the build does not make.
 */

const quarterPath = (quarter: { year: string; quarter: string }) => `/${quarter.year}/${quarter.quarter}/`;

/** Paths of the site's pages and files, in one place. */
export const paths = {
  home: () => '/',
  quarters: () => '/quarters/',
  quarter: quarterPath,
  /** One card on a quarter page: the permanent address a councillor links to. */
  card: (quarter: { year: string; quarter: string }, indicatorId: string) => `${quarterPath(quarter)}#${indicatorId}`,
  /** The corrections list of a quarter page. */
  corrections: (quarter: { year: string; quarter: string }) => `${quarterPath(quarter)}#corrections`,
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
  /** CSVW's default location for the indicator CSVs: csv-metadata.json in their own folder. */
  indicatorCsvMetadata: () => '/data/indicators/csv-metadata.json',
  feed: () => '/feed.xml',
  /** A quarter's figure reference: built for previews only (isIndexable says so). */
  figureReference: (quarter: { year: string; quarter: string }) => `/figures${quarterPath(quarter)}`,
};

/** What the site publishes pages for: the quarters (year and quarter segments) and the catalogue's indicator ids. */
export interface SiteContents {
  quarters: readonly { id: string; year: string; quarter: string }[];
  indicatorIds: readonly string[];
}

/**
 * Every HTML page a build makes for this content, as paths ("/2024-25/q1/"):
 * what a link in a commentary may lead to. A build test holds it to the pages
 * Astro really wrote, so the two cannot drift apart.
 */
export function sitePages(contents: SiteContents): string[] {
  return [
    paths.home(),
    paths.quarters(),
    ...contents.quarters.map(quarterPath),
    paths.indicators(),
    ...contents.indicatorIds.map(paths.indicator),
    paths.data(),
    paths.about(),
    paths.accessibility(),
    paths.releases(),
  ];
}

/** Every data file a build makes for this content (CSV, JSON, the feed): what a link may lead to besides pages. */
export function siteFiles(contents: SiteContents): string[] {
  return [
    ...contents.quarters.flatMap(({ id }) => [paths.quarterData(id, 'csv'), paths.quarterData(id, 'json')]),
    paths.allObservations(),
    paths.csvMetadata(),
    ...contents.indicatorIds.flatMap((id) => [paths.indicatorData(id, 'csv'), paths.indicatorData(id, 'json')]),
    paths.feed(),
  ];
}
