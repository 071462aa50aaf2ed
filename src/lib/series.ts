/**
 * One time series per indicator across every quarter file: each file's
 * latest and previous values, ordered by period dates. When two files give
 * the same period different values, both are kept and the point is marked
 * revised; the most recent report's value is the current one.
 */
import type { QuarterIndicator } from '../schemas/quarter';
import { comparePeriods, parsePeriod, periodKey, type Period } from './periods';

export interface Publication {
  /** Quarter id of the report that published the value ("2024-25-q1"). */
  quarterId: string;
  quarterLabel: string;
  /** Whether the report gave it as its latest or previous value. */
  role: 'latest' | 'previous';
  value: number | null;
  decimals: number | null;
}

export interface SeriesPoint {
  period: Period;
  /** The value from the most recent report that gave one. */
  value: number | null;
  decimals: number | null;
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
        const parsed = parsePeriod(observation.period);
        if (!parsed.ok) throw new Error(`Unparseable period "${observation.period}" reached the series builder`);
        const key = periodKey(parsed.period);
        const publication: Publication = {
          quarterId: quarter.id,
          quarterLabel: quarter.label,
          role,
          value: observation.value,
          decimals: observation.decimals,
        };
        const existing = points.get(key);
        if (!existing) {
          points.set(key, { period: parsed.period, value: observation.value, decimals: observation.decimals, publications: [publication], revised: false });
          continue;
        }
        existing.publications.push(publication);
        if (observation.value !== null) {
          if (existing.value !== null && existing.value !== observation.value) existing.revised = true;
          // Later reports win, and so does their wording of the period.
          existing.value = observation.value;
          existing.decimals = observation.decimals;
          existing.period = parsed.period;
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

/** The series up to and including a period: a quarter's page never shows figures published later. */
export function seriesUpTo(series: readonly SeriesPoint[], periodLabel: string): SeriesPoint[] {
  const until = parsePeriod(periodLabel);
  return until.ok ? series.filter((point) => point.period.end <= until.period.end) : [...series];
}
