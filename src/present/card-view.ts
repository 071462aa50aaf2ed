/**
 * What an indicator card shows, as text: computed without Astro so it can be
 * unit-tested; src/components/IndicatorCard.astro renders it.
 */
import type { Card } from '../model/cards.ts';
import type { PublishedPoint } from '../model/series.ts';
import { formatFigure, ordinal, quartileWords } from '../core/format.ts';
import { targetWords } from '../model/figure-text.ts';
import { movement, readTrend } from '../core/direction.ts';
import { targetPhrase } from '../model/cards.ts';


export interface CardView {
  /** The latest figure as published ("47.3%") and its period. */
  value: string;
  period: string;
  /** "Compared with 63.3% in Q4 2023/24: down 16.0 percentage points." or null with no earlier figure (the judgement is the badge's alone). */
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
  /** Where the figure stands, without the direction the badge gives: "Below the 54.0% target; bottom quartile nationally." or null. */
  standing: string | null;
  /** Whose rating it is, and, when the rating and the target (or the direction) seem to disagree, why they can. */
  rating: { words: string; note: string | null };
  /** The name of the card's one citation control, naming its figure: "Cite this figure: 47.3% in Q1 2024/25". */
  cite: string;
  /** Notes on figures other reports gave differently: an earlier report this one revised, or a later report's revision. */
  revisions: { when: 'earlier' | 'later'; text: string }[];
}

/** The judgement a change carries ("…, a worse result"): said once on a card, by its direction badge. */
const JUDGEMENT = /, (an improvement|a worse result)$/;

function standing(card: Card): string | null {
  const target = targetPhrase(card)?.replace(/^still /, '');
  const quartile = card.record.quartile ? `${quartileWords(card.record.quartile)} nationally` : null;
  const text = [target, quartile].filter(Boolean).join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : null;
}

const RAG_NAMES = { green: 'green', amber: 'amber', red: 'red' } as const;

/**
 * "The rating is the council’s own." The rating is the council's judgement against its target or expectations, so it can
 * differ from what the target or the direction alone would suggest: when it does, the card says so plainly.
 */
export function ratingView(card: Pick<Card, 'record' | 'targetMet' | 'direction'>): CardView['rating'] {
  const rag = card.record.rag;
  // The colour is the badge's to say; this line says whose it is.
  if (!rag) return { words: 'The council gave no rating.', note: null };
  const words = 'The rating is the council’s own.';
  const why = 'A rating can take in more than the target, such as the trend or how hard the target is.';
  if (!card.record.target) return { words, note: `No target is published for this measure, so the council rated it against its own expectations.` };
  if (card.targetMet === true && rag !== 'green') return { words, note: `The figure meets its target but is rated ${RAG_NAMES[rag]}. ${why}` };
  if (card.targetMet === false && rag === 'green') return { words, note: `The figure misses its target but is rated green. ${why}` };
  if (card.direction === 'worse' && rag === 'green') return { words, note: 'Rated green although the figure got worse: the rating looks at the target, not at the change since last time.' };
  if (card.direction === 'improved' && rag === 'red') return { words, note: 'Rated red although the figure got better: the rating looks at the target, not at the change since last time.' };
  return { words, note: null };
}

export function cardView(card: Card, trend: readonly PublishedPoint[]): CardView {
  const { indicator, record } = card;
  const fmt = (figure: Parameters<typeof formatFigure>[0]) => formatFigure(figure, indicator);
  const quartile = record.quartile;
  return {
    value: fmt(record.latest.figure),
    period: record.latest.period.label,
    compared: record.previous ? `Compared with ${fmt(record.previous?.figure ?? null)} in ${record.previous.period.label}${card.change ? `: ${card.change.replace(JUDGEMENT, '')}` : ''}.` : null,
    standing: standing(card),
    rating: ratingView(card),
    cite: `Cite this figure: ${fmt(record.latest.figure)} in ${record.latest.period.label}`,
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
