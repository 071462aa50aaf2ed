/**
 * Chart descriptions, table-driven on real indicators and edge cases: they lead with the latest change in the
 * card's own words, say where the latest figure stands against the target and the averages drawn, name ties,
 * and say so when a figure is missing or was revised.
 */
import { describe, expect, it } from 'vitest';
import { buildCard } from '../src/model/cards';
import { describeSeries } from '../src/present/chart-spec';
import { parsePeriod } from '../src/core/periods';
import type { SeriesPoint } from '../src/model/series';
import type { Indicator } from '../src/schemas/indicator';
import type { Period } from '../src/core/records';
import { modelFromContent } from './helpers/model';

describe('real indicators', async () => {
  const model = await modelFromContent();
  const describeReal = (id: string) => {
    const view = model.indicators.get(id)!;
    return describeSeries(view.indicator, view.series, view.appearances.at(-1)?.card);
  };
  it.each([
    ['care-leavers-eet', /^Worse: 47\.3% in Q1 2024\/25, down 16\.0 percentage points from 63\.3% in Q4 2023\/24\. It does not meet the target of above 54\.0%\./],
    ['cp-reviews-in-timescale', /^Better: 92\.2% in Q1 2024\/25, up 4\.8 percentage points from 87\.4% in Q4 2023\/24\./],
    ['cp-reviews-in-timescale', /The lowest was 75\.71%, in Q4 2022\/23\./],
    ['elective-home-education', /^1,279 in Q1 2024\/25, up 151 from 1,128 in Q1 2023\/24 \(neither higher nor lower is better\)\./],
    ['primary-schools-good-outstanding', /^No change: 90\.3% in Q1 2024\/25, the same as 90\.3% in Q4 2023\/24\. It is below the average for similar councils \(91\.9%\)\. It is below the England average \(91\.6%\)\./],
    ['primary-schools-good-outstanding', /The highest was 90\.3%, in Q3 2023\/24, Q4 2023\/24 and Q1 2024\/25\./],
    ['suspensions', /^Worse: 3\.16% in 2022\/23, up 0\.66 percentage points from 2\.5% in 2021\/22\./],
  ])('%s: %s', (id, expected) => {
    expect(describeReal(id)).toMatch(expected);
  });

  it('never describes a card that says Worse as rising or improving in other words', () => {
    for (const quarter of model.quarters) {
      for (const card of quarter.cards) {
        const text = describeSeries(card.indicator, quarter.trends.get(card.indicator.id)!, card);
        if (card.direction === 'worse') expect(text.startsWith('Worse:'), text).toBe(true);
        if (card.direction === 'improved') expect(text.startsWith('Better:'), text).toBe(true);
        expect(text).not.toMatch(/^(Rose|Fell)/);
      }
    }
  });
});

describe('edge cases', () => {
  const indicator: Indicator = { id: 'x', name: 'X', title: 'A plain title', aliases: [], area: 'A', outcome: 'O', unit: 'percent', polarity: 'lower is better', frequency: 'quarterly', definition: 'A test indicator for descriptions.' };
  const period = (label: string): Period => (parsePeriod(label) as { ok: true; period: Period }).period;
  const point = (label: string, value: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({ period: period(label), figure: value === null ? null : { value, decimals: 1 }, publications: [], revised: false, ...extra });

  it('says when no figure was published for a period, and names it', () => {
    const series = [point('Q2 2023/24', 20.1), point('Q3 2023/24', null), point('Q4 2023/24', 19.0)];
    expect(describeSeries(indicator, series, undefined)).toContain('No figure was published for Q3 2023/24.');
  });

  it('says when figures were revised in a later report', () => {
    const series = [{ ...point('Q4 2023/24', 20.1), laterRevisions: [{}] }, point('Q1 2024/25', 19.0)];
    expect(describeSeries(indicator, series, undefined)).toContain('One figure shown here was revised in a later report.');
  });

  it('reads a lower-is-better fall as Better, with the target in words', () => {
    const card = buildCard(indicator, {
      id: 'x', line: 2, publishedName: 'X', latest: { period: period('Q1 2024/25'), figure: { value: 18.2, decimals: 1 } }, previous: { period: period('Q4 2023/24'), figure: { value: 19.0, decimals: 1 } },
      target: { text: '<20.8%', comparison: 'below', value: 20.8, decimals: 1, percentSign: true }, rag: 'green', quartile: null, statisticalNeighbourAverage: null, englandAverage: null,
    });
    const text = describeSeries(indicator, [point('Q4 2023/24', 19.0), point('Q1 2024/25', 18.2)], card);
    expect(text).toBe('Better: 18.2% in Q1 2024/25, down 0.8 percentage points from 19.0% in Q4 2023/24. It meets the target of below 20.8%. Lower is better.');
  });

  it('says so when nothing has been published', () => {
    expect(describeSeries(indicator, [], undefined)).toBe('No figures have been published yet.');
  });
});
