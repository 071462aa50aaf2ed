/**
 * What a chart shows, decided at build time: the points on a real time axis,
 * reference lines and points, and the sentence that describes it. The same
 * spec feeds the build-time SVG, the table and the Chart.js upgrade.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { QuarterIndicator } from '../core/records.ts';
import type { Card } from '../model/cards.ts';
import { targetWords } from '../model/figure-text.ts';
import { formatChange, formatFigure } from '../core/format.ts';
import { periodMidpoint, periodKey } from '../core/periods.ts';
import type { SeriesPoint } from '../model/series.ts';
import { gapStarts } from './plot.ts';

export interface LineSpec {
  kind: 'line';
  /** Legend, axis and tooltip wording: the plain title, never the dashboard's abbreviated name (#23). */
  name: string;
  unit: Indicator['unit'];
  /** The most decimals any figure was published with: axis ticks never claim more. */
  decimals: number;
  /** `text` is the figure exactly as published, for labels, tooltips and tables. */
  points: { x: number; y: number; label: string; text: string }[];
  target: { y: number; label: string; text: string } | null;
  references: { x: number; y: number; label: string; text: string; series: 'Statistical neighbours' | 'England' }[];
  /** Indices of points that follow a missing period: the line breaks before each. */
  gaps: number[];
}

export interface BarSpec {
  kind: 'stacked-bar';
  categories: string[];
  series: { label: string; values: number[] }[];
  axisLabel: string;
}

export type ChartSpec = LineSpec | BarSpec;

/** The line chart of an indicator's history, with the latest report's target and comparators. */
export function lineSpec(indicator: Indicator, series: readonly SeriesPoint[], latest: QuarterIndicator | undefined): LineSpec {
  const known = series.filter((point) => point.figure !== null);
  const points = known.map((point) => ({ x: periodMidpoint(point.period), y: point.figure!.value, label: point.period.label, text: formatFigure(point.figure, indicator) }));
  const latestPoint = latest ? known.find((point) => periodKey(point.period) === periodKey(latest.latest.period)) : undefined;
  const latestX = latestPoint ? periodMidpoint(latestPoint.period) : undefined;
  const references: LineSpec['references'] = [];
  if (latest && latestX !== undefined) {
    const period = latest.latest.period.label;
    if (latest.statisticalNeighbourAverage !== null) {
      const average = latest.statisticalNeighbourAverage;
      references.push({ x: latestX, y: average.value, label: `Statistical neighbours, ${period}`, text: formatFigure(average, indicator), series: 'Statistical neighbours' });
    }
    if (latest.englandAverage !== null) {
      const average = latest.englandAverage;
      references.push({ x: latestX, y: average.value, label: `England, ${period}`, text: formatFigure(average, indicator), series: 'England' });
    }
  }
  const decimals = Math.max(0, ...known.map((point) => point.figure?.decimals ?? 0));
  return {
    kind: 'line',
    name: indicator.title,
    unit: indicator.unit,
    decimals,
    points,
    target: latest?.target ? { y: latest.target.value, label: `Target ${latest.target.text}`, text: formatFigure(latest.target, indicator) } : null,
    references,
    gaps: [...gapStarts(points.map((point) => point.x), indicator.frequency)],
  };
}

/** The sentence saying where a line breaks for missing periods (short: a description is read aloud); null with no gap. */
export function gapsText(indicator: Indicator, known: readonly SeriesPoint[]): string | null {
  const starts = [...gapStarts(known.map((point) => periodMidpoint(point.period)), indicator.frequency)];
  const between = (i: number) => `between ${known[i - 1]!.period.label} and ${known[i]!.period.label}`;
  if (starts.length === 0) return null;
  if (starts.length === 1) return `The line breaks ${between(starts[0]!)}: no figure was reported in between.`;
  if (starts.length === 2) return `The line breaks ${between(starts[0]!)}, and ${between(starts[1]!)}: no figures were reported in between.`;
  return `The line breaks in ${starts.length} places where no figure was reported; the table lists every figure.`;
}

const LEAD = { improved: 'Better', worse: 'Worse', 'no-change': 'No change' } as const;

/** "47.3%" against "54.0%": above, below or the same as. */
function against(value: number, other: number): string {
  return value > other ? 'above' : value < other ? 'below' : 'the same as';
}

/** "Q2 2023/24 and Q1 2024/25": every period that shares a value (ties are named, not hidden). */
function periodsOf(points: readonly SeriesPoint[]): string {
  const labels = points.map((point) => point.period.label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/**
 * A chart's description, true to its table and to the card: it leads with the
 * latest change in the card's own words ("Worse", not "Fell"), says where the
 * latest figure stands against the target and the averages drawn, then the
 * range of the history with ties named, gaps and revisions said outright.
 */
export function describeSeries(indicator: Indicator, series: readonly (SeriesPoint & { laterRevisions?: readonly unknown[] })[], card: Card | undefined): string {
  const fmt = (point: Pick<SeriesPoint, 'figure'>) => formatFigure(point.figure, indicator);
  const known = series.filter((point) => point.figure !== null);
  if (known.length === 0) return 'No figures have been published yet.';
  const sentences: string[] = [];
  const record = card?.record;
  if (card && record && record.latest.figure !== null) {
    const latest = `${formatFigure(record.latest.figure, indicator)} in ${record.latest.period.label}`;
    const previous = record.previous && record.previous.figure !== null ? `${formatFigure(record.previous?.figure ?? null, indicator)} in ${record.previous.period.label}` : null;
    if (!previous) sentences.push(`Latest figure: ${latest}.`);
    else if (card.direction) sentences.push(`${LEAD[card.direction]}: ${latest}${card.movement === 'same' ? ', the same as' : `, ${formatChange(record.previous?.figure ?? null, record.latest.figure, indicator)} from`} ${previous}.`);
    else sentences.push(`${latest}${card.movement === 'same' ? ', the same as' : `, ${formatChange(record.previous?.figure ?? null, record.latest.figure, indicator)} from`} ${previous} (neither higher nor lower is better).`);
    if (record.target && card.targetMet !== null) {
      sentences.push(`It ${card.targetMet ? 'meets' : 'does not meet'} the target of ${targetWords(card)}.`);
    }
    // "Similar councils" is the plain name for statistical neighbours (the glossary and the card give the term).
    const averages = [
      ['the average for similar councils', record.statisticalNeighbourAverage],
      ['the England average', record.englandAverage],
    ] as const;
    for (const [name, average] of averages) {
      if (average) sentences.push(`It is ${against(record.latest.figure.value, average.value)} ${name} (${formatFigure(average, indicator)}).`);
    }
  } else {
    const last = known.at(-1)!;
    sentences.push(`Latest figure: ${fmt(last)} in ${last.period.label}.`);
  }
  if (known.length > 2) {
    const highestValue = Math.max(...known.map((point) => point.figure!.value));
    const lowestValue = Math.min(...known.map((point) => point.figure!.value));
    const highest = known.filter((point) => point.figure?.value === highestValue);
    const lowest = known.filter((point) => point.figure?.value === lowestValue);
    // Short sentences: the range reads as three plain statements, ties named.
    sentences.push(
      `There are ${known.length} figures, from ${known[0]!.period.label} to ${known.at(-1)!.period.label}.`,
      `The highest was ${fmt(highest[0]!)}, in ${periodsOf(highest)}.`,
      `The lowest was ${fmt(lowest[0]!)}, in ${periodsOf(lowest)}.`,
    );
  }
  const missing = series.filter((point) => point.figure === null);
  if (missing.length) sentences.push(`No figure was published for ${periodsOf(missing)}.`);
  const gaps = gapsText(indicator, known);
  if (gaps) sentences.push(gaps);
  const revisedLater = series.filter((point) => point.laterRevisions?.length).length;
  if (revisedLater) sentences.push(`${revisedLater === 1 ? 'One figure shown here was' : `${revisedLater} figures shown here were`} revised in a later report.`);
  else {
    const revised = series.filter((point) => point.revised).length;
    if (revised) sentences.push(`${revised === 1 ? 'One figure was' : `${revised} figures were`} revised by a later report. The table shows each report's figure.`);
  }
  if (indicator.polarity !== 'neither') sentences.push(`${indicator.polarity === 'higher is better' ? 'Higher' : 'Lower'} is better.`);
  return sentences.join(' ');
}

/** Where a quarter's indicators sit by national quartile, area by area. */
export function quartileSpec(areas: readonly { area: string; cards: readonly { record: QuarterIndicator }[] }[]): BarSpec {
  const buckets = [
    { label: '1st quartile (top)', test: (q: number | null) => q === 1 },
    { label: '2nd quartile', test: (q: number | null) => q === 2 },
    { label: '3rd quartile', test: (q: number | null) => q === 3 },
    { label: '4th quartile (bottom)', test: (q: number | null) => q === 4 },
    { label: 'No national benchmark', test: (q: number | null) => q === null },
  ];
  return {
    kind: 'stacked-bar',
    categories: areas.map((group) => group.area),
    series: buckets.map((bucket) => ({ label: bucket.label, values: areas.map((group) => group.cards.filter((card) => bucket.test(card.record.quartile)).length) })),
    axisLabel: 'Number of indicators',
  };
}

/** "Area: 1 in the top quartile, 1 in the second, 2 in the third, 2 in the bottom, 2 without a benchmark." per area. */
export function describeQuartiles(spec: BarSpec): string {
  const short = ['in the top quartile', 'in the second', 'in the third', 'in the bottom', 'without a benchmark'];
  return spec.categories
    .map((area, i) => {
      const parts = spec.series.map((series, j) => ({ n: series.values[i]!, words: short[j]! })).filter((p) => p.n > 0);
      return `${area}: ${parts.map((p) => `${p.n} ${p.words}`).join(', ')}.`;
    })
    .join(' ');
}
