/**
 * Readers for single spreadsheet cells. Each returns either the value or a
 * sentence describing what was expected, so the caller can say which cell
 * was wrong. A blank cell is always "missing" (null), never 0.
 */

import type { Polarity, Quartile, Rag } from './vocabulary.ts';

export type { Polarity, Quartile, Rag };

export type CellResult<T> = { ok: true; value: T } | { ok: false; expected: string };

const MISSING = new Set(['', 'n/a', 'na', '-', '–', '—', 'n.a.', 'not available']);

/** True for the ways an export writes "no figure": blank, N/A, NA, a dash. */
export function isMissing(raw: string): boolean {
  return MISSING.has(raw.trim().toLowerCase());
}

/** A figure as the council published it: the number and the decimal places it was written with. */
export interface Figure {
  value: number;
  /** Decimal places as published ("75.71%" has 2, "2.5%" has 1): shown exactly so, never rounded or padded. */
  decimals: number;
}

export interface ParsedNumber extends Figure {
  /** The cell carried a % sign. */
  percentSign: boolean;
}

const NUMBER_PATTERN = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A published number: "75.71%", "12801", "13,374", "-0.76", "−0.09" (a true
 * minus sign), "0.07". Returns null for a missing value.
 */
export function readNumber(raw: string): CellResult<ParsedNumber | null> {
  const text = raw.trim();
  if (isMissing(text)) return { ok: true, value: null };
  // Spaces inside a number are never dropped: "44 93" may be two figures run together, and joining them publishes 4,493.
  if (/\s/.test(text)) {
    return { ok: false, expected: 'one number with no spaces inside it, such as 44.93% (a space may mean two figures have run together)' };
  }
  const normalised = text.replace(/[\u2212\u2012\u2013]/g, '-');
  const percentSign = normalised.endsWith('%');
  const digits = percentSign ? normalised.slice(0, -1) : normalised;
  if (!NUMBER_PATTERN.test(digits)) {
    return { ok: false, expected: 'a number such as 47.3%, 1279, 13,374 or -0.76, or N/A when there is no figure' };
  }
  // Beyond 15 significant digits a number cannot be held exactly: refuse it rather than publish a rounded figure.
  if (digits.replace(/\D/g, '').replace(/^0+/, '').length > 15) return { ok: false, expected: 'a number of a sensible size (at most 15 digits)' };
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, expected: 'a number of a sensible size' };
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  return { ok: true, value: { value: value === 0 ? 0 : value, decimals, percentSign } };
}

const RAG_WORDS: Record<string, Rag> = { green: 'green', g: 'green', amber: 'amber', a: 'amber', red: 'red', r: 'red' };

/** RAG status: Green/G, Amber/A, Red/R in any case; N/A or blank for none. */
export function readRag(raw: string): CellResult<Rag | null> {
  const text = raw.trim().toLowerCase();
  if (isMissing(text)) return { ok: true, value: null };
  const rag = RAG_WORDS[text];
  return rag ? { ok: true, value: rag } : { ok: false, expected: 'Green, Amber or Red (or G, A, R), or N/A when not rated' };
}

/** National quartile: 2, 2nd, Q2 or "Quartile 2"; N/A or blank for none. */
export function readQuartile(raw: string): CellResult<Quartile | null> {
  const text = raw.trim().toLowerCase();
  if (isMissing(text)) return { ok: true, value: null };
  const match = /^(?:q|quartile\s*)?([1-4])(?:st|nd|rd|th)?$/.exec(text);
  return match
    ? { ok: true, value: Number(match[1]) as Quartile }
    : { ok: false, expected: 'a quartile from 1 to 4 (such as 2, 2nd or Q2), or N/A when there is no benchmark' };
}

/** Polarity as the export writes it (High = Good, Low = Good, N/A) or as the catalogue does. */
export function readPolarity(raw: string): CellResult<Polarity> {
  // "High=Good" and "High = Good" alike: spacing round the "=" is how the cell was typed, not what it says.
  const text = raw.trim().toLowerCase().replace(/\s*=\s*/g, ' = ').replace(/\s+/g, ' ');
  if (isMissing(text) || text === 'neither') return { ok: true, value: 'neither' };
  if (['high = good', 'high is good', 'higher is better', 'high'].includes(text)) return { ok: true, value: 'higher is better' };
  if (['low = good', 'low is good', 'lower is better', 'low'].includes(text)) return { ok: true, value: 'lower is better' };
  return { ok: false, expected: '"High = Good", "Low = Good" or "N/A"' };
}

export interface Target extends Figure {
  /** The target exactly as published, such as ">97.2%". */
  text: string;
  /** How the value is compared with it; null for a bare figure, which is met when at least as good (by polarity). */
  comparison: 'above' | 'below' | 'at least' | 'at most' | null;
  /** The target carried a % sign. */
  percentSign: boolean;
}

const COMPARISONS: Record<string, Target['comparison']> = { '>': 'above', '<': 'below', '>=': 'at least', '≥': 'at least', '<=': 'at most', '≤': 'at most' };

/** Targets: ">97.2%", "<20.8%", ">=90%", or a bare "93.7%". */
export function readTarget(raw: string): CellResult<Target | null> {
  const text = raw.trim();
  if (isMissing(text)) return { ok: true, value: null };
  const match = /^(>=|<=|≥|≤|>|<)?\s*([\s\S]+)$/.exec(text)!; // [\s\S]: a cell may hold a line break
  const number = readNumber(match[2]!);
  if (!number.ok || number.value === null) {
    return { ok: false, expected: 'a target such as >97.2%, <20.8% or 93.7%, or N/A when there is no target' };
  }
  const { value, decimals, percentSign } = number.value;
  return { ok: true, value: { text, comparison: COMPARISONS[match[1] ?? ''] ?? null, value, decimals, percentSign } };
}

/** Whether a value meets its target; null when that cannot be judged (a bare target on an indicator with no better direction). */
export function meetsTarget(value: number, target: Target, polarity: Polarity): boolean | null {
  const comparison = target.comparison ?? (polarity === 'higher is better' ? 'at least' : polarity === 'lower is better' ? 'at most' : null);
  switch (comparison) {
    case 'above':
      return value > target.value;
    case 'below':
      return value < target.value;
    case 'at least':
      return value >= target.value;
    case 'at most':
      return value <= target.value;
    default:
      return null;
  }
}

/** How far apart two figures of one row may be and still be "about a hundred times": a fraction's 0.473 beside 47.3% is 100. */
const HUNDREDFOLD = { low: 30, high: 300 } as const;

/**
 * For a percentage written as a fraction (0.473 for 47.3%, as a workbook cell
 * holds it before its % format): the other figure of the row it is about a
 * hundredth of, or null. Judged against the row's own figures, never against
 * an absolute "below 1", since some percentages are truly small (permanent
 * exclusions are 0.02-0.11%); a fraction is at most 1, so only such a figure can be one.
 */
export function hundredthOf<T extends { value: number }>(figure: Figure, others: readonly T[]): T | null {
  const size = Math.abs(figure.value);
  if (size === 0 || size > 1) return null;
  return others.find((other) => Math.abs(other.value) / size >= HUNDREDFOLD.low && Math.abs(other.value) / size <= HUNDREDFOLD.high) ?? null;
}

/** The percentage a fraction stands for, with the decimals it was written with: 0.473 is "47.3%", 0.54 is "54%". */
export function fractionAsPercent(figure: Figure): string {
  return `${(figure.value * 100).toFixed(Math.max(0, figure.decimals - 2))}%`;
}
