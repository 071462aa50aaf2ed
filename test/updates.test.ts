import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../src/core/periods';
import { buildModel } from '../src/model/model';
import { quarterUpdates, siteUpdates } from '../src/present/updates';
import type { Indicator } from '../src/schemas/indicator';
import type { Period, QuarterIndicator } from '../src/core/records';
import type { Quarter } from '../src/ingest/validated';

const indicator: Indicator = {
  id: 'care-leavers-eet', name: 'Care leavers EET', title: 'Care leavers in education, work or training', aliases: [], area: 'Social Care', outcome: 'Safe',
  unit: 'percent', polarity: 'higher is better', frequency: 'quarterly', definition: 'Care leavers in education, employment or training.',
};
const period = (label: string): Period => (parsePeriod(label) as { ok: true; period: Period }).period;
const record = (latest: [string, number], previous: [string, number]): QuarterIndicator => ({
  id: indicator.id, line: 2, publishedName: indicator.name,
  latest: { period: period(latest[0]), figure: { value: latest[1], decimals: 1 } }, previous: { period: period(previous[0]), figure: { value: previous[1], decimals: 1 } },
  target: null, rag: null, quartile: null, statisticalNeighbourAverage: null, englandAverage: null,
});
const commentary = (publishedDate: string, corrections: Quarter['commentary'] extends infer C ? (C extends { corrections: infer X } ? X : never) : never = []) => ({
  title: 'Report', period: '', committee: 'Committee', status: 'published' as const, publishedDate, summary: 'x'.repeat(40), benchmarkYear: '2022/23', headlines: [],
  papers: [], contact: { name: 'A', email: 'a@example.org' }, corrections, revisions: [], file: 'c.mdx', body: [], summaryTree: [{ kind: 'text' as const, value: 'x'.repeat(40) }],
});
const quarter = (id: string, label: string, indicators: QuarterIndicator[], notes: ReturnType<typeof commentary>): Quarter => ({
  id, label, year: id.slice(0, 7), quarter: id.slice(8), months: '', period: period(label), file: `${id}/data.tsv`, publication: 'published', indicators, commentary: notes,
});

describe('the updates log', () => {
  const model = buildModel([indicator], [
    quarter('2023-24-q4', 'Q4 2023/24', [record(['Q4 2023/24', 63.3], ['Q3 2023/24', 61.6])],
      commentary('2024-05-20', [{ date: '2024-06-01', indicator: indicator.id, figure: 'latest', oldValue: '63.0%', newValue: '63.3%', reason: 'A late return was added.' }])),
    quarter('2024-25-q1', 'Q1 2024/25', [record(['Q1 2024/25', 47.3], ['Q4 2023/24', 63.9])], commentary('2024-09-03')),
  ]);

  it('lists a quarter’s publication, its corrections with the reason, and a later report’s revision, newest first', () => {
    const updates = quarterUpdates(model, model.quarterById.get('2023-24-q4')!);
    expect(updates.map((update) => [update.date, update.kind])).toEqual([
      ['2024-09-03', 'revised'],
      ['2024-06-01', 'corrected'],
      ['2024-05-20', 'published'],
    ]);
    expect(updates[0]!.text).toBe('Care leavers in education, work or training: the Q4 2023/24 figure shown here, 63.3%, was revised in Q1 2024/25\'s report to 63.9%.');
    expect(updates[1]!.text).toContain('corrected from 63.0% to 63.3%. A late return was added.');
  });

  it('the site log has every quarter’s updates, newest first', () => {
    expect(siteUpdates(model).map((update) => [update.quarterId, update.kind])).toEqual([
      ['2024-25-q1', 'published'],
      ['2023-24-q4', 'revised'],
      ['2023-24-q4', 'corrected'],
      ['2023-24-q4', 'published'],
    ]);
  });
});
