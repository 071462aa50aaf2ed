/**
 * The indicator catalogue (`content/indicators.csv`): every indicator the
 * council reports, with how to read it.
 */
import { indicatorSchema, type Indicator, type IndicatorInput } from '../schemas/indicator.ts';
import { cellsByKey, mapColumns, readTable } from './delimited.ts';
import { closestNames, normaliseName } from '../core/names.ts';
import { parseWithFriendlyErrors, type Problem } from '../core/problems.ts';

/** The columns the catalogue reads (any other is ignored). */
export const CATALOGUE_COLUMNS = Object.keys(indicatorSchema.shape).map((key) => ({ key, header: key, required: key !== 'aliases' }));

export interface CatalogueEntry {
  /** The row's cells as written, for the content collection to validate again. */
  cells: IndicatorInput;
  indicator: Indicator;
}

/**
 * Parses and checks the catalogue, returning every problem (and no entries when
 * there is any). `areas` are site.yaml's: each indicator's area must be one.
 */
export function parseCatalogue(text: string, file: string, areas?: readonly string[]): { entries: CatalogueEntry[]; problems: Problem[] } {
  const table = readTable(text, file);
  if (!table.ok) return { entries: [], problems: table.problems };
  const columns = mapColumns(table.table.header, CATALOGUE_COLUMNS, file);
  if (!columns.ok) return { entries: [], problems: columns.problems };

  const problems: Problem[] = [];
  const entries: CatalogueEntry[] = [];
  const firstLineOf = new Map<string, number>();
  const lines: number[] = [];
  for (const row of table.table.rows) {
    const cells = cellsByKey(row, columns.map, CATALOGUE_COLUMNS);
    const parsed = parseWithFriendlyErrors(indicatorSchema, { file, line: row.line, columns: columns.map.columns, cells });
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const indicator = parsed.data;
    if (areas && !areas.includes(indicator.area)) {
      const suggestion = closestNames(indicator.area, areas, 1)[0];
      problems.push({
        file,
        line: row.line,
        column: columns.map.columns.area?.column,
        columnName: 'area',
        found: cells.area,
        expected: `one of the areas listed in site.yaml: ${areas.join(', ')}`,
        hint: suggestion ? `Did you mean "${suggestion}"? To add an area, list it under areas in site.yaml.` : 'To add an area, list it under areas in site.yaml.',
      });
    }
    const idSeen = firstLineOf.get(`id:${indicator.id}`);
    if (idSeen !== undefined) {
      problems.push({ file, line: row.line, column: columns.map.columns.id?.column, columnName: 'id', found: indicator.id, expected: `an id no other indicator uses, but line ${idSeen} already has it` });
    }
    firstLineOf.set(`id:${indicator.id}`, row.line);
    entries.push({ cells: cells as IndicatorInput, indicator });
    lines.push(row.line);
  }
  problems.push(...nameProblems(entries.map((entry, i) => ({ indicator: entry.indicator, line: lines[i]! })), file, columns.map.columns));
  if (table.table.rows.length === 0) {
    problems.push({ file, line: table.table.header.line, expected: 'one row per indicator below the header row, but the catalogue has none', hint: 'Every quarter’s indicators are matched to this file, so it cannot be empty.' });
  }
  return problems.length ? { entries: [], problems } : { entries, problems };
}

/**
 * Names are matched ignoring case, spacing and punctuation, so each name and
 * alias must keep something after that (letters or digits of the Latin
 * alphabet), and must not read the same as another indicator's name or alias:
 * either would let a data row match nothing, or the wrong indicator.
 */
function nameProblems(rows: readonly { indicator: Indicator; line: number }[], file: string, columns: Record<string, { column: number; name: string } | undefined>): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, { id: string; line: number; text: string }>();
  // Names first, then aliases: where an alias reads as another indicator's name, the alias is the one refused, wherever its row is.
  const all = [
    ...rows.map(({ indicator, line }) => ({ indicator, line, key: 'name' as const, text: indicator.name })),
    ...rows.flatMap(({ indicator, line }) => indicator.aliases.map((text) => ({ indicator, line, key: 'aliases' as const, text }))),
  ];
  for (const { indicator, line, key, text } of all) {
    const what = key === 'name' ? 'a name' : 'an alias';
    const at = { file, line, column: columns[key]?.column, columnName: key, found: text };
    const normalised = normaliseName(text);
    if (normalised === '') {
      problems.push({
        ...at,
        expected: `${what} with letters or digits: names are matched ignoring case, spacing and punctuation, and this one has nothing else, so no data row could be told by it`,
        hint: 'Write the name as the dashboard export spells it, in letters and digits.',
      });
      continue;
    }
    const seen = names.get(normalised);
    if (seen && seen.id !== indicator.id) {
      problems.push({
        ...at,
        expected: `${what} no other indicator uses, but line ${seen.line} already has it: "${text}" reads the same as "${seen.text}" (${seen.id}) once case, spacing and punctuation are set aside`,
        hint: 'A data row with this name could be either indicator. Delete it from one of the two rows, or make the two names differ in their words.',
      });
      continue;
    }
    if (!seen) names.set(normalised, { id: indicator.id, line, text });
  }
  return problems;
}

/** Finds catalogue indicators by name or alias, ignoring case, spacing and punctuation. */
export class IndicatorMatcher {
  private readonly byName = new Map<string, Indicator>();
  private readonly names: string[] = [];

  readonly indicators: readonly Indicator[];

  constructor(indicators: readonly Indicator[]) {
    this.indicators = indicators;
    for (const indicator of indicators) {
      for (const name of [indicator.name, ...indicator.aliases]) {
        this.byName.set(normaliseName(name), indicator);
        this.names.push(name);
      }
    }
  }

  find(name: string): Indicator | undefined {
    return this.byName.get(normaliseName(name));
  }

  /** Up to three catalogue names closest to an unknown one. */
  suggest(name: string): string[] {
    return closestNames(name, this.names);
  }
}
