import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, parseQuarterId, periodKey, PERIOD_KINDS_FOR, type Period } from '../src/core/periods';

// Each period with the one label the site shows for it, however the export wrote it.
describe.each([
  ['Q1 2024/25', 'Q1 2024/25', 'quarter', '2024-04-01', '2024-06-30', false],
  ['Q3 2023/24', 'Q3 2023/24', 'quarter', '2023-10-01', '2023-12-31', false],
  ['Q4 2022/23', 'Q4 2022/23', 'quarter', '2023-01-01', '2023-03-31', false],
  ['Q4 1999/2000', 'Q4 1999/00', 'quarter', '2000-01-01', '2000-03-31', false],
  ['Summer Term 2024', 'Summer Term 2024', 'term', '2024-04-16', '2024-07-31', false],
  ['Summer 2023', 'Summer Term 2023', 'term', '2023-04-16', '2023-07-31', false],
  ['Autumn 2023', 'Autumn Term 2023', 'term', '2023-09-01', '2023-12-31', false],
  ['Spring Term 2024', 'Spring Term 2024', 'term', '2024-01-01', '2024-04-15', false],
  ['2022/23', '2022/23', 'academic-year', '2022-09-01', '2023-08-31', false],
  ['2022/23 Final', '2022/23 (final)', 'academic-year', '2022-09-01', '2023-08-31', true],
  ['2024', '2024', 'calendar-year', '2024-01-01', '2024-12-31', false],
])('parsePeriod(%j)', (raw, label, kind, start, end, final) => {
  it(`is a ${kind} from ${start} to ${end}${final ? ', final' : ''}, shown as ${label}`, () => {
    const result = parsePeriod(raw);
    expect(result).toEqual({ ok: true, period: { label, kind, start, end, final } });
  });
});

describe('every label the site prints reads back as the same period (so a period copied from a message works in revisions:)', () => {
  it.each(['Q1 2024/25', 'Q4 1999/2000', 'Summer 2023', 'Autumn Term 2023', 'spring term 2024', '2022/23', '2022/23 Final', '2022/23 final', '2024'])('%s', (raw) => {
    const first = parsePeriod(raw);
    if (!first.ok) throw new Error(first.message);
    const again = parsePeriod(first.period.label);
    expect(again).toEqual(first);
  });
  it('"2022/23 (final)", as the check prints a final year, is that final year', () => {
    expect(parsePeriod('2022/23 (final)')).toEqual(parsePeriod('2022/23 Final'));
  });
});

describe('labels', () => {
  it('read one way whatever the spacing and case', () => {
    expect(parsePeriod('  Q1   2024/25 ')).toEqual({ ok: true, period: { label: 'Q1 2024/25', kind: 'quarter', start: '2024-04-01', end: '2024-06-30', final: false } });
    expect(parsePeriod('summer term 2024')).toMatchObject({ ok: true, period: { label: 'Summer Term 2024', kind: 'term', start: '2024-04-16' } });
  });
});

describe('periodKey: the identity figures are matched by', () => {
  const p = (label: string): Period => {
    const result = parsePeriod(label);
    if (!result.ok) throw new Error(label);
    return result.period;
  };

  it.each([
    ['Summer 2023', 'Summer Term 2023'],
    ['2022/23', '2022/23 Final'],
    ['Q1 2023/24', 'q1 2023/2024'],
  ])('%j and %j are the same period', (a, b) => {
    expect(periodKey(p(a))).toBe(periodKey(p(b)));
  });

  it.each([
    ['Q1 2023/24', 'Q2 2023/24'],
    ['2023', '2022/23'],
    ['Summer 2023', 'Summer 2024'],
  ])('%j and %j are different periods', (a, b) => {
    expect(periodKey(p(a))).not.toBe(periodKey(p(b)));
  });
});

describe('PERIOD_KINDS_FOR', () => {
  it('fits quarterly to quarters, termly to terms, annual to academic or calendar years', () => {
    expect(PERIOD_KINDS_FOR).toEqual({ quarterly: ['quarter'], termly: ['term'], annual: ['academic-year', 'calendar-year'] });
  });
});

describe.each(['Q5 2024/25', 'Q1 2024/26', 'Winter 2023', '2023/25', 'last quarter', '', 'Q0 2024/25', '2024/25 Provisional', 'Q1 2024'])('parsePeriod(%j)', (label) => {
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
    expect(sorted).toEqual(['Q4 2022/23', '2022/23 (final)', 'Autumn Term 2023', 'Q1 2024/25', 'Summer Term 2024', '2024']);
  });
});

describe.each([
  ['2024-25-q1', { id: '2024-25-q1', year: '2024-25', quarter: 'q1', label: 'Q1 2024/25', months: 'April to June 2024', period: { label: 'Q1 2024/25', kind: 'quarter', start: '2024-04-01', end: '2024-06-30', final: false } }],
  ['2023-24-q4', { id: '2023-24-q4', year: '2023-24', quarter: 'q4', label: 'Q4 2023/24', months: 'January to March 2024', period: { label: 'Q4 2023/24', kind: 'quarter', start: '2024-01-01', end: '2024-03-31', final: false } }],
  ['2023-24-q3', { id: '2023-24-q3', year: '2023-24', quarter: 'q3', label: 'Q3 2023/24', months: 'October to December 2023', period: { label: 'Q3 2023/24', kind: 'quarter', start: '2023-10-01', end: '2023-12-31', final: false } }],
  ['2024-26-q1', null],
  ['2024-25-q5', null],
  ['Q1 2024', null],
])('parseQuarterId(%j)', (id, expected) => {
  it(expected ? `is ${expected.label}` : 'is rejected', () => {
    const result = parseQuarterId(id);
    if (expected) expect(result).toEqual(expected);
    else expect(result).toBeNull();
  });
});
