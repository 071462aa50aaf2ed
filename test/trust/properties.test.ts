/**
 * Property tests of the data-file reader and validator, with the real
 * catalogue: (a) any well-formed quarter file, however a spreadsheet wrote
 * it, reads back exactly the figures it holds; (b) a mangled file either
 * still reads exactly the intended figures or stops with a ContentError
 * whose every problem names the file and a line, never another exception
 * and never a silently different figure.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndicatorMatcher, parseCatalogue } from '../../src/lib/catalogue';
import { readNumber } from '../../src/lib/cells';
import { decodeText, readTable } from '../../src/lib/delimited';
import { ContentError } from '../../src/lib/problems';
import { parseQuarterFile } from '../../src/lib/quarter-file';
import type { Indicator } from '../../src/schemas/indicator';
import type { QuarterIndicator } from '../../src/schemas/quarter';
import { QUARTER_COLUMNS } from '../../src/schemas/quarter-row';
import { ROOT } from '../helpers/build';

const FILE = 'content/quarters/2024-25-q1/data.tsv';
const catalogue = parseCatalogue(readFileSync(join(ROOT, 'content/indicators.csv'), 'utf8'), 'content/indicators.csv').map((e) => e.indicator);
const matcher = new IndicatorMatcher(catalogue);
const RUNS = { numRuns: Number(process.env.TRUST_RUNS ?? 150) };

type Key = (typeof QUARTER_COLUMNS)[number]['key'];
const REQUIRED = QUARTER_COLUMNS.filter((c) => c.required).map((c) => c.key);
const OPTIONAL = QUARTER_COLUMNS.filter((c) => !c.required).map((c) => c.key);

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Negative zero reads as zero. */
const plainZero = (value: number) => (value === 0 ? 0 : value);

// ---- Cells -------------------------------------------------------------------------------

interface NumberCell {
  text: string;
  value: { value: number; decimals: number } | null;
}

const MISSING_TEXTS = ['', 'N/A', 'NA', 'n/a', '-'];
const missingNumber: fc.Arbitrary<NumberCell> = fc.constantFrom(...MISSING_TEXTS).map((text) => ({ text, value: null }));
const pad = fc.constantFrom('', '', '', ' ');

/** "75.71%", "0.07", "100%": 0 to 2 decimals, with or without a % sign. */
const percentNumber: fc.Arbitrary<NumberCell> = fc
  .record({ whole: fc.integer({ min: 0, max: 100 }), decimals: fc.integer({ min: 0, max: 2 }), fraction: fc.integer({ min: 0, max: 99 }), sign: fc.boolean(), pad })
  .map(({ whole, decimals, fraction, sign, pad }) => {
    const digits = decimals ? `${whole}.${String(fraction % 10 ** decimals).padStart(decimals, '0')}` : `${whole}`;
    return { text: `${pad}${digits}${sign ? '%' : ''}${pad}`, value: { value: Number(digits), decimals } };
  });

/** "13374" or "13,374". */
const countNumber: fc.Arbitrary<NumberCell> = fc
  .record({ n: fc.integer({ min: 0, max: 9_999_999 }), separators: fc.boolean(), pad })
  .map(({ n, separators, pad }) => ({ text: `${pad}${separators ? n.toLocaleString('en-GB') : String(n)}${pad}`, value: { value: n, decimals: 0 } }));

/** "-0.76", "−1.19" (a true minus sign), "+0.01", "0.5". */
const scoreNumber: fc.Arbitrary<NumberCell> = fc
  .record({ sign: fc.constantFrom('', '-', '\u2212', '+'), whole: fc.integer({ min: 0, max: 3 }), decimals: fc.integer({ min: 1, max: 2 }), fraction: fc.integer({ min: 0, max: 99 }) })
  .map(({ sign, whole, decimals, fraction }) => {
    const digits = `${whole}.${String(fraction % 10 ** decimals).padStart(decimals, '0')}`;
    return { text: `${sign}${digits}`, value: { value: plainZero(Number(`${sign === '-' || sign === '\u2212' ? '-' : ''}${digits}`)), decimals } };
  });

const numberFor = (unit: Indicator['unit']) => (unit === 'percent' ? percentNumber : unit === 'count' ? countNumber : scoreNumber);
const maybeNumber = (unit: Indicator['unit']) =>
  fc.oneof({ weight: 4, arbitrary: numberFor(unit) }, { weight: 1, arbitrary: missingNumber });

const COMPARISONS = { '>': 'above', '<': 'below', '>=': 'at least', '<=': 'at most', '≥': 'at least', '≤': 'at most', '': null } as const;
const targetFor = (unit: Indicator['unit']) =>
  fc.oneof(
    fc.constantFrom(...MISSING_TEXTS).map((text) => ({ text, value: null as QuarterIndicator['target'] })),
    fc.record({ op: fc.constantFrom(...(Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[])), n: numberFor(unit) }).map(({ op, n }) => {
      const text = `${op}${n.text.trim()}`;
      return { text, value: { text, comparison: COMPARISONS[op], value: n.value!.value } as QuarterIndicator['target'] };
    }),
  );

const rag = fc.constantFrom(
  ['Green', 'green'], ['G', 'green'], ['amber', 'amber'], ['A', 'amber'], ['Red', 'red'], ['r', 'red'], ['N/A', null], ['', null],
) as fc.Arbitrary<[string, QuarterIndicator['rag']]>;
const quartile = fc.constantFrom(
  ['1', 1], ['2nd', 2], ['Q3', 3], ['Quartile 4', 4], ['4', 4], ['N/A', null], ['NA', null], ['', null],
) as fc.Arbitrary<[string, QuarterIndicator['quartile']]>;

const yy = (y: number) => String((y + 1) % 100).padStart(2, '0');
const TERMS = ['Spring', 'Summer', 'Autumn'] as const;
/** A latest period and the one before it, in each way the council writes periods. */
const periods = fc.oneof(
  fc.record({ y: fc.integer({ min: 2000, max: 2090 }), q: fc.integer({ min: 1, max: 4 }), yearAgo: fc.boolean() }).map(({ y, q, yearAgo }) => {
    const [py, pq] = yearAgo ? [y - 1, q] : q === 1 ? [y - 1, 4] : [y, q - 1];
    return { latest: `Q${q} ${y}/${yy(y)}`, previous: `Q${pq} ${py}/${yy(py)}` };
  }),
  fc.record({ y: fc.integer({ min: 2000, max: 2090 }), t: fc.integer({ min: 0, max: 2 }), word: fc.constantFrom('', ' Term') }).map(({ y, t, word }) => ({
    latest: `${TERMS[t]}${word} ${y}`,
    previous: t === 0 ? `Autumn${word} ${y - 1}` : `${TERMS[t - 1]}${word} ${y}`,
  })),
  fc.record({ y: fc.integer({ min: 2000, max: 2090 }), final: fc.constantFrom('', ' Final') }).map(({ y, final }) => ({
    latest: `${y}/${yy(y)}${final}`,
    previous: `${y - 1}/${yy(y - 1)}${final}`,
  })),
  fc.integer({ min: 2000, max: 2090 }).map((y) => ({ latest: `${y}`, previous: `${y - 1}` })),
);
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

function rowFor(indicator: Indicator, withEngland: boolean): fc.Arbitrary<GeneratedRow> {
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
      periods,
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
        previousPeriod: r.hasPrevious ? spacedOut(r.periods.previous, r.spaced) : r.noPrevious,
        previousValue: previousValue.text,
        latestPeriod: spacedOut(r.periods.latest, r.spaced),
        latestValue: r.latestValue.text,
        trend: r.trend,
        target: r.target.text,
        rag: r.rag[0],
        quartile: r.quartile[0],
        statisticalNeighbourAverage: r.sn.text,
        englandAverage: withEngland ? r.england.text : '',
      };
      const observation = (period: string, cell: NumberCell) => ({ period, value: cell.value?.value ?? null, decimals: cell.value?.decimals ?? null });
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
          statisticalNeighbourAverage: r.sn.value?.value ?? null,
          englandAverage: withEngland ? (r.england.value?.value ?? null) : null,
        },
      };
    });
}

interface FileSpec {
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

const fileSpec: fc.Arbitrary<FileSpec> = fc
  .record({
    indicators: fc.shuffledSubarray(catalogue, { minLength: 1, maxLength: 12 }),
    optional: fc.subarray(OPTIONAL),
  })
  .chain(({ indicators, optional }) => {
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
      rows: fc.tuple(...indicators.map((indicator) => rowFor(indicator, keys.includes('englandAverage')))),
    }).map(({ columns, headerNames, rows, ...rest }) => ({
      ...rest,
      columns,
      headers: columns.map((key) => headerNames[keys.indexOf(key)]!),
      rows: rows.map((row) => columns.map((key) => row.cells[key])),
      expected: rows.map((row) => row.expected),
    }));
  });

const withLines = (spec: FileSpec, rowLines: number[]): QuarterIndicator[] =>
  spec.expected.map((record, i) => ({ ...record, line: rowLines[i]! }));

// ---- Oracles -----------------------------------------------------------------------------

type Outcome = { ok: true; indicators: QuarterIndicator[] } | { ok: false; error: ContentError };

/** Reads text as the loader does; any exception other than ContentError fails the test. */
function attempt(text: string): Outcome {
  try {
    return { ok: true, indicators: parseQuarterFile(text, FILE, matcher).indicators };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, error };
    throw error;
  }
}

/** Every problem names the file and a line that exists in it. */
function expectLocated(error: ContentError, text: string) {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').length;
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) {
    expect(problem.file, error.message).toBe(FILE);
    expect(Number.isInteger(problem.line) && problem.line! >= 1 && problem.line! <= lines, `no usable line in: ${error.message}`).toBe(true);
  }
}

/** The figures, without the name as spelled and the line (a harmless edit may change those). */
const figures = (records: readonly Partial<QuarterIndicator>[]) =>
  records.map((record) => {
    const { publishedName, line, ...rest } = record;
    return rest;
  });

/** Either exactly the intended figures, or a ContentError with every problem located. */
function expectIntendedOrLocatedError(text: string, spec: FileSpec) {
  const outcome = attempt(text);
  if (outcome.ok) expect(figures(outcome.indicators), 'a mangled file was read as different figures').toEqual(figures(spec.expected));
  else expectLocated(outcome.error, text);
  return outcome;
}

// ---- Properties --------------------------------------------------------------------------

describe('cell readers', () => {
  it('readNumber reads every well-formed number exactly, with its decimals, and never a blank as 0', () => {
    fc.assert(
      fc.property(fc.oneof(percentNumber, countNumber, scoreNumber, missingNumber), ({ text, value }) => {
        const read = readNumber(text);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        if (value === null) expect(read.value).toBeNull();
        else expect(read.value).toMatchObject({ value: value.value, decimals: value.decimals });
      }),
      { numRuns: 300 },
    );
  });

  it('readNumber never returns a number that is not the one written (huge, long or odd strings)', () => {
    const huge = fc.oneof(
      fc.constantFrom('1e400', '1E5', '1e3', 'Infinity', '-Infinity', 'NaN', '0x10', '1_000', '.5', '5.', '--1', '1,00', '12,3456', '١٢٣'),
      fc.integer({ min: 16, max: 400 }).map((n) => '9'.repeat(n)),
      fc.integer({ min: 16, max: 60 }).map((n) => `1${'0'.repeat(n - 1)}`),
      fc.integer({ min: 16, max: 40 }).map((n) => `0.${'3'.repeat(n)}`),
      fc.integer({ min: 17, max: 40 }).map((n) => `${'1234567890'.repeat(4).slice(0, n)}%`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(huge, (text) => {
        const read = readNumber(text);
        if (!read.ok || read.value === null) return;
        // Accepted: the number must be exactly the one written (it prints back to the same digits).
        const written = text.trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/\s+/g, '').replace(/%$/, '').replace(/,/g, '').replace(/^\+/, '');
        const { value, decimals } = read.value;
        expect(Number.isFinite(value), text).toBe(true);
        expect(value.toFixed(decimals), `"${text}" was read as ${value}`).toBe(plainZero(Number(written)) === 0 ? (0).toFixed(decimals) : written.replace(/^(-?)0+(?=\d)/, '$1'));
      }),
      { numRuns: 300 },
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
  it('every figure, period, target, rating and quartile, in file order with the right line', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const { text, rowLines } = render(spec);
        // Through the bytes, as the loader reads a file.
        const decoded = decodeText(new TextEncoder().encode(text), FILE);
        expect(decoded.ok).toBe(true);
        const { indicators } = parseQuarterFile(decoded.ok ? decoded.text : '', FILE, matcher);
        expect(indicators).toEqual(withLines(spec, rowLines));
      }),
      RUNS,
    );
  });
});

describe('mangled quarter files stop the build at a line, or read exactly as intended', () => {
  const rowIn = (spec: FileSpec) => fc.integer({ min: 0, max: spec.rows.length - 1 });

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
        const outcome = attempt(text);
        expect(outcome.ok, 'a truncated row was accepted').toBe(false);
        if (outcome.ok) return;
        expectLocated(outcome.error, text);
        expect(outcome.error.problems.map((p) => p.line)).toContain(rowLines[row]);
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
        if (!outcome.ok) expect(outcome.error.problems.map((p) => p.line)).toContain(rowLines[row]);
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
        const outcome = attempt(text);
        if (INFORMATIVE.includes(spec.columns[column]!)) {
          expect(outcome.ok ? figures(outcome.indicators) : outcome.error.message).toEqual(figures(spec.expected));
        } else {
          expect(outcome.ok, `junk ${JSON.stringify(junk)} in ${spec.columns[column]} was accepted`).toBe(false);
          if (outcome.ok) return;
          expectLocated(outcome.error, text);
          expect(outcome.error.problems.map((p) => p.line)).toContain(rowLines[row]);
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
        const outcome = attempt(text);
        if (outcome.ok) {
          const record = outcome.indicators[row]!;
          const value = { previousValue: record.previous?.value, latestValue: record.latest.value, statisticalNeighbourAverage: record.statisticalNeighbourAverage, englandAverage: record.englandAverage }[key as string];
          expect.fail(`${huge} in ${key} was accepted as ${value}`);
        }
        expectLocated(outcome.error, text);
        expect(outcome.error.problems.map((p) => p.line)).toContain(rowLines[row]);
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

  it('a row pushed one cell right over an empty last cell is refused, not read as "no figure" (was accepted as padding)', () => {
    const shifted = [...EHE.slice(0, 6), '', ...EHE.slice(6)];
    const outcome = attempt(tsv(HEADER, shifted, EET));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problems).toMatchObject([{ line: 2, found: '14 cells', expected: 'a row of 13 cells lining up with the header row' }]);
  });

  it('padding the export puts on every row is still accepted', () => {
    const { indicators } = parseQuarterFile(tsv(HEADER, [...EHE, '', ''], [...EET, '', '']), FILE, matcher);
    expect(indicators.map((i) => i.latest.value)).toEqual([1279, 47.3]);
  });

  it('a mistyped optional heading is refused, not dropped with its figures (England averages vanished)', () => {
    const outcome = attempt(tsv(HEADER.map((h) => (h === 'England average' ? 'Englnd average' : h)), EET));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problems).toMatchObject([{ line: 1, column: 13, found: 'Englnd average', hint: expect.stringContaining('Did you mean "England average"?') }]);
  });

  it('a target cell holding a line break is a problem at its line, not a TypeError', () => {
    const outcome = attempt(tsv(HEADER, EET.map((cell) => (cell === '>54.0%' ? '">54.0%\nand rising"' : cell))));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problems).toMatchObject([{ line: 2, columnName: 'Target' }]);
  });

  it('a figure of more than 15 digits is refused, not rounded (999,999,999,999,999,999 was read as 1e18)', () => {
    for (const text of ['999,999,999,999,999,999', '1234567890123456789012345678901234567890', '0.12345678901234567']) {
      expect(readNumber(text)).toEqual({ ok: false, expected: 'a number of a sensible size (at most 15 digits)' });
    }
    expect(readNumber('123,456,789,012,345')).toMatchObject({ ok: true, value: { value: 123456789012345 } });
  });
});
