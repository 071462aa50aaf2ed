/**
 * Figures typed into the summary, in any script or form: each row plants one
 * and expects it found (with its kind), or is a control that must pass.
 */
import { describe, expect, it } from 'vitest';
import { periodYears, typedFigures } from '../src/ingest/typed-figures.ts';
import { parsePeriod, parseQuarterId } from '../src/core/periods.ts';

const period = (label: string) => {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(label);
  return parsed.period;
};
// Q1 2024/25 with a previous quarter, a term and two school years, as the real quarter's data has.
const years = periodYears([parseQuarterId('2024-25-q1')!.period, period('Q4 2023/24'), period('Spring Term 2024'), period('2022/23'), period('2021/22')]);

describe('periodYears', () => {
  it('covers every year the periods fall in, and both years a quarter’s financial year names', () => {
    expect([...years].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect([...periodYears([period('Q4 2023/24')])].sort()).toEqual([2023, 2024]);
  });
});

describe('typed figures in the summary', () => {
  it.each<[string, string, { found: string; kind: string }[]]>([
    // Planted faults.
    ['ASCII digits', 'Care leavers in education fell to 47.3% this quarter.', [{ found: '47.3%', kind: 'digits' }]],
    ['full-width digits', 'Care leavers in education fell to ４７.３% this quarter.', [{ found: '４７.３%', kind: 'unicode-digits' }]],
    ['Arabic-Indic digits', 'Care leavers in education fell to ٤٧ this quarter.', [{ found: '٤٧', kind: 'unicode-digits' }]],
    ['a superscript digit', 'Plans rose to x² this quarter.', [{ found: 'x²', kind: 'unicode-digits' }]],
    ['a vulgar fraction', 'About ½ of care leavers were in work.', [{ found: '½', kind: 'unicode-digits' }]],
    ['a four-digit count that reads as a year', 'There were 1509 requests this year.', [{ found: '1509', kind: 'year' }]],
    ['a year outside the quarter’s periods', 'The most since 2008 for the council.', [{ found: '2008', kind: 'year' }]],
    ['a school year outside the periods', 'The highest rate since 2005/06 for the council.', [{ found: '2005/06', kind: 'year' }]],
    ['a quarter outside the periods', 'The best result since Q1 2019/20 for the council.', [{ found: 'Q1 2019/20', kind: 'year' }]],
    ['a percentage in words', 'Care leavers in education fell to forty-eight per cent.', [{ found: 'forty-eight per cent', kind: 'words' }]],
    ['a percentage in words with percent', 'It fell to forty eight percent.', [{ found: 'forty eight percent', kind: 'words' }]],
    ['a small percentage in words', 'Only five per cent were late.', [{ found: 'five per cent', kind: 'words' }]],
    ['a percentage in words with a sign', 'It fell to forty-eight% this quarter.', [{ found: 'forty-eight%', kind: 'words' }]],
    ['a count in words over nineteen', 'There were six hundred and twenty requests.', [{ found: 'six hundred and twenty', kind: 'words' }]],
    ['a count of twenty in words', 'Twenty-one measures improved.', [{ found: 'Twenty-one', kind: 'words' }]],
    ['a count with thousands separators', 'The council received 1,509 requests.', [{ found: '1,509', kind: 'digits' }]],
    ['a figure after a measure name', 'Progress 8 was -0.09 for all pupils.', [{ found: '-0.09', kind: 'digits' }]],
    // Controls.
    ['small counts in words', 'Three of the indicators were rated red, and two improved.', []],
    ['a count of nineteen in words', 'Nineteen measures improved.', []],
    ['years and periods of the quarter', 'In Q1 2024/25 and the Spring Term 2024, and for 2022/23 and 2023, results held.', []],
    ['the quarter’s financial year', 'The first quarter of 2024/25 went well.', []],
    ['names of measures', 'Progress 8 and Key Stage 2 results improved; KS4 results did not.', []],
    ['ordinal words', 'The council is in the second quartile, its third year there.', []],
    ['plural number words', 'Hundreds of children were helped, thousands more were seen.', []],
  ])('%s', (_name, text, expected) => {
    expect(typedFigures(text, { years }).map(({ found, kind }) => ({ found, kind }))).toEqual(expected);
  });

  it('gives the offset of each figure, so a caller can point at it', () => {
    const text = 'It fell to ４８% from 63.3%.';
    for (const figure of typedFigures(text, { years })) expect(text.slice(figure.index, figure.index + figure.found.length)).toBe(figure.found);
  });
});
