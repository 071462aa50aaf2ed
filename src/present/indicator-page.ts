/**
 * What an indicator's history page shows, computed from the model without
 * Astro so it can be unit-tested without a build; src/pages/indicators/[id].astro
 * renders it. Links are site paths; the page puts them under the base.
 */
import type { Card } from '../model/cards.ts';
import type { SiteModel } from '../model/model.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Frequency, Unit } from '../core/vocabulary.ts';
import { formatDate, formatFigure, ordinal } from '../core/format.ts';
import { describeSeries, lineSpec, type LineSpec } from './chart-spec.ts';
import { targetWords } from '../model/figure-text.ts';
import type { CorrectionItem, Link } from './page-parts.ts';
import { paths } from './urls.ts';

export interface IndicatorPage {
  indicator: Indicator;
  /** The newest report's card for it; null when no report has included it yet. */
  latest: { card: Card; value: string; period: string; quartile: string | null } | null;
  /** Which way is better, the latest target, the unit, how often, and the outcome, in sentences. */
  whatGoodLooksLike: string;
  /** The chart's description: its caption and the page's meta description. */
  description: string;
  spec: LineSpec;
  /** The history table, one row per period, oldest first. */
  rows: { period: string; value: string; dataValue: string; revised: boolean; publishedIn: (Link & { gave: string | null })[] }[];
  /** "In Q1 2024/25, the average for similar councils was 86.1%. The England average was 83.8%." or null. */
  comparators: string | null;
  corrections: CorrectionItem[];
  /** Every report that included it, oldest first: a link to its card there and the figure it gave. */
  reports: (Link & { figure: string })[];
}

const POLARITY_WORDS: Record<Indicator['polarity'], string> = {
  'higher is better': 'A higher figure is better.',
  'lower is better': 'A lower figure is better.',
  neither: 'A higher or lower figure is not better in itself. It shows demand or the size of a group, so it is not marked better or worse.',
};

const FREQUENCY_WORDS: Record<Frequency, string> = {
  quarterly: 'each quarter',
  termly: 'each school term',
  annual: 'once a year',
};

/** The averages drawn on the chart, in short sentences ("similar councils" is the plain name for statistical neighbours). */
function comparatorSentences(period: string, references: LineSpec['references']): string {
  const clauses = references.map((ref) => (ref.series === 'England' ? `the England average was ${ref.text}` : `the average for similar councils was ${ref.text}`));
  return [`In ${period}, ${clauses[0]}.`, ...clauses.slice(1).map((clause) => `${clause[0]!.toUpperCase()}${clause.slice(1)}.`)].join(' ');
}

export function indicatorPage(model: SiteModel, id: string, options: { units: Record<Unit, string> }): IndicatorPage {
  const view = model.indicators.get(id);
  if (!view) throw new Error(`No indicator ${id} in the model`);
  const { indicator, series, appearances } = view;
  const quarterOf = (quarterId: string) => model.quarterById.get(quarterId)!;
  const newest = appearances.at(-1);
  const card = newest?.card;
  const spec = lineSpec(indicator, series, card?.record);
  // The target in words ("above 54.0%"), as a screen reader should hear it; the symbols are the card's to show.
  const target = card?.record.target ? `The target in ${quarterOf(newest!.quarterId).label} is ${targetWords(card)}.` : 'There is no target for this indicator.';
  return {
    indicator,
    latest: card
      ? {
          card,
          value: formatFigure(card.record.latest.figure, indicator),
          period: card.record.latest.period.label,
          quartile: card.record.quartile ? `${ordinal(card.record.quartile)} quartile nationally` : null,
        }
      : null,
    whatGoodLooksLike: `${POLARITY_WORDS[indicator.polarity]} ${target} It is ${options.units[indicator.unit]}, published ${FREQUENCY_WORDS[indicator.frequency]}. It contributes to the outcome: “${indicator.outcome}”.`,
    description: describeSeries(indicator, series, card),
    spec,
    rows: series.map((point) => ({
      period: point.period.label,
      value: formatFigure(point.figure, indicator),
      dataValue: point.figure === null ? '' : String(point.figure.value),
      revised: point.revised,
      publishedIn: point.publications.map((publication) => ({
        path: paths.card(quarterOf(publication.quarterId), indicator.id),
        text: `${publication.quarterLabel} report`,
        gave: point.revised ? formatFigure(publication?.figure ?? null, indicator) : null,
      })),
    })),
    comparators: spec.references.length && card ? comparatorSentences(card.record.latest.period.label, spec.references) : null,
    corrections: appearances
      .flatMap(({ quarterId }) =>
        (quarterOf(quarterId).corrections.get(indicator.id) ?? []).map((correction) => ({
          date: correction.date,
          dateText: formatDate(correction.date),
          link: { path: paths.corrections(quarterOf(quarterId)), text: `${quarterOf(quarterId).label} report` },
          figure: correction.figure,
          oldValue: correction.oldValue,
          newValue: correction.newValue,
          reason: correction.reason,
        })),
      )
      .sort((a, b) => b.date.localeCompare(a.date)),
    reports: appearances.map(({ quarterId, card: reported }) => ({
      path: paths.card(quarterOf(quarterId), indicator.id),
      text: quarterOf(quarterId).label,
      figure: `${formatFigure(reported.record.latest.figure, indicator)} in ${reported.record.latest.period.label}`,
    })),
  };
}
