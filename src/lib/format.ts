/**
 * Figures formatted as the catalogue says: percentages with their decimals
 * and a % sign, counts with thousands separators, scores with a sign.
 */
import type { Indicator } from '../schemas/indicator';

type Unit = Pick<Indicator, 'unit' | 'decimals'>;

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

/** "47.3%", "13,374", "−0.09"; "no figure" when missing. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return 'no figure';
  return unit.unit === 'percent' ? `${fixed(value, unit.decimals)}%` : fixed(value, unit.decimals);
}

/** A number with the decimals as published, for tables and data (never rounded further). */
export function formatExact(value: number | null, decimals: number | null, unit: Pick<Indicator, 'unit'>): string {
  if (value === null) return 'no figure';
  const text = fixed(value, decimals ?? 0);
  return unit.unit === 'percent' ? `${text}%` : text;
}

/** Size of a change in the indicator's terms: "16.0 percentage points", "406", "0.08 points". */
export function formatDifference(previous: number, latest: number, unit: Unit): string {
  const size = Math.abs(Number((latest - previous).toFixed(6)));
  // A real change never reads as "0.0": show as many decimals as it takes (0.8 → 0.84 is 0.04 points).
  let decimals = unit.decimals;
  while (decimals < 4 && size > 0 && Number(size.toFixed(decimals)) === 0) decimals++;
  const amount = fixed(size, decimals);
  if (unit.unit === 'percent') return `${amount} percentage point${amount === '1' || amount === '1.0' ? '' : 's'}`;
  if (unit.unit === 'score') return `${amount} point${amount === '1.00' ? '' : 's'}`;
  return amount;
}

/** "up 3.1 percentage points", "down 406", "no change". */
export function formatChange(previous: number | null, latest: number | null, unit: Unit): string | null {
  if (previous === null || latest === null) return null;
  if (previous === latest) return 'no change';
  return `${latest > previous ? 'up' : 'down'} ${formatDifference(previous, latest, unit)}`;
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth'];

/** "top quartile", "second quartile", "bottom quartile". */
export function quartileWords(quartile: 1 | 2 | 3 | 4): string {
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
