/**
 * schema.org Dataset descriptions (JSON-LD) for the data page and each quarter
 * page, so search engines and data catalogues find the open data. Built from
 * the model and the list of files the site publishes; dateModified comes from
 * the content (publication and correction dates), never the build clock.
 */
import { byteLength, coverage, lastModified, LICENCE, openDataFiles, quarterPeriods, type OpenDataContext, type OpenDataFile } from './open-data.ts';
import { paths } from '../core/routes.ts';
import { recordedDate } from '../core/format.ts';
import type { QuarterView, SiteModel } from '../model/model.ts';

export interface DatasetJsonLd {
  '@context': 'https://schema.org';
  '@type': 'Dataset';
  name: string;
  description: string;
  url: string;
  license: string;
  isAccessibleForFree: true;
  inLanguage: string;
  keywords: string[];
  publisher: { '@type': 'GovernmentOrganization'; name: string };
  creator: { '@type': 'GovernmentOrganization'; name: string };
  /** A stable id (a tag URI from content, the same as the feed's), when known. */
  identifier?: string;
  /** The area the figures are about: the council's. */
  spatialCoverage: { '@type': 'AdministrativeArea'; name: string };
  /** What the dataset measures: its indicators, by name. */
  variableMeasured: string[];
  temporalCoverage?: string;
  dateModified?: string;
  datePublished?: string;
  distribution: { '@type': 'DataDownload'; name: string; encodingFormat: string; contentUrl: string; contentSize: string }[];
}

function distribution(files: readonly OpenDataFile[], context: OpenDataContext): DatasetJsonLd['distribution'] {
  return files.map((file) => ({
    '@type': 'DataDownload',
    name: `${file.name} (${file.format})`,
    encodingFormat: file.mediaType,
    contentUrl: context.absolute(file.path),
    contentSize: `${byteLength(file.body())} B`,
  }));
}

function dataset(
  context: OpenDataContext,
  fields: { name: string; description: string; url: string; periods: readonly { start: string; end: string }[]; quarters: readonly QuarterView[]; files: readonly OpenDataFile[]; identifier?: string | undefined },
): DatasetJsonLd {
  const span = coverage(fields.periods);
  const modified = lastModified(fields.quarters);
  // The first publication, only when every quarter records its date: otherwise the earliest is not known.
  const dates = fields.quarters.map((quarter) => quarter.commentary?.publishedDate);
  const published = dates.length && dates.every((date) => recordedDate(date) !== null) ? (dates as string[]).sort()[0] : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: fields.name,
    description: fields.description,
    url: fields.url,
    license: LICENCE.url,
    isAccessibleForFree: true,
    inLanguage: 'en-GB',
    keywords: [context.department, context.council, 'performance', 'quarterly report', 'open data'],
    ...(fields.identifier ? { identifier: fields.identifier } : {}),
    spatialCoverage: { '@type': 'AdministrativeArea', name: `The area ${context.council} serves` },
    variableMeasured: [...new Set(fields.quarters.flatMap((quarter) => quarter.cards.map((card) => card.indicator.name)))],
    publisher: { '@type': 'GovernmentOrganization', name: context.council },
    creator: { '@type': 'GovernmentOrganization', name: `${context.council}, ${context.department}` },
    ...(span ? { temporalCoverage: `${span.start}/${span.end}` } : {}),
    ...(modified ? { dateModified: modified } : {}),
    ...(published ? { datePublished: published } : {}),
    distribution: distribution(fields.files, context),
  };
}

/** The whole site's data, for the data page: every file. */
export function siteDataset(model: SiteModel, context: OpenDataContext, identifier?: string): DatasetJsonLd {
  return dataset(context, {
    identifier,
    name: `${context.title}: open data`,
    description: `Every figure of ${context.council}’s quarterly ${context.department} performance reports to the ${context.committee}: each quarter’s indicators, each indicator’s every published figure and all observations in one file, as CSV and JSON, with CSV on the Web metadata.`,
    url: context.absolute('/data/'),
    periods: model.quarters.flatMap(quarterPeriods),
    quarters: model.quarters,
    files: openDataFiles(model, context),
  });
}

/** One quarter's data, for its page: its CSV and JSON. */
export function quarterDataset(model: SiteModel, quarter: QuarterView, context: OpenDataContext, pagePath: string, identifier?: string): DatasetJsonLd {
  const own = [paths.quarterData(quarter.id, 'csv'), paths.quarterData(quarter.id, 'json')];
  const files = openDataFiles(model, context).filter((file) => own.includes(file.path));
  return dataset(context, {
    name: `${context.title}: ${quarter.label}`,
    description: `The ${quarter.label} (${quarter.months}) performance figures of ${context.council}’s ${context.department}, as reported to the ${context.committee}: each indicator’s latest and previous figures, target, rating and national comparison.`,
    url: context.absolute(pagePath),
    identifier,
    periods: quarterPeriods(quarter),
    quarters: [quarter],
    files,
  });
}

/** JSON for inside a <script type="application/ld+json">: no "<", ">" or "&" that could end the element or read as markup. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
