import { describe, expect, it } from 'vitest';
import { parsePeriod, parseQuarterId, type Period } from '../src/core/periods';
import { buildSeries, seriesAsPublished, type QuarterInput, type SeriesPoint } from '../src/model/series';
import type { QuarterIndicator } from '../src/core/records';
import { reportOf } from './helpers/model';

type Figure = [period: string, value: number | null, decimals?: number];

function period(label: string): Period {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(`fixture period ${label} did not read`);
  return parsed.period;
}

function record(id: string, latest: Figure, previous: Figure | null = null): QuarterIndicator {
  const observation = ([label, value, decimals]: Figure) => ({ period: period(label), figure: value === null ? null : { value, decimals: decimals ?? 1 } });
  return {
    id,
    line: 2,
    publishedName: id,
    latest: observation(latest),
    previous: previous ? observation(previous) : null,
    target: null,
    rag: null,
    quartile: null,
    statisticalNeighbourAverage: null,
    englandAverage: null,
  };
}

/** A reporting quarter such as "2024-25-q1" holding the given records. */
function quarter(id: string, ...indicators: QuarterIndicator[]): QuarterInput {
  const reporting = parseQuarterId(id)!;
  return { id, label: reporting.label, end: reporting.period.end, indicators };
}

const seriesOf = (quarters: QuarterInput[], id: string) => buildSeries(quarters).get(id)!;

describe('ordering', () => {
  it('orders mixed period kinds by their dates, whatever order the reports come in', () => {
    const points = seriesOf(
      [
        quarter('2024-25-q3', record('x', ['2024', 1], ['Summer Term 2024', 2])),
        quarter('2023-24-q3', record('x', ['Autumn 2023', 3], ['2022/23 Final', 4])),
        quarter('2024-25-q1', record('x', ['Q1 2024/25', 5])),
        quarter('2022-23-q4', record('x', ['Q4 2022/23', 6])),
      ],
      'x',
    );
    expect(points.map((point) => [point.period.label, point.figure?.value])).toEqual([
      ['Q4 2022/23', 6], // ends 31 March 2023
      ['2022/23 (final)', 4], // ends 31 August 2023
      ['Autumn Term 2023', 3], // ends 31 December 2023
      ['Q1 2024/25', 5], // ends 30 June 2024
      ['Summer Term 2024', 2], // ends 31 July 2024
      ['2024', 1], // ends 31 December 2024
    ]);
  });
});

describe('a single point', () => {
  it('is one point published once, not revised', () => {
    const points = seriesOf([quarter('2024-25-q1', record('x', ['Q1 2024/25', 47.3]))], 'x');
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({
      period: { label: 'Q1 2024/25', kind: 'quarter', start: '2024-04-01', end: '2024-06-30' },
      figure: { value: 47.3, decimals: 1 },
      revised: false,
      publications: [{ quarterId: '2024-25-q1', quarterLabel: 'Q1 2024/25', reportEnd: '2024-06-30', role: 'latest', figure: { value: 47.3, decimals: 1 } }],
    });
  });

  it('leaves out indicators no quarter reports', () => {
    expect(buildSeries([quarter('2024-25-q1', record('x', ['Q1 2024/25', 1]))]).has('y')).toBe(false);
  });
});

describe('a revision', () => {
  // Q2 2023/24 reported as 88.2% in the Q2 report, then as 88.5% when the Q3 report gives it as the previous value.
  const points = seriesOf(
    [
      quarter('2023-24-q3', record('x', ['Q3 2023/24', 88.9], ['Q2 2023/24', 88.5])),
      quarter('2023-24-q2', record('x', ['Q2 2023/24', 88.2], ['Q1 2023/24', 87.0])),
    ],
    'x',
  );
  const revised = points.find((point) => point.period.label === 'Q2 2023/24')!;

  it('keeps both publications, oldest report first, and marks the point revised', () => {
    expect(revised.revised).toBe(true);
    expect(revised.publications).toEqual([
      { quarterId: '2023-24-q2', quarterLabel: 'Q2 2023/24', reportEnd: '2023-09-30', role: 'latest', figure: { value: 88.2, decimals: 1 } },
      { quarterId: '2023-24-q3', quarterLabel: 'Q3 2023/24', reportEnd: '2023-12-31', role: 'previous', figure: { value: 88.5, decimals: 1 } },
    ]);
  });

  it("shows the latest report's value", () => {
    expect(revised.figure?.value).toBe(88.5);
  });

  it('leaves the other points alone', () => {
    expect(points.map((point) => [point.period.label, point.figure?.value, point.revised])).toEqual([
      ['Q1 2023/24', 87.0, false],
      ['Q2 2023/24', 88.5, true],
      ['Q3 2023/24', 88.9, false],
    ]);
  });

  it('is not a revision when only the published decimals differ (94.30% then 94.3%)', () => {
    const [point] = seriesOf(
      [quarter('2023-24-q1', record('x', ['2023', 94.3, 2])), quarter('2024-25-q1', record('x', ['2024', 95.0], ['2023', 94.3, 1]))],
      'x',
    );
    expect(point).toMatchObject({ period: { label: '2023' }, figure: { value: 94.3, decimals: 1 }, revised: false });
    expect(point!.publications).toHaveLength(2);
  });
});

describe.each([
  ['Summer 2023', 'Summer Term 2023', 'Summer Term 2023'],
  ['2022/23', '2022/23 Final', '2022/23 (final)'],
  ['Q1  2023/24', 'Q1 2023/24', 'Q1 2023/24'],
])('%j and %j', (earlier, later, shown) => {
  it(`are the same period: one point, two publications, shown as ${shown}`, () => {
    const points = seriesOf(
      [quarter('2023-24-q3', record('x', ['Q3 2023/24', 1], [earlier, 2483, 0])), quarter('2024-25-q1', record('x', ['Q1 2024/25', 3], [later, 2483, 0]))],
      'x',
    );
    const shared = points.filter((point) => point.publications.length === 2);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ period: { label: shown }, figure: { value: 2483 }, revised: false });
  });
});

describe('missing values', () => {
  it('are kept as null, never 0', () => {
    const points = seriesOf([quarter('2024-25-q1', record('x', ['Q1 2024/25', null], ['Q4 2023/24', null]))], 'x');
    expect(points.map((point) => [point.period.label, point.figure?.value ?? null, point.figure?.decimals ?? null])).toEqual([
      ['Q4 2023/24', null, null],
      ['Q1 2024/25', null, null],
    ]);
  });

  it('a later report with no figure does not wipe out an earlier figure, and is not a revision', () => {
    const [point] = seriesOf(
      [quarter('2024-25-q1', record('x', ['Q1 2024/25', 47.3])), quarter('2024-25-q2', record('x', ['Q2 2024/25', 50.0], ['Q1 2024/25', null]))],
      'x',
    );
    expect(point).toMatchObject({ figure: { value: 47.3, decimals: 1 }, revised: false });
    expect(point!.publications.map((publication) => publication.figure?.value ?? null)).toEqual([47.3, null]);
  });

  it('a figure published after a missing one fills the point, and is not a revision', () => {
    const [point] = seriesOf(
      [quarter('2024-25-q1', record('x', ['Q1 2024/25', null])), quarter('2024-25-q2', record('x', ['Q2 2024/25', 50.0], ['Q1 2024/25', 47.3]))],
      'x',
    );
    expect(point).toMatchObject({ figure: { value: 47.3 }, revised: false });
  });
});

describe('the real quarters (seeds 004 and 000)', async () => {
  const report = await reportOf();
  const catalogue = report.catalogue;
  const load = (id: string) => {
    const data = report.quarters.find((candidate) => candidate.id === id)!.quarter!;
    return { id, label: data.label, end: data.period.end, indicators: data.indicators };
  };
  const series = buildSeries([load('2024-25-q1'), load('2023-24-q3')]);
  const points = (id: string) => series.get(id)!.map((point) => [point.period.label, point.figure?.value, point.figure?.decimals]);

  it.each([
    // Seed 004 line 6 and seed 000 paragraph 14: 75.71% keeps its two decimals, the others their one.
    ['cp-reviews-in-timescale', [['Q4 2022/23', 75.71, 2], ['Q3 2023/24', 82.6, 1], ['Q4 2023/24', 87.4, 1], ['Q1 2024/25', 92.2, 1]]],
    // Seed 004 line 31 compares with a year earlier; seed 000 paragraph 30 likewise: the two reports interleave.
    ['elective-home-education', [['Q3 2022/23', 946, 0], ['Q1 2023/24', 1128, 0], ['Q3 2023/24', 1023, 0], ['Q1 2024/25', 1279, 0]]],
    // Termly: seed 004 line 4, seed 000's dashboard.
    ['children-mainstream-ehcp', [['Summer Term 2023', 2483, 0], ['Autumn Term 2023', 2446, 0], ['Spring Term 2024', 2522, 0], ['Summer Term 2024', 2674, 0]]],
    // Seed 004 line 17 and seed 000 paragraph 25: unchanged at 90.3%.
    ['primary-schools-good-outstanding', [['Q2 2023/24', 90.2, 1], ['Q3 2023/24', 90.3, 1], ['Q4 2023/24', 90.3, 1], ['Q1 2024/25', 90.3, 1]]],
    // Only in seed 000: exclusions for 2021/22 and 2022/23.
    ['permanent-exclusions', [['2021/22', 0.02, 2], ['2022/23', 0.07, 2]]],
    // Only in seed 004.
    ['ks4-progress-8', [['2021/22 (final)', 0.01, 2], ['2022/23 (final)', -0.09, 2]]],
  ])('%s', (id, expected) => {
    expect(points(id)).toEqual(expected);
  });

  it('has a series for every catalogue indicator, with no revisions between the two seeds', () => {
    expect([...series.keys()].sort()).toEqual(catalogue.map((indicator) => indicator.id).sort());
    expect([...series.values()].flat().filter((point) => point.revised)).toEqual([]);
  });

  it('as the Q3 2023/24 report published it, home education leaves out Q1 2023/24, which only the later report gave', () => {
    const published = seriesAsPublished(series.get('elective-home-education')!, '2023-12-31', period('Q3 2023/24'));
    expect(published.map((point) => [point.period.label, point.figure?.value])).toEqual([
      ['Q3 2022/23', 946],
      ['Q3 2023/24', 1023],
    ]);
  });

  it('as the Q1 2024/25 report published it, home education has every figure up to Q1 2024/25', () => {
    const published = seriesAsPublished(series.get('elective-home-education')!, '2024-06-30', period('Q1 2024/25'));
    expect(published.map((point) => point.figure?.value)).toEqual([946, 1128, 1023, 1279]);
    expect(published.every((point) => point.laterRevisions.length === 0)).toBe(true);
  });
});

describe('seriesAsPublished: the series as one report published it', () => {
  // Q2 2023/24 was published as 88.2% by the Q2 report and restated as 88.5% by the Q3 report; Q4 2023/24 reports no figure for it.
  const series = seriesOf(
    [
      quarter('2023-24-q2', record('x', ['Q2 2023/24', 88.2], ['Q1 2023/24', 87.0])),
      quarter('2023-24-q3', record('x', ['Q3 2023/24', 88.9], ['Q2 2023/24', 88.5])),
      quarter('2023-24-q4', record('x', ['Q4 2023/24', 89.4, 2], ['Q3 2023/24', null])),
    ],
    'x',
  );
  const asOf = (quarterId: string, until: string) => seriesAsPublished(series, parseQuarterId(quarterId)!.period.end, period(until));

  it('keeps a figure as that report published it, with the later revision as a note, never a point', () => {
    const points = asOf('2023-24-q2', 'Q2 2023/24');
    expect(points.map((point) => [point.period.label, point.figure?.value])).toEqual([
      ['Q1 2023/24', 87.0],
      ['Q2 2023/24', 88.2],
    ]);
    const q2 = points[1]!;
    expect(q2.revised).toBe(false);
    expect(q2.publications.map((publication) => publication.quarterId)).toEqual(['2023-24-q2']);
    expect(q2.laterRevisions).toEqual([{ quarterId: '2023-24-q3', quarterLabel: 'Q3 2023/24', reportEnd: '2023-12-31', role: 'previous', figure: { value: 88.5, decimals: 1 } }]);
  });

  it('gives the revising report its own figure, marked revised, with no later note', () => {
    const points = asOf('2023-24-q3', 'Q3 2023/24');
    expect(points.map((point) => [point.period.label, point.figure?.value, point.revised, point.laterRevisions.length])).toEqual([
      ['Q1 2023/24', 87.0, false, 0],
      ['Q2 2023/24', 88.5, true, 0],
      ['Q3 2023/24', 88.9, false, 0],
    ]);
  });

  it('does not let a later report with no figure wipe out or "revise" a published one', () => {
    const q3asOfQ3 = asOf('2023-24-q3', 'Q3 2023/24').at(-1)!;
    expect(q3asOfQ3.laterRevisions).toEqual([]);
    const q3asOfQ4 = asOf('2023-24-q4', 'Q4 2023/24').find((point) => point.period.label === 'Q3 2023/24')!;
    expect(q3asOfQ4).toMatchObject({ figure: { value: 88.9, decimals: 1 }, revised: false });
  });

  it('stops at the given period and keeps each figure’s published decimals', () => {
    const points = asOf('2023-24-q4', 'Q4 2023/24');
    expect(points.map((point) => [point.period.label, point.figure?.value, point.figure?.decimals])).toEqual([
      ['Q1 2023/24', 87.0, 1],
      ['Q2 2023/24', 88.5, 1],
      ['Q3 2023/24', 88.9, 1],
      ['Q4 2023/24', 89.4, 2],
    ]);
    expect(asOf('2023-24-q4', 'Q2 2023/24').map((point) => point.period.label)).toEqual(['Q1 2023/24', 'Q2 2023/24']);
  });

  it('shows nothing a report had not yet published', () => {
    expect(asOf('2023-24-q1', 'Q4 2023/24')).toEqual([]);
  });

  it('never takes values from a later report into the points, whatever report and period are asked for', () => {
    for (const quarterId of ['2023-24-q2', '2023-24-q3', '2023-24-q4']) {
      const end = parseQuarterId(quarterId)!.period.end;
      for (const point of asOf(quarterId, 'Q4 2023/24')) {
        expect(point.publications.every((publication) => publication.reportEnd <= end)).toBe(true);
        const current = point.publications.filter((publication) => publication.figure !== null).at(-1)!;
        expect(point.figure).toEqual(current.figure);
        for (const revision of point.laterRevisions) {
          expect(revision.reportEnd > end).toBe(true);
          expect(revision.figure?.value).not.toBe(point.figure?.value);
        }
      }
    }
  });

  it('a later report giving the same figure with other decimals is not a revision (94.30% then 94.3%)', () => {
    const same = seriesOf(
      [quarter('2023-24-q1', record('x', ['2023', 94.3, 2])), quarter('2024-25-q1', record('x', ['2024', 95.0], ['2023', 94.3, 1]))],
      'x',
    );
    const [point] = seriesAsPublished(same as SeriesPoint[], '2023-06-30', period('2023'));
    expect(point).toMatchObject({ figure: { value: 94.3, decimals: 2 }, revised: false, laterRevisions: [] });
  });
});
