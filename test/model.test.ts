import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/lib/model';
import type { Indicator } from '../src/schemas/indicator';
import type { QuarterIndicator } from '../src/schemas/quarter';

const indicator: Indicator = {
  id: 'care-leavers-eet', name: 'Care leavers EET', aliases: [], area: 'Social Care', outcome: 'Safe', unit: 'percent',
  polarity: 'higher is better', frequency: 'quarterly', decimals: 1, definition: 'Care leavers in education, employment or training.',
};
const record = (latest: [string, number], previous: [string, number]): QuarterIndicator => ({
  id: indicator.id, line: 2, publishedName: indicator.name,
  latest: { period: latest[0], value: latest[1], decimals: 1 }, previous: { period: previous[0], value: previous[1], decimals: 1 },
  target: null, rag: null, quartile: null, statisticalNeighbourAverage: null, englandAverage: null,
});
const quarter = (id: string, label: string, start: string, end: string, indicators: QuarterIndicator[]) => ({
  id, data: { label, year: id.slice(0, 7), quarter: id.slice(8), months: '', start, end, file: `content/quarters/${id}/data.tsv`, indicators },
});

describe('revisions between reports', () => {
  const model = buildModel([indicator], [
    quarter('2023-24-q4', 'Q4 2023/24', '2024-01-01', '2024-03-31', [record(['Q4 2023/24', 63.3], ['Q3 2023/24', 61.6])]),
    // The next report gives Q4 2023/24 a different figure: a revision.
    quarter('2024-25-q1', 'Q1 2024/25', '2024-04-01', '2024-06-30', [record(['Q1 2024/25', 47.3], ['Q4 2023/24', 63.9])]),
  ]);

  it('marks the earlier report’s card as revised later, with the new figure', () => {
    const card = model.quarterById.get('2023-24-q4')!.cards[0]!;
    expect(card.revisions).toEqual([{ period: 'Q4 2023/24', role: 'latest', quarterId: '2024-25-q1', quarterLabel: 'Q1 2024/25', value: 63.9, later: true }]);
  });

  it('marks the later report’s previous figure as revising the earlier one', () => {
    const card = model.quarterById.get('2024-25-q1')!.cards[0]!;
    expect(card.revisions).toEqual([{ period: 'Q4 2023/24', role: 'previous', quarterId: '2023-24-q4', quarterLabel: 'Q4 2023/24', value: 63.3, later: false }]);
  });

  it('keeps both figures in the series, the latest report winning', () => {
    const point = model.indicators.get(indicator.id)!.series.find((p) => p.period.label === 'Q4 2023/24')!;
    expect(point).toMatchObject({ value: 63.9, revised: true });
    expect(point.publications.map((p) => [p.quarterId, p.value])).toEqual([['2023-24-q4', 63.3], ['2024-25-q1', 63.9]]);
  });

  it('orders quarters newest first and links neighbours', () => {
    expect(model.quarters.map((q) => q.id)).toEqual(['2024-25-q1', '2023-24-q4']);
    expect(model.quarterById.get('2024-25-q1')).toMatchObject({ previousId: '2023-24-q4', nextId: null });
  });
});

describe('drafts', () => {
  const quarters = [quarter('2024-25-q1', 'Q1 2024/25', '2024-04-01', '2024-06-30', [record(['Q1 2024/25', 47.3], ['Q4 2023/24', 63.3])])];
  const commentary = new Map([['2024-25-q1', {
    title: 'Draft', period: 'Q1 2024/25', committee: 'C', status: 'draft' as const, summary: 'x'.repeat(50), benchmarkYear: '2022/23',
    papers: [], contact: { name: 'A', email: 'a@example.org' }, corrections: [], file: 'c.mdx',
  }]]);
  it('leaves a quarter with draft commentary out of the public build', () => {
    expect(buildModel([indicator], quarters, { commentary }).quarters).toHaveLength(0);
  });
  it('shows it in preview', () => {
    expect(buildModel([indicator], quarters, { commentary, includeDrafts: true }).quarters).toHaveLength(1);
  });
  it('stops on a correction whose new value is not in the data', () => {
    const wrong = new Map([['2024-25-q1', { ...commentary.get('2024-25-q1')!, status: 'published' as const,
      corrections: [{ date: '2024-10-01', indicator: 'care-leavers-eet', oldValue: '47.1%', newValue: '47.5%', reason: 'A late return was added.' }] }]]);
    expect(() => buildModel([indicator], quarters, { commentary: wrong })).toThrow(/c\.mdx[\s\S]*newValue to be the figure now in the data file/);
  });
});
