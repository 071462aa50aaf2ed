/**
 * What the home page shows, computed from the model without Astro so it can
 * be unit-tested without a build; src/pages/index.astro renders it.
 */
import type { Card } from '../model/cards.ts';
import { leadingQuarter, type QuarterView, type SiteModel } from '../model/model.ts';
import { formatFigure } from '../core/format.ts';
import { chooseHeadlines } from './headlines.ts';
import type { Link } from './page-parts.ts';
import { paths } from './urls.ts';

/** A small card: the figure, its period, the badges and the sentence, linking to the full card. */
export interface HeadlineCard {
  card: Card;
  link: Link;
  value: string;
  period: string;
}

export interface HomePage {
  /** The newest published quarter (the newest quarter in a drafts preview with none published); null before the first. */
  latest: {
    quarter: QuarterView;
    link: Link;
    headlines: HeadlineCard[];
    /** Said on the page: how the headline figures were chosen. */
    headlinesHow: string;
  } | null;
  /** Every quarter, newest first. */
  quarters: (Link & { detail: string })[];
}

export function homePage(model: SiteModel): HomePage {
  const quarter = leadingQuarter(model);
  const headlines = quarter ? chooseHeadlines(quarter) : null;
  return {
    latest:
      quarter && headlines
        ? {
            quarter,
            link: { path: paths.quarter(quarter), text: `See all ${quarter.cards.length} indicators for ${quarter.label}` },
            headlines: headlines.cards.map((card) => ({
              card,
              link: { path: paths.card(quarter, card.indicator.id), text: card.indicator.title },
              value: formatFigure(card.record.latest.figure, card.indicator),
              period: card.record.latest.period.label,
            })),
            headlinesHow: headlines.how,
          }
        : null,
    quarters: model.quarters.map((each) => ({ path: paths.quarter(each), text: each.label, detail: `${each.months}, ${each.cards.length} indicators` })),
  };
}
