/**
 * One time series per indicator across every quarter file: each file's
 * latest and previous values, ordered by period dates. When two files give
 * the same period different values, both are kept and the point is marked
 * revised; the most recent report's value is the current one.
 */
import type { Period } from '../core/periods.ts';
import type { Figure, QuarterIndicator } from '../core/records.ts';
import { comparePeriods, periodKey } from '../core/periods.ts';

export interface Publication {
  /** Quarter id of the report that published the value ("2024-25-q1"). */
  quarterId: string;
  quarterLabel: string;
  /** End date of the report's quarter (ISO), which orders reports in time. */
  reportEnd: string;
  /** Whether the report gave it as its latest or previous value. */
  role: 'latest' | 'previous';
  figure: Figure | null;
}

export interface SeriesPoint {
  period: Period;
  /** The figure from the most recent report that gave one. */
  figure: Figure | null;
  /** Every report that gave a value for this period, oldest report first. */
  publications: Publication[];
  /** True when reports disagree about the value. */
  revised: boolean;
}

export interface QuarterInput {
  id: string;
  label: string;
  /** End date of the reporting quarter, for ordering reports. */
  end: string;
  indicators: readonly QuarterIndicator[];
}

export function buildSeries(quarters: readonly QuarterInput[]): Map<string, SeriesPoint[]> {
  const byIndicator = new Map<string, Map<string, SeriesPoint>>();
  const ordered = [...quarters].sort((a, b) => a.end.localeCompare(b.end));
  for (const quarter of ordered) {
    for (const record of quarter.indicators) {
      const points = byIndicator.get(record.id) ?? new Map<string, SeriesPoint>();
      byIndicator.set(record.id, points);
      const observations = [
        ['previous', record.previous],
        ['latest', record.latest],
      ] as const;
      for (const [role, observation] of observations) {
        if (!observation) continue;
        const key = periodKey(observation.period);
        const publication: Publication = {
          quarterId: quarter.id,
          quarterLabel: quarter.label,
          reportEnd: quarter.end,
          role,
          figure: observation.figure,
        };
        const existing = points.get(key);
        if (!existing) {
          points.set(key, { period: observation.period, figure: observation.figure, publications: [publication], revised: false });
          continue;
        }
        existing.publications.push(publication);
        if (observation.figure !== null) {
          if (existing.figure !== null && existing.figure.value !== observation.figure.value) existing.revised = true;
          // Later reports win, and so does their wording of the period.
          existing.figure = observation.figure;
          existing.period = observation.period;
        }
      }
    }
  }
  const series = new Map<string, SeriesPoint[]>();
  for (const [id, points] of byIndicator) {
    series.set(id, [...points.values()].sort((a, b) => comparePeriods(a.period, b.period)));
  }
  return series;
}

/** A point of a series as one quarter's report published it, with any later report's different figure noted. */
export interface PublishedPoint extends SeriesPoint {
  /** Later reports that gave this period a different figure: shown as marked notes, never in the line. */
  laterRevisions: Publication[];
}

/**
 * The series as the report for the quarter ending `reportEnd` published it:
 * only figures published by that report or earlier ones, each the most recent
 * of those, and only periods up to `until` (the card's latest period). A figure
 * a later report revised stays as it was published here, with the revision noted.
 */
export function seriesAsPublished(series: readonly SeriesPoint[], reportEnd: string, until: Period): PublishedPoint[] {
  const points: PublishedPoint[] = [];
  for (const point of series) {
    if (point.period.end > until.end) continue;
    const known = point.publications.filter((publication) => publication.reportEnd <= reportEnd);
    const current = known.filter((publication) => publication.figure !== null).at(-1) ?? known.at(-1);
    if (!current) continue;
    const laterRevisions = point.publications.filter(
      (publication) => publication.reportEnd > reportEnd && publication.figure !== null && publication.figure.value !== current.figure?.value,
    );
    const earlierValues = new Set(known.flatMap((publication) => (publication.figure ? [publication.figure.value] : [])));
    points.push({
      period: point.period,
      figure: current.figure,
      publications: known,
      revised: earlierValues.size > 1,
      laterRevisions,
    });
  }
  return points;
}
