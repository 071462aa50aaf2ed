/**
 * Problems found in a content file, worded for the person who edits it:
 * which file, which line and column, what was found and what was expected.
 */
import type { z } from 'astro/zod';
import { showInvisible } from './characters.ts';

export interface Problem {
  /** Path of the file, relative to the project (as the editor sees it). */
  file: string;
  /** 1-based line in the file (for a workbook: the row of the sheet). */
  line?: number;
  /** For a workbook: the sheet the row is on. */
  sheet?: string;
  /** 1-based column (cell position in the row). */
  column?: number;
  /** The column's header, such as "Target". */
  columnName?: string;
  /** What the cell held, exactly. */
  found?: string;
  /** What should be there, in plain words. */
  expected: string;
  /** An extra sentence on how to fix it. */
  hint?: string;
}

/** Spreadsheet column letter for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return shown === '' ? 'an empty cell' : `"${showInvisible(shown)}"`;
}

/** One problem in parts: where it is ("line 12, character 5") and what to do, in plain words. */
export interface ProblemWords {
  /** "file:line:column", the heading editors can click. */
  position: string;
  /** The sentence: where in the file, what was found, what was expected. */
  text: string;
  hint?: string;
}

/** The words of one problem, shared by the terminal's message and the editor's preview so they never differ. */
export function describeProblem(problem: Problem): ProblemWords {
  const position = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const where: string[] = [];
  if (problem.sheet !== undefined) where.push(`sheet "${problem.sheet}"`);
  if (problem.line !== undefined) where.push(`${problem.sheet !== undefined ? 'row' : 'line'} ${problem.line}`);
  if (problem.column !== undefined) {
    // Data files get spreadsheet column letters; commentary (MDX) a character position along the line.
    where.push(
      /\.mdx?$/i.test(problem.file)
        ? `character ${problem.column}`
        : `column ${columnLetter(problem.column)}${problem.columnName ? ` (${problem.columnName})` : ''}`,
    );
  }
  const lead = where.length ? `${where.join(', ')}: ` : '';
  const found = problem.found !== undefined ? `found ${quote(problem.found)}, ` : '';
  const text = `${lead}${found}expected ${problem.expected}.`;
  return { position, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}`, ...(problem.hint ? { hint: problem.hint } : {}) };
}

/** One problem as a block of text: a `file:line:column` heading editors can click, then plain words. */
export function formatProblem(problem: Problem): string {
  const { position, text, hint } = describeProblem(problem);
  return `${position}\n  ${text}${hint ? `\n  ${hint}` : ''}`;
}

/** The most problems printed for one file: past this the rest are counted, not listed (the first ones usually explain them). */
export const MAX_PROBLEMS_SHOWN = 50;

/** Every problem of one file as a block: a heading line, then each problem (at most MAX_PROBLEMS_SHOWN). */
export function formatFileProblems(file: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const shown = sorted.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
  const rest = sorted.length - shown.length;
  return `${file} has ${count}:\n\n${shown.join('\n\n')}${rest > 0 ? `\n\n...and ${rest} more in this file. Fix the ones above and check again.` : ''}\n`;
}

/** Problems grouped by file, in the order files were first met. */
export function groupByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) groups.set(problem.file, [...(groups.get(problem.file) ?? []), problem]);
  return groups;
}

export interface CellLocation {
  file: string;
  line: number;
  /** For each field of the parsed object: its 1-based column and header name. */
  columns: Record<string, { column: number; name: string }>;
  /** The raw cells, by field. */
  cells: Record<string, string>;
}

/**
 * Validates a row with a zod schema and, instead of zod's own report, returns
 * problems that name the line, the column and the cell as the editor sees them.
 * Schemas put the "expected ..." wording in their issue messages.
 */
export function parseWithFriendlyErrors<S extends z.ZodType>(
  schema: S,
  location: CellLocation,
): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(location.cells);
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue): Problem => {
    const field = String(issue.path[0] ?? '');
    const column = location.columns[field];
    return {
      file: location.file,
      line: location.line,
      column: column?.column,
      columnName: column?.name,
      found: location.cells[field],
      expected: issue.message,
    };
  });
  return { ok: false, problems };
}
