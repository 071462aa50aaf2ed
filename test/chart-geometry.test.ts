import { describe, expect, it } from 'vitest';
import { clearPlace, gapStarts, niceTicks, plot } from '../src/present/plot';

describe.each([
  [73.6, 99.3, 4, [75, 80, 85, 90, 95]],
  [0, 1, 4, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  [-1.2, 0.1, 4, [-1, -0.5, 0]],
  [1100, 1300, 4, [1100, 1150, 1200, 1250, 1300]],
  [47.3, 47.3, 4, [47.3]],
])('niceTicks(%d, %d, %d)', (min, max, count, ticks) => {
  it(`is ${JSON.stringify(ticks)}: round values inside the range`, () => {
    expect(niceTicks(min, max, count)).toEqual(ticks);
  });
});

describe('a missing period breaks the line (#23)', () => {
  const month = 30.44 * 24 * 60 * 60 * 1000;
  it.each([
    ['quarters in a row', 'quarterly', [0, 3, 6, 9], []],
    ['a quarter left out', 'quarterly', [0, 3, 9, 12], [2]],
    ['a year left out of a quarterly series', 'quarterly', [0, 12], [1]],
    ['terms in a row (three to five months apart)', 'termly', [0, 3.5, 7, 12], []],
    ['a term left out', 'termly', [0, 3.5, 12], [2]],
    ['years in a row', 'annual', [0, 12, 24], []],
    ['a year left out', 'annual', [0, 24, 36], [1]],
  ] as const)('%s', (_, frequency, months, expected) => {
    expect([...gapStarts(months.map((m) => m * month), frequency)]).toEqual(expected);
  });

  it('starts the path again after a gap, never drawing across it', () => {
    const box = { width: 100, height: 50, left: 0, right: 0, top: 0, bottom: 0 };
    const points = [{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 3, y: 1 }];
    expect(plot(points, box)!.path.match(/M/g)).toHaveLength(1);
    expect(plot(points, box, [], new Set([2]))!.path).toMatch(/^M\S+ \S+ L\S+ \S+ M\S+ \S+$/);
  });
});

describe('a label placed clear of the line (#23)', () => {
  const right = { name: 'right', left: 80, right: 100, top: 40, bottom: 50 };
  const left = { name: 'left', left: 0, right: 20, top: 40, bottom: 50 };
  it.each([
    ['a line falling through the right-hand place takes the left', [{ x: 0, y: 90 }, { x: 100, y: 45 }], new Set<number>(), 'left'],
    ['a line clear of both keeps the first', [{ x: 0, y: 10 }, { x: 100, y: 10 }], new Set<number>(), 'right'],
    ['a line through both keeps the first', [{ x: 0, y: 45 }, { x: 100, y: 45 }], new Set<number>(), 'right'],
    ['a gap across the right-hand place leaves it clear', [{ x: 0, y: 10 }, { x: 70, y: 10 }, { x: 100, y: 90 }], new Set([2]), 'right'],
  ])('%s', (_, points, breaks, expected) => {
    expect(clearPlace([right, left], points, breaks).name).toBe(expected);
  });
});
