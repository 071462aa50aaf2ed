/**
 * The open-data files: per-quarter JSON and CSV, and every observation
 * across all quarters. Values are numbers in the published unit, never strings.
 */
import Papa from 'papaparse';
import type { Card } from './cards.ts';
import type { Figure } from './format.ts';
import type { QuarterView, SiteModel } from './model.ts';

/** A figure as published: the number and its decimal places (47.30 is { value: 47.3, decimals: 2 }). */
export interface OpenFigure {
  value: number;
  decimals: number;
}

const open = (figure: Figure | null): OpenFigure | null => (figure ? { value: figure.value, decimals: figure.decimals } : null);
const observed = (observation: { value: number | null; decimals: number | null }) =>
  observation.value === null ? null : { value: observation.value, decimals: observation.decimals ?? 0 };

/** The figure as text with exactly its published decimals and no separators ("47.30", "-0.76"), for CSV cells. */
export function plainFigure(figure: { value: number; decimals: number } | null): string | null {
  return figure ? figure.value.toFixed(figure.decimals) : null;
}

export interface OpenDataIndicator {
  id: string;
  name: string;
  area: string;
  outcome: string;
  unit: string;
  polarity: string;
  latest: { period: string; figure: OpenFigure | null };
  previous: { period: string; figure: OpenFigure | null } | null;
  direction: 'improved' | 'worse' | 'no-change' | null;
  target: string | null;
  rag: 'green' | 'amber' | 'red' | null;
  quartile: 1 | 2 | 3 | 4 | null;
  statisticalNeighbourAverage: OpenFigure | null;
  englandAverage: OpenFigure | null;
}

function indicatorRecord(card: Card): OpenDataIndicator {
  const { indicator, record } = card;
  return {
    id: indicator.id,
    name: indicator.name,
    area: indicator.area,
    outcome: indicator.outcome,
    unit: indicator.unit,
    polarity: indicator.polarity,
    latest: { period: record.latest.period.label, figure: observed(record.latest) },
    previous: record.previous ? { period: record.previous.period.label, figure: observed(record.previous) } : null,
    direction: card.direction,
    target: record.target?.text ?? null,
    rag: record.rag,
    quartile: record.quartile,
    statisticalNeighbourAverage: open(record.statisticalNeighbourAverage),
    englandAverage: open(record.englandAverage),
  };
}

export function quarterJson(quarter: QuarterView) {
  return {
    quarter: { id: quarter.id, label: quarter.label, months: quarter.months, start: quarter.period.start, end: quarter.period.end },
    indicators: quarter.cards.map(indicatorRecord),
  };
}

/** The per-quarter CSV columns, in order, with what each holds (shown on the data page). */
export const QUARTER_CSV_COLUMNS = [
  ['id', 'Stable indicator id, as used in the site’s addresses'],
  ['name', 'Indicator name as published'],
  ['area', 'Service area: Early Years, Education, SEND or Social Care'],
  ['outcome', 'Strategic-plan outcome the indicator measures'],
  ['unit', 'percent, count or score; percentages are given as numbers (47.3 means 47.3%)'],
  ['polarity', 'higher is better, lower is better, or neither'],
  ['latest_period', 'Period of the latest figure, as published'],
  ['latest_value', 'Latest figure, with the decimal places it was published with; blank when none was published'],
  ['previous_period', 'Period of the figure it is compared with'],
  ['previous_value', 'The figure it is compared with; blank when none'],
  ['direction', 'improved, worse or no-change, judged from the values and the polarity; blank when not judged'],
  ['target', 'Target as published, such as >97.2%; blank when none'],
  ['rag', 'RAG rating: green, amber or red; blank when not rated'],
  ['quartile', 'National quartile, 1 (top) to 4 (bottom); blank when there is no benchmark'],
  ['statistical_neighbour_average', 'Average of statistically similar councils, in the same unit; blank when not given'],
  ['england_average', 'England average, in the same unit; blank when not given'],
] as const;

const csv = (rows: (string | number | null)[][]) => `${Papa.unparse(rows.map((row) => row.map((cell) => cell ?? '')), { newline: '\n' })}\n`;

export function quarterCsv(quarter: QuarterView): string {
  const rows = quarterJson(quarter).indicators.map((i) => [
    i.id, i.name, i.area, i.outcome, i.unit, i.polarity,
    i.latest.period, plainFigure(i.latest.figure), i.previous?.period ?? null, plainFigure(i.previous?.figure ?? null),
    i.direction, i.target, i.rag, i.quartile, plainFigure(i.statisticalNeighbourAverage), plainFigure(i.englandAverage),
  ]);
  return csv([QUARTER_CSV_COLUMNS.map(([name]) => name), ...rows]);
}

export const OBSERVATION_COLUMNS = [
  ['indicator_id', 'Stable indicator id'],
  ['indicator_name', 'Indicator name as published'],
  ['period', 'Period the figure is for, as published'],
  ['period_start', 'First day of that period (YYYY-MM-DD)'],
  ['period_end', 'Last day of that period (YYYY-MM-DD)'],
  ['value', 'The figure, with the decimal places it was published with; blank when none was published'],
  ['unit', 'percent, count or score'],
  ['published_in', 'The quarter whose report published this figure (id such as 2024-25-q1)'],
  ['published_as', 'latest or previous: whether that report gave it as its latest figure or as the one compared with'],
  ['revised', 'yes when reports gave this period different figures'],
] as const;

/** One row per indicator, per period, per report that published it. */
export function allObservationsCsv(model: SiteModel): string {
  const rows: (string | number | null)[][] = [];
  for (const indicator of model.catalogue) {
    for (const point of model.indicators.get(indicator.id)?.series ?? []) {
      for (const publication of point.publications) {
        rows.push([
          indicator.id, indicator.name, point.period.label, point.period.start, point.period.end,
          plainFigure(publication.value === null ? null : { value: publication.value, decimals: publication.decimals ?? 0 }), indicator.unit, publication.quarterId, publication.role, point.revised ? 'yes' : 'no',
        ]);
      }
    }
  }
  return csv([OBSERVATION_COLUMNS.map(([name]) => name), ...rows]);
}
