/**
 * What a chart shows, decided at build time: the points on a real time axis,
 * reference lines and points, and the sentence that describes it. The same
 * spec feeds the build-time SVG, the table and the Chart.js upgrade.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { QuarterIndicator } from '../schemas/quarter.ts';
import { figureOf, formatFigure } from './format.ts';
import { periodMidpoint, periodKey } from './periods.ts';
import type { SeriesPoint } from './series.ts';

export interface LineSpec {
  kind: 'line';
  /** Axis and tooltip wording. */
  name: string;
  unit: Indicator['unit'];
  /** The most decimals any figure was published with: axis ticks never claim more. */
  decimals: number;
  /** `text` is the figure exactly as published, for labels, tooltips and tables. */
  points: { x: number; y: number; label: string; text: string }[];
  target: { y: number; label: string; text: string } | null;
  references: { x: number; y: number; label: string; text: string; series: 'Statistical neighbours' | 'England' }[];
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
  const known = series.filter((point) => point.value !== null);
  const points = known.map((point) => ({ x: periodMidpoint(point.period), y: point.value!, label: point.period.label, text: formatFigure(figureOf(point), indicator) }));
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
  const decimals = Math.max(0, ...known.map((point) => point.decimals ?? 0));
  return {
    kind: 'line',
    name: indicator.name,
    unit: indicator.unit,
    decimals,
    points,
    target: latest?.target ? { y: latest.target.value, label: `Target ${latest.target.text}`, text: formatFigure(latest.target, indicator) } : null,
    references,
  };
}

const TARGET_WORDS = { above: 'above', below: 'below', 'at least': 'at least', 'at most': 'at most' } as const;

/** "Rose from 75.7% in Q4 2022/23 to 92.2% in Q1 2024/25; the target is above 97.2%." */
export function describeSeries(indicator: Indicator, series: readonly SeriesPoint[], latest: QuarterIndicator | undefined): string {
  const fmt = (point: Pick<SeriesPoint, 'value' | 'decimals'>) => formatFigure(figureOf(point), indicator);
  const known = series.filter((point) => point.value !== null);
  const sentences: string[] = [];
  if (known.length === 0) return 'No figures have been published yet.';
  const first = known[0]!;
  const last = known.at(-1)!;
  if (known.length === 1) {
    sentences.push(`One figure so far: ${fmt(last)} in ${last.period.label}`);
  } else {
    const verb = last.value! > first.value! ? 'Rose' : last.value! < first.value! ? 'Fell' : 'Was the same';
    sentences.push(
      verb === 'Was the same'
        ? `Was ${fmt(last)} in both ${first.period.label} and ${last.period.label}`
        : `${verb} from ${fmt(first)} in ${first.period.label} to ${fmt(last)} in ${last.period.label}`,
    );
    if (known.length > 2) {
      const highest = known.reduce((a, b) => (b.value! > a.value! ? b : a));
      const lowest = known.reduce((a, b) => (b.value! < a.value! ? b : a));
      sentences.push(`across ${known.length} figures, the highest was ${fmt(highest)} (${highest.period.label}) and the lowest ${fmt(lowest)} (${lowest.period.label})`);
    }
  }
  if (latest?.target) {
    const comparison = latest.target.comparison ? TARGET_WORDS[latest.target.comparison] : indicator.polarity === 'lower is better' ? 'at most' : 'at least';
    sentences.push(`the target is ${comparison} ${formatFigure(latest.target, indicator)}`);
  }
  let text = `${sentences.join('; ')}.`;
  const revised = series.filter((point) => point.revised).length;
  if (revised) text += ` ${revised === 1 ? 'One figure was' : `${revised} figures were`} revised in a later report.`;
  if (indicator.polarity !== 'neither') text += ` ${indicator.polarity === 'higher is better' ? 'Higher' : 'Lower'} is better.`;
  return text;
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
