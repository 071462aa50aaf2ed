/**
 * Reading one quarter's data file (the dashboard export) into checked
 * indicator records. Every problem in the file is reported at once; a file
 * with any problem publishes nothing.
 */
import type { Indicator } from '../schemas/indicator';
import type { QuarterIndicator } from '../schemas/quarter';
import { QUARTER_COLUMNS, quarterRowSchema, type QuarterRow } from '../schemas/quarter-row';
import type { IndicatorMatcher } from './catalogue';
import { meetsTarget } from './cells';
import { movement, readTrend } from './direction';
import { cellsByKey, mapColumns, readTable, type SourceRow } from './delimited';
import { formatValue } from './format';
import { closestNames } from './names';
import { columnLetter, ContentError, parseWithFriendlyErrors, type Problem } from './problems';

export interface QuarterFileResult {
  indicators: QuarterIndicator[];
  /** Things that do not make the data wrong but deserve a look. */
  warnings: Problem[];
}

const UNIT_FOR_VALUE_TYPE = { percent: ['percent'], number: ['count', 'score'] } as const;

/** Parses a quarter's data file; throws a ContentError naming every problem. */
export function parseQuarterFile(text: string, file: string, matcher: IndicatorMatcher): QuarterFileResult {
  const table = readTable(text, file);
  if (!table.ok) throw new ContentError(file, table.problems);
  const { header, rows } = table.table;
  const mapped = mapColumns(header, QUARTER_COLUMNS, file);
  if (!mapped.ok) throw new ContentError(file, mapped.problems);
  const { map } = mapped;

  const problems: Problem[] = [...unknownColumns(header, map.index, file)];
  const warnings: Problem[] = [];
  const indicators: QuarterIndicator[] = [];
  const firstLine = new Map<string, number>();
  // Spreadsheet padding (empty cells past the header) is the same on every row: a row longer than most has been shifted right.
  const lengths = new Map<number, number>();
  for (const row of rows) lengths.set(row.cells.length, (lengths.get(row.cells.length) ?? 0) + 1);
  const commonLength = [...lengths].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const paddedWidth = Math.max(header.cells.length, commonLength);
  // `found` defaults to the cell exactly as written (a problem shows what the editor sees, not our reading of it).
  const at = (row: SourceRow, key: string, found?: string) => ({
    file,
    line: row.line,
    column: map.columns[key]?.column,
    columnName: map.columns[key]?.name,
    found: found ?? (map.index[key] === undefined ? undefined : (row.cells[map.index[key]!] ?? '').trim()),
  });

  for (const row of rows) {
    const shape = checkShape(row, header.cells, file, matcher, map.index.indicator!, paddedWidth);
    if (shape) {
      problems.push(shape);
      continue;
    }
    const cells = cellsByKey(row, map, QUARTER_COLUMNS);
    const parsed = parseWithFriendlyErrors(quarterRowSchema, { file, line: row.line, columns: map.columns, cells });
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const data = parsed.data;
    const indicator = matcher.find(data.indicator);
    if (!indicator) {
      const suggestions = matcher.suggest(data.indicator);
      problems.push({
        ...at(row, 'indicator', data.indicator),
        expected: 'an indicator named in content/indicators.csv',
        hint: suggestions.length
          ? `Did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}? If this is a new indicator, add it to content/indicators.csv first.`
          : 'If this is a new indicator, add it to content/indicators.csv first.',
      });
      continue;
    }
    const seen = firstLine.get(indicator.id);
    if (seen !== undefined) {
      problems.push({
        ...at(row, 'indicator', data.indicator),
        expected: `each indicator once, but line ${seen} already reports "${indicator.name}"`,
        hint: 'Delete one of the two rows.',
      });
      continue;
    }
    firstLine.set(indicator.id, row.line);
    const rowProblems = checkAgainstCatalogue(data, indicator, row, at);
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    warnings.push(...checkConsistency(data, indicator, row, at));
    indicators.push(toRecord(data, indicator, row.line));
  }

  if (rows.length === 0) {
    problems.push({ file, line: header.line, expected: 'one row per indicator below the header row, but there are none' });
  }
  if (problems.length) throw new ContentError(file, problems);
  return { indicators, warnings };
}

/**
 * A row whose cells do not line up with the header: stray text, or a row
 * shifted left or right. We never guess where the cells belong.
 */
function checkShape(row: SourceRow, headers: string[], file: string, matcher: IndicatorMatcher, indicatorIndex: number, paddedWidth: number): Problem | null {
  const width = headers.length;
  const filled = row.cells.map((cell, i) => (cell.trim() === '' ? -1 : i)).filter((i) => i >= 0);
  const lastFilled = filled.at(-1) ?? -1;
  const misplacedName = row.cells.findIndex((cell, i) => i !== indicatorIndex && cell.trim() !== '' && matcher.find(cell));
  if (misplacedName >= 0 && !matcher.find(row.cells[indicatorIndex] ?? '')) {
    const shift = indicatorIndex - misplacedName;
    return {
      file,
      line: row.line,
      column: misplacedName + 1,
      columnName: headers[misplacedName]?.trim(),
      found: row.cells[misplacedName]!.trim(),
      expected: `the indicator name in column ${columnLetter(indicatorIndex + 1)}, under "${headers[indicatorIndex]?.trim()}"`,
      hint: `The row looks shifted ${Math.abs(shift)} column${Math.abs(shift) === 1 ? '' : 's'} to the ${shift > 0 ? 'left' : 'right'}: move its cells so each sits under its heading.`,
    };
  }
  // Trailing empty cells beyond the header are spreadsheet padding, when the other rows have them too; a short row is a truncated one.
  if (row.cells.length < width || lastFilled >= width || row.cells.length > paddedWidth) {
    const text = row.cells.filter((cell) => cell.trim() !== '').join(' ');
    return {
      file,
      line: row.line,
      found: filled.length === 1 ? text : `${row.cells.length} cells`,
      expected: `a row of ${width} cells lining up with the header row`,
      hint:
        filled.length === 1
          ? 'This looks like stray text, not an indicator row: delete the line.'
          : 'Some cells are missing or extra: check the row against the header row.',
    };
  }
  return null;
}

/**
 * Headings the site does not read. An optional column whose heading is mistyped ("Englnd average")
 * would otherwise be dropped without a word, and every figure in it with it.
 */
function unknownColumns(header: SourceRow, index: Record<string, number>, file: string): Problem[] {
  const read = new Set(Object.values(index));
  const headings = QUARTER_COLUMNS.map((column) => column.header);
  return header.cells.flatMap((cell, i): Problem[] => {
    if (cell.trim() === '' || read.has(i)) return [];
    const suggestions = closestNames(cell, headings, 1);
    return [
      {
        file,
        line: header.line,
        column: i + 1,
        found: cell.trim(),
        expected: `a column heading the site reads, each used once: ${headings.map((h) => `"${h}"`).join(', ')}`,
        hint: suggestions.length
          ? `Did you mean "${suggestions[0]}"? Correct the heading, or delete the column if it is not needed.`
          : 'Correct the heading, or delete the column if it is not needed.',
      },
    ];
  });
}

type At = (row: SourceRow, key: string, found?: string) => Omit<Problem, 'expected'>;

/** Problems that make the row wrong: a unit or polarity that contradicts the catalogue, a previous value with no period. */
function checkAgainstCatalogue(data: QuarterRow, indicator: Indicator, row: SourceRow, at: At): Problem[] {
  const problems: Problem[] = [];
  const units: readonly string[] = UNIT_FOR_VALUE_TYPE[data.valueType];
  if (!units.includes(indicator.unit)) {
    problems.push({
      ...at(row, 'valueType'),
      expected: `"${indicator.unit === 'percent' ? 'Percent' : 'Number'}", as the catalogue records "${indicator.name}" as a ${indicator.unit}`,
    });
  }
  if (data.polarity !== indicator.polarity) {
    problems.push({
      ...at(row, 'polarity'),
      expected: `"${indicator.polarity}", as the catalogue records for "${indicator.name}"`,
      hint: 'If the catalogue is wrong, correct content/indicators.csv instead.',
    });
  }
  for (const key of ['previousValue', 'latestValue', 'statisticalNeighbourAverage', 'englandAverage'] as const) {
    const number = data[key];
    if (number?.percentSign && indicator.unit !== 'percent') {
      problems.push({ ...at(row, key), expected: `a ${indicator.unit} without a % sign` });
    }
  }
  if (data.previousValue && !data.previousPeriod) {
    problems.push({ ...at(row, 'previousPeriod', ''), expected: 'the period the previous value belongs to, such as "Q4 2023/24"' });
  }
  if (data.previousPeriod && data.previousPeriod.end >= data.latestPeriod.end) {
    problems.push({
      ...at(row, 'previousPeriod', data.previousPeriod.label),
      expected: `a period before the latest one (${data.latestPeriod.label})`,
    });
  }
  return problems;
}

/** Warnings: a supplied Trend that contradicts the values; a Green rating on a missed target. */
function checkConsistency(data: QuarterRow, indicator: Indicator, row: SourceRow, at: At): Problem[] {
  const warnings: Problem[] = [];
  const previous = data.previousValue?.value ?? null;
  const latest = data.latestValue?.value ?? null;
  if (data.trend.trim() !== '' && previous !== null && latest !== null) {
    const supplied = readTrend(data.trend);
    const actual = movement(previous, latest);
    if (supplied !== actual) {
      const words = { up: 'an increase', down: 'a decrease', same: 'no change' };
      warnings.push({
        ...at(row, 'trend', data.trend),
        expected: `${words[actual]}: "${indicator.name}" went from ${formatValue(previous, indicator)} to ${formatValue(latest, indicator)}`,
        hint: 'The site works out the direction from the values, so the Trend column is not published.',
      });
    }
  }
  if (data.rag === 'green' && data.target && latest !== null && meetsTarget(latest, data.target, indicator.polarity) === false) {
    warnings.push({
      ...at(row, 'rag'),
      expected: `a rating that reflects the target: ${formatValue(latest, indicator)} does not meet ${data.target.text}`,
    });
  }
  return warnings;
}

function toRecord(data: QuarterRow, indicator: Indicator, line: number): QuarterIndicator {
  return {
    id: indicator.id,
    line,
    publishedName: data.indicator.replace(/\s+/g, ' ').trim(),
    latest: { period: data.latestPeriod.label, value: data.latestValue?.value ?? null, decimals: data.latestValue?.decimals ?? null },
    previous: data.previousPeriod
      ? { period: data.previousPeriod.label, value: data.previousValue?.value ?? null, decimals: data.previousValue?.decimals ?? null }
      : null,
    target: data.target,
    rag: data.rag,
    quartile: data.quartile,
    statisticalNeighbourAverage: data.statisticalNeighbourAverage?.value ?? null,
    englandAverage: data.englandAverage?.value ?? null,
  };
}
