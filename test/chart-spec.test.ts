import { describe, expect, it } from 'vitest';
import { buildCard } from '../src/model/cards';
import { describeSeries, lineSpec } from '../src/present/chart-spec';
import { parsePeriod } from '../src/core/periods';
import type { SeriesPoint } from '../src/model/series';
import type { Indicator } from '../src/schemas/indicator';
import type { QuarterIndicator } from '../src/core/records';
import { modelFromContent } from './helpers/model';

const indicator: Indicator = {
  id: 'x', name: 'Eligible 2 year olds taking up their FEEE', title: 'A plain title', aliases: [], area: 'Early Years', outcome: 'Start', unit: 'percent',
  polarity: 'higher is better', frequency: 'termly', definition: 'Two-year-olds taking up funded early education.',
};
const count: Indicator = { ...indicator, id: 'c', name: 'Children Electively Educated at Home', unit: 'count', polarity: 'neither', frequency: 'quarterly' };
const score: Indicator = { ...indicator, id: 's', name: 'KS4 - Progress 8', unit: 'score', frequency: 'annual' };

const period = (label: string) => {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(label);
  return parsed.period;
};
const point = (label: string, value: number | null, revised = false, decimals = 1): SeriesPoint => ({
  period: period(label),
  figure: value === null ? null : { value, decimals },
  publications: [],
  revised,
});

/** The card record a chart takes its target and averages from. */
const latestRecord = (label: string, value: number, decimals: number, extra: Partial<QuarterIndicator> = {}): QuarterIndicator => ({
  id: 'x',
  line: 2,
  publishedName: 'x',
  latest: { period: period(label), figure: { value, decimals } },
  previous: null,
  target: null,
  rag: null,
  quartile: null,
  statisticalNeighbourAverage: null,
  englandAverage: null,
  ...extra,
});

// Descriptions as a whole are tested in chart-description.test.ts; here, that each figure in one reads as published.
describe.each([
  ['no figures', [point('Q1 2024/25', null)], 'No figures have been published yet.'],
  ['a single point', [point('Summer Term 2024', 66)], 'Latest figure: 66.0% in Summer Term 2024. Higher is better.'],
  ['a fall across mixed kinds with a missing value', [point('Autumn 2023', 79.4), point('Q4 2023/24', null), point('Spring Term 2024', 71.2), point('Summer Term 2024', 66)],
    'Latest figure: 66.0% in Summer Term 2024. There are 3 figures, from Autumn Term 2023 to Summer Term 2024. The highest was 79.4%, in Autumn Term 2023. The lowest was 66.0%, in Summer Term 2024. No figure was published for Q4 2023/24. Higher is better.'],
  ['a revision', [point('Q3 2023/24', 82.6), point('Q4 2023/24', 87.4, true)], "Latest figure: 87.4% in Q4 2023/24. One figure was revised by a later report. The table shows each report's figure. Higher is better."],
  // Each figure with the decimals it was published with: 75.71% is not rounded to 75.7%, 66% is not padded to 66.0% or 66.00%.
  ['figures with different published decimals', [point('Q4 2022/23', 75.71, false, 2), point('Q3 2023/24', 66, false, 0), point('Q4 2023/24', 87.4)],
    'Latest figure: 87.4% in Q4 2023/24. There are 3 figures, from Q4 2022/23 to Q4 2023/24. The highest was 87.4%, in Q4 2023/24. The lowest was 66%, in Q3 2023/24. The line breaks between Q4 2022/23 and Q3 2023/24: no figure was reported in between. Higher is better.'],
  ['a lowest figure with two decimals', [point('Q4 2022/23', 75.71, false, 2), point('Q3 2023/24', 82.6), point('Q4 2023/24', 87.4)],
    'Latest figure: 87.4% in Q4 2023/24. There are 3 figures, from Q4 2022/23 to Q4 2023/24. The highest was 87.4%, in Q4 2023/24. The lowest was 75.71%, in Q4 2022/23. The line breaks between Q4 2022/23 and Q3 2023/24: no figure was reported in between. Higher is better.'],
])('describeSeries: %s', (_name, series, expected) => {
  it(`says "${expected}"`, () => {
    expect(describeSeries(indicator, series, undefined)).toBe(expected);
  });
});

describe('describeSeries with the latest card', () => {
  it('states the change, the target and the averages with their published decimals', () => {
    const latest = latestRecord('Q4 2023/24', 87.4, 1, {
      previous: { period: period('Q3 2023/24'), figure: { value: 82.6, decimals: 1 } },
      target: { text: '>97.20%', comparison: 'above', value: 97.2, decimals: 2, percentSign: true },
      englandAverage: { value: 90, decimals: 0 },
    });
    expect(describeSeries(indicator, [point('Q3 2023/24', 82.6), point('Q4 2023/24', 87.4)], buildCard(indicator, latest))).toBe(
      'Better: 87.4% in Q4 2023/24, up 4.8 percentage points from 82.6% in Q3 2023/24. It does not meet the target of above 97.20%. It is below the England average (90%). Higher is better.',
    );
  });

  it('reads a bare target by polarity', () => {
    const lower = { ...indicator, polarity: 'lower is better' } as const;
    const latest = latestRecord('Q4 2023/24', 87.4, 1, { target: { text: '93.7%', comparison: null, value: 93.7, decimals: 1, percentSign: true } });
    expect(describeSeries(lower, [point('Q4 2023/24', 87.4)], buildCard(lower, latest))).toBe('Latest figure: 87.4% in Q4 2023/24. It meets the target of at most 93.7%. Lower is better.');
  });

  it('shows counts with thousands separated and scores with a true minus sign', () => {
    const ehe = latestRecord('Q1 2024/25', 1279, 0, { previous: { period: period('Q1 2023/24'), figure: { value: 1128, decimals: 0 } } });
    expect(describeSeries(count, [point('Q1 2023/24', 1128, false, 0), point('Q1 2024/25', 1279, false, 0)], buildCard(count, ehe))).toBe(
      '1,279 in Q1 2024/25, up 151 from 1,128 in Q1 2023/24 (neither higher nor lower is better). The line breaks between Q1 2023/24 and Q1 2024/25: no figure was reported in between.',
    );
    const p8 = latestRecord('2022/23 Final', -0.09, 2, { previous: { period: period('2021/22 Final'), figure: { value: 0.01, decimals: 2 } } });
    expect(describeSeries(score, [point('2021/22 Final', 0.01, false, 2), point('2022/23 Final', -0.09, false, 2)], buildCard(score, p8))).toBe(
      'Worse: \u22120.09 in 2022/23 (final), down 0.10 points from 0.01 in 2021/22 (final). Higher is better.',
    );
  });
});

describe('lineSpec', () => {
  it('places mixed period kinds on a real time axis by their dates, not evenly', () => {
    const spec = lineSpec(indicator, [point('2022/23', 60), point('Autumn 2023', 70), point('Q4 2023/24', 72)], undefined);
    const [a, b, c] = spec.points.map((p) => p.x);
    // The academic year's midpoint (March 2023) is much further from Autumn 2023 than Autumn is from Q4 2023/24.
    expect(b! - a!).toBeGreaterThan(2 * (c! - b!));
    expect(spec.points.map((p) => p.label)).toEqual(['2022/23', 'Autumn Term 2023', 'Q4 2023/24']);
  });

  it('gives each point the exact published figure as text, and the most decimals any was published with', () => {
    const spec = lineSpec(indicator, [point('Q4 2022/23', 75.71, false, 2), point('Q3 2023/24', 2.5), point('Q4 2023/24', 66, false, 0), point('Q1 2024/25', null)], undefined);
    expect(spec.points).toEqual([
      { x: expect.any(Number), y: 75.71, label: 'Q4 2022/23', text: '75.71%' },
      { x: expect.any(Number), y: 2.5, label: 'Q3 2023/24', text: '2.5%' },
      { x: expect.any(Number), y: 66, label: 'Q4 2023/24', text: '66%' },
    ]);
    expect(spec.decimals).toBe(2);
    expect(spec).toMatchObject({ kind: 'line', name: indicator.title, unit: 'percent', target: null, references: [] });
  });

  it('has 0 decimals for whole counts and no figures', () => {
    expect(lineSpec(count, [point('Q1 2024/25', 1279, false, 0)], undefined)).toMatchObject({ decimals: 0, points: [{ y: 1279, text: '1,279' }] });
    expect(lineSpec(count, [point('Q1 2024/25', null)], undefined)).toMatchObject({ decimals: 0, points: [] });
  });

  it('carries the target and both averages at the latest point, each as published', () => {
    const latest = latestRecord('Q4 2023/24', 87.4, 1, {
      target: { text: '>97.2%', comparison: 'above', value: 97.2, decimals: 1, percentSign: true },
      statisticalNeighbourAverage: { value: 88.25, decimals: 2 },
      englandAverage: { value: 90, decimals: 0 },
    });
    const series = [point('Q3 2023/24', 82.6), point('Q4 2023/24', 87.4)];
    const spec = lineSpec(indicator, series, latest);
    const latestX = spec.points[1]!.x;
    expect(spec.target).toEqual({ y: 97.2, label: 'Target >97.2%', text: '97.2%' });
    expect(spec.references).toEqual([
      { x: latestX, y: 88.25, label: 'Statistical neighbours, Q4 2023/24', text: '88.25%', series: 'Statistical neighbours' },
      { x: latestX, y: 90, label: 'England, Q4 2023/24', text: '90%', series: 'England' },
    ]);
  });

  it('shows no averages when the latest figure is not on the chart', () => {
    const latest = latestRecord('Q1 2024/25', 50, 1, { englandAverage: { value: 90, decimals: 0 } });
    expect(lineSpec(indicator, [point('Q3 2023/24', 82.6)], latest).references).toEqual([]);
  });
});

describe('lineSpec for every card of the real quarters', async () => {
  const model = await modelFromContent();
  const cases = model.quarters.flatMap((quarter) => quarter.cards.map((card) => ({ quarter, card })));

  it('has a point text for every published figure of the card’s trend, each exactly as published', () => {
    expect(cases.length).toBe(51);
    for (const { quarter, card } of cases) {
      const trend = quarter.trends.get(card.indicator.id)!;
      const spec = lineSpec(card.indicator, trend, card.record);
      const known = trend.filter((p) => p.figure !== null);
      expect(spec.points.map((p) => p.text)).toEqual(known.map((p) => exactText(p.figure!.value, p.figure!.decimals, card.indicator.unit)));
      expect(spec.decimals).toBe(Math.max(0, ...known.map((p) => p.figure!.decimals)));
    }
  });
});

/** The figure as the council writes it, built here without the site's formatter: digits with `decimals` places, thousands separated. */
function exactText(value: number, decimals: number, unit: Indicator['unit']): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${value < 0 ? '\u2212' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
  return unit === 'percent' ? `${text}%` : text;
}
