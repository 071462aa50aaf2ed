import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IndicatorMatcher, parseCatalogue as parseWithProblems } from '../src/ingest/catalogue';
import { normaliseName } from '../src/core/names';
import { formatFileProblems, type Problem } from '../src/core/problems';
import { checkQuarterFile } from './helpers/content';

/** The catalogue's entries; any problem fails with the message a person would read. */
/** The areas of the real site.yaml, which the catalogue's area column is checked against. */
const AREAS = ['Early Years', 'Education', 'SEND', 'Social Care'];

function parseCatalogue(csv: string, file: string) {
  const { entries, problems } = parseWithProblems(csv, file, AREAS);
  if (problems.length) throw new CatalogueFailure(file, problems);
  return entries;
}

class CatalogueFailure extends Error {
  readonly problems: Problem[];
  constructor(file: string, problems: Problem[]) {
    super(formatFileProblems(file, problems));
    this.problems = problems;
  }
}

const FILE = 'content/indicators.csv';
const text = readFileSync(FILE, 'utf8');

describe('the real catalogue', () => {
  const entries = parseCatalogue(text, FILE);
  const indicators = entries.map((entry) => entry.indicator);

  it('has 34 indicators with unique ids', () => {
    expect(indicators).toHaveLength(34);
    expect(new Set(indicators.map((indicator) => indicator.id)).size).toBe(34);
  });

  it('has no two names or aliases that read the same', () => {
    const names = indicators.flatMap((indicator) => [indicator.name, ...indicator.aliases]).map(normaliseName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is the union of the indicators the two seed quarters report (seed 004 has 29, seed 000 has 22)', () => {
    const matcher = new IndicatorMatcher(indicators);
    const reported = new Set(
      ['content/quarters/2023-24-q3/data.tsv', 'content/quarters/2024-25-q1/data.tsv'].flatMap((file) =>
        checkQuarterFile(file, file.split('/')[2], matcher).indicators.map((record) => record.id),
      ),
    );
    expect([...reported].sort()).toEqual(indicators.map((indicator) => indicator.id).sort());
  });

  it.each([
    // Polarity and unit as the seed exports give them: "High = Good", "Low = Good", "N/A"; Percent or Number.
    ['cp-reviews-in-timescale', { unit: 'percent', polarity: 'higher is better', area: 'Social Care', frequency: 'quarterly' }],
    ['re-referrals-12-months', { unit: 'percent', polarity: 'lower is better' }],
    ['children-mainstream-ehcp', { unit: 'count', polarity: 'neither', frequency: 'termly' }],
    ['elective-home-education', { unit: 'count', polarity: 'neither' }],
    ['ks4-progress-8-fsm', { unit: 'score', polarity: 'higher is better', frequency: 'annual' }],
    ['permanent-exclusions', { unit: 'percent', polarity: 'lower is better' }],
    ['cic-health-assessments', { aliases: ['Children in care who have their annual health assessment within last 12 months (..'] }],
    ['care-leavers-eet', { aliases: [] }],
  ])('reads %s', (id, expected) => {
    expect(indicators.find((indicator) => indicator.id === id)).toMatchObject(expected);
  });

  it('keeps each row as written for the content collection', () => {
    const first = entries[0]!;
    expect(first.cells).toMatchObject({ id: 'children-mainstream-ehcp', polarity: 'neither' });
  });
});

// A small catalogue built from the real header and rows, with one thing wrong.
const header = text.split('\n')[0]!;
const CSV_COLUMNS = header.split(',');
const columnOf = (name: string) => CSV_COLUMNS.indexOf(name) + 1;

/** A catalogue row with no quoted fields, so it can be built by joining cells with commas. */
function simpleRow(changes: Record<string, string>): string {
  const cells = {
    id: 'care-leavers-eet',
    name: 'Care leavers EET',
    title: 'Care leavers in work or training',
    aliases: '',
    area: 'Social Care',
    outcome: 'Help children in Leicestershire to live safely',
    unit: 'percent',
    polarity: 'higher is better',
    frequency: 'quarterly',
    definition: 'The percentage of care leavers in education or employment or training.',
    ...changes,
  };
  return CSV_COLUMNS.map((column) => cells[column as keyof typeof cells]).join(',');
}

function failure(csv: string): CatalogueFailure {
  try {
    parseCatalogue(csv, 'indicators.csv');
  } catch (error) {
    if (error instanceof CatalogueFailure) return error;
    throw error;
  }
  throw new Error('the catalogue was expected to fail');
}

describe('simpleRow', () => {
  it('builds a row the catalogue accepts', () => {
    expect(parseCatalogue([header, simpleRow({})].join('\n'), 'indicators.csv')).toHaveLength(1);
  });
});

describe.each([
  ['a bad unit', { unit: 'percentage' }, 'unit', 'percentage', /^percent, count or score$/],
  ['a bad polarity', { polarity: 'upwards' }, 'polarity', 'upwards', /High = Good/],
  // Blank is not "neither": the catalogue must say which way is better, or "neither", outright.
  ['a blank polarity', { polarity: '' }, 'polarity', '', /^higher is better, lower is better or neither$/],
  ['a bad area', { area: 'Libraries' }, 'area', 'Libraries', /^one of the areas listed in site\.yaml: Early Years, Education, SEND, Social Care$/],
  ['a bad frequency', { frequency: 'monthly' }, 'frequency', 'monthly', /^quarterly, termly or annual$/],
  ['an id with capitals and spaces', { id: 'Care Leavers EET' }, 'id', 'Care Leavers EET', /^an id of lower-case letters/],
  ['a blank name', { name: ' ' }, 'name', ' ', /^the indicator name as published$/],
  ['a definition too short to explain anything', { definition: 'EET.' }, 'definition', 'EET.', /^a plain-English definition/],
])('a catalogue row with %s', (_, changes, column, found, expected) => {
  it(`is reported at its line, in the ${column} column`, () => {
    const error = failure([header, simpleRow({ id: 'first-row', name: 'First row' }), simpleRow(changes)].join('\n'));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'indicators.csv', line: 3, column: columnOf(column), columnName: column, found });
    expect(error.problems[0]!.expected).toMatch(expected);
    expect(error.message).toContain(`indicators.csv:3:${columnOf(column)}\n`);
  });
});

describe('duplicates in the catalogue', () => {
  it('a repeated id is reported on the second line, naming the first', () => {
    const error = failure([header, simpleRow({}), simpleRow({ id: 'other', name: 'Other' }), simpleRow({ name: 'Care leavers EET again' })].join('\n'));
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 4, column: columnOf('id'), found: 'care-leavers-eet', expected: expect.stringMatching(/line 2 already has it/) }),
    ]);
  });

  it('a name that reads the same as another is reported on the second line', () => {
    const error = failure([header, simpleRow({}), simpleRow({ id: 'care-leavers-eet-2', name: 'care leavers  E.E.T.' })].join('\n'));
    expect(error.problems).toEqual([
      expect.objectContaining({ line: 3, column: columnOf('name'), found: 'care leavers  E.E.T.', expected: expect.stringMatching(/line 2 already has it/) }),
    ]);
  });

  it('an alias that repeats another indicator name is reported', () => {
    const error = failure([header, simpleRow({}), simpleRow({ id: 'other', name: 'Other', aliases: 'Care leavers EET' })].join('\n'));
    expect(error.problems.map((problem) => problem.line)).toEqual([3]);
  });
});

describe('a catalogue with several bad rows', () => {
  it('reports every problem, each at its own line', () => {
    const error = failure(
      [header, simpleRow({ unit: 'pct' }), simpleRow({ id: 'b', name: 'B', polarity: 'sideways' }), simpleRow({ id: 'c', name: 'C', frequency: 'weekly' }), simpleRow({ id: 'd', name: 'D', area: 'Nowhere' })].join('\n'),
    );
    expect(error.problems.map(({ line, columnName }) => [line, columnName])).toEqual([
      [2, 'unit'],
      [3, 'polarity'],
      [4, 'frequency'],
      [5, 'area'],
    ]);
    expect(error.message).toContain('indicators.csv has 4 problems');
  });
});

describe('a catalogue missing a column', () => {
  it('names the column and the header line', () => {
    const without = (line: string) => line.split(',').slice(0, -1).join(',');
    const error = failure([without(header), without(simpleRow({}))].join('\n'));
    expect(error.problems).toEqual([expect.objectContaining({ line: 1, expected: 'a column headed "definition"' })]);
  });

  it('does not need an aliases column', () => {
    const keep = CSV_COLUMNS.map((_, i) => i).filter((i) => CSV_COLUMNS[i] !== 'aliases');
    const without = (line: string) => keep.map((i) => line.split(',')[i]).join(',');
    const [entry] = parseCatalogue([without(header), without(simpleRow({}))].join('\n'), 'indicators.csv');
    expect(entry!.indicator.aliases).toEqual([]);
  });
});
