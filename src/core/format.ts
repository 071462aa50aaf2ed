/**
 * The one value formatter. Every published figure is shown with exactly the
 * decimal places the council wrote it with (75.71% stays 75.71%, 2.5% is not
 * 2.50%): percentages with a % sign, thousands separated, a true minus sign.
 */
import type { Figure } from './cells.ts';
import type { Quartile } from './vocabulary.ts';
import type { Unit as UnitWord } from './vocabulary.ts';

export type { Figure };

type Unit = { unit: UnitWord };

const MINUS = '\u2212';

// One formatter per number of decimals: building an Intl.NumberFormat per call dominated large builds.
const formatters = new Map<number, Intl.NumberFormat>();

function fixed(value: number, decimals: number): string {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, formatter);
  }
  const text = formatter.format(Math.abs(value));
  // Negative zero and values that round to zero carry no sign.
  return value < 0 && Number(text.replace(/,/g, '')) !== 0 ? `${MINUS}${text}` : text;
}

/** "47.3%", "13,374", "−0.09", each with its published decimals; "no figure" when missing. */
export function formatFigure(figure: Figure | null, unit: Unit): string {
  if (figure === null) return 'no figure';
  const text = fixed(figure.value, figure.decimals);
  return unit.unit === 'percent' ? `${text}%` : text;
}

/**
 * Size of a change in the indicator's terms: "16.0 percentage points", "406", "0.08 points".
 * Shown to the finer of the two figures' published decimals, so it reads as the figures do.
 */
export function formatDifference(previous: Figure, latest: Figure, unit: Unit): string {
  const size = Math.abs(Number((latest.value - previous.value).toFixed(6)));
  // A real change never reads as "0.0": show as many decimals as it takes (0.8 → 0.84 is 0.04 points).
  let decimals = Math.max(previous.decimals, latest.decimals);
  while (decimals < 6 && size > 0 && Number(size.toFixed(decimals)) === 0) decimals++;
  const amount = fixed(size, decimals);
  const one = Number(amount) === 1;
  if (unit.unit === 'percent') return `${amount} percentage point${one ? '' : 's'}`;
  if (unit.unit === 'score') return `${amount} point${one ? '' : 's'}`;
  return amount;
}

/** "up 3.1 percentage points", "down 406", "no change". */
export function formatChange(previous: Figure | null, latest: Figure | null, unit: Unit): string | null {
  if (previous === null || latest === null) return null;
  if (previous.value === latest.value) return 'no change';
  return `${latest.value > previous.value ? 'up' : 'down'} ${formatDifference(previous, latest, unit)}`;
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth'];

/** "top quartile", "second quartile", "bottom quartile". */
export function quartileWords(quartile: Quartile): string {
  return quartile === 1 ? 'top quartile' : quartile === 4 ? 'bottom quartile' : `${ORDINALS[quartile]} quartile`;
}

/** "1st", "2nd"... for compact display. */
export function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** A whole-date label, "3 September 2024", from an ISO date, independent of the build machine's time zone. */
export function formatDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * A publishedDate as a date, or null when it is missing or "not recorded" (a past quarter whose papers give
 * none): the one place that rule is written, for every page, feed and data file.
 */
export function recordedDate(date: string | null | undefined): string | null {
  return date && date !== 'not recorded' ? date : null;
}
