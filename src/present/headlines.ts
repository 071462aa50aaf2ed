/**
 * The home page's headline figures: the ones the quarter's commentary chose
 * (`headlines:`), or else a balanced choice, and a sentence saying which.
 */
import type { Card } from '../model/cards.ts';
import type { QuarterView } from '../model/model.ts';
import { ragSchema } from '../core/vocabulary.ts';

export interface Headlines {
  cards: Card[];
  /** Said on the page, so a reader knows why these figures and not others. */
  how: string;
}

const PER_RATING = 2;

export function chooseHeadlines(quarter: Pick<QuarterView, 'cards' | 'commentary'>): Headlines {
  const chosen = quarter.commentary?.headlines ?? [];
  if (chosen.length) {
    return {
      cards: chosen.flatMap((id) => quarter.cards.filter((card) => card.indicator.id === id)),
      how: 'Chosen by the report’s authors.',
    };
  }
  // Good news and bad alike: up to two red, two amber and two green, each in the dashboard's own order.
  const cards = ragSchema.options.flatMap((rating) => quarter.cards.filter((card) => card.record.rag === rating).slice(0, PER_RATING));
  return {
    cards,
    how: 'The report did not choose headline figures. So these are up to two red, two amber and two green measures, in the order of the council’s dashboard.',
  };
}
