/**
 * The pure validation pieces as tests call them: a catalogue from text, a
 * quarter file read as the validation stage reads it, and its problems as the
 * message a person sees.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndicatorMatcher, parseCatalogue } from '../../src/ingest/catalogue';
import { decodeText, readTable } from '../../src/ingest/delimited';
import { parseQuarterId } from '../../src/core/periods';
import { formatFileProblems, type Problem } from '../../src/core/problems';
import { parseQuarterTable, type QuarterFileResult } from '../../src/ingest/quarter-file';
import type { Indicator } from '../../src/schemas/indicator';
import { ROOT } from './build';

export const CATALOGUE_FILE = 'content/indicators.csv';

/** The real catalogue's indicators. */
export function realCatalogue(): Indicator[] {
  const { entries, problems } = parseCatalogue(readFileSync(join(ROOT, CATALOGUE_FILE), 'utf8'), CATALOGUE_FILE);
  if (problems.length) throw new Error(formatFileProblems(CATALOGUE_FILE, problems));
  return entries.map((entry) => entry.indicator);
}

export const realMatcher = () => new IndicatorMatcher(realCatalogue());

/** A quarter file's text checked as the validation stage checks it, for the quarter of folder `folder`. */
export function checkQuarterText(text: string, file: string, folder = '2024-25-q1', matcher = realMatcher()): QuarterFileResult {
  const table = readTable(text, file);
  if (!table.ok) return { indicators: [], problems: table.problems, warnings: [] };
  return parseQuarterTable(table.table, file, matcher, parseQuarterId(folder)!);
}

/** A quarter file from disk, bytes decoded as the stage does. */
export function checkQuarterFile(file: string, folder = '2024-25-q1', matcher = realMatcher()): QuarterFileResult {
  const decoded = decodeText(readFileSync(join(ROOT, file)), file);
  if (!decoded.ok) return { indicators: [], problems: [decoded.problem], warnings: [] };
  return checkQuarterText(decoded.text, file, folder, matcher);
}

/** The problems of a file that must fail, and the message a person reads. */
export function failureOf(result: QuarterFileResult | { problems: Problem[] }, file: string): { file: string; problems: Problem[]; message: string } {
  if (!result.problems.length) throw new Error(`${file} was expected to fail but passed`);
  return { file, problems: result.problems, message: formatFileProblems(file, result.problems) };
}

// Planting faults in a scratch content folder (paths relative to it).

export const readIn = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
export const writeIn = (dir: string, path: string, text: string) => writeFileSync(join(dir, path), text);

/** Replaces text in a file, failing loudly when the text is not there (so a fixture that drifted cannot pass silently). */
export function replaceIn(dir: string, path: string, from: string | RegExp, to: string) {
  const text = readIn(dir, path);
  if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${path} does not contain ${String(from)}`);
  writeIn(dir, path, text.replace(from, to));
}

/** Sets one cell of a tab-separated file (1-based line and column). */
export function setCell(dir: string, path: string, line: number, column: number, value: string) {
  const lines = readIn(dir, path).split('\n');
  const cells = lines[line - 1]!.split('\t');
  cells[column - 1] = value;
  lines[line - 1] = cells.join('\t');
  writeIn(dir, path, lines.join('\n'));
}
