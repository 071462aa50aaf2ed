/**
 * Property tests of the data-file reader and validator, with the real
 * catalogue: (a) any well-formed quarter file, however a spreadsheet wrote
 * it, reads back exactly the figures it holds, for the quarter of its folder;
 * (b) a mangled file either still reads exactly the intended figures or is
 * refused with problems that each name the file and a line, never an
 * exception and never a silently different figure.
 *
 * The oracle never reads text the way the reader does. Every figure is
 * generated as numbers first (digits, decimal places, sign) and its text is
 * written from them; every period as dates first, its label written from
 * them. A text the generators write with a space inside a number ("44 93")
 * must be refused at its cell, never joined into one figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/core/cells';
import { decodeText, readTable } from '../../src/ingest/delimited';
import type { Problem } from '../../src/core/problems';
import type { QuarterFileResult } from '../../src/ingest/quarter-file';
import type { Indicator } from '../../src/schemas/indicator';
import type { Period, QuarterIndicator } from '../../src/core/records';
import { QUARTER_COLUMNS } from '../../src/schemas/quarter-row';
import { checkQuarterText, realCatalogue, realMatcher } from '../helpers/content';

const FILE = 'data.tsv';
const catalogue = realCatalogue();
const matcher = realMatcher();
const RUNS = { numRuns: Number(process.env.TRUST_RUNS ?? 150) };

type Key = (typeof QUARTER_COLUMNS)[number]['key'];
const REQUIRED = QUARTER_COLUMNS.filter((c) => c.required).map((c) => c.key);
const OPTIONAL = QUARTER_COLUMNS.filter((c) => !c.required).map((c) => c.key);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---- Numbers, generated as numbers first -------------------------------------------------

interface Written {
  /** Sign, whole part, fraction digits: the number as the council meant it. */
  negative: boolean;
  /** The digits without a decimal point (7571 for 75.71), at most 15 of them. */
  mantissa: number;
  decimals: number;
}

/** The value a written number stands for, by arithmetic on the generated digits (never by parsing text). */
const valueOf = ({ negative, mantissa, decimals }: Written) => {
  const magnitude = mantissa / 10 ** decimals;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
};

/** Thousands separated with commas, by hand. */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The text of a number written from its parts: whole part (maybe grouped), point and fraction, sign, % sign. */
function writeNumber(n: Written, how: { separators: boolean; sign: '' | '+' | '-' | '\u2212'; percent: boolean }): string {
  const digits = String(n.mantissa).padStart(n.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - n.decimals);
  const fraction = digits.slice(digits.length - n.decimals);
  const sign = n.negative ? how.sign || '-' : how.sign === '+' ? '+' : '';
  return `${sign}${how.separators ? grouped(whole) : whole}${n.decimals ? `.${fraction}` : ''}${how.percent ? '%' : ''}`;
}

interface NumberCell {
  text: string;
  /** What the reader must give: exactly the generated number, its decimals, whether it carried a % sign. */
  value: { value: number; decimals: number; percentSign: boolean } | null;
}

const MISSING_TEXTS = ['', 'N/A', 'NA', 'n/a', '-'];
const missingNumber: fc.Arbitrary<NumberCell> = fc.constantFrom(...MISSING_TEXTS).map((text) => ({ text, value: null }));
const pad = fc.constantFrom('', '', '', ' ');

/** Builds a cell from generated parts; spaces around a number are allowed, never inside it. */
const cellOf = (written: Written, how: Parameters<typeof writeNumber>[1], padding: string): NumberCell => ({
  text: `${padding}${writeNumber(written, how)}${padding}`,
  value: { value: valueOf(written), decimals: written.decimals, percentSign: how.percent },
});

/** "75.71%", "0.07", "100%": 0 to 100, 0 to 3 decimals, with or without a % sign. */
const percentNumber: fc.Arbitrary<NumberCell> = fc
  .integer({ min: 0, max: 3 })
  .chain((decimals) => fc.record({ mantissa: fc.integer({ min: 0, max: 100 * 10 ** decimals }), decimals: fc.constant(decimals), percent: fc.boolean(), plus: fc.boolean(), pad }))
  .map(({ mantissa, decimals, percent, plus, pad }) => cellOf({ negative: false, mantissa, decimals }, { separators: false, sign: plus ? '+' : '', percent }, pad));

/** "13374" or "13,374": a whole number of 0 or more. */
const countNumber: fc.Arbitrary<NumberCell> = fc
  .record({ mantissa: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9_999_999 })), separators: fc.boolean(), pad })
  .map(({ mantissa, separators, pad }) => cellOf({ negative: false, mantissa, decimals: 0 }, { separators, sign: '', percent: false }, pad));

/** "-0.76", "−1.19" (a true minus sign), "+0.01", "0.5", "3": a score, either side of zero. */
const scoreNumber: fc.Arbitrary<NumberCell> = fc
  .integer({ min: 0, max: 3 })
  .chain((decimals) =>
    fc.record({
      mantissa: fc.integer({ min: 0, max: 4 * 10 ** decimals }),
      decimals: fc.constant(decimals),
      negative: fc.boolean(),
      sign: fc.constantFrom('', '+', '-', '\u2212') as fc.Arbitrary<'' | '+' | '-' | '\u2212'>,
      pad,
    }),
  )
  .map(({ mantissa, decimals, negative, sign, pad }) =>
    cellOf({ negative: negative || sign === '-' || sign === '\u2212', mantissa, decimals }, { separators: false, sign: negative && sign === '+' ? '-' : sign, percent: false }, pad),
  );

const numberFor = (unit: Indicator['unit']) => (unit === 'percent' ? percentNumber : unit === 'count' ? countNumber : scoreNumber);
const maybeNumber = (unit: Indicator['unit']) =>
  fc.oneof({ weight: 4, arbitrary: numberFor(unit) }, { weight: 1, arbitrary: missingNumber });

const COMPARISONS = { '>': 'above', '<': 'below', '>=': 'at least', '<=': 'at most', '≥': 'at least', '≤': 'at most', '': null } as const;
const targetFor = (unit: Indicator['unit']) =>
  fc.oneof(
    fc.constantFrom(...MISSING_TEXTS).map((text) => ({ text, value: null as QuarterIndicator['target'] })),
    fc
      .record({ op: fc.constantFrom(...(Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[])), space: fc.constantFrom('', ' '), n: numberFor(unit) })
      .map(({ op, space, n }) => {
        const text = `${op}${op ? space : ''}${n.text.trim()}`;
        return { text, value: { text, comparison: COMPARISONS[op], ...n.value! } as QuarterIndicator['target'] };
      }),
  );

const rag = fc.constantFrom(
  ['Green', 'green'], ['G', 'green'], ['amber', 'amber'], ['A', 'amber'], ['Red', 'red'], ['r', 'red'], ['N/A', null], ['', null],
) as fc.Arbitrary<[string, QuarterIndicator['rag']]>;
const quartile = fc.constantFrom(
  ['1', 1], ['2nd', 2], ['Q3', 3], ['Quartile 4', 4], ['4', 4], ['N/A', null], ['NA', null], ['', null],
) as fc.Arbitrary<[string, QuarterIndicator['quartile']]>;

// ---- Periods, generated as dates first ---------------------------------------------------

/** The reporting quarter of a folder: financial year starting in `year`, quarter 1 to 4. */
interface Folder {
  year: number;
  q: number;
}
const folderId = ({ year, q }: Folder) => `${year}-${String((year + 1) % 100).padStart(2, '0')}-q${q}`;
const QUARTER_DAYS = [['04-01', '06-30'], ['07-01', '09-30'], ['10-01', '12-31'], ['01-01', '03-31']] as const;
/** Quarter q of financial year y: Q1 is April to June of y, Q4 January to March of y + 1. */
const quarterDates = (y: number, q: number) => {
  const year = q === 4 ? y + 1 : y;
  return { start: `${year}-${QUARTER_DAYS[q - 1]![0]}`, end: `${year}-${QUARTER_DAYS[q - 1]![1]}` };
};
const folderEnd = (folder: Folder) => quarterDates(folder.year, folder.q).end;
const TERM_DAYS = { Spring: ['01-01', '04-15'], Summer: ['04-16', '07-31'], Autumn: ['09-01', '12-31'] } as const;
type Term = keyof typeof TERM_DAYS;
const TERM_ORDER: Term[] = ['Spring', 'Summer', 'Autumn'];

const yy = (y: number) => String((y + 1) % 100).padStart(2, '0');
const spelled = (text: string, how: 'as is' | 'upper' | 'lower') => (how === 'upper' ? text.toUpperCase() : how === 'lower' ? text.toLowerCase() : text);
const letterCase = fc.constantFrom('as is', 'as is', 'upper', 'lower') as fc.Arbitrary<'as is' | 'upper' | 'lower'>;

/** A period cell: the text a spreadsheet holds and the period the reader must give for it. */
interface PeriodCell {
  text: string;
  period: Period;
}

const quarterCell = (y: number, q: number): fc.Arbitrary<PeriodCell> =>
  fc.record({ fullYear: fc.boolean(), how: letterCase }).map(({ fullYear, how }) => {
    const text = spelled(`Q${q} ${y}/${fullYear ? y + 1 : yy(y)}`, how);
    // The site shows one label per period, written here from the period's parts, never from the text.
    return { text, period: { label: `Q${q} ${y}/${yy(y)}`, kind: 'quarter', ...quarterDates(y, q), final: false } };
  });
const termCell = (term: Term, y: number): fc.Arbitrary<PeriodCell> =>
  fc.record({ word: fc.constantFrom('', ' Term'), how: letterCase }).map(({ word, how }) => {
    const text = spelled(`${term}${word} ${y}`, how);
    return { text, period: { label: `${term} Term ${y}`, kind: 'term', start: `${y}-${TERM_DAYS[term][0]}`, end: `${y}-${TERM_DAYS[term][1]}`, final: false } };
  });
const academicCell = (y: number): fc.Arbitrary<PeriodCell> =>
  fc.record({ fullYear: fc.boolean(), final: fc.constantFrom('', '', ' Final', ' final', ' FINAL') }).map(({ fullYear, final }) => {
    const text = `${y}/${fullYear ? y + 1 : yy(y)}${final}`;
    return { text, period: { label: `${y}/${yy(y)}${final === '' ? '' : ' (final)'}`, kind: 'academic-year', start: `${y}-09-01`, end: `${y + 1}-08-31`, final: final !== '' } };
  });
const calendarCell = (y: number): fc.Arbitrary<PeriodCell> =>
  fc.constant({ text: `${y}`, period: { label: `${y}`, kind: 'calendar-year', start: `${y}-01-01`, end: `${y}-12-31`, final: false } });

/**
 * A latest period and the one before it that fit the indicator's frequency and
 * the folder: a quarterly figure is for the folder's quarter; a termly or annual
 * one for a period that has begun by the end of the folder's quarter.
 */
function periodsFor(frequency: Indicator['frequency'], folder: Folder): fc.Arbitrary<{ latest: PeriodCell; previous: PeriodCell }> {
  const end = folderEnd(folder);
  const endYear = Number(end.slice(0, 4));
  if (frequency === 'quarterly') {
    return fc.boolean().chain((yearAgo) => {
      const [py, pq] = yearAgo ? [folder.year - 1, folder.q] : folder.q === 1 ? [folder.year - 1, 4] : [folder.year, folder.q - 1];
      return fc.record({ latest: quarterCell(folder.year, folder.q), previous: quarterCell(py, pq) });
    });
  }
  if (frequency === 'termly') {
    const terms = [endYear - 2, endYear - 1, endYear].flatMap((y) => TERM_ORDER.map((term) => ({ term, y }))).filter(({ term, y }) => `${y}-${TERM_DAYS[term][0]}` <= end);
    return fc.integer({ min: terms.length - 4, max: terms.length - 1 }).chain((i) =>
      fc.record({ latest: termCell(terms[i]!.term, terms[i]!.y), previous: termCell(terms[i - 1]!.term, terms[i - 1]!.y) }),
    );
  }
  const academic = [endYear - 3, endYear - 2, endYear - 1, endYear].filter((y) => `${y}-09-01` <= end);
  return fc.oneof(
    fc.constantFrom(...academic).chain((y) => fc.record({ latest: academicCell(y), previous: academicCell(y - 1) })),
    fc.integer({ min: endYear - 3, max: endYear }).chain((y) => fc.record({ latest: calendarCell(y), previous: calendarCell(y - 1) })),
  );
}

/** Spreadsheets add stray spaces; the label keeps the words with single spaces. */
const spacedOut = (text: string, spaced: boolean) => (spaced ? ` ${text.replace(/ /g, '  ')} ` : text);

const FREE_TEXT = [
  '',
  'Help every child to get the best possible start in life',
  'Help children, families & "carers" build resilience',
  '<b>bold</b> & <i>more</i>',
  'Two\nlines',
  'Tab\there',
  'Social Care',
];
const freeText = fc.constantFrom(...FREE_TEXT);

const caseOf = (text: string, how: 'as is' | 'upper' | 'lower' | 'spaced') =>
  how === 'upper' ? text.toUpperCase() : how === 'lower' ? text.toLowerCase() : how === 'spaced' ? ` ${text.replace(/ /g, '  ')}  ` : text;

// ---- Rows and files ----------------------------------------------------------------------

interface GeneratedRow {
  cells: Record<Key, string>;
  /** What the reader must produce for the row, apart from its line. */
  expected: Omit<QuarterIndicator, 'line'>;
}

const figureOf = (cell: NumberCell) => (cell.value ? { value: cell.value.value, decimals: cell.value.decimals } : null);

/**
 * Whether a row's figures are ones a person could have meant (#20), judged on
 * the generated numbers: no 0 average of a percentage or a count (exports
 * write 0 for "no figure"), and no percentage about a hundredth (1/30 to
 * 1/300) of another figure of its row, as a fraction written for a percentage is.
 */
function meant(indicator: Indicator, figures: ({ value: { value: number } | null } | null)[], averages: (NumberCell | null)[]): boolean {
  if (indicator.unit !== 'score' && averages.some((cell) => cell?.value?.value === 0)) return false;
  if (indicator.unit !== 'percent') return true;
  const sizes = figures.flatMap((figure) => (figure?.value ? [Math.abs(figure.value.value)] : []));
  return !sizes.some((small) => small > 0 && small <= 1 && sizes.some((other) => other / small >= 30 && other / small <= 300));
}

function rowFor(indicator: Indicator, withEngland: boolean, folder: Folder): fc.Arbitrary<GeneratedRow> {
  return fc
    .record({
      name: fc.constantFrom(indicator.name, ...indicator.aliases),
      nameCase: fc.constantFrom('as is', 'upper', 'lower', 'spaced') as fc.Arbitrary<'as is' | 'upper' | 'lower' | 'spaced'>,
      topic: freeText,
      theme: freeText,
      frequency: fc.constantFrom('Quarter', 'Term', 'Annual', 'Last Mth of Qtr', ''),
      trend: fc.constantFrom('', 'Increase', 'Decrease', 'No change', 'Decline', 'whatever'),
      valueType: indicator.unit === 'percent' ? fc.constantFrom('Percent', 'percentage', '%') : fc.constantFrom('Number', 'number', indicator.unit === 'count' ? 'Count' : 'Score'),
      polarity:
        indicator.polarity === 'higher is better'
          ? fc.constantFrom('High = Good', 'high is good', 'Higher is better')
          : indicator.polarity === 'lower is better'
            ? fc.constantFrom('Low = Good', 'LOW = GOOD', 'lower is better')
            : fc.constantFrom('N/A', '', 'Neither', 'NA'),
      periods: periodsFor(indicator.frequency, folder),
      spaced: fc.boolean(),
      hasPrevious: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      noPrevious: fc.constantFrom('', 'N/A', 'NA'),
      previousValue: maybeNumber(indicator.unit),
      latestValue: maybeNumber(indicator.unit),
      target: targetFor(indicator.unit),
      rag,
      quartile,
      sn: maybeNumber(indicator.unit),
      england: maybeNumber(indicator.unit),
    })
    .filter((r) => meant(indicator, [r.hasPrevious ? r.previousValue : null, r.latestValue, { value: r.target.value }, r.sn, withEngland ? r.england : null], [r.sn, withEngland ? r.england : null]))
    .map((r) => {
      const nameText = caseOf(r.name, r.nameCase);
      const previousValue = r.hasPrevious ? r.previousValue : { text: r.noPrevious === '' ? '' : 'N/A', value: null };
      const cells: Record<Key, string> = {
        topic: r.topic,
        theme: r.theme,
        indicator: nameText,
        valueType: r.valueType,
        polarity: r.polarity,
        frequency: r.frequency,
        previousPeriod: r.hasPrevious ? spacedOut(r.periods.previous.text, r.spaced) : r.noPrevious,
        previousValue: previousValue.text,
        latestPeriod: spacedOut(r.periods.latest.text, r.spaced),
        latestValue: r.latestValue.text,
        trend: r.trend,
        target: r.target.text,
        rag: r.rag[0],
        quartile: r.quartile[0],
        statisticalNeighbourAverage: r.sn.text,
        englandAverage: withEngland ? r.england.text : '',
      };
      const observation = (period: PeriodCell, cell: NumberCell) => ({ period: period.period, figure: figureOf(cell) });
      return {
        cells,
        expected: {
          id: indicator.id,
          publishedName: collapse(nameText),
          latest: observation(r.periods.latest, r.latestValue),
          previous: r.hasPrevious ? observation(r.periods.previous, previousValue) : null,
          target: r.target.value,
          rag: r.rag[1],
          quartile: r.quartile[1],
          statisticalNeighbourAverage: figureOf(r.sn),
          englandAverage: withEngland ? figureOf(r.england) : null,
          // The export's Trend word is kept as written, for the open data (#21); a blank cell gives none (and no
          // Trend column gives none: see the file spec below).
          ...(r.trend.trim() ? { councilTrend: r.trend.trim() } : {}),
        },
      };
    });
}

interface FileSpec {
  /** The folder the file sits in, such as "2024-25-q1". */
  folder: string;
  delimiter: '\t' | ',';
  bom: boolean;
  eol: '\n' | '\r\n';
  leading: string[];
  trailingBlankLines: number;
  finalNewline: boolean;
  quoteAll: boolean;
  columns: Key[];
  headers: string[];
  /** Each row's cells in column order (mutations edit these). */
  rows: string[][];
  expected: Omit<QuarterIndicator, 'line'>[];
}

function quoteCell(cell: string, spec: Pick<FileSpec, 'delimiter' | 'quoteAll'>): string {
  const needs = cell.includes(spec.delimiter) || /["\n\r]/.test(cell);
  return needs || (spec.quoteAll && cell !== '') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The file's text, and the 1-based line each row starts on. */
function render(spec: FileSpec): { text: string; rowLines: number[] } {
  let text = spec.bom ? '\uFEFF' : '';
  const line = () => text.replace(/^\uFEFF/, '').split('\n').length;
  for (const blank of spec.leading) text += blank + spec.eol;
  text += spec.headers.map((h) => quoteCell(h, spec)).join(spec.delimiter);
  const rowLines: number[] = [];
  for (const row of spec.rows) {
    text += spec.eol;
    rowLines.push(line());
    text += row.map((cell) => quoteCell(cell, spec)).join(spec.delimiter);
  }
  if (spec.finalNewline) text += spec.eol;
  text += spec.eol.repeat(spec.trailingBlankLines);
  return { text, rowLines };
}

const headerFor = (key: Key) => {
  const spec = QUARTER_COLUMNS.find((c) => c.key === key)!;
  return fc
    .record({ name: fc.constantFrom(spec.header, ...('alsoMatches' in spec ? spec.alsoMatches : [])), how: fc.constantFrom('as is', 'upper', 'lower') as fc.Arbitrary<'as is' | 'upper' | 'lower'> })
    .map(({ name, how }) => caseOf(name, how));
};

const folderArb: fc.Arbitrary<Folder> = fc.record({ year: fc.integer({ min: 2003, max: 2090 }), q: fc.integer({ min: 1, max: 4 }) });

const fileSpec: fc.Arbitrary<FileSpec> = fc
  .record({
    folder: folderArb,
    indicators: fc.shuffledSubarray(catalogue, { minLength: 1, maxLength: 12 }),
    optional: fc.subarray(OPTIONAL),
  })
  .chain(({ folder, indicators, optional }) => {
    const keys = [...REQUIRED, ...optional] as Key[];
    return fc.record({
      delimiter: fc.constantFrom('\t', ',') as fc.Arbitrary<'\t' | ','>,
      bom: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n') as fc.Arbitrary<'\n' | '\r\n'>,
      leading: fc.array(fc.constantFrom('', ' ', '  '), { maxLength: 3 }),
      trailingBlankLines: fc.integer({ min: 0, max: 2 }),
      finalNewline: fc.boolean(),
      quoteAll: fc.boolean(),
      columns: fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
      headerNames: fc.tuple(...keys.map(headerFor)),
      rows: fc.tuple(...indicators.map((indicator) => rowFor(indicator, keys.includes('englandAverage'), folder))),
    }).map(({ columns, headerNames, rows, ...rest }) => ({
      ...rest,
      folder: folderId(folder),
      columns,
      headers: columns.map((key) => headerNames[keys.indexOf(key)]!),
      rows: rows.map((row) => columns.map((key) => row.cells[key])),
      expected: rows.map((row) => (keys.includes('trend') ? row.expected : (({ councilTrend: _, ...rest }) => rest)(row.expected as QuarterIndicator))),
    }));
  });

const withLines = (spec: FileSpec, rowLines: number[]): QuarterIndicator[] =>
  spec.expected.map((record, i) => ({ ...record, line: rowLines[i]! }));

// ---- Oracles -----------------------------------------------------------------------------

type Outcome = { ok: true; indicators: QuarterIndicator[] } | { ok: false; problems: Problem[] };

/** Checks text as the validation stage does, for the file's folder; any exception fails the test. */
function attempt(text: string, folder: string): Outcome {
  const result: QuarterFileResult = checkQuarterText(text, FILE, folder, matcher);
  if (result.problems.length) {
    // A file with any problem publishes nothing.
    expect(result.indicators).toEqual([]);
    return { ok: false, problems: result.problems };
  }
  return { ok: true, indicators: result.indicators };
}

const describeProblems = (problems: readonly Problem[]) => JSON.stringify(problems, null, 1);

/** Every problem names the file and a line that exists in it. */
function expectLocated(problems: readonly Problem[], text: string) {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').length;
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.file, describeProblems(problems)).toBe(FILE);
    expect(Number.isInteger(problem.line) && problem.line! >= 1 && problem.line! <= lines, `no usable line in: ${describeProblems(problems)}`).toBe(true);
  }
}

/** The figures, without the name as spelled and the line (a harmless edit may change those). */
// The Trend word is informative text kept as written, not a figure: a mangled Trend cell changes no figure.
const figures = (records: readonly Partial<QuarterIndicator>[]) =>
  records.map((record) => {
    const { publishedName, line, councilTrend, ...rest } = record;
    return rest;
  });

/** Either exactly the intended figures, or problems that are all located. */
function expectIntendedOrLocatedError(text: string, spec: FileSpec) {
  const outcome = attempt(text, spec.folder);
  if (outcome.ok) expect(figures(outcome.indicators), 'a mangled file was read as different figures').toEqual(figures(spec.expected));
  else expectLocated(outcome.problems, text);
  return outcome;
}

/**
 * A file of several rows whose Latest Period and Latest Value are all blank is an untouched template, refused with one
 * message at the header line; any other refused row must be named at its own line.
 */
function expectRowNamed(problems: readonly Problem[], spec: FileSpec, rows: readonly string[][], rowLine: number) {
  const latest = [spec.columns.indexOf('latestPeriod'), spec.columns.indexOf('latestValue')];
  // An untouched template has many rows; a single broken row is always named at its own line.
  const template = rows.length > 1 && rows.every((row) => latest.every((column) => (row[column] ?? '').trim() === ''));
  if (template) {
    expect(problems, describeProblems(problems)).toEqual([expect.objectContaining({ file: FILE, line: spec.leading.length + 1, expected: expect.stringMatching(/the file is still the template/) })]);
  } else {
    expect(problems.map((p) => p.line), describeProblems(problems)).toContain(rowLine);
  }
}

const NUMBER_KEYS: Key[] = ['previousValue', 'latestValue', 'statisticalNeighbourAverage', 'englandAverage', 'target'];

/**
 * A space put inside a number's text, between two of its characters (never at
 * its ends, where spaces are only padding). For a target, only inside the number
 * after its comparison sign (">= 90" is a target written with a space, not two figures).
 */
function withInnerSpace(text: string, at: number, space: string): string | null {
  const trimmed = text.trim();
  const op = /^(>=|<=|≥|≤|>|<)?\s*/.exec(trimmed)![0];
  const number = trimmed.slice(op.length);
  if (number.length < 2) return null;
  const position = 1 + (at % (number.length - 1));
  return `${op}${number.slice(0, position)}${space}${number.slice(position)}`;
}

// ---- Properties --------------------------------------------------------------------------

describe('cell readers', () => {
  it('readNumber gives exactly the generated number, its decimals and its % sign, and never a blank as 0', () => {
    fc.assert(
      fc.property(fc.oneof(percentNumber, countNumber, scoreNumber, missingNumber), ({ text, value }) => {
        expect(readNumber(text), JSON.stringify(text)).toEqual({ ok: true, value });
      }),
      { numRuns: 500 },
    );
  });

  it('readNumber refuses every generated number with a space inside it ("44 93" is never 4,493)', () => {
    const spaced = fc
      .record({ cell: fc.oneof(percentNumber, countNumber, scoreNumber), at: fc.nat(), space: fc.constantFrom(' ', '  ', '\u00a0', '\t', '\u2009') })
      .map(({ cell, at, space }) => withInnerSpace(cell.text, at, space))
      .filter((text): text is string => text !== null);
    fc.assert(
      fc.property(spaced, (text) => {
        expect(readNumber(text), JSON.stringify(text)).toEqual({ ok: false, expected: expect.stringMatching(/no spaces inside it/) });
      }),
      { numRuns: 500 },
    );
  });

  it('readNumber never returns a number that is not the one written (huge, long, spaced or odd strings)', () => {
    const odd = fc.oneof(
      fc.constantFrom('1e400', '1E5', '1e3', 'Infinity', '-Infinity', 'NaN', '0x10', '1_000', '.5', '5.', '--1', '1,00', '12,3456', '١٢٣', '1 2', '44 93', '12 801', '0. 5', '- 1'),
      fc.integer({ min: 16, max: 400 }).map((n) => '9'.repeat(n)),
      fc.integer({ min: 16, max: 60 }).map((n) => `1${'0'.repeat(n - 1)}`),
      fc.integer({ min: 16, max: 40 }).map((n) => `0.${'3'.repeat(n)}`),
      fc.integer({ min: 17, max: 40 }).map((n) => `${'1234567890'.repeat(4).slice(0, n)}%`),
      fc.string({ unit: fc.constantFrom(...'0123456789 ,.-+%\u2212'.split('')), maxLength: 10 }),
      fc.string({ maxLength: 12 }),
    );
    // The one grammar a number may be written in, checked here by its own pattern (not the reader's).
    const WRITTEN = /^([+\-\u2212]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?(%?)$/;
    fc.assert(
      fc.property(odd, (text) => {
        const read = readNumber(text);
        if (!read.ok || read.value === null) return;
        const match = WRITTEN.exec(text.trim());
        expect(match, `"${text}" was accepted as ${JSON.stringify(read.value)}`).not.toBeNull();
        const [, sign, whole, fraction = '', percent] = match!;
        const digits = `${whole!.replace(/,/g, '')}${fraction}`.replace(/^0+(?=\d)/, '');
        expect(digits.length, `"${text}" has more digits than a number can hold exactly`).toBeLessThanOrEqual(15);
        const expected = valueOf({ negative: sign === '-' || sign === '\u2212', mantissa: Number(digits), decimals: fraction.length });
        expect(read.value, `"${text}"`).toEqual({ value: expected, decimals: fraction.length, percentSign: percent === '%' });
      }),
      { numRuns: 500 },
    );
  });

  it('readTable keeps every cell of a well-formed file, whatever the delimiter, quoting, BOM and line endings', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const { text, rowLines } = render(spec);
        const table = readTable(text, FILE);
        expect(table.ok).toBe(true);
        if (!table.ok) return;
        expect(table.table.header.cells).toEqual(spec.headers);
        expect(table.table.rows.map((r) => r.cells)).toEqual(spec.rows);
        expect(table.table.rows.map((r) => r.line)).toEqual(rowLines);
      }),
      RUNS,
    );
  });
});

describe('well-formed quarter files read back exactly', () => {
  it('every figure with its decimals, period with its dates, target, rating and quartile, in file order with the right line', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const { text, rowLines } = render(spec);
        // Through the bytes, as the validation stage reads a file.
        const decoded = decodeText(new TextEncoder().encode(text), FILE);
        expect(decoded.ok).toBe(true);
        const result = checkQuarterText(decoded.ok ? decoded.text : '', FILE, spec.folder, matcher);
        expect(result.problems).toEqual([]);
        expect(result.indicators).toEqual(withLines(spec, rowLines));
      }),
      RUNS,
    );
  });

  it('the same file in the folder of the next quarter is refused at every quarterly row, and nothing from it is published', () => {
    const next = (folder: string) => {
      const [, y, q] = /^(\d{4})-\d{2}-q(\d)$/.exec(folder)!;
      return Number(q) === 4 ? folderId({ year: Number(y) + 1, q: 1 }) : folderId({ year: Number(y), q: Number(q) + 1 });
    };
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const { text, rowLines } = render(spec);
        const quarterlyLines = spec.expected.flatMap((record, i) => (catalogue.find((indicator) => indicator.id === record.id)!.frequency === 'quarterly' ? [rowLines[i]!] : []));
        fc.pre(quarterlyLines.length > 0);
        const outcome = attempt(text, next(spec.folder));
        expect(outcome.ok, 'last quarter’s figures were published as this quarter’s').toBe(false);
        if (outcome.ok) return;
        expectLocated(outcome.problems, text);
        const periodLines = outcome.problems.filter((problem) => problem.columnName && /latest period/i.test(problem.columnName)).map((problem) => problem.line);
        for (const line of quarterlyLines) expect(periodLines).toContain(line);
      }),
      RUNS,
    );
  });
});

describe('mangled quarter files are refused at a line, or read exactly as intended', () => {
  const rowIn = (spec: FileSpec) => fc.integer({ min: 0, max: spec.rows.length - 1 });

  it('a space inside any figure or target is refused at its line and column, never read as one number', () => {
    const spacedFile = fileSpec.chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        row: rowIn(spec),
        key: fc.constantFrom(...NUMBER_KEYS.filter((key) => spec.columns.includes(key))),
        at: fc.nat(),
        space: fc.constantFrom(' ', '  ', '\u00a0'),
      }),
    );
    fc.assert(
      fc.property(spacedFile, ({ spec, row, key, at, space }) => {
        const column = spec.columns.indexOf(key);
        const original = spec.rows[row]![column]!;
        const spaced = withInnerSpace(original, at, space);
        // Only a cell holding a figure can have a space put inside it ("N/A" and blanks hold none).
        fc.pre(spaced !== null && /\d/.test(original));
        const mangled = { ...spec, rows: spec.rows.map((r, i) => (i === row ? r.map((cell, c) => (c === column ? spaced! : cell)) : r)) };
        const { text, rowLines } = render(mangled);
        const outcome = attempt(text, spec.folder);
        expect(outcome.ok, `${JSON.stringify(spaced)} in ${key} was accepted`).toBe(false);
        if (outcome.ok) return;
        expectLocated(outcome.problems, text);
        expect(outcome.problems, describeProblems(outcome.problems)).toContainEqual(
          expect.objectContaining({ file: FILE, line: rowLines[row], column: column + 1, found: spaced!.trim() }),
        );
        if (key !== 'target') {
          const problem = outcome.problems.find((p) => p.line === rowLines[row] && p.column === column + 1)!;
          expect(problem.expected).toMatch(/no spaces inside it/);
        }
      }),
      RUNS,
    );
  });

  it('a truncated line (the row ends early) is reported at its line', () => {
    const truncated = fileSpec.chain((spec) =>
      fc.record({ spec: fc.constant(spec), row: rowIn(spec), keep: fc.integer({ min: 1, max: spec.columns.length - 1 }), chop: fc.nat() }),
    );
    fc.assert(
      fc.property(truncated, ({ spec, row, keep, chop }) => {
        const cells = spec.rows[row]!.slice(0, keep);
        const last = cells[keep - 1]!;
        cells[keep - 1] = last.slice(0, last.length - (chop % (last.length + 1)));
        // A line cut down to blanks is a blank line, which a reader must skip: that is deleting the row, not truncating it.
        fc.pre(cells.some((cell) => cell.trim() !== ''));
        const mangled = { ...spec, rows: spec.rows.map((r, i) => (i === row ? cells : r)) };
        const { text, rowLines } = render(mangled);
        const outcome = attempt(text, spec.folder);
        expect(outcome.ok, 'a truncated row was accepted').toBe(false);
        if (outcome.ok) return;
        expectLocated(outcome.problems, text);
        expectRowNamed(outcome.problems, spec, mangled.rows, rowLines[row]!);
      }),
      RUNS,
    );
  });

  it('a stray quote mark anywhere', () => {
    const strayQuote = fileSpec.chain((spec) => fc.record({ spec: fc.constant(spec), at: fc.nat() }));
    fc.assert(
      fc.property(strayQuote, ({ spec, at }) => {
        const { text } = render(spec);
        const position = at % (text.length + 1);
        expectIntendedOrLocatedError(`${text.slice(0, position)}"${text.slice(position)}`, spec);
      }),
      RUNS,
    );
  });

  it('a row shifted left or right is reported at its line, unless the shift changed nothing', () => {
    const indicatorColumn = (spec: FileSpec) => spec.columns.indexOf('indicator');
    const shifted = fileSpec.chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        row: rowIn(spec),
        k: fc.integer({ min: 1, max: 2 }),
        // Right: k empty cells pushed in at `at`. Left: k cells taken out at `at`, the row then ends early,
        // or is padded back to width (only detectable when the name moves out of its column: a shift after the
        // name with padding can line up figures under the wrong headings in a way no reader can tell from a real row).
        how: fc.constantFrom('right', 'left', 'left, padded'),
        at: fc.integer({ min: 0, max: spec.columns.length }),
      }),
    );
    fc.assert(
      fc.property(shifted, ({ spec, row, k, how, at }) => {
        const cells = [...spec.rows[row]!];
        if (how === 'right') {
          // A file's only row pushed right over k empty trailing cells looks exactly like a padded export: nothing to compare it with.
          fc.pre(spec.rows.length > 1 || cells.slice(-k).some((cell) => cell.trim() !== ''));
          cells.splice(at, 0, ...Array<string>(k).fill(''));
        } else {
          fc.pre(at + k <= cells.length && (how === 'left' || at <= indicatorColumn(spec)));
          cells.splice(at, k);
          if (how === 'left, padded') cells.push(...Array<string>(k).fill(''));
        }
        fc.pre(cells.some((cell) => cell.trim() !== ''));
        const mangled = { ...spec, rows: spec.rows.map((r, i) => (i === row ? cells : r)) };
        const { text, rowLines } = render(mangled);
        const outcome = expectIntendedOrLocatedError(text, spec);
        if (!outcome.ok) expectRowNamed(outcome.problems, spec, mangled.rows, rowLines[row]!);
      }),
      RUNS,
    );
  });

  it('a cell replaced with junk is reported at its line, or ignored when the column is only informative', () => {
    const INFORMATIVE: Key[] = ['topic', 'theme', 'frequency', 'trend'];
    // Junk that no typed column accepts: it always carries a character no reader allows, and too few letters and digits to spell an indicator name.
    const junk = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...'abcxyz0123456789 .,;:%-/'.split('')), maxLength: 8 }),
        fc.constantFrom('#', '@', '?', '~', '"', '\u00ff', '\u{1F600}', '=', '<script>'),
        fc.string({ unit: fc.constantFrom(...' ,."\'\n\t;|*&'.split('')), maxLength: 4 }),
      )
      .map(([a, mark, b]) => `${a}${mark}${b}`);
    const replaced = fileSpec.chain((spec) =>
      fc.record({ spec: fc.constant(spec), row: rowIn(spec), column: fc.integer({ min: 0, max: spec.columns.length - 1 }), junk }),
    );
    fc.assert(
      fc.property(replaced, ({ spec, row, column, junk }) => {
        const cells = spec.rows[row]!.map((cell, i) => (i === column ? junk : cell));
        const mangled = { ...spec, rows: spec.rows.map((r, i) => (i === row ? cells : r)) };
        const { text, rowLines } = render(mangled);
        const outcome = attempt(text, spec.folder);
        if (INFORMATIVE.includes(spec.columns[column]!)) {
          expect(outcome.ok ? figures(outcome.indicators) : describeProblems(outcome.problems)).toEqual(figures(spec.expected));
        } else {
          expect(outcome.ok, `junk ${JSON.stringify(junk)} in ${spec.columns[column]} was accepted`).toBe(false);
          if (outcome.ok) return;
          expectLocated(outcome.problems, text);
          expect(outcome.problems.map((p) => p.line)).toContain(rowLines[row]);
        }
      }),
      RUNS,
    );
  });

  it('a figure replaced by a huge or over-long number (1e400, 40 digits) is refused at its line, never rounded', () => {
    const VALUE_COLUMNS: Key[] = ['previousValue', 'latestValue', 'statisticalNeighbourAverage', 'englandAverage'];
    const hugeNumber = fc.oneof(
      fc.constantFrom('1e400', '1E5', 'Infinity', '1' + '0'.repeat(400)),
      fc.integer({ min: 17, max: 40 }).map((n) => '1234567890'.repeat(4).slice(0, n)),
      fc.integer({ min: 17, max: 40 }).map((n) => `0.${'1234567890'.repeat(4).slice(0, n)}`),
      fc.integer({ min: 6, max: 13 }).map((n) => Array.from({ length: n }, () => '999').join(',')),
    );
    const replaced = fileSpec.chain((spec) =>
      fc.record({ spec: fc.constant(spec), row: rowIn(spec), key: fc.constantFrom(...VALUE_COLUMNS.filter((k) => spec.columns.includes(k))), huge: hugeNumber }),
    );
    fc.assert(
      fc.property(replaced, ({ spec, row, key, huge }) => {
        const column = spec.columns.indexOf(key);
        const cells = spec.rows[row]!.map((cell, i) => (i === column ? huge : cell));
        const mangled = { ...spec, rows: spec.rows.map((r, i) => (i === row ? cells : r)) };
        const { text, rowLines } = render(mangled);
        const outcome = attempt(text, spec.folder);
        if (outcome.ok) {
          const record = outcome.indicators[row]!;
          const value = { previousValue: record.previous?.figure, latestValue: record.latest.figure, statisticalNeighbourAverage: record.statisticalNeighbourAverage, englandAverage: record.englandAverage }[key as string];
          expect.fail(`${huge} in ${key} was accepted as ${JSON.stringify(value)}`);
        }
        expectLocated(outcome.problems, text);
        expect(outcome.problems.map((p) => p.line)).toContain(rowLines[row]);
      }),
      RUNS,
    );
  });

  it('random bytes, including invalid UTF-8 and NULs, are refused as a whole file or at a line, or change nothing', () => {
    // Bytes that are not printable ASCII: they cannot turn one valid figure into another, so any change must be caught.
    // (Overwriting with a whitespace byte, tab to carriage return, would delete a character, which can turn 1279 into 129: not a byte error.)
    const oddByte = fc.oneof(fc.integer({ min: 0x00, max: 0x1f }), fc.integer({ min: 0x7f, max: 0xff }));
    const edit = fc.oneof(
      fc.record({ at: fc.nat(), bytes: fc.array(oddByte, { minLength: 1, maxLength: 4 }), replace: fc.constant(false) }),
      fc.record({ at: fc.nat(), bytes: fc.array(oddByte.filter((b) => b < 0x09 || b > 0x0d), { minLength: 1, maxLength: 4 }), replace: fc.constant(true) }),
    );
    const edits = fc.array(edit, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fileSpec, edits, (spec, edits) => {
        let bytes = new TextEncoder().encode(render(spec).text);
        for (const { at, bytes: inserted, replace } of edits) {
          const position = at % (bytes.length + 1);
          const next = new Uint8Array(bytes.length + inserted.length - (replace ? Math.min(inserted.length, bytes.length - position) : 0));
          next.set(bytes.subarray(0, position));
          next.set(inserted, position);
          next.set(bytes.subarray(replace ? Math.min(position + inserted.length, bytes.length) : position), position + inserted.length);
          bytes = next;
        }
        const decoded = decodeText(bytes, FILE);
        if (!decoded.ok) {
          // Not UTF-8 text at all: a whole-file problem, which names the file.
          expect(decoded.problem.file).toBe(FILE);
          expect(decoded.problem.expected).toMatch(/text/);
          return;
        }
        expectIntendedOrLocatedError(decoded.text, spec);
      }),
      RUNS,
    );
  });
});

describe('what these properties found, kept as examples', () => {
  const HEADER = ['Indicator', 'Value Type', 'Polarity', 'Previous Period', 'Previous Value', 'Latest Period', 'Latest Value', 'Trend', 'Target', 'Status RAG', 'National benchmark (quartile 1 = top)', 'Most recent Statistical Neighbour average', 'England average'];
  const EHE = ['Children Electively Educated at Home', 'Number', 'N/A', 'Q1 2023/24', '1128', 'Q1 2024/25', '1279', '', 'N/A', 'N/A', 'N/A', 'N/A', ''];
  const EET = ['Care leavers EET', 'Percent', 'High = Good', 'Q4 2023/24', '63.3%', 'Q1 2024/25', '47.3%', '', '>54.0%', 'Red', '4', '56.6%', '50.1%'];
  const tsv = (...rows: string[][]) => rows.map((row) => row.join('\t')).join('\n');
  const Q1 = '2024-25-q1';
  const problemsOf = (outcome: Outcome) => (outcome.ok ? [] : outcome.problems);

  it('a row pushed one cell right over an empty last cell is refused, not read as "no figure" (was accepted as padding)', () => {
    const shifted = [...EHE.slice(0, 6), '', ...EHE.slice(6)];
    const outcome = attempt(tsv(HEADER, shifted, EET), Q1);
    expect(outcome.ok).toBe(false);
    expect(problemsOf(outcome)).toMatchObject([{ line: 2, found: '14 cells', expected: 'a row of 13 cells lining up with the header row' }]);
  });

  it('padding the export puts on every row is still accepted', () => {
    const outcome = attempt(tsv(HEADER, [...EHE, '', ''], [...EET, '', '']), Q1);
    expect(outcome.ok && outcome.indicators.map((i) => [i.latest.figure?.value, i.latest.figure?.decimals])).toEqual([[1279, 0], [47.3, 1]]);
  });

  it('a mistyped optional heading is refused, not dropped with its figures (England averages vanished)', () => {
    const outcome = attempt(tsv(HEADER.map((h) => (h === 'England average' ? 'Englnd average' : h)), EET), Q1);
    expect(outcome.ok).toBe(false);
    expect(problemsOf(outcome)).toMatchObject([{ line: 1, column: 13, found: 'Englnd average', hint: expect.stringContaining('Did you mean "England average"?') }]);
  });

  it('a target cell holding a line break is a problem at its line, not a TypeError', () => {
    const outcome = attempt(tsv(HEADER, EET.map((cell) => (cell === '>54.0%' ? '">54.0%\nand rising"' : cell))), Q1);
    expect(outcome.ok).toBe(false);
    expect(problemsOf(outcome)).toMatchObject([{ line: 2, columnName: 'Target' }]);
  });

  it('a figure of more than 15 digits is refused, not rounded (999,999,999,999,999,999 was read as 1e18)', () => {
    for (const text of ['999,999,999,999,999,999', '1234567890123456789012345678901234567890', '0.12345678901234567']) {
      expect(readNumber(text)).toEqual({ ok: false, expected: 'a number of a sensible size (at most 15 digits)' });
    }
    expect(readNumber('123,456,789,012,345')).toEqual({ ok: true, value: { value: 123456789012345, decimals: 0, percentSign: false } });
  });

  // The old oracle stripped inner spaces just as the reader did, so "1 2" was expected to read as 12, and did.
  it.each([
    ['1 2', 'Latest Value', 7],
    ['44 93%', 'Latest Value', 7],
    ['12 8', 'Previous Value', 5],
    ['1 279', 'Latest Value', 7],
  ])('%j is refused at its cell, never read as one figure', (text, columnName, column) => {
    const row = EHE.map((cell, i) => (i === column - 1 ? text : cell));
    const outcome = attempt(tsv(HEADER, row), Q1);
    expect(problemsOf(outcome)).toEqual([expect.objectContaining({ file: FILE, line: 2, column, columnName, found: text, expected: expect.stringMatching(/^one number with no spaces inside it/) })]);
  });

  it('a count written with a decimal point for thousands ("1.279") is refused, not read as 1.279 children', () => {
    const outcome = attempt(tsv(HEADER, EHE.map((cell) => (cell === '1279' ? '1.279' : cell))), Q1);
    expect(problemsOf(outcome)).toEqual([expect.objectContaining({ line: 2, column: 7, found: '1.279', expected: expect.stringMatching(/never 1\.279/) })]);
  });

  it('the Q1 2024/25 rows checked as the Q2 folder are refused: last quarter’s export cannot be published as this quarter’s', () => {
    const outcome = attempt(tsv(HEADER, EHE, EET), '2024-25-q2');
    expect(problemsOf(outcome).map((problem) => [problem.line, problem.columnName, problem.found])).toEqual([
      [2, 'Latest Period', 'Q1 2024/25'],
      [3, 'Latest Period', 'Q1 2024/25'],
    ]);
  });
});
