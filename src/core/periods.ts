/**
 * Reporting periods as the council's exports write them ("Q1 2024/25",
 * "Summer Term 2024", "Autumn 2023", "2022/23 Final", "2024"), parsed into
 * a kind with real start and end dates so series can be ordered and placed
 * on a time axis, and one consistent label for showing ("Autumn Term 2023",
 * "2022/23 (final)"): the same period always reads the same.
 */

import type { Frequency } from './vocabulary.ts';

/** The kinds of period the council's reports use. */
export type PeriodKind = 'quarter' | 'term' | 'academic-year' | 'calendar-year';

/**
 * A reporting period, kept as an object from the parser to the pages so
 * figures are matched by the period they belong to, never by label text.
 */
export interface Period {
  /** The label exactly as published, tidied of extra spaces: "Q1 2024/25", "Summer Term 2024". */
  label: string;
  kind: PeriodKind;
  /** First and last day, ISO dates (YYYY-MM-DD). */
  start: string;
  end: string;
  /** True for annual figures the export marks "Final". */
  final: boolean;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

const TERMS = {
  // School terms: Autumn runs September-December, Spring January-Easter, Summer Easter-July.
  autumn: { start: '09-01', end: '12-31' },
  spring: { start: '01-01', end: '04-15' },
  summer: { start: '04-16', end: '07-31' },
} as const;

/** Financial-year quarters: Q1 is April-June. */
const QUARTERS = [
  { start: '04-01', end: '06-30', yearOffset: 0 },
  { start: '07-01', end: '09-30', yearOffset: 0 },
  { start: '10-01', end: '12-31', yearOffset: 0 },
  { start: '01-01', end: '03-31', yearOffset: 1 },
] as const;

export const PERIOD_EXAMPLES = '"Q1 2024/25", "Summer Term 2024", "Autumn 2023", "2022/23", "2022/23 Final" or "2024"';

/** Checks that "2024/25" really is two consecutive years and returns the first. */
function splitYear(first: string, second: string): number | null {
  const start = Number(first);
  const endShort = Number(second);
  if (second.length === 2 ? (start + 1) % 100 !== endShort : start + 1 !== endShort) return null;
  return start;
}

export function parsePeriod(raw: string): PeriodResult {
  const label = raw.replace(/\s+/g, ' ').trim();
  if (label === '') return { ok: false, message: `a period such as ${PERIOD_EXAMPLES}` };

  let match = /^Q([1-4]) (\d{4})\/(\d{2}|\d{4})$/i.exec(label);
  if (match) {
    const year = splitYear(match[2]!, match[3]!);
    if (year === null) return { ok: false, message: `a financial year of two consecutive years, such as "Q1 2024/25"` };
    const q = QUARTERS[Number(match[1]) - 1]!;
    const y = year + q.yearOffset;
    return ok({ label: `Q${match[1]} ${year}/${String((year + 1) % 100).padStart(2, '0')}`, kind: 'quarter', start: `${y}-${q.start}`, end: `${y}-${q.end}`, final: false });
  }

  match = /^(Autumn|Spring|Summer)(?: Term)? (\d{4})$/i.exec(label);
  if (match) {
    const season = match[1]!.toLowerCase() as keyof typeof TERMS;
    const term = TERMS[season];
    const y = match[2]!;
    // One wording for a term wherever it appears: "Summer 2023" and "Summer Term 2023" are both shown "Summer Term 2023".
    return ok({ label: `${season.charAt(0).toUpperCase()}${season.slice(1)} Term ${y}`, kind: 'term', start: `${y}-${term.start}`, end: `${y}-${term.end}`, final: false });
  }

  // "2022/23 (final)" is how the site itself writes a final year, so a period copied from a message reads back.
  match = /^(\d{4})\/(\d{2}|\d{4})( Final| \(final\))?$/i.exec(label);
  if (match) {
    const year = splitYear(match[1]!, match[2]!);
    if (year === null) return { ok: false, message: `a year of two consecutive years, such as "2022/23"` };
    // Academic years (September-August): the annual education and exclusions figures use them.
    const years = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
    return ok({ label: match[3] ? `${years} (final)` : years, kind: 'academic-year', start: `${year}-09-01`, end: `${year + 1}-08-31`, final: Boolean(match[3]) });
  }

  match = /^(\d{4})$/.exec(label);
  if (match) {
    return ok({ label, kind: 'calendar-year', start: `${match[1]}-01-01`, end: `${match[1]}-12-31`, final: false });
  }

  return { ok: false, message: `a period such as ${PERIOD_EXAMPLES}` };
}

function ok(period: Period): PeriodResult {
  return { ok: true, period };
}

/** Orders periods by their end date, then start date: the order a reader expects on a time line. */
export function comparePeriods(a: Period, b: Period): number {
  return a.end.localeCompare(b.end) || a.start.localeCompare(b.start) || a.label.localeCompare(b.label);
}

/** The midpoint of a period as milliseconds since the epoch (UTC): where it sits on a time axis. */
export function periodMidpoint(period: Period): number {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.end}T00:00:00Z`);
  return start + (end - start) / 2;
}

/** A stable key for a period, shared by labels that name the same period. */
export function periodKey(period: Period): string {
  return `${period.kind}:${period.start}:${period.end}`;
}

/** The reporting quarter a folder such as "2024-25-q1" stands for. */
export interface ReportingQuarter {
  /** Folder and data-file name: "2024-25-q1". */
  id: string;
  /** Financial year as in URLs: "2024-25". */
  year: string;
  /** "q1" to "q4". */
  quarter: string;
  /** The label the council uses: "Q1 2024/25". */
  label: string;
  /** The months covered, in words: "April to June 2024". */
  months: string;
  period: Period;
}

const QUARTER_MONTHS = ['April to June', 'July to September', 'October to December', 'January to March'];

export function parseQuarterId(id: string): ReportingQuarter | null {
  const match = /^(\d{4})-(\d{2})-q([1-4])$/.exec(id);
  if (!match) return null;
  const first = Number(match[1]);
  if ((first + 1) % 100 !== Number(match[2])) return null;
  const n = Number(match[3]);
  const label = `Q${n} ${first}/${match[2]}`;
  const parsed = parsePeriod(label);
  if (!parsed.ok) return null;
  const calendarYear = n === 4 ? first + 1 : first;
  return {
    id,
    year: `${match[1]}-${match[2]}`,
    quarter: `q${n}`,
    label,
    months: `${QUARTER_MONTHS[n - 1]} ${calendarYear}`,
    period: parsed.period,
  };
}

/** The folder a financial-year quarter's period belongs in ("Q2 2024/25" → "2024-25-q2"); null for any other period. */
export function quarterIdOf(period: Period): string | null {
  if (period.kind !== 'quarter') return null;
  const [year, month] = period.start.split('-').map(Number) as [number, number];
  const first = month >= 4 ? year : year - 1;
  const n = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}-q${n}`;
}

/** The kinds of period an indicator of each frequency is reported for. */
export const PERIOD_KINDS_FOR: Record<Frequency, readonly PeriodKind[]> = {
  quarterly: ['quarter'],
  termly: ['term'],
  annual: ['academic-year', 'calendar-year'],
};

/** How a period of each kind is described to the person fixing a file. */
export const PERIOD_KIND_WORDS: Record<PeriodKind, string> = {
  quarter: 'a quarter, such as "Q1 2024/25"',
  term: 'a school term, such as "Summer Term 2024"',
  'academic-year': 'a year, such as "2022/23"',
  'calendar-year': 'a year, such as "2024"',
};
