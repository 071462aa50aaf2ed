/**
 * Direction of travel: judged from the values and the indicator's polarity,
 * never taken from the export's Trend column (which is not reliable).
 */
import type { Polarity } from './cells.ts';

export type Direction = 'improved' | 'worse' | 'no-change';
export type Movement = 'up' | 'down' | 'same';

/** The word a reader sees for each direction of travel: on cards, badges, filters, lists. Defined once. */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = { improved: 'Improved', worse: 'Worse', 'no-change': 'No change' };

/** A change where neither direction is better: "Up (not judged)"; "No comparison" without an earlier figure. */
export function unjudgedLabel(movement: Movement | null): string {
  if (!movement) return 'No comparison';
  return `${movement === 'up' ? 'Up' : movement === 'down' ? 'Down' : 'No change'} (not judged)`;
}

/** Whether the value went up, down or stayed the same. */
export function movement(previous: number, latest: number): Movement {
  if (latest > previous) return 'up';
  if (latest < previous) return 'down';
  return 'same';
}

/**
 * Improved, worse or no change; null when either value is missing or the
 * indicator has no "better" direction (polarity neither).
 */
export function directionOfTravel(previous: number | null, latest: number | null, polarity: Polarity): Direction | null {
  if (previous === null || latest === null || polarity === 'neither') return null;
  const moved = movement(previous, latest);
  if (moved === 'same') return 'no-change';
  const better = polarity === 'higher is better' ? 'up' : 'down';
  return moved === better ? 'improved' : 'worse';
}

/** Words the export's Trend column uses, read as a movement of the value. */
const TREND_WORDS: Record<string, Movement> = {
  increase: 'up',
  increased: 'up',
  up: 'up',
  rise: 'up',
  decrease: 'down',
  decreased: 'down',
  decline: 'down',
  down: 'down',
  fall: 'down',
  'no change': 'same',
  same: 'same',
  unchanged: 'same',
};

/**
 * Reads a supplied Trend cell. Returns null when blank or a word we do not
 * know (the caller warns; the trend never drives what is published).
 */
export function readTrend(raw: string): Movement | null {
  return TREND_WORDS[raw.trim().toLowerCase()] ?? null;
}
