/**
 * The whole site's data, built once from the catalogue and the quarters:
 * quarter views with their cards and summaries, and each indicator's series.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { Correction } from '../schemas/commentary.ts';
import type { Quarter } from '../ingest/validated.ts';
import { buildCard, type Card, type Revision } from './cards.ts';
import { periodKey } from '../core/periods.ts';
import { buildSeries, seriesAsPublished, type PublishedPoint, type SeriesPoint } from './series.ts';
import { summarise, type QuarterSummary } from './summary.ts';
import { renderSummary } from './figure-text.ts';

export interface QuarterView extends Quarter {
  cards: Card[];
  /** Cards grouped by area, in the catalogue's area order; empty areas left out. */
  areas: { area: string; cards: Card[] }[];
  summary: QuarterSummary;
  /** Neighbouring quarters in time, by id. */
  previousId: string | null;
  nextId: string | null;
  /** Corrections by indicator id. */
  corrections: Map<string, Correction[]>;
  /**
   * Each card's history as this quarter's report published it (by indicator id):
   * what its sparkline, chart and table show. Later revisions are notes, not points.
   */
  trends: Map<string, PublishedPoint[]>;
  /** The commentary's summary with its figure tags filled in; null without commentary. */
  summaryText: string | null;
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

/**
 * The quarter the site leads with: the newest published one; in a drafts preview with nothing
 * published yet, the newest draft. The home page, the navigation and the "not the latest" notice agree on it.
 */
export function leadingQuarter(model: Pick<SiteModel, 'quarters'>): QuarterView | undefined {
  return model.quarters.find((quarter) => quarter.publication === 'published') ?? model.quarters[0];
}

/**
 * Builds the site model from validated quarters. Validation has already checked
 * everything the model relies on, so nothing here throws for a content reason.
 */
export function buildModel(
  catalogue: readonly Indicator[],
  quarters: readonly Quarter[],
  /** The areas in reading order (site.yaml); by default in the catalogue's order of first appearance. */
  areaOrder: readonly string[] = [...new Set(catalogue.map((indicator) => indicator.area))],
): SiteModel {
  const byId = new Map(catalogue.map((indicator) => [indicator.id, indicator]));
  const oldestFirst = [...quarters].sort((a, b) => a.period.end.localeCompare(b.period.end));
  const series = buildSeries(oldestFirst.map((data) => ({ id: data.id, label: data.label, end: data.period.end, indicators: data.indicators })));

  const views: QuarterView[] = oldestFirst.map((data, index) => {
    const cards = data.indicators.flatMap((record) => {
      const indicator = byId.get(record.id);
      return indicator ? [buildCard(indicator, record)] : [];
    });
    const areas = areaOrder.map((area) => ({
      area: area as string,
      // Within an area, cards keep the order of the council's own file.
      cards: cards.filter((card) => card.indicator.area === area).sort((a, b) => a.record.line - b.record.line),
    })).filter((group) => group.cards.length > 0);
    const corrections = new Map<string, Correction[]>();
    for (const correction of data.commentary?.corrections ?? []) {
      corrections.set(correction.indicator, [...(corrections.get(correction.indicator) ?? []), correction]);
    }
    const trends = new Map(
      cards.map((card) => [card.indicator.id, seriesAsPublished(series.get(card.indicator.id) ?? [], data.period.end, card.record.latest.period)]),
    );
    const summary = summarise(cards);
    return {
      ...data,
      corrections,
      trends,
      summaryText: data.commentary ? renderSummary(data.commentary.summaryTree, { cards, summary }) : null,
      cards: areas.flatMap((group) => group.cards),
      areas,
      summary,
      previousId: oldestFirst[index - 1]?.id ?? null,
      nextId: oldestFirst[index + 1]?.id ?? null,
    };
  });

  const indicators = new Map<string, IndicatorView>();
  for (const indicator of catalogue) {
    indicators.set(indicator.id, { indicator, series: series.get(indicator.id) ?? [], appearances: [] });
  }
  // Each series indexed by period once, so finding a card's points does not scan the history.
  const pointIndexes = new Map<IndicatorView, Map<string, SeriesPoint>>();
  const pointIndex = (view: IndicatorView) => {
    let index = pointIndexes.get(view);
    if (!index) pointIndexes.set(view, (index = new Map(view.series.map((point) => [periodKey(point.period), point]))));
    return index;
  };
  // One pass over every card, oldest quarter first, so appearances come out in time order.
  const order = new Map(views.map((view, index) => [view.id, index]));
  for (const view of views) {
    for (const card of view.cards) {
      const view_ = indicators.get(card.indicator.id)!;
      view_.appearances.push({ quarterId: view.id, card });
      card.revisions = revisionsFor(card, view.id, pointIndex(view_), order);
    }
  }
  const newestFirst = views.reverse();
  // The catalogue in reading order: by area, then name.
  const sortedCatalogue = [...catalogue].sort(
    (a, b) => areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area) || a.name.localeCompare(b.name, 'en-GB'),
  );
  return { catalogue: sortedCatalogue, quarters: newestFirst, quarterById: new Map(newestFirst.map((view) => [view.id, view])), indicators };
}

/** Reports other than this card's that gave one of its periods a different figure. */
function revisionsFor(card: Card, quarterId: string, index: ReadonlyMap<string, SeriesPoint>, order: Map<string, number>): Revision[] {
  const revisions: Revision[] = [];
  for (const role of ['latest', 'previous'] as const) {
    const observation = card.record[role];
    if (!observation) continue;
    const point = index.get(periodKey(observation.period));
    for (const publication of point?.publications ?? []) {
      if (publication.quarterId === quarterId || publication.figure === null || publication.figure.value === observation.figure?.value) continue;
      revisions.push({
        period: observation.period.label,
        role,
        quarterId: publication.quarterId,
        quarterLabel: publication.quarterLabel,
        figure: publication.figure,
        later: order.get(publication.quarterId)! > order.get(quarterId)!,
      });
    }
  }
  return revisions;
}
