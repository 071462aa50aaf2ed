/**
 * The whole site's data, built once from the catalogue and the quarters:
 * quarter views with their cards and summaries, and each indicator's series.
 */
import { AREAS, type Indicator } from '../schemas/indicator';
import type { Quarter } from '../schemas/quarter';
import { buildCard, type Card } from './cards';
import { buildSeries, type SeriesPoint } from './series';
import { summarise, type QuarterSummary } from './summary';

export interface QuarterView extends Quarter {
  id: string;
  cards: Card[];
  /** Cards grouped by area, in the catalogue's area order; empty areas left out. */
  areas: { area: string; cards: Card[] }[];
  summary: QuarterSummary;
  /** Neighbouring quarters in time, by id. */
  previousId: string | null;
  nextId: string | null;
}

export interface IndicatorView {
  indicator: Indicator;
  series: SeriesPoint[];
  /** Quarters whose file reports the indicator, oldest first, with its card there. */
  appearances: { quarterId: string; card: Card }[];
}

export interface SiteModel {
  catalogue: Indicator[];
  /** Newest first. */
  quarters: QuarterView[];
  quarterById: Map<string, QuarterView>;
  indicators: Map<string, IndicatorView>;
}

export function buildModel(catalogue: readonly Indicator[], quarters: readonly { id: string; data: Quarter }[]): SiteModel {
  const byId = new Map(catalogue.map((indicator) => [indicator.id, indicator]));
  const oldestFirst = [...quarters].sort((a, b) => a.data.end.localeCompare(b.data.end));

  const views: QuarterView[] = oldestFirst.map(({ id, data }, index) => {
    const cards = data.indicators.map((record) => {
      const indicator = byId.get(record.id);
      if (!indicator) throw new Error(`${data.file} reports "${record.id}", which is not in the catalogue`);
      return buildCard(indicator, record);
    });
    const areas = AREAS.map((area) => ({
      area: area as string,
      // Within an area, cards keep the order of the council's own file.
      cards: cards.filter((card) => card.indicator.area === area).sort((a, b) => a.record.line - b.record.line),
    })).filter((group) => group.cards.length > 0);
    return {
      ...data,
      id,
      cards: areas.flatMap((group) => group.cards),
      areas,
      summary: summarise(cards),
      previousId: oldestFirst[index - 1]?.id ?? null,
      nextId: oldestFirst[index + 1]?.id ?? null,
    };
  });

  const series = buildSeries(views.map(({ id, label, end, indicators }) => ({ id, label, end, indicators })));
  const indicators = new Map<string, IndicatorView>();
  for (const indicator of catalogue) {
    indicators.set(indicator.id, {
      indicator,
      series: series.get(indicator.id) ?? [],
      appearances: views.flatMap((view) => view.cards.filter((card) => card.indicator.id === indicator.id).map((card) => ({ quarterId: view.id, card }))),
    });
  }
  const newestFirst = views.reverse();
  // The catalogue in reading order: by area, then name.
  const sortedCatalogue = [...catalogue].sort(
    (a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || a.name.localeCompare(b.name, 'en-GB'),
  );
  return { catalogue: sortedCatalogue, quarters: newestFirst, quarterById: new Map(newestFirst.map((view) => [view.id, view])), indicators };
}
