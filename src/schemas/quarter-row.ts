import { z } from 'astro/zod';
import { readNumber, readPolarity, readQuartile, readRag, readTarget, type CellResult } from '../core/cells.ts';
import { parsePeriod, type Period } from '../core/periods.ts';
import { cell } from './cell.ts';

/**
 * The columns of a quarterly data file: the council's dashboard export.
 * Columns are found by header name (ignoring case and punctuation), never by position.
 */
export const QUARTER_COLUMNS = [
  { key: 'topic', header: 'Topic', required: false },
  { key: 'theme', header: 'Theme', required: false },
  { key: 'indicator', header: 'Indicator', required: true },
  { key: 'valueType', header: 'Value Type', required: true },
  { key: 'polarity', header: 'Polarity', required: true },
  { key: 'frequency', header: 'Reporting Frequency', required: false },
  { key: 'previousPeriod', header: 'Previous Period', required: true },
  { key: 'previousValue', header: 'Previous Value', required: true },
  { key: 'latestPeriod', header: 'Latest Period', required: true },
  { key: 'latestValue', header: 'Latest Value', required: true },
  { key: 'trend', header: 'Trend', required: false },
  { key: 'target', header: 'Target', required: true },
  { key: 'rag', header: 'Status RAG', required: true, alsoMatches: ['rag', 'ragstatus', 'status'] },
  {
    key: 'quartile',
    header: 'National benchmark (quartile 1 = top)',
    required: true,
    alsoMatches: ['nationalbenchmark', 'quartile', 'nationalquartile'],
  },
  {
    key: 'statisticalNeighbourAverage',
    header: 'Most recent Statistical Neighbour average',
    required: true,
    alsoMatches: ['statisticalneighbouraverage', 'snaverage'],
  },
  { key: 'englandAverage', header: 'England average', required: false, alsoMatches: ['englandaverage', 'national average'] },
] as const;

export type QuarterColumnKey = (typeof QUARTER_COLUMNS)[number]['key'];

function readPeriod(raw: string): CellResult<Period> {
  const parsed = parsePeriod(raw);
  return parsed.ok ? { ok: true, value: parsed.period } : { ok: false, expected: parsed.message };
}

function readOptionalPeriod(raw: string): CellResult<Period | null> {
  return raw.trim() === '' || /^n\/?a$/i.test(raw.trim()) ? { ok: true, value: null } : readPeriod(raw);
}

export type ValueType = 'percent' | 'number';

function readValueType(raw: string): CellResult<ValueType> {
  const text = raw.trim().toLowerCase();
  if (text === 'percent' || text === 'percentage' || text === '%') return { ok: true, value: 'percent' };
  if (text === 'number' || text === 'count' || text === 'score') return { ok: true, value: 'number' };
  return { ok: false, expected: '"Percent" or "Number"' };
}

/** One indicator row of a quarterly data file, each cell read from its text. */
export const quarterRowSchema = z.object({
  /** Strategic-plan outcome; blank means "same as the row above". */
  topic: z.string(),
  /** Area; blank means "same as the row above". */
  theme: z.string(),
  /** Indicator name as the export spells it; matched to the catalogue. */
  indicator: z.string().trim().min(1, 'the indicator name'),
  /** "Percent" or "Number". */
  valueType: cell(readValueType),
  /** "High = Good", "Low = Good" or "N/A"; must agree with the catalogue. */
  polarity: cell(readPolarity),
  /** As published; informational (the catalogue holds the frequency). */
  frequency: z.string(),
  previousPeriod: cell(readOptionalPeriod),
  previousValue: cell(readNumber),
  latestPeriod: cell(readPeriod),
  latestValue: cell(readNumber),
  /** The export's own trend word; checked against the values, never published. */
  trend: z.string(),
  target: cell(readTarget),
  rag: cell(readRag),
  quartile: cell(readQuartile),
  statisticalNeighbourAverage: cell(readNumber),
  englandAverage: cell(readNumber),
});

export type QuarterRow = z.infer<typeof quarterRowSchema>;
