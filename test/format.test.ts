import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatExact, formatValue, ordinal, quartileWords } from '../src/lib/format';

const MINUS = '\u2212';
const percent1 = { unit: 'percent', decimals: 1 } as const;
const percent2 = { unit: 'percent', decimals: 2 } as const;
const count = { unit: 'count', decimals: 0 } as const;
const score = { unit: 'score', decimals: 2 } as const;

describe.each([
  [47.3, percent1, '47.3%'],
  [66, percent1, '66.0%'],
  [95, percent1, '95.0%'],
  [0.07, percent2, '0.07%'],
  [13374, count, '13,374'],
  [1279, count, '1,279'],
  [946, count, '946'],
  [-0.09, score, `${MINUS}0.09`],
  [-1.11, score, `${MINUS}1.11`],
  [0.01, score, '0.01'],
  [0, score, '0.00'],
  // Rounds to zero: no sign on a zero.
  [-0.001, score, '0.00'],
  [-0, score, '0.00'],
  [null, percent1, 'no figure'],
  [null, count, 'no figure'],
])('formatValue(%j, %o)', (value, unit, text) => {
  it(`is ${JSON.stringify(text)}`, () => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe.each([
  // The published decimals win over the catalogue's: 94.30% stays 94.30%.
  [94.3, 2, { unit: 'percent' } as const, '94.30%'],
  [75.71, 2, { unit: 'percent' } as const, '75.71%'],
  [-0.76, 2, { unit: 'score' } as const, `${MINUS}0.76`],
  [12801, 0, { unit: 'count' } as const, '12,801'],
  [null, null, { unit: 'count' } as const, 'no figure'],
])('formatExact(%j, %j, %o)', (value, decimals, unit, text) => {
  it(`is ${JSON.stringify(text)}`, () => {
    expect(formatExact(value, decimals, unit)).toBe(text);
  });
});

// Changes the seed 000 narrative states in its own words: care leavers EET fell from 63.3% to 47.3% (paragraph 19),
// EHE rose by 151 (paragraph 30), primary first preferences 0.7 higher (28), secondary 0.8 higher (29),
// permanent exclusions 0.05 higher (33), primary schools no change (25).
describe.each([
  [63.3, 47.3, percent1, 'down 16.0 percentage points'],
  [87.4, 92.2, percent1, 'up 4.8 percentage points'],
  [94.3, 95.0, percent1, 'up 0.7 percentage points'],
  [90.7, 91.5, percent1, 'up 0.8 percentage points'],
  [0.02, 0.07, percent2, 'up 0.05 percentage points'],
  [23.9, 24.9, percent1, 'up 1.0 percentage point'],
  [1128, 1279, count, 'up 151'],
  [12968, 13374, count, 'up 406'],
  [2483, 2446, count, 'down 37'],
  [0.01, -0.09, score, 'down 0.10 points'],
  [-1.19, -1.11, score, 'up 0.08 points'],
  [90.3, 90.3, percent1, 'no change'],
  [1023, 1023, count, 'no change'],
  [null, 47.3, percent1, null],
  [63.3, null, percent1, null],
])('formatChange(%j, %j, %o)', (previous, latest, unit, text) => {
  it(`is ${JSON.stringify(text)}`, () => {
    expect(formatChange(previous, latest, unit)).toBe(text);
  });
});

describe.each([
  [1, 'top quartile'],
  [2, 'second quartile'],
  [3, 'third quartile'],
  [4, 'bottom quartile'],
] as const)('quartileWords(%d)', (quartile, words) => {
  it(`is ${words}`, () => {
    expect(quartileWords(quartile)).toBe(words);
  });
});

describe.each([
  [1, '1st'],
  [2, '2nd'],
  [3, '3rd'],
  [4, '4th'],
  [11, '11th'],
  [12, '12th'],
  [13, '13th'],
  [21, '21st'],
  [22, '22nd'],
  [101, '101st'],
  [111, '111th'],
])('ordinal(%d)', (n, text) => {
  it(`is ${text}`, () => {
    expect(ordinal(n)).toBe(text);
  });
});

describe.each([
  // The seed 000 committee date.
  ['2024-09-03', '3 September 2024'],
  ['2024-06-30', '30 June 2024'],
  ['2024-01-01', '1 January 2024'],
  // Clocks change in Europe/London on these days; the date must not slip.
  ['2024-03-31', '31 March 2024'],
  ['2023-10-29', '29 October 2023'],
  ['2023-12-31', '31 December 2023'],
])('formatDate(%j)', (iso, text) => {
  it(`is ${text}`, () => {
    expect(formatDate(iso)).toBe(text);
  });
});
