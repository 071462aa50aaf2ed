import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/ingest/delimited';
import { columnLetter, type Problem } from '../src/core/problems';
import type { Period } from '../src/core/records';
import { checkQuarterFile, checkQuarterText, failureOf, realMatcher } from './helpers/content';

const fixture = (name: string) => `test/fixtures/quarter/${name}`;
const matcher = realMatcher();

/** Periods written out in full (not through the reader), so a wrong date in the reader cannot agree with itself. */
const P = {
  q4_2223: { label: 'Q4 2022/23', kind: 'quarter', start: '2023-01-01', end: '2023-03-31', final: false },
  q2_2324: { label: 'Q2 2023/24', kind: 'quarter', start: '2023-07-01', end: '2023-09-30', final: false },
  q3_2324: { label: 'Q3 2023/24', kind: 'quarter', start: '2023-10-01', end: '2023-12-31', final: false },
  q4_2324: { label: 'Q4 2023/24', kind: 'quarter', start: '2024-01-01', end: '2024-03-31', final: false },
  q1_2324: { label: 'Q1 2023/24', kind: 'quarter', start: '2023-04-01', end: '2023-06-30', final: false },
  q1_2425: { label: 'Q1 2024/25', kind: 'quarter', start: '2024-04-01', end: '2024-06-30', final: false },
  spring2024: { label: 'Spring Term 2024', kind: 'term', start: '2024-01-01', end: '2024-04-15', final: false },
  summer2024: { label: 'Summer Term 2024', kind: 'term', start: '2024-04-16', end: '2024-07-31', final: false },
  final2122: { label: '2021/22 (final)', kind: 'academic-year', start: '2021-09-01', end: '2022-08-31', final: true },
  final2223: { label: '2022/23 (final)', kind: 'academic-year', start: '2022-09-01', end: '2023-08-31', final: true },
} satisfies Record<string, Period>;

/** Reads a file as the validation stage does: bytes checked and decoded, then checked against the catalogue and the folder's quarter. */
function parse(file: string, folder = '2024-25-q1') {
  const result = checkQuarterFile(file, folder);
  if (result.problems.length) throw new Error(failureOf(result, file).message);
  return result;
}

function failure(file: string, folder = '2024-25-q1') {
  return failureOf(checkQuarterFile(file, folder), file);
}

/** The message must name the file, line, column, what was found and what was expected. */
function expectMessageToDescribe(message: string, problem: Required<Pick<Problem, 'file' | 'line' | 'column' | 'columnName' | 'found'>>) {
  expect(message).toContain(`${problem.file}:${problem.line}:${problem.column}\n`);
  expect(message).toContain(`Line ${problem.line}, column ${columnLetter(problem.column)} (${problem.columnName}): found "${problem.found}", expected `);
}

describe.each([
  ['bad-number.tsv', 3, 10, 'Latest Value', '83.1.4%', /^a number such as 47.3%/],
  ['bad-polarity.tsv', 2, 5, 'Polarity', 'Up = Good', /^"High = Good", "Low = Good" or "N\/A"$/],
  ['bad-rag.tsv', 4, 13, 'Status RAG', 'Blue', /^Green, Amber or Red/],
  ['bad-quartile.tsv', 3, 14, 'National benchmark (quartile 1 = top)', '5th', /^a quartile from 1 to 4/],
  ['bad-target.tsv', 2, 12, 'Target', '>abc', /^a target such as >97.2%/],
  ['unknown-indicator.tsv', 3, 3, 'Indicator', 'Care leavers in suitible accomodation', /^an indicator named in content\/indicators.csv$/],
  ['duplicate.tsv', 4, 3, 'Indicator', 'Care leavers EET', /^each indicator once, but line 2 already reports "Care leavers EET"$/],
  ['polarity-disagrees.tsv', 3, 5, 'Polarity', 'Low = Good', /^"higher is better", as the catalogue records for "Assessments completed within 45 days"$/],
  ['value-type-disagrees.tsv', 2, 4, 'Value Type', 'Number', /^"Percent", as the catalogue records "Care leavers EET" as a percent$/],
  ['percent-on-count.tsv', 3, 10, 'Latest Value', '13,374%', /^a count without a % sign, as the catalogue records "Children in mainstream schools in receipt of SEN Support \(without EHCP\)" as a count$/],
  ['previous-after-latest.tsv', 2, 7, 'Previous Period', 'Q2 2024/25', /^a period before the latest one \(Q1 2024\/25\)$/],
])('%s', (name, line, column, columnName, found, expected) => {
  const file = fixture(name);
  const error = failure(file);

  it(`fails with one problem at line ${line}, column ${columnLetter(column)}`, () => {
    expect(error.file).toBe(file);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file, line, column, columnName, found });
    expect(error.problems[0]!.expected).toMatch(expected);
  });

  it('says where, what was found and what was expected', () => {
    expectMessageToDescribe(error.message, { file, line, column, columnName, found });
    expect(error.message).toContain(error.problems[0]!.expected);
  });
});

describe('a previous value with no period', () => {
  it('is reported at the blank Previous Period cell', () => {
    const file = fixture('previous-without-period.tsv');
    const error = failure(file);
    expect(error.problems).toEqual([expect.objectContaining({ file, line: 4, column: 7, columnName: 'Previous Period', found: '' })]);
    expect(error.message).toContain(`${file}:4:7\n  Line 4, column G (Previous Period): found an empty cell, expected the period the previous value belongs to`);
  });
});

describe('an unknown indicator', () => {
  it('suggests the closest catalogue name', () => {
    const error = failure(fixture('unknown-indicator.tsv'));
    expect(error.problems[0]!.hint).toMatch(/^Did you mean "Care leavers in suitable accommodation"/);
    expect(error.message).toContain('Did you mean "Care leavers in suitable accommodation"');
  });
});

describe('a missing required column', () => {
  const file = fixture('missing-columns.tsv');
  const error = failure(file);

  it('reports every missing column against the header line', () => {
    expect(error.problems).toEqual([
      expect.objectContaining({ file, line: 1, expected: 'a column headed "Target"' }),
      expect.objectContaining({ file, line: 1, expected: 'a column headed "Status RAG"' }),
    ]);
    for (const problem of error.problems) expect(problem.column).toBeUndefined();
  });

  it('names the file and line and lists the header it found', () => {
    expect(error.message).toContain(`${file}:1\n  Line 1: expected a column headed "Target".`);
    expect(error.message).toContain(`${file}:1\n  Line 1: expected a column headed "Status RAG".`);
    expect(error.message).toContain('"National benchmark (quartile 1 = top)"');
  });
});

describe.each(['empty.tsv', 'blank-lines-only.tsv'])('%s', (name) => {
  it('fails saying the file is empty', () => {
    const file = fixture(name);
    const error = failure(file);
    expect(error.problems).toEqual([expect.objectContaining({ file, expected: expect.stringMatching(/file is empty/) })]);
    expect(error.message).toContain(`${file} has 1 problem`);
  });
});

describe('a header with no rows', () => {
  it('fails at the header line', () => {
    const file = fixture('header-only.tsv');
    const error = failure(file);
    expect(error.problems).toEqual([expect.objectContaining({ file, line: 1, expected: expect.stringMatching(/one row per indicator/) })]);
  });
});

describe('a truncated row', () => {
  const file = fixture('truncated.tsv');
  const error = failure(file);

  it('is reported at its line, with the cell count found and expected', () => {
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file, line: 3, found: '8 cells', expected: 'a row of 16 cells lining up with the header row' });
    expect(error.message).toContain(`${file}:3\n  Line 3: found "8 cells", expected a row of 16 cells lining up with the header row.`);
  });
});

describe('several problems in one file', () => {
  const file = fixture('several-problems.tsv');
  const error = failure(file);

  it('are all reported, not only the first', () => {
    expect(error.problems.map(({ line, column, found }) => [line, column, found])).toEqual([
      [2, 10, 'forty'],
      [3, 13, 'Purple'],
      [4, 3, 'Care leavers in suitible accomodation'],
      [5, 10, 'lots'],
      [5, 14, 'top'],
    ]);
    expect(error.message).toContain(`${file} has 5 problems`);
    for (const problem of error.problems) expect(error.message).toContain(`${file}:${problem.line}:${problem.column}\n`);
  });
});

describe('the raw seed export seeds/004_139f309df1e465b3.txt, the Q3 2023/24 report', () => {
  const file = 'seeds/004_139f309df1e465b3.txt';
  const error = failure(file, '2023-24-q3');

  it('fails at exactly lines 32 and 34', () => {
    expect(error.problems.map((problem) => problem.line)).toEqual([32, 34]);
  });

  it('points at the shifted NEET row in column A', () => {
    const shifted = error.problems[0]!;
    expect(shifted).toMatchObject({ line: 32, column: 1, columnName: 'Topic', found: 'NEET young people aged 16-17' });
    expect(shifted.expected).toBe('the indicator name in column C, under "Indicator"');
    expect(shifted.hint).toMatch(/shifted 2 columns to the left/);
    expectMessageToDescribe(error.message, { file, line: 32, column: 1, columnName: 'Topic', found: 'NEET young people aged 16-17' });
  });

  it('points at the stray text on line 34', () => {
    const stray = error.problems[1]!;
    expect(stray).toMatchObject({ line: 34, found: 'This page is intentionally left blank' });
    expect(stray.hint).toMatch(/stray text/);
    expect(error.message).toContain(`${file}:34\n  Line 34: found "This page is intentionally left blank", expected a row of 15 cells`);
  });
});

describe('files that are not UTF-8 text', () => {
  describe.each([
    ['workbook-saved-as.csv', /^a text file saved as "CSV UTF-8"/],
    ['utf16.csv', /^a text file saved as "CSV UTF-8"/],
    ['windows-1252.csv', /^text in the UTF-8 encoding$/],
  ])('%s', (name, expected) => {
    const file = fixture(name);

    it('is refused by decodeText', () => {
      const decoded = decodeText(readFileSync(file), file);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) {
        expect(decoded.problem.file).toBe(file);
        expect(decoded.problem.expected).toMatch(expected);
        expect(decoded.problem.hint).toMatch(/Save As/);
      }
    });

    it('fails naming the file and what was expected', () => {
      const error = failure(file);
      expect(error.message).toContain(`${file}\n  Expected `);
      expect(error.message).toMatch(/CSV UTF-8/);
    });
  });

  it.each([
    ['NUL bytes', new TextEncoder().encode('Topic\0Theme\0Indicator\n')],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n')],
    ['a zip signature', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0a])],
  ])('refuses %s', (_, bytes) => {
    expect(decodeText(bytes, 'data.csv').ok).toBe(false);
  });

  it('accepts UTF-8 text, dropping a byte order mark', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Caf\u00e9 \u2212 0.09\n')]), 'data.csv');
    expect(decoded).toEqual({ ok: true, text: 'Caf\u00e9 \u2212 0.09\n' });
  });
});

describe.each([
  // [file, its folder, count of indicators, line of the first row]
  ['content/quarters/2023-24-q3/data.tsv', '2023-24-q3', 29, 4],
  ['content/quarters/2024-25-q1/data.tsv', '2024-25-q1', 22, 2],
])('%s', (file, folder, count, firstLine) => {
  const { indicators } = parse(file, folder);

  it(`parses ${count} indicators, each once, each from the catalogue`, () => {
    expect(indicators).toHaveLength(count);
    expect(new Set(indicators.map((indicator) => indicator.id)).size).toBe(count);
    for (const indicator of indicators) expect(matcher.indicators.some((known) => known.id === indicator.id)).toBe(true);
  });

  it('keeps the line each row came from', () => {
    expect(indicators.map((indicator) => indicator.line)).toEqual(Array.from({ length: count }, (_, i) => firstLine + i));
  });
});

describe('figures read from the real content files match the seeds', () => {
  const q3 = new Map(parse('content/quarters/2023-24-q3/data.tsv', '2023-24-q3').indicators.map((record) => [record.id, record]));
  const q1 = new Map(parse('content/quarters/2024-25-q1/data.tsv').indicators.map((record) => [record.id, record]));

  it('seed 004 line 6: child protection reviews 75.71% (2 decimals) in Q4 2022/23, 82.6% in Q3 2023/24, >97.2%, Red, quartile 4', () => {
    expect(q3.get('cp-reviews-in-timescale')).toEqual({
      id: 'cp-reviews-in-timescale',
      line: 6,
      publishedName: 'Child protection cases which were reviewed within timescales',
      previous: { period: P.q4_2223, figure: { value: 75.71, decimals: 2 } },
      latest: { period: P.q3_2324, figure: { value: 82.6, decimals: 1 } },
      target: { text: '>97.2%', comparison: 'above', value: 97.2, decimals: 1, percentSign: true },
      rag: 'red',
      quartile: 4,
      statisticalNeighbourAverage: { value: 88.2, decimals: 1 },
      englandAverage: null,
      // The dashboard's own Trend word, as written (#21).
      councilTrend: 'Increase',
    });
  });

  it('seed 004 line 28: Progress 8 (FSM) -0.64 → -0.76, neighbours -0.79, each with its two decimals', () => {
    expect(q3.get('ks4-progress-8-fsm')).toMatchObject({
      previous: { period: P.final2122, figure: { value: -0.64, decimals: 2 } },
      latest: { period: P.final2223, figure: { value: -0.76, decimals: 2 } },
      statisticalNeighbourAverage: { value: -0.79, decimals: 2 },
    });
  });

  it('seed 000 paragraph 26: secondary schools 77.8%, England 83.8%, statistical neighbours 86.1%, fourth quartile', () => {
    expect(q1.get('secondary-schools-good-outstanding')).toMatchObject({
      latest: { period: P.q1_2425, figure: { value: 77.8, decimals: 1 } },
      previous: { period: P.q4_2324, figure: { value: 77.8, decimals: 1 } },
      englandAverage: { value: 83.8, decimals: 1 },
      statisticalNeighbourAverage: { value: 86.1, decimals: 1 },
      quartile: 4,
      rag: 'red',
    });
  });

  it('seed 000 paragraph 30: electively home educated 1,279, compared with 1,128 at the end of Q1 2023/24', () => {
    expect(q1.get('elective-home-education')).toMatchObject({
      latest: { period: P.q1_2425, figure: { value: 1279, decimals: 0 } },
      previous: { period: P.q1_2324, figure: { value: 1128, decimals: 0 } },
      target: null,
      rag: null,
      quartile: null,
    });
  });

  it('a termly figure in a quarter folder keeps its term and dates', () => {
    expect(q1.get('feee-3-year-olds')).toMatchObject({
      latest: { period: P.summer2024, figure: { value: 92.9, decimals: 1 } },
      previous: { period: P.spring2024, figure: { value: 89.8, decimals: 1 } },
    });
  });

  it('the dashboard name shortened with "(.." is matched through the alias and kept as published', () => {
    expect(q1.get('cic-health-assessments')).toMatchObject({
      publishedName: 'Children in care who have their annual health assessment within last 12 months (..',
      latest: { figure: { value: 80.6, decimals: 1 } },
    });
  });

  it('every figure keeps the decimals it was written with, and every period is an object with dates', () => {
    for (const record of [...q3.values(), ...q1.values()]) {
      for (const observation of [record.latest, record.previous]) {
        if (!observation) continue;
        expect(observation.period).toEqual({ label: expect.any(String), kind: expect.any(String), start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), final: expect.any(Boolean) });
        if (observation.figure !== null) expect(observation.figure).toEqual({ value: expect.any(Number), decimals: expect.any(Number) });
      }
    }
  });

  it('blank comparator cells read as missing, not 0', () => {
    expect(q1.get('care-leavers-eet')).toMatchObject({ statisticalNeighbourAverage: null, englandAverage: null });
  });
});

describe('tolerant input', () => {
  it('reads a comma-delimited CSV with quoted fields holding commas and "13,374"', () => {
    const { indicators } = parse(fixture('comma-quoted.csv'));
    expect(indicators).toMatchObject([
      { id: 'ks2-rwm-ehcp', line: 2, publishedName: 'KS2 - Expected level in Reading, Writing and Maths - EHCP', latest: { period: P.final2223, figure: { value: 10.6, decimals: 1 } }, statisticalNeighbourAverage: { value: 8.4, decimals: 1 } },
      { id: 'children-mainstream-sen-support', line: 3, previous: { period: P.spring2024, figure: { value: 12968, decimals: 0 } }, latest: { period: P.summer2024, figure: { value: 13374, decimals: 0 } } },
    ]);
  });

  it('reads a UTF-8 BOM, CRLF line endings and blank leading lines, counting lines as an editor does', () => {
    const file = fixture('bom-crlf.csv');
    const raw = readFileSync(file, 'utf8');
    expect(raw.startsWith('\uFEFF\r\n\r\n')).toBe(true);
    const decoded = decodeText(readFileSync(file), file);
    if (!decoded.ok) throw new Error('bom-crlf.csv should decode');
    for (const text of [raw, decoded.text]) {
      const { indicators, problems } = checkQuarterText(text, file, '2024-25-q1', matcher);
      expect(problems).toEqual([]);
      expect(indicators.map(({ id, line }) => [id, line])).toEqual([
        ['care-leavers-eet', 4],
        ['assessments-45-days', 5],
      ]);
      expect(indicators[0]!.latest).toEqual({ period: P.q1_2425, figure: { value: 47.3, decimals: 1 } });
    }
  });

  describe('loose cells', () => {
    const { indicators, warnings } = parse(fixture('loose-cells.tsv'));
    const byId = new Map(indicators.map((record) => [record.id, record]));

    it('accepts every row, with no warnings', () => {
      expect(indicators).toHaveLength(5);
      expect(warnings).toEqual([]);
    });

    it.each([
      ['care-leavers-eet', '2nd', 'R', 2, 'red'],
      ['assessments-45-days', '2', 'a', 2, 'amber'],
      ['care-leavers-suitable-accommodation', 'Q2', 'Green', 2, 'green'],
      ['ks2-rwm-ehcp', 'Quartile 2', 'G', 2, 'green'],
      ['children-mainstream-sen-support', 'NA', '(blank)', null, null],
    ])('%s: quartile %j and RAG %j read as %j and %j', (id, _quartile, _rag, quartile, rag) => {
      expect(byId.get(id)).toMatchObject({ quartile, rag });
    });

    it('accepts a first row with blank Topic and Theme', () => {
      expect(byId.get('care-leavers-eet')).toMatchObject({ line: 2, latest: { figure: { value: 47.3 } } });
    });

    it('reads blank value cells as missing (null), never 0', () => {
      expect(byId.get('children-mainstream-sen-support')).toMatchObject({
        latest: { period: P.summer2024, figure: null },
        previous: { period: P.spring2024, figure: null },
      });
      expect(byId.get('ks2-rwm-ehcp')!.statisticalNeighbourAverage).toBeNull();
    });
  });

  it.each([
    ['reordered.tsv', 83.8],
    ['no-england-column.tsv', null],
  ])('%s: finds columns by name, with the optional England average read as %j', (name, england) => {
    const { indicators } = parse(fixture(name));
    expect(indicators).toMatchObject([
      {
        id: 'secondary-schools-good-outstanding',
        latest: { period: P.q1_2425, figure: { value: 77.8, decimals: 1 } },
        previous: { period: P.q4_2324, figure: { value: 77.8, decimals: 1 } },
        target: null,
        rag: 'red',
        quartile: 4,
        statisticalNeighbourAverage: { value: 86.1, decimals: 1 },
        englandAverage: england === null ? null : { value: england, decimals: 1 },
      },
      {
        id: 'care-leavers-eet',
        latest: { period: P.q1_2425, figure: { value: 47.3, decimals: 1 } },
        previous: { period: P.q4_2324, figure: { value: 63.3, decimals: 1 } },
        target: { text: '>54.0%', comparison: 'above', value: 54, decimals: 1, percentSign: true },
        englandAverage: null,
      },
    ]);
  });
});

describe('warnings (the build carries on)', () => {
  it('seed 004 line 17: a Trend of "Decline" for primary schools going from 90.2% to 90.3%', () => {
    const file = 'content/quarters/2023-24-q3/data.tsv';
    const { indicators, warnings } = parse(file, '2023-24-q3');
    expect(indicators.find((record) => record.line === 17)?.id).toBe('primary-schools-good-outstanding');
    // Every other Trend in seed 004 agrees with its values; this is the only one that does not.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file, line: 17, column: 11, columnName: 'Trend', found: 'Decline' });
    expect(warnings[0]!.expected).toMatch(/^an increase: .* went from 90\.2% to 90\.3%$/);
  });

  it('the Q1 2024/25 file, with no Trend column filled and no Green on a missed target, has one: an Amber on a met target (line 13)', () => {
    expect(parse('content/quarters/2024-25-q1/data.tsv').warnings).toEqual([expect.objectContaining({ line: 13, columnName: 'Status RAG', found: 'A' })]);
  });

  it('a Green rating on a missed target', () => {
    const file = fixture('green-missed-target.tsv');
    const { indicators, warnings } = parse(file);
    expect(indicators).toHaveLength(2);
    expect(warnings).toEqual([
      expect.objectContaining({ file, line: 2, column: 13, columnName: 'Status RAG', found: 'G', expected: expect.stringMatching(/47\.3% does not meet >54\.0%/) }),
    ]);
  });
});

describe('a met target rated amber or red (#23)', () => {
  it('warns at the rating, once per row; a met target rated green and a missed one rated amber do not warn', () => {
    const file = fixture('rated-below-met-target.tsv');
    const { indicators, warnings } = parse(file);
    expect(indicators).toHaveLength(4);
    expect(warnings).toEqual([
      expect.objectContaining({ file, line: 2, column: 13, columnName: 'Status RAG', found: 'A', expected: expect.stringMatching(/55\.0% meets >54\.0% but is rated amber/) }),
      expect.objectContaining({ file, line: 3, column: 13, columnName: 'Status RAG', found: 'R', expected: expect.stringMatching(/91\.0% meets >90\.3% but is rated red/) }),
    ]);
  });
});

describe('good.tsv, read in full', () => {
  const file = fixture('good.tsv');
  const { indicators, warnings } = parse(file);

  it('gives each record exactly as the file wrote it', () => {
    expect(warnings).toEqual([]);
    expect(indicators[0]).toEqual({
      id: 'care-leavers-eet',
      line: 2,
      publishedName: 'Care leavers EET',
      latest: { period: P.q1_2425, figure: { value: 47.3, decimals: 1 } },
      previous: { period: P.q4_2324, figure: { value: 63.3, decimals: 1 } },
      target: { text: '>54.0%', comparison: 'above', value: 54, decimals: 1, percentSign: true },
      rag: 'red',
      quartile: 4,
      statisticalNeighbourAverage: null,
      englandAverage: null,
    });
    expect(indicators.map((record) => record.id)).toEqual(['care-leavers-eet', 'assessments-45-days', 'care-leavers-suitable-accommodation', 'children-mainstream-sen-support']);
    expect(indicators[3]).toMatchObject({ latest: { period: P.summer2024, figure: { value: 13374, decimals: 0 } }, previous: { period: P.spring2024, figure: { value: 12968, decimals: 0 } }, target: null, rag: null, quartile: null });
  });
});

// The folder a file sits in says which quarter it reports: a quarterly figure is for that quarter, no figure is for a period
// that had not begun by its end, and a period's kind fits the indicator's frequency.
describe('periods against the folder’s quarter', () => {
  const file = fixture('good.tsv');

  it('last quarter’s export in the next quarter’s folder fails at each quarterly row, naming the folder’s quarter', () => {
    const error = failure(file, '2024-25-q2');
    expect(error.problems.map(({ line, column, columnName, found }) => [line, column, columnName, found])).toEqual([
      [2, 9, 'Latest Period', 'Q1 2024/25'],
      [3, 9, 'Latest Period', 'Q1 2024/25'],
      [4, 9, 'Latest Period', 'Q1 2024/25'],
    ]);
    for (const problem of error.problems) {
      expect(problem.expected).toBe('Q2 2024/25, the quarter of the folder 2024-25-q2 this file is in');
      expect(problem.hint).toMatch(/last quarter's export/);
    }
    expect(error.message).toContain(`${file}:2:9\n  Line 2, column I (Latest Period): found "Q1 2024/25", expected Q2 2024/25, the quarter of the folder 2024-25-q2 this file is in.`);
  });

  it('in an earlier folder, a term that starts after the folder’s quarter ends is refused too', () => {
    const error = failure(file, '2023-24-q4');
    expect(error.problems.map(({ line, found }) => [line, found])).toEqual([
      [2, 'Q1 2024/25'],
      [3, 'Q1 2024/25'],
      [4, 'Q1 2024/25'],
      [5, 'Summer Term 2024'],
    ]);
    expect(error.problems[3]).toMatchObject({
      column: 9,
      columnName: 'Latest Period',
      expected: 'a period that has started by the end of Q4 2023/24 (January to March 2024), the quarter of the folder 2023-24-q4',
    });
  });

  it('the real Q3 2023/24 file is refused in the Q1 2024/25 folder, and the Q1 file in the Q3 folder', () => {
    expect(failure('content/quarters/2023-24-q3/data.tsv', '2024-25-q1').problems.every((problem) => problem.columnName === 'Latest Period')).toBe(true);
    expect(failure('content/quarters/2024-25-q1/data.tsv', '2023-24-q3').problems.every((problem) => problem.columnName === 'Latest Period')).toBe(true);
  });
});

const GOOD = readFileSync(fixture('good.tsv'), 'utf8').split('\n');
const HEADER = GOOD[0]!;
const HEADS = HEADER.split('\t');
const ROWS = {
  // Quarterly, a percentage; and termly, a count.
  eet: GOOD[1]!,
  sen: GOOD[4]!,
  // Annual (academic year), a percentage.
  ks2: ['', 'Education', 'KS2 - Expected level in Reading, Writing and Maths - EHCP', 'Percent', 'High = Good', 'Annual', '2021/22 Final', '8.3%', '2022/23 Final', '10.6%', '', 'N/A', 'Amber', '2', '8.4%', ''].join('\t'),
  // A score: Progress 8 (FSM), annual.
  p8: ['', 'Education', 'KS4 - Progress 8 (FSM)', 'Number', 'High = Good', 'Annual', '2021/22 Final', '-0.64', '2022/23 Final', '-0.76', '', 'NA', 'N/A', '4', '-0.79', ''].join('\t'),
};

/** One row of the given kind with some cells changed, checked as a file in folder 2024-25-q1. */
function checkRow(row: keyof typeof ROWS, changes: Record<string, string>, folder = '2024-25-q1') {
  const cells = ROWS[row].split('\t');
  for (const [heading, value] of Object.entries(changes)) cells[HEADS.indexOf(heading)] = value;
  return checkQuarterText(`${HEADER}\n${cells.join('\t')}\n`, 'data.tsv', folder, matcher);
}

describe('the rows these tests build', () => {
  it.each(Object.keys(ROWS) as (keyof typeof ROWS)[])('%s passes as written', (row) => {
    const result = checkRow(row, {});
    expect(result.problems).toEqual([]);
    expect(result.indicators).toHaveLength(1);
  });
});

describe.each([
  // [what, row, changes, column heading, found, expected]
  ['a term for a quarterly indicator', 'eet', { 'Latest Period': 'Summer Term 2024' }, 'Latest Period', 'Summer Term 2024', /^a quarter, such as "Q1 2024\/25", as the catalogue records "Care leavers EET" as quarterly$/],
  ['a year for a quarterly indicator (previous)', 'eet', { 'Previous Period': '2023' }, 'Previous Period', '2023', /^a quarter, such as "Q1 2024\/25", as the catalogue records "Care leavers EET" as quarterly$/],
  ['a quarter for a termly indicator', 'sen', { 'Latest Period': 'Q1 2024/25' }, 'Latest Period', 'Q1 2024/25', /^a school term, such as "Summer Term 2024", as the catalogue records .* as termly$/],
  ['a quarter for an annual indicator', 'ks2', { 'Latest Period': 'Q1 2024/25' }, 'Latest Period', 'Q1 2024/25', /^a year, such as "2022\/23" or a year, such as "2024", as the catalogue records .* as annual$/],
  ['an academic year that starts after the folder’s quarter', 'ks2', { 'Latest Period': '2024/25' }, 'Latest Period', '2024/25', /^a period that has started by the end of Q1 2024\/25 \(April to June 2024\)/],
  ['a term that starts after the folder’s quarter', 'sen', { 'Latest Period': 'Autumn Term 2024' }, 'Latest Period', 'Autumn Term 2024', /^a period that has started by the end of Q1 2024\/25/],
  ['a previous period equal to the latest', 'eet', { 'Previous Period': 'Q1 2024/25' }, 'Previous Period', 'Q1 2024/25', /^a period before the latest one \(Q1 2024\/25\)$/],
  ['a previous term after the latest', 'sen', { 'Previous Period': 'Summer Term 2024', 'Latest Period': 'Spring Term 2024' }, 'Previous Period', 'Summer Term 2024', /^a period before the latest one \(Spring Term 2024\)$/],
  // Numbers.
  ['two figures run together by a space', 'eet', { 'Latest Value': '44 93%' }, 'Latest Value', '44 93%', /^one number with no spaces inside it/],
  ['a count split by a space', 'sen', { 'Latest Value': '13 374' }, 'Latest Value', '13 374', /^one number with no spaces inside it/],
  ['a percentage over 100', 'eet', { 'Latest Value': '100.1%' }, 'Latest Value', '100.1%', /^a percentage from 0% to 100%/],
  ['a negative percentage', 'eet', { 'Previous Value': '-0.1%' }, 'Previous Value', '-0.1%', /^a percentage from 0% to 100%/],
  ['an average over 100%', 'eet', { 'Most recent Statistical Neighbour average': '101%' }, 'Most recent Statistical Neighbour average', '101%', /^a percentage from 0% to 100%/],
  ['an England average over 100%', 'eet', { 'England average': '250' }, 'England average', '250', /^a percentage from 0% to 100%/],
  ['a count with a decimal point for thousands', 'sen', { 'Latest Value': '1.279' }, 'Latest Value', '1.279', /^a whole number of 0 or more \(a count has no decimals: write 1,279 with a comma for thousands, never 1\.279\)/],
  ['a negative count', 'sen', { 'Previous Value': '-5' }, 'Previous Value', '-5', /^a whole number of 0 or more/],
  ['a % sign on a count', 'sen', { 'Previous Value': '12968%' }, 'Previous Value', '12968%', /^a count without a % sign/],
  ['a percentage target over 100', 'eet', { Target: '>540%' }, 'Target', '>540%', /^a percentage from 0% to 100%/],
  ['a % target on a count', 'sen', { Target: '<5%' }, 'Target', '<5%', /^a count without a % sign/],
  ['a fractional target on a count', 'sen', { Target: '<12.5' }, 'Target', '<12.5', /^a whole number of 0 or more/],
  ['a % sign on a score', 'p8', { 'Latest Value': '-0.76%' }, 'Latest Value', '-0.76%', /^a score without a % sign/],
] as const)('%s', (_what, row, changes, columnName, found, expected) => {
  it(`is refused at line 2, column ${columnLetter(HEADS.indexOf(columnName) + 1)} (${columnName}), and nothing from the file is published`, () => {
    const result = checkRow(row, changes);
    expect(result.indicators).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'data.tsv', line: 2, column: HEADS.indexOf(columnName) + 1, columnName, found });
    expect(result.problems[0]!.expected).toMatch(expected);
  });
});

describe.each([
  ['0% and 100%, the ends of the range', 'eet', { 'Previous Value': '0%', 'Latest Value': '100%', Target: '>54.0%', 'Status RAG': 'G' }, { previous: { figure: { value: 0, decimals: 0 } }, latest: { figure: { value: 100, decimals: 0 } } }],
  ['a percentage written without its % sign', 'eet', { 'Latest Value': '47.30' }, { latest: { figure: { value: 47.3, decimals: 2 } } }],
  ['a count of 0', 'sen', { 'Latest Value': '0' }, { latest: { figure: { value: 0, decimals: 0 } } }],
  ['a count with thousands separated by commas', 'sen', { 'Latest Value': '1,279' }, { latest: { figure: { value: 1279, decimals: 0 } } }],
  ['a negative score with a true minus sign', 'p8', { 'Latest Value': '\u22120.76' }, { latest: { figure: { value: -0.76, decimals: 2 } } }],
  ['an annual figure given as a calendar year', 'ks2', { 'Previous Period': '2022', 'Latest Period': '2023' }, { latest: { period: { label: '2023', kind: 'calendar-year', start: '2023-01-01', end: '2023-12-31', final: false } } }],
  ['a term that ends after the folder’s quarter but began within it', 'sen', {}, { latest: { period: P.summer2024 } }],
] as const)('%s', (_what, row, changes, record) => {
  it('is accepted, with the figure as written', () => {
    const result = checkRow(row, changes);
    expect(result.problems).toEqual([]);
    expect(result.indicators[0]).toMatchObject(record);
  });
});
