/**
 * The whole site's data, built once from the catalogue and the quarters:
 * quarter views with their cards and summaries, and each indicator's series.
 */
import { AREAS, type Indicator } from '../schemas/indicator';
import type { Commentary, Correction } from '../schemas/commentary';
import type { Quarter } from '../schemas/quarter';
import { checkCorrections } from './corrections';
import { ContentError } from './problems';
import { buildCard, type Card, type Revision } from './cards';
import { parsePeriod, periodKey } from './periods';
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
  /** The commentary's frontmatter, when the quarter has commentary. */
  commentary: (Commentary & { file: string }) | null;
  /** Corrections by indicator id. */
  corrections: Map<string, Correction[]>;
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

export interface BuildOptions {
  /** Commentary frontmatter by quarter id, with the file it came from. */
  commentary?: Map<string, Commentary & { file: string }>;
  /** Include quarters whose commentary is a draft (the dev server does; the public build does not). */
  includeDrafts?: boolean;
}

export function buildModel(
  catalogue: readonly Indicator[],
  allQuarters: readonly { id: string; data: Quarter }[],
  { commentary = new Map(), includeDrafts = false }: BuildOptions = {},
): SiteModel {
  const quarters = allQuarters.filter(({ id }) => includeDrafts || commentary.get(id)?.status !== 'draft');
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
    const notes = commentary.get(id) ?? null;
    const corrections = new Map<string, Correction[]>();
    if (notes) {
      const problems = checkCorrections(notes.corrections, cards, notes.file);
      if (notes.period !== data.label) {
        problems.push({ file: notes.file, found: `period: ${notes.period}`, expected: `period: ${data.label}, the quarter of the folder it is in` });
      }
      if (problems.length) throw new ContentError(notes.file, problems);
      for (const correction of notes.corrections) corrections.set(correction.indicator, [...(corrections.get(correction.indicator) ?? []), correction]);
    }
    return {
      ...data,
      id,
      commentary: notes,
      corrections,
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
    (a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || a.name.localeCompare(b.name, 'en-GB'),
  );
  return { catalogue: sortedCatalogue, quarters: newestFirst, quarterById: new Map(newestFirst.map((view) => [view.id, view])), indicators };
}

/** Reports other than this card's that gave one of its periods a different figure. */
function revisionsFor(card: Card, quarterId: string, index: ReadonlyMap<string, SeriesPoint>, order: Map<string, number>): Revision[] {
  const revisions: Revision[] = [];
  for (const role of ['latest', 'previous'] as const) {
    const observation = card.record[role];
    if (!observation) continue;
    const parsed = parsePeriod(observation.period);
    if (!parsed.ok) continue;
    const point = index.get(periodKey(parsed.period));
    for (const publication of point?.publications ?? []) {
      if (publication.quarterId === quarterId || publication.value === observation.value || publication.value === null) continue;
      revisions.push({
        period: observation.period,
        role,
        quarterId: publication.quarterId,
        quarterLabel: publication.quarterLabel,
        value: publication.value,
        later: order.get(publication.quarterId)! > order.get(quarterId)!,
      });
    }
  }
  return revisions;
}
