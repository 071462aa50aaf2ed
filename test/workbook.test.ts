import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWorkbook, readWorkbook, renderDate, renderNumber } from '../src/ingest/workbook.ts';
import { readNumber } from '../src/core/cells.ts';
import { mapColumns, readTable, type Table } from '../src/ingest/delimited.ts';
import { parseQuarterId } from '../src/core/periods.ts';
import { formatProblem, type Problem } from '../src/core/problems.ts';
import { parseQuarterTable } from '../src/ingest/quarter-file.ts';
import { QUARTER_COLUMNS } from '../src/schemas/quarter-row.ts';
import { realMatcher } from './helpers/content.ts';

// Fixtures come from test/fixtures/workbooks/make-workbooks.mjs (run it again after changing it or the q1 data.tsv).
const fixture = (name: string) => `test/fixtures/workbooks/${name}`;
const read = (name: string) => readWorkbook(readFileSync(fixture(name)), fixture(name));

async function table(name: string): Promise<Table> {
  const result = await read(name);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.table;
}

async function problems(name: string): Promise<Problem[]> {
  const result = await read(name);
  if (result.ok) throw new Error(`${name} read without problems`);
  return result.problems;
}

describe('the 2024-25 Q1 export saved as a workbook', () => {
  const tsvFile = 'content/quarters/2024-25-q1/data.tsv';
  const tsv = readTable(readFileSync(tsvFile, 'utf8'), tsvFile);
  if (!tsv.ok) throw new Error('the q1 data.tsv no longer reads');
  const text = tsv.table;

  it('reads like the exported text file, cell for cell, on the same rows', async () => {
    const workbook = await table('q1.xlsx');
    expect(workbook.sheet).toBe('Dashboard');
    const trimmed = (t: Table) => [t.header, ...t.rows].map((row) => ({ line: row.line, cells: row.cells.map((cell) => cell.trim()) }));
    const fromText = trimmed(text);
    const fromWorkbook = trimmed(workbook);
    expect(fromWorkbook.map((row) => row.line)).toEqual(fromText.map((row) => row.line));
    // Counts are stored with #,##0, so Excel shows (and the reader gives) 1,279 where the text export has 1279:
    // the one difference allowed, and only where both read as the same number.
    const grouped: string[] = [];
    fromWorkbook.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        const expected = fromText[r]!.cells[c];
        if (cell !== expected && /^\d{1,3}(,\d{3})+$/.test(cell) && cell.replace(/,/g, '') === expected) {
          expect(readNumber(cell)).toEqual(readNumber(expected));
          grouped.push(expected);
          row.cells[c] = expected;
        }
      }),
    );
    expect(grouped).toEqual(['1128', '1279', '2522', '2674', '12968', '13374']);
    expect(fromWorkbook).toEqual(fromText);
  });

  it('publishes the same indicators as the text file, with no problems or warnings', async () => {
    const workbook = await table('q1.xlsx');
    const check = (t: Table) => parseQuarterTable(t, tsvFile, realMatcher(), parseQuarterId('2024-25-q1')!);
    const fromText = check(text);
    const fromWorkbook = check({ ...workbook, sheet: undefined });
    expect(fromWorkbook.problems.map(formatProblem)).toEqual([]);
    expect(fromWorkbook.warnings).toEqual(fromText.warnings);
    expect(fromWorkbook.indicators).toHaveLength(22);
    expect(fromWorkbook.indicators).toEqual(fromText.indicators);
  });

  it.each([
    ['Care leavers EET', 'Latest Value', '47.3%'],
    ['Eligible 2 year olds taking up their FEEE', 'Latest Value', '66.0%'],
    ['Applicants obtaining their first preferences for first time admission to Primary school', 'Previous Value', '94.30%'],
    ['NEET young people aged 16-17', 'Previous Value', '0.8%'],
    ['Permanent exclusions as a % of School population', 'Previous Value', '0.02'],
    ['Children receiving at least one fixed term suspension as a % of School population', 'Previous Value', '2.5'],
    ['NEET young people aged 16-17', 'Target', '<2.1%'],
    ['Children Electively Educated at Home', 'Polarity', 'N/A'],
    ['Children Electively Educated at Home', 'Latest Value', '1,279'],
    ['Secondary pupils achieving their first preference for Secondary transfer', 'Latest Period', '2024'],
  ])('%s: %s reads %j, with the decimals as published', async (indicator, column, expected) => {
    const workbook = await table('q1.xlsx');
    const index = workbook.header.cells.indexOf(column);
    const row = workbook.rows.find((r) => r.cells[2] === indicator);
    expect(row?.cells[index]).toBe(expected);
  });

  it('reads merged Topic and Theme cells as the text export writes them: on the first row of the group, blank below', async () => {
    const workbook = await table('q1.xlsx');
    const topics = workbook.rows.map((row) => [row.line, row.cells[0], row.cells[1]]);
    expect(topics.filter(([, topic]) => topic !== '')).toEqual([
      [2, 'Help every child to get the best possible start in life', 'Early Years'],
      [5, 'Help every child to have access to good quality education to ensure they achieve their maximum potential', 'Education'],
      [14, 'Help children and their families build strength, resilience, confidence and capacity', 'SEND'],
      [16, 'Help children in Leicestershire to live in safe, stable environments and have secure attachments', 'Social Care'],
    ]);
    expect(topics.find(([line]) => line === 3)).toEqual([3, '', '']);
  });
});

describe('each kind of cell reads as Excel shows it (cell-kinds.xlsx: column B read, column C what Excel shows)', async () => {
  const kinds = await table('cell-kinds.xlsx');
  it.each(kinds.rows.filter((row) => row.cells[0] !== 'merged across').map((row) => [row.cells[0]!, row.cells[1]!, row.cells[2]!]))('%s: %j', (_kind, read, shown) => {
    expect(read).toBe(shown);
  });
  it('reads a merge across columns as its value, then blank', () => {
    expect(kinds.rows.at(-1)?.cells).toEqual(['merged across', 'left', '']);
  });
});

describe('renderNumber', () => {
  it.each([
    [0.47300000000000003, '0.0%', '47.3%'],
    [0.473, '0.0%', '47.3%'],
    [0.7571, '0.00%', '75.71%'],
    [0.025, '0.0%', '2.5%'],
    [0.943, '0.00%', '94.30%'],
    [0.66, '0.0%', '66.0%'],
    [0.473, '0%', '47%'],
    [0.0125, '0.0%', '1.3%'], // half away from zero, on the decimal digits Excel keeps
    [0.9999, '0%', '100%'],
    [-0.0001, '0.0%', '0.0%'],
    [-0.047, '0.0%', '-4.7%'],
    [12801, '#,##0', '12,801'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-1234.5, '#,##0', '-1,235'],
    [999.5, '#,##0', '1,000'],
    [12801, '0', '12801'],
    [2.5, '0', '3'],
    [-2.5, '0', '-3'],
    [9.96, '0.0', '10.0'],
    [3.16, '0.0', '3.2'],
    [0.7, '0.00', '0.70'],
    [0, '0.0%', '0.0%'],
    [12801, 'General', '12801'],
    [0.1 + 0.2, 'General', '0.3'],
    [1 / 3, 'General', '0.333333333'], // General shows at most 11 characters of digits and point
    [2 / 3, 'General', '0.666666667'],
    [1279.0000000001, 'General', '1279'], // a calculated count's float noise, as Excel shows it
    [1278.9999999999, 'General', '1279'],
    [1279.0000000001, '0', '1279'],
    [-0.333333333333, 'General', '-0.333333333'],
    [12345678901, 'General', '12345678901'],
    [123456789012345680, 'General', null], // Excel shows 1.23457E+17: refused, never guessed
    [99999999999.6, 'General', null],
    [1e-12, 'General', null],
    [1e-7, 'General', '0.0000001'],
    [-2.5, 'General', '-2.5'],
    [0, 'General', '0'],
    [2023, '@', '2023'],
    [0.02, 'general', '0.02'],
  ])('%s with %j is %j', (value, format, expected) => {
    expect(renderNumber(value, format)).toBe(expected);
  });

  it.each(['0.0"pp"', '£#,##0', '0.0%;[Red]-0.0%', '#,##0;(#,##0)', '0.00E+00', '# ?/?', 'dd/mm/yyyy', '[h]:mm', '0.0 %'])('refuses %j rather than guess', (format) => {
    expect(renderNumber(0.473, format)).toBeNull();
  });
});

describe('renderDate', () => {
  it.each([
    [new Date(Date.UTC(2024, 5, 30)), '2024-06-30'],
    [new Date(Date.UTC(2024, 5, 30, 9, 30)), '2024-06-30 09:30'],
    [new Date(Date.UTC(2024, 5, 30, 9, 30, 15)), '2024-06-30 09:30:15'],
    [new Date(Date.UTC(2024, 5, 30, 23, 59, 59, 999.6)), '2024-07-01'], // float noise from the stored fraction of a day
    [new Date(Date.UTC(1899, 11, 30, 14, 0)), '14:00'],
  ])('%s is %j', (date, expected) => {
    expect(renderDate(date)).toBe(expected);
  });
});

describe('isWorkbook', () => {
  it('knows a workbook by its zip signature', () => {
    expect(isWorkbook(readFileSync(fixture('q1.xlsx')))).toBe(true);
    expect(isWorkbook(readFileSync(fixture('renamed-text.xlsx')))).toBe(false);
    expect(isWorkbook(readFileSync(fixture('password-protected.xlsx')))).toBe(false);
    expect(isWorkbook(new Uint8Array())).toBe(false);
  });
});

describe('a title row above the header', () => {
  it('is read as the header (the first row that is not blank), so the column check names it as a title', async () => {
    const titled = await table('title-row.xlsx');
    expect(titled.header.line).toBe(1);
    expect(titled.header.cells[0]).toBe('Children and Family Services: quarterly performance, Q1 2024/25');
    expect(titled.header.cells.slice(1).every((cell) => cell === '')).toBe(true);
    expect(titled.rows[0]!.line).toBe(3); // row 2 is blank and skipped
    const mapped = mapColumns(titled.header, QUARTER_COLUMNS, fixture('title-row.xlsx'));
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.problems[0]!.hint).toMatch(/looks like a title, not the header row/);
  });
});

// Cell problems: [fixture, sheet, row, column letter, column heading, found, expected, hint].
describe.each([
  ['formula-without-value.xlsx', 'Dashboard', 3, 'J', 'Latest Value', '=H3*0.94', /^a value, but this cell has a formula that Excel has not worked out$/, /Open the workbook in Excel.*save it again/],
  ['error-cells.xlsx', 'Dashboard', 2, 'J', 'Latest Value', '#DIV/0!', /^a figure, or N\/A typed in when there is no figure$/, /Excel shows #DIV\/0! when a formula divides by zero/],
  ['error-cells.xlsx', 'Dashboard', 4, 'H', 'Previous Value', '#N/A', /^a figure, or N\/A typed in when there is no figure$/, /could not find what it looks up.*type N\/A in the cell if there really is no figure/],
  ['unsupported-format.xlsx', 'Dashboard', 4, 'J', 'Latest Value', '0.935', /^a number format the site can read \(General, 0, 0\.0, 0\.00, #,##0, 0%, 0\.0%, 0\.00%\), but this cell’s format is "0\.0%;\[Red\]-0\.0%"$/, /Format Cells/],
])('%s', (name, sheet, row, letter, columnName, found, expected, hint) => {
  it(`reports sheet "${sheet}", row ${row}, column ${letter} (${columnName})`, async () => {
    const all = await problems(name);
    const problem = all.find((p) => p.line === row && p.found === found);
    expect(problem).toMatchObject({ file: fixture(name), sheet, line: row, columnName, found });
    expect(problem!.expected).toMatch(expected);
    expect(problem!.hint).toMatch(hint);
    expect(formatProblem(problem!)).toContain(`Sheet "${sheet}", row ${row}, column ${letter} (${columnName}): found "${found}", expected `);
  });
});

it('reports both error cells of error-cells.xlsx, and nothing else', async () => {
  expect((await problems('error-cells.xlsx')).map((p) => [p.line, p.column])).toEqual([
    [2, 10],
    [4, 8],
  ]);
});

// Whole-file problems: [fixture, sheet named, expected, hint].
describe.each([
  ['password-protected.xlsx', undefined, /^an Excel workbook \(\.xlsx\) without a password$/, /password-protected.*remove the password/],
  ['truncated.xlsx', undefined, /^an Excel workbook that opens$/, /damaged or only partly copied/],
  ['renamed-text.xlsx', undefined, /^an Excel workbook \(\.xlsx\)$/, /not an Excel workbook/],
  ['no-sheets.xlsx', undefined, /it has no sheets$/, /Save As/],
  ['empty-first-sheet.xlsx', 'Notes', /^a header row and one row per indicator, but the first sheet is empty$/, /first sheet/],
])('%s', (name, sheet, expected, hint) => {
  it('is refused with one plain problem', async () => {
    const all = await problems(name);
    expect(all).toHaveLength(1);
    expect(all[0]!.file).toBe(fixture(name));
    expect(all[0]!.sheet).toBe(sheet);
    expect(all[0]!.expected).toMatch(expected);
    expect(all[0]!.hint).toMatch(hint);
  });
});
