import { describe, expect, it } from 'vitest';
import { describeSeries, lineSpec } from '../src/lib/chart-spec';
import { parsePeriod } from '../src/lib/periods';
import type { SeriesPoint } from '../src/lib/series';
import type { Indicator } from '../src/schemas/indicator';

const indicator: Indicator = {
  id: 'x', name: 'Eligible 2 year olds taking up their FEEE', aliases: [], area: 'Early Years', outcome: 'Start', unit: 'percent',
  polarity: 'higher is better', frequency: 'termly', decimals: 1, definition: 'Two-year-olds taking up funded early education.',
};
const point = (label: string, value: number | null, revised = false): SeriesPoint => {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(label);
  return { period: parsed.period, value, decimals: 1, publications: [], revised };
};

describe.each([
  ['no figures', [point('Q1 2024/25', null)], 'No figures have been published yet.'],
  ['a single point', [point('Summer Term 2024', 66)], 'One figure so far: 66.0% in Summer Term 2024. Higher is better.'],
  ['two points', [point('Summer 2023', 74.6), point('Autumn 2023', 79.4)], 'Rose from 74.6% in Summer 2023 to 79.4% in Autumn 2023. Higher is better.'],
  ['a fall across mixed kinds with a missing value', [point('Autumn 2023', 79.4), point('Q4 2023/24', null), point('Spring Term 2024', 71.2), point('Summer Term 2024', 66)],
    'Fell from 79.4% in Autumn 2023 to 66.0% in Summer Term 2024; across 3 figures, the highest was 79.4% (Autumn 2023) and the lowest 66.0% (Summer Term 2024). Higher is better.'],
  ['a revision', [point('Q3 2023/24', 82.6), point('Q4 2023/24', 87.4, true)], 'Rose from 82.6% in Q3 2023/24 to 87.4% in Q4 2023/24. One figure was revised in a later report. Higher is better.'],
])('describeSeries: %s', (_name, series, expected) => {
  it(`says "${expected}"`, () => {
    expect(describeSeries(indicator, series, undefined)).toBe(expected);
  });
});

describe('lineSpec', () => {
  it('places mixed period kinds on a real time axis by their dates, not evenly', () => {
    const spec = lineSpec(indicator, [point('2022/23', 60), point('Autumn 2023', 70), point('Q4 2023/24', 72)], undefined);
    const [a, b, c] = spec.points.map((p) => p.x);
    // The academic year's midpoint (March 2023) is much further from Autumn 2023 than Autumn is from Q4 2023/24.
    expect(b! - a!).toBeGreaterThan(2 * (c! - b!));
    expect(spec.points.map((p) => p.label)).toEqual(['2022/23', 'Autumn 2023', 'Q4 2023/24']);
  });
});
