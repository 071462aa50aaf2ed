/**
 * What a card says about one indicator in one quarter: direction of travel,
 * whether the target is met, and one plain-English line putting it together.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { QuarterIndicator } from '../core/records.ts';
import { meetsTarget } from '../core/cells.ts';
import { directionOfTravel, movement, type Direction, type Movement } from '../core/direction.ts';
import { formatChange, formatFigure, quartileWords, type Figure } from '../core/format.ts';

export interface Card {
  indicator: Indicator;
  record: QuarterIndicator;
  direction: Direction | null;
  /** Which way the value moved, whatever the polarity. */
  movement: Movement | null;
  /** Whether the latest value meets the target; null with no target or no value. */
  targetMet: boolean | null;
  /** "up 3.1 percentage points, an improvement". */
  change: string | null;
  /** "Better than Q4 2023/24, still below the 97.2% target; second quartile nationally." */
  sentence: string;
  /** Other reports that gave this card's periods a different figure (filled in once all quarters are read). */
  revisions: Revision[];
}

export interface Revision {
  /** The period whose figure differs, as this card labels it. */
  period: string;
  /** Whether it is this card's latest or previous figure. */
  role: 'latest' | 'previous';
  /** The other report and the figure it gave, as it was published. */
  quarterId: string;
  quarterLabel: string;
  figure: Figure | null;
  /** True when the other report is later than this card's (a later revision), false when earlier. */
  later: boolean;
}


export function targetPhrase(card: Omit<Card, 'sentence' | 'revisions'>): string | null {
  const { record, indicator, targetMet, direction } = card;
  if (!record.target || targetMet === null) return null;
  const target = `${formatFigure(record.target, indicator)} target`;
  if (targetMet) return `${direction === 'worse' ? 'still ' : ''}meeting the ${target}`;
  const side = indicator.polarity === 'lower is better' || record.target.comparison === 'below' || record.target.comparison === 'at most' ? 'above' : 'below';
  return `${direction === 'improved' || direction === 'no-change' ? 'still ' : ''}${side} the ${target}`;
}

function directionPhrase(card: Omit<Card, 'sentence' | 'revisions'>): string | null {
  const previous = card.record.previous;
  if (!previous || card.movement === null) return null;
  const period = previous.period.label;
  if (card.direction === 'improved') return `Better than ${period}`;
  if (card.direction === 'worse') return `Worse than ${period}`;
  if (card.movement === 'same') return `The same as ${period}`;
  return `${card.movement === 'up' ? 'Higher' : 'Lower'} than ${period}`;
}

export function describeCard(card: Omit<Card, 'sentence' | 'revisions'>): string {
  const parts = [directionPhrase(card), targetPhrase(card)].filter(Boolean) as string[];
  let sentence = parts.join(', ');
  if (card.record.quartile) {
    const quartile = `${quartileWords(card.record.quartile)} nationally`;
    sentence = sentence ? `${sentence}; ${quartile}` : quartile.charAt(0).toUpperCase() + quartile.slice(1);
  }
  if (!sentence) sentence = card.record.latest.figure === null ? 'No figure was published for this period' : 'No earlier figure to compare with';
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

export function buildCard(indicator: Indicator, record: QuarterIndicator): Card {
  const previous = record.previous?.figure?.value ?? null;
  const latest = record.latest.figure?.value ?? null;
  const direction = directionOfTravel(previous, latest, indicator.polarity);
  const change = formatChange(record.previous?.figure ?? null, record.latest.figure, indicator);
  const partial = {
    indicator,
    record,
    direction,
    movement: previous !== null && latest !== null ? movement(previous, latest) : null,
    targetMet: record.target && latest !== null ? meetsTarget(latest, record.target, indicator.polarity) : null,
    change: change && direction && direction !== 'no-change' ? `${change}, ${direction === 'improved' ? 'an improvement' : 'a worse result'}` : change,
  };
  return { ...partial, sentence: describeCard(partial), revisions: [] };
}

/** A quarter's card for an indicator id, or undefined when its data has none: the one way a figure tag, chart or correction finds its card. */
export function cardOf(holder: { readonly cards: readonly Card[] }, indicatorId: string | undefined): Card | undefined {
  return holder.cards.find((card) => card.indicator.id === indicatorId);
}
