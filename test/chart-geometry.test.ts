import { describe, expect, it } from 'vitest';
import { niceTicks } from '../src/present/plot';

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
