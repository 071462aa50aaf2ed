/**
 * What an indicator card shows, as text: computed without Astro so it can be
 * unit-tested; src/components/IndicatorCard.astro renders it.
 */
import type { Card } from '../model/cards.ts';
import type { PublishedPoint } from '../model/series.ts';
import { formatFigure, ordinal } from '../core/format.ts';
import { targetWords } from '../model/figure-text.ts';
import { movement, readTrend } from '../core/direction.ts';

export interface CardView {
  /** The latest figure as published ("47.3%") and its period. */
  value: string;
  period: string;
  /** "Compared with 63.3% in Q4 2023/24: down 16.0 percentage points, a worse result." or null with no earlier figure. */
  compared: string | null;
  /** The target as published for the eye (">54.0%") and in words for a screen reader ("above 54.0%"); null when none is set. */
  target: { shown: string; words: string } | null;
  /** "4th (bottom)", or "No benchmark". */
  quartile: string;
  /** The averages the report gave, as published. */
  averages: { term: 'Statistical neighbours' | 'England average'; figure: string }[];
  /**
   * When the council's own Trend word disagrees with the figures: "The council's dashboard gives the trend as
   * “Decline”, but the figure went up, from 79.3% to 79.9%." Null when they agree or there is no word.
   */
  councilTrend: string | null;
  /** Notes on figures other reports gave differently: an earlier report this one revised, or a later report's revision. */
  revisions: { when: 'earlier' | 'later'; text: string }[];
}

export function cardView(card: Card, trend: readonly PublishedPoint[]): CardView {
  const { indicator, record } = card;
  const fmt = (figure: Parameters<typeof formatFigure>[0]) => formatFigure(figure, indicator);
  const quartile = record.quartile;
  return {
    value: fmt(record.latest.figure),
    period: record.latest.period.label,
    compared: record.previous ? `Compared with ${fmt(record.previous?.figure ?? null)} in ${record.previous.period.label}${card.change ? `: ${card.change}` : ''}.` : null,
    target: record.target ? { shown: record.target.text, words: targetWords(card) } : null,
    quartile: quartile ? `${ordinal(quartile)}${quartile === 1 ? ' (top)' : quartile === 4 ? ' (bottom)' : ''}` : 'No benchmark',
    averages: [
      ...(record.statisticalNeighbourAverage ? [{ term: 'Statistical neighbours' as const, figure: fmt(record.statisticalNeighbourAverage) }] : []),
      ...(record.englandAverage ? [{ term: 'England average' as const, figure: fmt(record.englandAverage) }] : []),
    ],
    councilTrend: councilTrendNote(card, fmt),
    revisions: [
      ...card.revisions
        .filter((revision) => !revision.later)
        .map((revision) => ({ when: 'earlier' as const, text: `${revision.quarterLabel}'s report gave ${fmt(revision.figure)} for ${revision.period}; this report revised it.` })),
      // Figures a later report gave differently: noted, never drawn into this quarter's trend line.
      ...trend.flatMap((point) =>
        point.laterRevisions.map((publication) => ({
          when: 'later' as const,
          text: `the ${point.period.label} figure shown here, ${fmt(point.figure)}, was revised in ${publication.quarterLabel}'s report to ${fmt(publication?.figure ?? null)}.`,
        })),
      ),
    ],
  };
}

const MOVED = { up: 'went up', down: 'went down', same: 'did not change' } as const;

/** The card's note when the dashboard's Trend word and the figures disagree (an unknown word is shown, never interpreted). */
function councilTrendNote(card: Card, fmt: (figure: Parameters<typeof formatFigure>[0]) => string): string | null {
  const { record } = card;
  const word = record.councilTrend;
  const previous = record.previous?.figure ?? null;
  const latest = record.latest.figure;
  if (!word || !previous || !latest) return null;
  const actual = movement(previous.value, latest.value);
  if (readTrend(word) === actual) return null;
  return `The council’s dashboard gives the trend as “${word}”, but the figure ${MOVED[actual]}, from ${fmt(previous)} to ${fmt(latest)}.`;
}
