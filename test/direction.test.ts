import { describe, expect, it } from 'vitest';
import type { Polarity } from '../src/core/cells';
import { directionOfTravel, movement, readTrend, type Direction, type Movement } from '../src/core/direction';

// Pairs from the seeds: care leavers EET 63.3% → 47.3% (higher is better), CPP second time 26.9% → 25.2% (lower is better),
// re-referrals 24.1% → 24.9% (lower is better), primary schools 90.3% → 90.3%, Progress 8 0.01 → -0.09, EHE 1128 → 1279 (neither).
describe.each<[number | null, number | null, Polarity, Direction | null]>([
  [63.3, 47.3, 'higher is better', 'worse'],
  [87.4, 92.2, 'higher is better', 'improved'],
  [26.9, 25.2, 'lower is better', 'improved'],
  [24.1, 24.9, 'lower is better', 'worse'],
  [90.3, 90.3, 'higher is better', 'no-change'],
  [0.7, 0.7, 'lower is better', 'no-change'],
  [0.01, -0.09, 'higher is better', 'worse'],
  [-1.19, -1.11, 'higher is better', 'improved'],
  [1128, 1279, 'neither', null],
  [2522, 2522, 'neither', null],
  [null, 47.3, 'higher is better', null],
  [63.3, null, 'higher is better', null],
  [null, null, 'lower is better', null],
  // A missing value is not 0: 0 → 5 would be an improvement, null → 5 is not judged.
  [0, 5, 'higher is better', 'improved'],
])('directionOfTravel(%j, %j, %j)', (previous, latest, polarity, direction) => {
  it(`is ${direction}`, () => {
    expect(directionOfTravel(previous, latest, polarity)).toBe(direction);
  });
});

describe.each<[number, number, Movement]>([
  [63.3, 47.3, 'down'],
  [87.4, 92.2, 'up'],
  [90.3, 90.3, 'same'],
  [-0.64, -0.76, 'down'],
  [-0.43, -0.38, 'up'],
  [0, -0, 'same'],
])('movement(%d, %d)', (previous, latest, moved) => {
  it(`is ${moved}`, () => {
    expect(movement(previous, latest)).toBe(moved);
  });
});

// The Trend words seed 004 uses (Increase, Decrease, Decline, No change) and some others.
describe.each<[string, Movement | null]>([
  ['Increase', 'up'],
  ['Decrease', 'down'],
  ['Decline', 'down'],
  ['No change', 'same'],
  [' no CHANGE ', 'same'],
  ['Increased', 'up'],
  ['Unchanged', 'same'],
  ['', null],
  ['Sideways', null],
  ['Improving', null],
])('readTrend(%j)', (raw, moved) => {
  it(`is ${moved}`, () => {
    expect(readTrend(raw)).toBe(moved);
  });
});

// Every card of the real quarters: the direction comes from the two published figures and the catalogue's polarity,
// never from the export's Trend column (seed 004 line 17 says "Decline" for primary schools going from 90.2% to 90.3%).
describe('the real quarters', async () => {
  const { modelFromContent } = await import('./helpers/model');
  const model = await modelFromContent();
  const cards = model.quarters.flatMap((quarter) => quarter.cards.map((card) => ({ quarter: quarter.id, card })));

  it('judge every card from its figures and polarity', () => {
    expect(cards).toHaveLength(51);
    for (const { quarter, card } of cards) {
      const previous = card.record.previous?.figure?.value ?? null;
      const latest = card.record.latest.figure?.value ?? null;
      expect(card.direction, `${quarter} ${card.indicator.id}`).toBe(directionOfTravel(previous, latest, card.indicator.polarity));
      expect(card.movement, `${quarter} ${card.indicator.id}`).toBe(previous === null || latest === null ? null : movement(previous, latest));
    }
  });

  it('read primary schools in Q3 2023/24 as up, an improvement, whatever the Trend column says', () => {
    const card = model.quarterById.get('2023-24-q3')!.cards.find((each) => each.indicator.id === 'primary-schools-good-outstanding')!;
    expect(card).toMatchObject({ movement: 'up', direction: 'improved' });
  });
});
