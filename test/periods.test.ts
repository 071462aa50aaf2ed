import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, parseQuarterId } from '../src/lib/periods';

describe.each([
  ['Q1 2024/25', 'quarter', '2024-04-01', '2024-06-30'],
  ['Q3 2023/24', 'quarter', '2023-10-01', '2023-12-31'],
  ['Q4 2022/23', 'quarter', '2023-01-01', '2023-03-31'],
  ['Summer Term 2024', 'term', '2024-04-16', '2024-07-31'],
  ['Summer 2023', 'term', '2023-04-16', '2023-07-31'],
  ['Autumn 2023', 'term', '2023-09-01', '2023-12-31'],
  ['Spring Term 2024', 'term', '2024-01-01', '2024-04-15'],
  ['2022/23', 'academic-year', '2022-09-01', '2023-08-31'],
  ['2022/23 Final', 'academic-year', '2022-09-01', '2023-08-31'],
  ['2024', 'calendar-year', '2024-01-01', '2024-12-31'],
])('parsePeriod(%j)', (label, kind, start, end) => {
  it(`is a ${kind} from ${start} to ${end}`, () => {
    const result = parsePeriod(label);
    expect(result).toMatchObject({ ok: true, period: { label, kind, start, end } });
  });
});

describe.each(['Q5 2024/25', 'Q1 2024/26', 'Winter 2023', '2023/25', 'last quarter', ''])('parsePeriod(%j)', (label) => {
  it('is an error that says what was expected', () => {
    const result = parsePeriod(label);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/such as/);
  });
});

describe('ordering', () => {
  it('orders mixed period kinds by their dates', () => {
    const labels = ['Q1 2024/25', '2022/23 Final', 'Autumn 2023', 'Q4 2022/23', 'Summer Term 2024', '2024'];
    const sorted = labels
      .map((label) => parsePeriod(label))
      .map((result) => (result.ok ? result.period : null)!)
      .sort(comparePeriods)
      .map((period) => period.label);
    expect(sorted).toEqual(['Q4 2022/23', '2022/23 Final', 'Autumn 2023', 'Q1 2024/25', 'Summer Term 2024', '2024']);
  });
});

describe.each([
  ['2024-25-q1', { year: '2024-25', quarter: 'q1', label: 'Q1 2024/25', months: 'April to June 2024' }],
  ['2023-24-q4', { year: '2023-24', quarter: 'q4', label: 'Q4 2023/24', months: 'January to March 2024' }],
  ['2024-26-q1', null],
  ['2024-25-q5', null],
  ['Q1 2024', null],
])('parseQuarterId(%j)', (id, expected) => {
  it(expected ? `is ${expected.label}` : 'is rejected', () => {
    const result = parseQuarterId(id);
    if (expected) expect(result).toMatchObject(expected);
    else expect(result).toBeNull();
  });
});
