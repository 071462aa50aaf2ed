/**
 * Reading one quarter's data file (the dashboard export) into checked
 * indicator records. Every problem in the file is reported at once; a file
 * with any problem publishes nothing.
 */
import type { Indicator } from '../schemas/indicator.ts';
import type { Figure, QuarterIndicator } from '../core/records.ts';
import { QUARTER_COLUMNS, quarterRowSchema, type QuarterRow } from '../schemas/quarter-row.ts';
import type { IndicatorMatcher } from './catalogue.ts';
import { fractionAsPercent, hundredthOf, meetsTarget, type ParsedNumber } from '../core/cells.ts';
import { movement, readTrend } from '../core/direction.ts';
import { cellsByKey, mapColumns, type SourceRow, type Table } from './delimited.ts';
import { formatFigure } from '../core/format.ts';
import { closestNames } from '../core/names.ts';
import { PERIOD_KIND_WORDS, PERIOD_KINDS_FOR, type ReportingQuarter } from '../core/periods.ts';
import { columnLetter, parseWithFriendlyErrors, type Problem } from '../core/problems.ts';

export interface QuarterFileResult {
  indicators: QuarterIndicator[];
  /** What makes the file wrong: with any of these, nothing from the file is published. */
  problems: Problem[];
  /** Things that do not make the data wrong but deserve a look. */
  warnings: Problem[];
}

const UNIT_FOR_VALUE_TYPE = { percent: ['percent'], number: ['count', 'score'] } as const;

/**
 * Checks a quarter's data table (read from a text file or a workbook) against
 * the catalogue and the quarter of the folder it is in; returns every problem.
 */
export function parseQuarterTable(table: Table, file: string, matcher: IndicatorMatcher, reporting: ReportingQuarter): QuarterFileResult {
  const { header, rows } = table;
  const sheet = table.sheet;
  const mapped = mapColumns(header, QUARTER_COLUMNS, file);
  if (!mapped.ok) return { indicators: [], problems: mapped.problems.map((problem) => ({ ...problem, sheet })), warnings: [] };
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
    sheet,
    line: row.line,
    column: map.columns[key]?.column,
    columnName: map.columns[key]?.name,
    found: found ?? (map.index[key] === undefined ? undefined : (row.cells[map.index[key]!] ?? '').trim()),
  });

  // A template nobody has filled in yet: one message, not one per row.
  const blank = (row: SourceRow, key: string) => (row.cells[map.index[key] ?? -1] ?? '').trim() === '';
  // (More than one row: a single short row is a broken row, reported where it is.)
  if (rows.length > 1 && rows.every((row) => blank(row, 'latestPeriod') && blank(row, 'latestValue'))) {
    return {
      indicators: [],
      problems: [{ file, sheet, line: header.line, expected: 'this quarter’s figures, but every row’s Latest Period and Latest Value are empty (the file is still the template)', hint: 'Put this quarter’s dashboard export in the folder in place of this file (as data.csv, data.tsv or data.xlsx).' }],
      warnings: [],
    };
  }

  for (const row of rows) {
    const shape = checkShape(row, header.cells, file, matcher, map.index.indicator!, paddedWidth);
    if (shape) {
      problems.push(shape);
      continue;
    }
    const layout = cellLayoutProblems(row, header, table, map.index, at);
    if (layout.length) {
      problems.push(...layout);
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
      const howToAdd =
        'If the indicator is new, add a row for it to content/indicators.csv; if it is an indicator the catalogue has under another name, add this name to that row\'s aliases (names separated by |).';
      problems.push({
        ...at(row, 'indicator', data.indicator),
        expected: 'an indicator named in content/indicators.csv',
        hint: suggestions.length ? `Did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}? ${howToAdd}` : howToAdd,
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
    const rowProblems = [...checkAgainstCatalogue(data, indicator, row, at), ...checkPeriods(data, indicator, row, at, reporting)];
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    warnings.push(...checkConsistency(data, indicator, row, at));
    indicators.push(toRecord(data, indicator, row.line));
  }

  if (rows.length === 0) {
    problems.push({ file, sheet, line: header.line, expected: 'one row per indicator below the header row, but there are none' });
  }
  return problems.length ? { indicators: [], problems: problems.map((problem) => ({ ...problem, sheet })), warnings } : { indicators, problems, warnings };
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
  for (const key of ['previousValue', 'latestValue', 'statisticalNeighbourAverage', 'englandAverage', 'target'] as const) {
    const number = data[key];
    if (!number) continue;
    const wrong = unitProblem(number, indicator);
    if (wrong) problems.push({ ...at(row, key), expected: wrong });
  }
  problems.push(...implausibleFigures(data, indicator, row, at));
  if (data.previousValue && !data.previousPeriod) {
    problems.push({ ...at(row, 'previousPeriod', ''), expected: 'the period the previous value belongs to, such as "Q4 2023/24"' });
  }
  return problems;
}

const FIGURE_KEYS = ['previousValue', 'latestValue', 'target', 'statisticalNeighbourAverage', 'englandAverage'] as const;
const COMPARATOR_KEYS = ['statisticalNeighbourAverage', 'englandAverage'] as const;

/**
 * Figures a person would not have meant: a percentage written as a fraction
 * (0.473 beside 63.3%, so "0.473%" would be published), and a 0 average of a
 * percentage or count, which exports write where there is no figure (a
 * score's average may truly be 0: Progress 8's national average is).
 */
function implausibleFigures(data: QuarterRow, indicator: Indicator, row: SourceRow, at: At): Problem[] {
  const problems: Problem[] = [];
  const figures = FIGURE_KEYS.flatMap((key) => (data[key] ? [{ key, value: data[key].value, decimals: data[key].decimals }] : []));
  if (indicator.unit === 'percent') {
    for (const figure of figures) {
      const other = hundredthOf(figure, figures.filter((candidate) => candidate !== figure));
      if (!other) continue;
      const written = at(row, figure.key).found ?? '';
      const comparison = figure.key === 'target' ? (data.target?.text.match(/^[<>=≤≥]+\s*/)?.[0] ?? '') : '';
      const otherAt = at(row, other.key);
      problems.push({
        ...at(row, figure.key),
        expected: `a percentage like the row’s other figures, but ${written} is about a hundredth of ${otherAt.found} (${otherAt.columnName}), so it would be published as ${written.replace(/%$/, '')}%`,
        hint: `It looks like a fraction, as a workbook stores a percentage before its % format: did you mean ${comparison}${fractionAsPercent(figure)}? Write the percentage as the dashboard shows it.`,
      });
    }
  }
  if (indicator.unit !== 'score') {
    for (const key of COMPARATOR_KEYS) {
      if (data[key]?.value !== 0) continue;
      problems.push({
        ...at(row, key),
        expected: `an average, or N/A when there is none: an average of 0 for a ${indicator.unit === 'percent' ? 'percentage' : 'count'} is what exports write when there is no figure`,
        hint: 'Write N/A (or leave the cell empty) if there is no average. If the average really is 0, check it against the source before publishing.',
      });
    }
  }
  return problems;
}

/**
 * Cells a text file cannot have but a workbook can: a note in a column with
 * no heading (which the site would drop without a word), and a value merged
 * down over several rows (Excel shows it once for all of them, so it is no
 * row's own figure). Only Topic and Theme may be merged down: their blank
 * means "same as the row above" already.
 */
function cellLayoutProblems(row: SourceRow, header: SourceRow, table: Table, index: Record<string, number>, at: At): Problem[] {
  const problems: Problem[] = [];
  row.cells.forEach((cell, i) => {
    if (cell.trim() === '' || (header.cells[i] ?? '').trim() !== '') return;
    problems.push({
      file: at(row, 'indicator').file,
      sheet: table.sheet,
      line: row.line,
      column: i + 1,
      found: cell.trim(),
      expected: `nothing in column ${columnLetter(i + 1)}: it has no heading, so the site does not know what it holds and would not publish it`,
      hint: 'Delete the note (keep notes outside the data file), or, if the column holds figures the site reads, give it its heading.',
    });
  });
  const mayMergeDown = new Set(['topic', 'theme'].map((key) => index[key]));
  for (const merge of table.mergedDown ?? []) {
    if (merge.line !== row.line || mayMergeDown.has(merge.column - 1)) continue;
    const heading = header.cells[merge.column - 1]?.trim();
    problems.push({
      file: at(row, 'indicator').file,
      sheet: table.sheet,
      line: row.line,
      column: merge.column,
      columnName: heading || undefined,
      found: `merged with ${merge.master} above`,
      expected: `a value of row ${row.line}’s own, but the cell is part of ${merge.master}, merged over several rows: Excel shows one value for all of them, so the site cannot tell which row it belongs to`,
      hint: `Select ${merge.master}, choose Home > Merge & Center > Unmerge Cells, then type each row’s own value (or N/A).`,
    });
  }
  return problems;
}

/**
 * A number that cannot be a figure of this unit: a percentage outside 0-100, a
 * negative or fractional count ("1.279" is not read as 1), a % sign on a count.
 */
function unitProblem(number: Pick<ParsedNumber, 'value' | 'decimals' | 'percentSign'>, indicator: Indicator): string | null {
  switch (indicator.unit) {
    case 'percent':
      return number.value < 0 || number.value > 100 ? `a percentage from 0% to 100%, as the catalogue records "${indicator.name}" as a percentage` : null;
    case 'count':
      if (number.percentSign) return `a count without a % sign, as the catalogue records "${indicator.name}" as a count`;
      return number.value < 0 || number.decimals > 0
        ? `a whole number of 0 or more (a count has no decimals: write 1,279 with a comma for thousands, never 1.279), as the catalogue records "${indicator.name}" as a count`
        : null;
    case 'score':
      return number.percentSign ? `a score without a % sign, as the catalogue records "${indicator.name}" as a score` : null;
  }
}

/**
 * Periods against the folder and the catalogue: a quarterly figure is for the
 * folder's quarter, no figure is for a period that starts after it, a period is
 * of the kind the indicator is reported for, and the previous comes first. These
 * stop last quarter's export pasted into a new folder, and next year's typo.
 */
function checkPeriods(data: QuarterRow, indicator: Indicator, row: SourceRow, at: At, reporting: ReportingQuarter): Problem[] {
  const problems: Problem[] = [];
  const kinds = PERIOD_KINDS_FOR[indicator.frequency];
  const folder = reporting.period;
  const latest = data.latestPeriod;
  for (const [key, period] of [['latestPeriod', latest], ['previousPeriod', data.previousPeriod]] as const) {
    if (period && !kinds.includes(period.kind)) {
      problems.push({
        ...at(row, key, period.label),
        expected: `${kinds.map((kind) => PERIOD_KIND_WORDS[kind]).join(' or ')}, as the catalogue records "${indicator.name}" as ${indicator.frequency}`,
      });
    }
  }
  if (indicator.frequency === 'quarterly' && latest.kind === 'quarter' && (latest.start !== folder.start || latest.end !== folder.end)) {
    problems.push({
      ...at(row, 'latestPeriod', latest.label),
      expected: `${reporting.label}, the quarter of the folder ${reporting.id} this file is in`,
      hint: 'A quarterly figure in this folder must be for this quarter. If this is last quarter\'s export, put this quarter\'s export in instead.',
    });
  } else if (latest.start > folder.end) {
    problems.push({
      ...at(row, 'latestPeriod', latest.label),
      expected: `a period that has started by the end of ${reporting.label} (${reporting.months}), the quarter of the folder ${reporting.id}`,
      hint: 'A report cannot give a figure for a period that had not begun. Check the year.',
    });
  }
  const previous = data.previousPeriod;
  if (previous && (previous.end >= latest.end || previous.start >= latest.start)) {
    problems.push({
      ...at(row, 'previousPeriod', previous.label),
      expected: `a period before the latest one (${latest.label})`,
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
        expected: `${words[actual]}: "${indicator.name}" went from ${formatFigure(data.previousValue, indicator)} to ${formatFigure(data.latestValue, indicator)}`,
        hint: 'The site works out the direction from the values; it publishes the Trend word beside it, and the card says the two differ.',
      });
    }
  }
  if (data.rag === 'green' && data.target && latest !== null && meetsTarget(latest, data.target, indicator.polarity) === false) {
    warnings.push({
      ...at(row, 'rag'),
      expected: `a rating that reflects the target: ${formatFigure(data.latestValue, indicator)} does not meet ${data.target.text}`,
      hint: 'If the rating is right, the card says so: it tells readers the rating is the council’s and can differ from the target.',
    });
  }
  // The other way round (#23): a figure that meets its target but is rated amber or red. The card explains it to readers; the officer is told, in case it is a slip.
  if ((data.rag === 'amber' || data.rag === 'red') && data.target && latest !== null && meetsTarget(latest, data.target, indicator.polarity) === true) {
    warnings.push({
      ...at(row, 'rag'),
      expected: `a rating that reflects the target: ${formatFigure(data.latestValue, indicator)} meets ${data.target.text} but is rated ${data.rag}`,
      hint: 'If the rating is right, the card says so: it tells readers the rating is the council’s and can differ from the target.',
    });
  }
  return warnings;
}

function toRecord(data: QuarterRow, indicator: Indicator, line: number): QuarterIndicator {
  return {
    id: indicator.id,
    line,
    publishedName: data.indicator.replace(/\s+/g, ' ').trim(),
    latest: { period: data.latestPeriod, figure: figure(data.latestValue) },
    previous: data.previousPeriod ? { period: data.previousPeriod, figure: figure(data.previousValue) } : null,
    target: data.target,
    rag: data.rag,
    quartile: data.quartile,
    statisticalNeighbourAverage: figure(data.statisticalNeighbourAverage),
    englandAverage: figure(data.englandAverage),
    // The export's own Trend word, kept as written for the open data; absent when the cell is blank.
    ...(data.trend.trim() ? { councilTrend: data.trend.replace(/\s+/g, ' ').trim() } : {}),
  };
}

/** The figure a cell gave: its value and published decimals, without how it was written. */
function figure(number: ParsedNumber | null): Figure | null {
  return number ? { value: number.value, decimals: number.decimals } : null;
}
