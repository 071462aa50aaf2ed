/**
 * The home page's headline figures: the ones the quarter's commentary chose
 * (`headlines:`), or else the indicators its summary names followed by a
 * balanced choice, and a sentence saying which.
 */
import type { Card } from '../model/cards.ts';
import type { QuarterView } from '../model/model.ts';
import { ragSchema } from '../core/vocabulary.ts';
import { summaryIndicators } from '../model/figure-text.ts';

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
  // The summary's story first: the indicators it names, in its order; they count towards the balance below.
  const named = summaryIndicators(quarter.commentary?.summaryTree ?? []).flatMap((id) => quarter.cards.filter((card) => card.indicator.id === id));
  // Then good news and bad alike: up to two red, two amber and two green in all, each in the dashboard's own order.
  const balanced = ragSchema.options.flatMap((rating) => {
    const room = PER_RATING - named.filter((card) => card.record.rag === rating).length;
    return quarter.cards.filter((card) => card.record.rag === rating && !named.includes(card)).slice(0, Math.max(0, room));
  });
  return {
    cards: [...named, ...balanced],
    how: named.length
      ? `The report did not choose headline figures. So these start with the ${named.length === 1 ? 'measure' : 'measures'} its summary names. Then come others, to make two red, two amber and two green, in the dashboard’s order.`
      : 'The report did not choose headline figures. So these are up to two red, two amber and two green measures, in the order of the council’s dashboard.',
  };
}
