import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatFigure, ordinal, quartileWords } from '../src/core/format';

const MINUS = '\u2212';
const percent = { unit: 'percent' } as const;
const count = { unit: 'count' } as const;
const score = { unit: 'score' } as const;
const f = (value: number, decimals: number) => ({ value, decimals });

// Every figure as the council wrote it: never rounded beyond its published decimals, never padded past them.
describe.each([
  [f(47.3, 1), percent, '47.3%'],
  [f(75.71, 2), percent, '75.71%'],
  [f(94.3, 2), percent, '94.30%'],
  [f(2.5, 1), percent, '2.5%'],
  [f(66, 0), percent, '66%'],
  [f(66, 1), percent, '66.0%'],
  [f(0.07, 2), percent, '0.07%'],
  [f(13374, 0), count, '13,374'],
  [f(12801, 0), count, '12,801'],
  [f(946, 0), count, '946'],
  [f(-0.09, 2), score, `${MINUS}0.09`],
  [f(-0.76, 2), score, `${MINUS}0.76`],
  [f(0.01, 2), score, '0.01'],
  [f(0, 2), score, '0.00'],
  [f(-0, 2), score, '0.00'],
  [null, percent, 'no figure'],
  [null, count, 'no figure'],
] as const)('formatFigure(%j, %o)', (figure, unit, text) => {
  it(`is ${JSON.stringify(text)}`, () => {
    expect(formatFigure(figure, unit)).toBe(text);
  });
});

// Changes the seed 000 narrative states in its own words: care leavers EET fell from 63.3% to 47.3% (paragraph 19),
// EHE rose by 151 (paragraph 30), primary first preferences 0.7 higher (28), secondary 0.8 higher (29),
// permanent exclusions 0.05 higher (33), primary schools no change (25). A change is shown to the finer of its figures' decimals.
describe.each([
  [f(63.3, 1), f(47.3, 1), percent, 'down 16.0 percentage points'],
  [f(87.4, 1), f(92.2, 1), percent, 'up 4.8 percentage points'],
  [f(94.3, 1), f(95.0, 1), percent, 'up 0.7 percentage points'],
  [f(90.7, 1), f(91.5, 1), percent, 'up 0.8 percentage points'],
  [f(0.02, 2), f(0.07, 2), percent, 'up 0.05 percentage points'],
  [f(23.9, 1), f(24.9, 1), percent, 'up 1.0 percentage point'],
  [f(2.5, 1), f(2.47, 2), percent, 'down 0.03 percentage points'],
  [f(0.8, 1), f(0.84, 2), percent, 'up 0.04 percentage points'],
  [f(1128, 0), f(1279, 0), count, 'up 151'],
  [f(12968, 0), f(13374, 0), count, 'up 406'],
  [f(2483, 0), f(2446, 0), count, 'down 37'],
  [f(0.01, 2), f(-0.09, 2), score, 'down 0.10 points'],
  [f(-1.19, 2), f(-1.11, 2), score, 'up 0.08 points'],
  [f(90.3, 1), f(90.3, 1), percent, 'no change'],
  [f(1023, 0), f(1023, 0), count, 'no change'],
  [null, f(47.3, 1), percent, null],
  [f(63.3, 1), null, percent, null],
] as const)('formatChange(%j, %j, %o)', (previous, latest, unit, text) => {
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
