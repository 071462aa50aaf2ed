import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/model/model';
import { parsePeriod } from '../src/core/periods';
import type { Indicator } from '../src/schemas/indicator';
import type { Period, QuarterIndicator } from '../src/core/records';
import type { Quarter } from '../src/ingest/validated';

const indicator: Indicator = {
  id: 'care-leavers-eet', name: 'Care leavers EET', title: 'A plain title', aliases: [], area: 'Social Care', outcome: 'Safe', unit: 'percent',
  polarity: 'higher is better', frequency: 'quarterly', definition: 'Care leavers in education, employment or training.',
};
const period = (label: string): Period => {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(label);
  return parsed.period;
};
const record = (latest: [string, number, number?], previous: [string, number, number?]): QuarterIndicator => ({
  id: indicator.id, line: 2, publishedName: indicator.name,
  latest: { period: period(latest[0]), figure: { value: latest[1], decimals: latest[2] ?? 1 } },
  previous: { period: period(previous[0]), figure: { value: previous[1], decimals: previous[2] ?? 1 } },
  target: null, rag: null, quartile: null, statisticalNeighbourAverage: null, englandAverage: null,
});
const quarter = (id: string, label: string, indicators: QuarterIndicator[]): Quarter => ({
  id, label, year: id.slice(0, 7), quarter: id.slice(8), months: '', period: period(label), file: `content/quarters/${id}/data.tsv`, publication: 'published', indicators, commentary: null,
});

describe('a figure a later report revised', () => {
  const model = buildModel([indicator], [
    quarter('2023-24-q3', 'Q3 2023/24', [record(['Q3 2023/24', 61.6], ['Q2 2023/24', 60.1])]),
    quarter('2023-24-q4', 'Q4 2023/24', [record(['Q4 2023/24', 63.3], ['Q3 2023/24', 61.6])]),
    // The next report gives Q4 2023/24 a different figure: a revision.
    quarter('2024-25-q1', 'Q1 2024/25', [record(['Q1 2024/25', 47.3], ['Q4 2023/24', 63.9])]),
  ]);

  it('stays as published on the earlier quarter’s page, in its trend line and table', () => {
    const trend = model.quarterById.get('2023-24-q4')!.trends.get(indicator.id)!;
    expect(trend.map((point) => [point.period.label, point.figure?.value])).toEqual([['Q2 2023/24', 60.1], ['Q3 2023/24', 61.6], ['Q4 2023/24', 63.3]]);
  });

  it('is noted on the earlier page as revised later, with the new figure and the report that gave it', () => {
    const trend = model.quarterById.get('2023-24-q4')!.trends.get(indicator.id)!;
    const q4 = trend.find((point) => point.period.label === 'Q4 2023/24')!;
    expect(q4.laterRevisions.map((p) => [p.quarterLabel, p.figure?.value])).toEqual([['Q1 2024/25', 63.9]]);
  });

  it('never shows a figure published later on an earlier page (no Q1 2024/25 point on the Q3 page)', () => {
    const trend = model.quarterById.get('2023-24-q3')!.trends.get(indicator.id)!;
    expect(trend.map((point) => point.period.label)).toEqual(['Q2 2023/24', 'Q3 2023/24']);
  });

  it('shows the revised figure on the revising quarter’s page', () => {
    const trend = model.quarterById.get('2024-25-q1')!.trends.get(indicator.id)!;
    expect(trend.find((point) => point.period.label === 'Q4 2023/24')).toMatchObject({ figure: { value: 63.9 }, revised: true, laterRevisions: [] });
  });

  it('marks the later report’s previous figure as revising the earlier one', () => {
    const card = model.quarterById.get('2024-25-q1')!.cards[0]!;
    expect(card.revisions).toEqual([{ period: 'Q4 2023/24', role: 'previous', quarterId: '2023-24-q4', quarterLabel: 'Q4 2023/24', figure: { value: 63.3, decimals: 1 }, later: false }]);
  });

  it('keeps both figures in the indicator’s full series, the latest report winning', () => {
    const point = model.indicators.get(indicator.id)!.series.find((p) => p.period.label === 'Q4 2023/24')!;
    expect(point).toMatchObject({ figure: { value: 63.9 }, revised: true });
    expect(point.publications.map((p) => [p.quarterId, p.figure?.value])).toEqual([['2023-24-q4', 63.3], ['2024-25-q1', 63.9]]);
  });

  it('orders quarters newest first and links neighbours', () => {
    expect(model.quarters.map((q) => q.id)).toEqual(['2024-25-q1', '2023-24-q4', '2023-24-q3']);
    expect(model.quarterById.get('2024-25-q1')).toMatchObject({ previousId: '2023-24-q4', nextId: null });
  });
});

describe('periods matched by identity, not by label', () => {
  const termly: Indicator = { ...indicator, id: 'take-up', unit: 'percent', frequency: 'termly' };
  const termRecord = (latest: [string, number], previous: [string, number]): QuarterIndicator => ({ ...record(['Q1 2024/25', 0], ['Q4 2023/24', 0]), id: 'take-up', latest: { period: period(latest[0]), figure: { value: latest[1], decimals: 1 } }, previous: { period: period(previous[0]), figure: { value: previous[1], decimals: 1 } } });
  const model = buildModel([termly], [
    quarter('2024-25-q1', 'Q1 2024/25', [termRecord(['Summer 2024', 92.9], ['Spring Term 2024', 89.8])]),
    quarter('2024-25-q2', 'Q2 2024/25', [termRecord(['Autumn Term 2024', 93.1], ['Summer Term 2024', 92.9])]),
  ]);
  it('lines up "Summer 2024" and "Summer Term 2024" as one period', () => {
    const series = model.indicators.get('take-up')!.series;
    expect(series.map((point) => point.period.kind + ':' + point.period.start)).toEqual(['term:2024-01-01', 'term:2024-04-16', 'term:2024-09-01']);
    expect(series[1]!.publications.map((p) => p.quarterId)).toEqual(['2024-25-q1', '2024-25-q2']);
    expect(series[1]!.revised).toBe(false);
  });
});
