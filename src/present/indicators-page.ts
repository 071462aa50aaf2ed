/**
 * What the list of all indicators shows, computed from the model without Astro
 * so it can be unit-tested; src/pages/indicators/index.astro renders it.
 */
import type { Card } from '../model/cards.ts';
import type { SiteModel } from '../model/model.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { formatFigure } from '../core/format.ts';
import { areaSlug } from './quarter-page.ts';
import { paths } from './urls.ts';
import { searchDoc } from './search-docs.ts';
import type { SearchDoc } from '../core/search.ts';

export interface IndicatorListItem {
  indicator: Indicator;
  path: string;
  /** The newest report's card and its figure as published ("47.3%" in "Q1 2024/25"); null before any report includes it. */
  latest: { card: Card; value: string; period: string } | null;
  /** What the search looks through: title, dashboard name and its other spellings, definition. */
  search: SearchDoc;
}

export interface IndicatorsPage {
  /** Areas in site.yaml's order, each with its indicators in the catalogue's order; areas with none left out. */
  groups: { area: string; slug: string; items: IndicatorListItem[] }[];
}

export function indicatorsPage(model: SiteModel, areas: readonly string[]): IndicatorsPage {
  const itemOf = (indicator: Indicator): IndicatorListItem => {
    const card = model.indicators.get(indicator.id)?.appearances.at(-1)?.card;
    return {
      indicator,
      path: paths.indicator(indicator.id),
      latest: card ? { card, value: formatFigure(card.record.latest.figure, indicator), period: card.record.latest.period.label } : null,
      search: searchDoc(indicator),
    };
  };
  return {
    groups: areas
      .map((area) => ({ area, slug: areaSlug(area), items: model.catalogue.filter((indicator) => indicator.area === area).map(itemOf) }))
      .filter((group) => group.items.length),
  };
}
