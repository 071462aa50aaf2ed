/**
 * The open-data files: per-quarter JSON and CSV, every observation across all
 * quarters, each indicator's every published figure, and the CSVW metadata
 * that describes every CSV. Values are numbers in the published unit, never
 * strings. Each CSV's columns are defined once here, with their datatypes:
 * the CSV writer, the data page's data dictionary and csv-metadata.json all
 * read the same definitions, so they cannot drift apart. Nothing here reads
 * the clock: dates come from the content.
 */
import { paths } from '../core/routes.ts';
import Papa from 'papaparse';
import type { Card } from '../model/cards.ts';
import { recordedDate, type Figure } from '../core/format.ts';
import type { QuarterView, SiteModel } from '../model/model.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Publication, SeriesPoint } from '../model/series.ts';
import { unitSchema, type Unit, type Polarity, type Quartile, type Rag } from '../core/vocabulary.ts';

/** The licence every file is published under. */
export const LICENCE = {
  name: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;

/** The attribution the Open Government Licence asks for. */
export const ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';


/** A figure as published: the number and its decimal places (47.30 is { value: 47.3, decimals: 2 }). */
export interface OpenFigure {
  value: number;
  decimals: number;
}

const open = (figure: Figure | null): OpenFigure | null => (figure ? { value: figure.value, decimals: figure.decimals } : null);

/** The figure as text with exactly its published decimals and no separators ("47.30", "-0.76"), for CSV cells. */
export function plainFigure(figure: { value: number; decimals: number } | null): string | null {
  return figure ? figure.value.toFixed(figure.decimals) : null;
}

// ---------------------------------------------------------------------------
// What the files are about: who publishes them, when they last changed.

/** Who publishes the files and how to link back: from content/site.yaml and the site's address. */
export interface OpenDataContext {
  council: string;
  department: string;
  /** The site's title, such as "Children and Family Services performance". */
  title: string;
  committee: string;
  /** The absolute URL of a site path (base path and site address applied). */
  absolute: (path: string) => string;
}

/**
 * The context for pages: the site settings, and absolute URLs from the site's
 * address and `href` (which applies the base path). Without an address (a
 * component rendered alone) links stay site-relative.
 */
export function openDataContext(
  settings: { council: string; department: string; title: string; committee: string },
  site: URL | undefined,
  href: (path: string) => string,
): OpenDataContext {
  return {
    council: settings.council,
    department: settings.department,
    title: settings.title,
    committee: settings.committee,
    absolute: (path) => (site ? new URL(href(path), site).href : href(path)),
  };
}

/** A publishedDate as a date, or null when "not recorded" or missing. */
const recorded = recordedDate;

/**
 * The latest date the content records for these quarters: a publication date
 * or a correction's date (only corrections to `indicatorId`, when given).
 * Null when none is recorded: a date is never invented, nor taken from the clock.
 */
export function lastModified(quarters: readonly Pick<QuarterView, 'commentary'>[], indicatorId?: string): string | null {
  const dates = quarters.flatMap((quarter) => [
    recorded(quarter.commentary?.publishedDate),
    ...(quarter.commentary?.corrections ?? []).filter((correction) => !indicatorId || correction.indicator === indicatorId).map((correction) => correction.date),
  ]);
  return dates.filter((date): date is string => date !== null).sort().at(-1) ?? null;
}

/** The earliest and latest days the figures cover, or null with no figures. */
export function coverage(periods: readonly { start: string; end: string }[]): { start: string; end: string } | null {
  if (!periods.length) return null;
  return { start: periods.map((period) => period.start).sort()[0]!, end: periods.map((period) => period.end).sort().at(-1)! };
}

/** What each JSON file says about itself: the CSV's is in csv-metadata.json. */
export interface FileMetadata {
  title: string;
  description: string;
  publisher: string;
  /** The licence, under the standard key (schema.org, DCAT, Frictionless all say license). */
  license: { name: string; url: string };
  /** The attribution statement the licence asks re-users to give. */
  attribution: string;
  /** The page that explains the files and their fields. */
  documentation: string;
  /** The latest publication or correction date of the figures in the file; null when none is recorded. */
  dateModified: string | null;
}

function fileMetadata(context: OpenDataContext, title: string, description: string, dateModified: string | null): FileMetadata {
  return {
    title,
    description,
    publisher: `${context.council}, ${context.department}`,
    license: { ...LICENCE },
    attribution: ATTRIBUTION,
    documentation: context.absolute('/data/'),
    dateModified,
  };
}

// ---------------------------------------------------------------------------
// Column definitions: one list per CSV, read by the writer, the dictionary and the CSVW.

/** A CSVW built-in datatype, as csv-metadata.json states it. */
export type ColumnDatatype =
  | { base: 'string'; format?: string }
  | { base: 'decimal' }
  | { base: 'integer'; minimum?: number; maximum?: number }
  | { base: 'date' }
  | { base: 'boolean'; format: 'yes|no' };

export interface CsvColumn<Row> {
  /** The header, exactly. */
  name: string;
  /** What it holds, for the data dictionary. */
  meaning: string;
  datatype: ColumnDatatype;
  /** Never blank. */
  required: boolean;
  /** The unit of the numbers in it; null when it holds no measured number. */
  unit: string | null;
  /** The cell for one row: text, a number, or null for a blank cell. */
  cell: (row: Row) => string | number | null;
}

const VALUE_UNIT = 'the row’s unit: percent (47.3 means 47.3%), count or score';
const QUARTER_ID = { base: 'string', format: '^\\d{4}-\\d{2}-q[1-4]$' } as const;
const ID = { base: 'string', format: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const UNIT = { base: 'string', format: `^(${unitSchema.options.join('|')})$` } as const;
const TEXT = { base: 'string' } as const;
const DECIMAL = { base: 'decimal' } as const;
const DATE = { base: 'date' } as const;
const YES_NO = { base: 'boolean', format: 'yes|no' } as const;

/** How a datatype reads in the data dictionary. */
export function datatypeWords(datatype: ColumnDatatype): string {
  switch (datatype.base) {
    case 'decimal':
      return 'number';
    case 'integer':
      return datatype.minimum !== undefined && datatype.maximum !== undefined ? `whole number, ${datatype.minimum} to ${datatype.maximum}` : 'whole number';
    case 'date':
      return 'date, YYYY-MM-DD';
    case 'boolean':
      return 'yes or no';
    default:
      return 'text';
  }
}

export interface OpenDataIndicator {
  id: string;
  name: string;
  area: string;
  outcome: string;
  unit: Unit;
  polarity: Polarity;
  latest: { period: string; figure: OpenFigure | null };
  previous: { period: string; figure: OpenFigure | null } | null;
  direction: 'improved' | 'worse' | 'no-change' | null;
  /** The council's own Trend word, as its dashboard wrote it. */
  councilTrend: string | null;
  target: string | null;
  rag: Rag | null;
  quartile: Quartile | null;
  statisticalNeighbourAverage: OpenFigure | null;
  englandAverage: OpenFigure | null;
}

/** The per-quarter CSV's columns, in order. */
export const QUARTER_CSV_COLUMNS: readonly CsvColumn<OpenDataIndicator>[] = [
  { name: 'indicator_id', meaning: 'Stable indicator id, as used in the site’s addresses (the same name in every file)', datatype: ID, required: true, unit: null, cell: (i) => i.id },
  { name: 'name', meaning: 'Indicator name as published', datatype: TEXT, required: true, unit: null, cell: (i) => i.name },
  { name: 'area', meaning: 'Service area the indicator is reported under', datatype: TEXT, required: true, unit: null, cell: (i) => i.area },
  { name: 'outcome', meaning: 'Strategic-plan outcome the indicator measures', datatype: TEXT, required: true, unit: null, cell: (i) => i.outcome },
  { name: 'unit', meaning: 'percent, count or score; percentages are given as numbers (47.3 means 47.3%)', datatype: UNIT, required: true, unit: null, cell: (i) => i.unit },
  { name: 'polarity', meaning: 'higher is better, lower is better, or neither', datatype: { base: 'string', format: '^(higher is better|lower is better|neither)$' }, required: true, unit: null, cell: (i) => i.polarity },
  { name: 'latest_period', meaning: 'Period of the latest figure, as published', datatype: TEXT, required: true, unit: null, cell: (i) => i.latest.period },
  { name: 'latest_value', meaning: 'Latest figure, with the decimal places it was published with; blank when none was published', datatype: DECIMAL, required: false, unit: VALUE_UNIT, cell: (i) => plainFigure(i.latest.figure) },
  { name: 'previous_period', meaning: 'Period of the figure it is compared with', datatype: TEXT, required: false, unit: null, cell: (i) => i.previous?.period ?? null },
  { name: 'previous_value', meaning: 'The figure it is compared with; blank when none', datatype: DECIMAL, required: false, unit: VALUE_UNIT, cell: (i) => plainFigure(i.previous?.figure ?? null) },
  { name: 'direction', meaning: 'improved, worse or no-change, judged from the values and the polarity; blank when not judged', datatype: { base: 'string', format: '^(improved|worse|no-change)$' }, required: false, unit: null, cell: (i) => i.direction },
  { name: 'council_trend', meaning: 'The council’s own Trend word, as its dashboard wrote it (such as Decline); the site’s direction is worked out from the values and may differ; blank when none', datatype: TEXT, required: false, unit: null, cell: (i) => i.councilTrend },
  { name: 'target', meaning: 'Target as published, such as >97.2%; blank when none', datatype: TEXT, required: false, unit: null, cell: (i) => i.target },
  { name: 'rag', meaning: 'RAG rating: green, amber or red; blank when not rated', datatype: { base: 'string', format: '^(green|amber|red)$' }, required: false, unit: null, cell: (i) => i.rag },
  { name: 'quartile', meaning: 'National quartile, 1 (top) to 4 (bottom); blank when there is no benchmark', datatype: { base: 'integer', minimum: 1, maximum: 4 }, required: false, unit: null, cell: (i) => i.quartile },
  { name: 'statistical_neighbour_average', meaning: 'Average of statistically similar councils, in the same unit; blank when not given', datatype: DECIMAL, required: false, unit: VALUE_UNIT, cell: (i) => plainFigure(i.statisticalNeighbourAverage) },
  { name: 'england_average', meaning: 'England average, in the same unit; blank when not given', datatype: DECIMAL, required: false, unit: VALUE_UNIT, cell: (i) => plainFigure(i.englandAverage) },
];

/** One figure as one report published it, with the point of the series it belongs to. */
export interface PublishedFigure {
  indicator: Indicator;
  point: SeriesPoint;
  publication: Publication;
  /** The first later report that gave this period a different figure, or null when none did. */
  revisedIn: Publication | null;
}

/** all-observations.csv's columns, in order. */
export const OBSERVATION_COLUMNS: readonly CsvColumn<PublishedFigure>[] = [
  { name: 'indicator_id', meaning: 'Stable indicator id', datatype: ID, required: true, unit: null, cell: (f) => f.indicator.id },
  { name: 'indicator_name', meaning: 'Indicator name as published', datatype: TEXT, required: true, unit: null, cell: (f) => f.indicator.name },
  { name: 'period', meaning: 'Period the figure is for, as published', datatype: TEXT, required: true, unit: null, cell: (f) => f.point.period.label },
  { name: 'period_start', meaning: 'First day of that period', datatype: DATE, required: true, unit: null, cell: (f) => f.point.period.start },
  { name: 'period_end', meaning: 'Last day of that period', datatype: DATE, required: true, unit: null, cell: (f) => f.point.period.end },
  { name: 'value', meaning: 'The figure, with the decimal places it was published with; blank when none was published', datatype: DECIMAL, required: false, unit: VALUE_UNIT, cell: (f) => plainFigure(f.publication.figure) },
  { name: 'unit', meaning: 'percent, count or score', datatype: UNIT, required: true, unit: null, cell: (f) => f.indicator.unit },
  { name: 'published_in', meaning: 'The quarter whose report published this figure (id such as 2024-25-q1)', datatype: QUARTER_ID, required: true, unit: null, cell: (f) => f.publication.quarterId },
  { name: 'published_as', meaning: 'latest or previous: whether that report gave it as its latest figure or as the one compared with', datatype: { base: 'string', format: '^(latest|previous)$' }, required: true, unit: null, cell: (f) => f.publication.role },
  { name: 'revised', meaning: 'yes when reports gave this period different figures', datatype: YES_NO, required: true, unit: null, cell: (f) => (f.point.revised ? 'yes' : 'no') },
];

/** Each indicator's CSV: every figure published for it, one row per period per report. */
export const INDICATOR_CSV_COLUMNS: readonly CsvColumn<PublishedFigure>[] = [
  { name: 'indicator_id', meaning: 'Stable indicator id', datatype: ID, required: true, unit: null, cell: (f) => f.indicator.id },
  { name: 'period', meaning: 'Period the figure is for, as published', datatype: TEXT, required: true, unit: null, cell: (f) => f.point.period.label },
  { name: 'period_start', meaning: 'First day of that period', datatype: DATE, required: true, unit: null, cell: (f) => f.point.period.start },
  { name: 'period_end', meaning: 'Last day of that period', datatype: DATE, required: true, unit: null, cell: (f) => f.point.period.end },
  { name: 'published_in', meaning: 'Id of the quarter whose report published this figure, such as 2024-25-q1', datatype: QUARTER_ID, required: true, unit: null, cell: (f) => f.publication.quarterId },
  { name: 'published_in_label', meaning: 'That quarter as the council names it, such as Q1 2024/25', datatype: TEXT, required: true, unit: null, cell: (f) => f.publication.quarterLabel },
  { name: 'published_as', meaning: 'latest or previous: whether that report gave it as its latest figure or as the one compared with', datatype: { base: 'string', format: '^(latest|previous)$' }, required: true, unit: null, cell: (f) => f.publication.role },
  { name: 'value', meaning: 'The figure, with the decimal places it was published with; blank when none was published', datatype: DECIMAL, required: false, unit: VALUE_UNIT, cell: (f) => plainFigure(f.publication.figure) },
  { name: 'decimals', meaning: 'How many decimal places the figure was published with; blank when none was published', datatype: { base: 'integer', minimum: 0, maximum: 10 }, required: false, unit: null, cell: (f) => f.publication.figure?.decimals ?? null },
  { name: 'unit', meaning: 'percent, count or score', datatype: UNIT, required: true, unit: null, cell: (f) => f.indicator.unit },
  { name: 'revised_later', meaning: 'yes when a later report gave this period a different figure', datatype: YES_NO, required: true, unit: null, cell: (f) => (f.revisedIn ? 'yes' : 'no') },
  { name: 'revised_in', meaning: 'Id of the first later report that gave a different figure; blank when none did', datatype: QUARTER_ID, required: false, unit: null, cell: (f) => f.revisedIn?.quarterId ?? null },
];

// ---------------------------------------------------------------------------
// CSV writing.

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first) is
 * escaped with a leading apostrophe by papaparse; a number written as text,
 * such as -0.76, is not a formula and stays as it is.
 */
export const FORMULA_START = /^(?!-\d+(?:\.\d+)?$)[=+\-@\t\r]/;

/** CSV text: a header row and the rows, LF line ends, formula-like cells escaped. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const table = [columns.map((column) => column.name), ...rows.map((row) => columns.map((column) => column.cell(row) ?? ''))];
  return `${Papa.unparse(table, { newline: '\n', escapeFormulae: FORMULA_START })}\n`;
}

/** JSON text as the files publish it. */
export const toJson = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

// ---------------------------------------------------------------------------
// Per quarter.

/** What every open-data file says about an indicator, in the same order. */
function identity(indicator: Card['indicator']) {
  const { id, name, area, outcome, unit, polarity } = indicator;
  return { id, name, area, outcome, unit, polarity };
}

function indicatorRecord(card: Card): OpenDataIndicator {
  const { indicator, record } = card;
  return {
    ...identity(indicator),
    latest: { period: record.latest.period.label, figure: open(record.latest.figure) },
    previous: record.previous ? { period: record.previous.period.label, figure: open(record.previous.figure) } : null,
    direction: card.direction,
    councilTrend: record.councilTrend ?? null,
    target: record.target?.text ?? null,
    rag: record.rag,
    quartile: record.quartile,
    statisticalNeighbourAverage: open(record.statisticalNeighbourAverage),
    englandAverage: open(record.englandAverage),
  };
}

/** The periods a quarter's figures are for. */
export function quarterPeriods(quarter: QuarterView): { start: string; end: string }[] {
  return quarter.cards.flatMap((card) => [card.record.latest.period, ...(card.record.previous ? [card.record.previous.period] : [])]);
}

/** A quarter's JSON file: its metadata (title, publisher, licence) first. */
export function quarterJson(quarter: QuarterView, context: OpenDataContext) {
  return {
    metadata: fileMetadata(
      context,
      `${context.title}: ${quarter.label}`,
      `Every indicator in the ${quarter.label} report (${quarter.months}) as published, with its latest and previous figures, target, rating and national comparison.`,
      lastModified([quarter]),
    ),
    quarter: { id: quarter.id, label: quarter.label, months: quarter.months, start: quarter.period.start, end: quarter.period.end },
    indicators: quarter.cards.map(indicatorRecord),
  };
}

export function quarterCsv(quarter: QuarterView): string {
  return toCsv(QUARTER_CSV_COLUMNS, quarter.cards.map(indicatorRecord));
}

// ---------------------------------------------------------------------------
// Every published figure.

/** Every figure published for an indicator: by period, then by report, oldest first. */
export function publishedFigures(indicator: Indicator, series: readonly SeriesPoint[]): PublishedFigure[] {
  return series.flatMap((point) =>
    point.publications.map((publication) => ({
      indicator,
      point,
      publication,
      revisedIn:
        publication.figure === null
          ? null
          : (point.publications.find((later) => later.reportEnd > publication.reportEnd && later.figure !== null && later.figure.value !== publication.figure?.value) ?? null),
    })),
  );
}

/** One row per indicator, per period, per report that published it. */
export function allObservationsCsv(model: SiteModel): string {
  return toCsv(OBSERVATION_COLUMNS, model.catalogue.flatMap((indicator) => publishedFigures(indicator, model.indicators.get(indicator.id)?.series ?? [])));
}

export function indicatorCsv(model: SiteModel, id: string): string {
  const view = model.indicators.get(id)!;
  return toCsv(INDICATOR_CSV_COLUMNS, publishedFigures(view.indicator, view.series));
}

/** Quarters of the model that published a figure for the indicator. */
function quartersPublishing(model: SiteModel, figures: readonly PublishedFigure[]): QuarterView[] {
  const ids = new Set(figures.map((figure) => figure.publication.quarterId));
  return model.quarters.filter((quarter) => ids.has(quarter.id));
}

/** An indicator's JSON file: what it is, and every figure published for it. */
export function indicatorJson(model: SiteModel, id: string, context: OpenDataContext) {
  const { indicator, series } = model.indicators.get(id)!;
  const figures = publishedFigures(indicator, series);
  return {
    metadata: fileMetadata(
      context,
      `${context.title}: ${indicator.name}`,
      `Every figure the quarterly reports published for “${indicator.name}”: each period, the report that published it, and whether a later report revised it.`,
      lastModified(quartersPublishing(model, figures), id),
    ),
    indicator: {
      ...identity(indicator),
      frequency: indicator.frequency,
      definition: indicator.definition,
    },
    figures: figures.map((figure) => ({
      period: { label: figure.point.period.label, start: figure.point.period.start, end: figure.point.period.end },
      publishedIn: { quarterId: figure.publication.quarterId, quarterLabel: figure.publication.quarterLabel },
      role: figure.publication.role,
      figure: figure.publication.figure,
      revisedLater: figure.revisedIn !== null,
      revisedIn: figure.revisedIn ? { quarterId: figure.revisedIn.quarterId, quarterLabel: figure.revisedIn.quarterLabel } : null,
    })),
  };
}

// ---------------------------------------------------------------------------
// The list of files, and the CSVW metadata describing each CSV.

export interface OpenDataFile {
  /** Site path, such as /data/2024-25-q1.csv. */
  path: string;
  format: 'CSV' | 'JSON' | 'CSVW';
  mediaType: 'text/csv' | 'application/json' | 'application/csvm+json';
  /** What it is, in words. */
  name: string;
  /** For a CSV: its columns. */
  columns?: readonly CsvColumn<never>[];
  /** For a CSV: the columns whose values together identify a row. */
  primaryKey?: readonly string[];
  /** What is served (built on demand). */
  body: () => string;
}

/** Every open-data file the site publishes for this model, in the order the data page lists them. */
export function openDataFiles(model: SiteModel, context: OpenDataContext): OpenDataFile[] {
  const files: OpenDataFile[] = [
    {
      path: paths.allObservations(),
      format: 'CSV',
      mediaType: 'text/csv',
      name: 'All observations: every figure of every indicator, from every report',
      columns: OBSERVATION_COLUMNS as readonly CsvColumn<never>[],
      primaryKey: ['indicator_id', 'published_in', 'published_as'],
      body: () => allObservationsCsv(model),
    },
  ];
  for (const quarter of model.quarters) {
    files.push(
      { path: paths.quarterData(quarter.id, 'csv'), format: 'CSV', mediaType: 'text/csv', name: `${quarter.label} indicators`, columns: QUARTER_CSV_COLUMNS as readonly CsvColumn<never>[], primaryKey: ['indicator_id'], body: () => quarterCsv(quarter) },
      { path: paths.quarterData(quarter.id, 'json'), format: 'JSON', mediaType: 'application/json', name: `${quarter.label} indicators`, body: () => toJson(quarterJson(quarter, context)) },
    );
  }
  for (const indicator of model.catalogue) {
    files.push(
      { path: paths.indicatorData(indicator.id, 'csv'), format: 'CSV', mediaType: 'text/csv', name: `${indicator.name}: every published figure`, columns: INDICATOR_CSV_COLUMNS as readonly CsvColumn<never>[], primaryKey: ['published_in', 'published_as'], body: () => indicatorCsv(model, indicator.id) },
      { path: paths.indicatorData(indicator.id, 'json'), format: 'JSON', mediaType: 'application/json', name: `${indicator.name}: every published figure`, body: () => toJson(indicatorJson(model, indicator.id, context)) },
    );
  }
  files.push({
    path: paths.csvMetadata(),
    format: 'CSVW',
    mediaType: 'application/csvm+json',
    name: 'CSV on the Web metadata: the columns, datatypes and units of every CSV file, and the licence',
    body: () => toJson(csvMetadata(model, context, files)),
  });
  // CSVW processors given an indicator CSV look for csv-metadata.json in its own folder (the specification's default
  // location), not one folder up: that folder gets the same description of its own CSVs.
  files.push({
    path: paths.indicatorCsvMetadata(),
    format: 'CSVW',
    mediaType: 'application/csvm+json',
    name: 'CSV on the Web metadata of the indicator CSV files (found where CSVW processors look for it)',
    body: () => toJson(csvMetadata(model, context, files, '/data/indicators/')),
  });
  return files;
}

/** A column as CSV on the Web (W3C) describes it. */
function csvwColumn(column: CsvColumn<never>) {
  return {
    name: column.name,
    titles: column.name,
    'dc:description': column.meaning,
    // A plain datatype by its name ("decimal"); one with a format or bounds as an object.
    datatype: Object.keys(column.datatype).length === 1 ? column.datatype.base : { ...column.datatype },
    required: column.required,
    ...(column.unit ? { 'schema:unitText': column.unit } : {}),
  };
}

/**
 * csv-metadata.json (W3C CSV on the Web): a table group with every CSV the
 * site publishes, each with its columns' titles, datatypes and units, and the
 * licence and publisher the CSV files cannot carry themselves. Table URLs are
 * relative to this file (/data/), so it holds under any base path. The
 * indicator files, one per indicator, share the group's schema (CSVW's
 * default for tables without their own) rather than repeat it.
 */
export function csvMetadata(model: SiteModel, context: OpenDataContext, files: readonly OpenDataFile[] = openDataFiles(model, context), folder = '/data/') {
  const modified = lastModified(model.quarters);
  const schema = (columns: readonly CsvColumn<never>[], primaryKey: readonly string[]) => ({ columns: columns.map(csvwColumn), primaryKey: [...primaryKey] });
  const shared = INDICATOR_CSV_COLUMNS as readonly CsvColumn<never>[];
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    'dc:title': `${context.council}: ${context.title}, open data`,
    'dc:description': `The quarterly performance figures of ${context.council}’s ${context.department} as reported to the ${context.committee}, as CSV files.`,
    'dc:publisher': `${context.council}, ${context.department}`,
    'dc:license': { '@id': LICENCE.url },
    'dc:rights': ATTRIBUTION,
    'schema:creditText': ATTRIBUTION,
    ...(modified ? { 'dc:modified': modified } : {}),
    tableSchema: schema(shared, ['published_in', 'published_as']),
    tables: files
      .filter((file) => file.format === 'CSV' && file.path.startsWith(folder))
      .map((file) => ({
        url: file.path.slice(folder.length),
        'dc:title': file.name,
        ...(file.columns === shared ? {} : { tableSchema: schema(file.columns!, file.primaryKey!) }),
      })),
  };
}

/** "2.4 KB", "812 bytes": a file's size for a download link. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A file's size in bytes, as served (UTF-8). */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** "CSV, 5.7 KB": a download link's file type and size as served (the file's body is made only for the files asked about). */
export function typeAndSize(files: readonly OpenDataFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`No open-data file ${path}`);
  return `${file.format === 'CSVW' ? 'JSON' : file.format}, ${formatBytes(byteLength(file.body()))}`;
}
