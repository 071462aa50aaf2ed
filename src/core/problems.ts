/**
 * Problems found in a content file, worded for the person who edits it:
 * which file, which line and column, what was found and what was expected.
 */
import type { z } from 'astro/zod';

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
  return shown === '' ? 'an empty cell' : `"${nameHiddenCharacters(shown)}"`;
}

/** Characters that show as nothing, or as an ordinary space, by name. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x115f: 'Hangul filler',
  0x1160: 'Hangul filler',
  0x180e: 'Mongolian vowel separator',
  0x2000: 'en quad space',
  0x2001: 'em quad space',
  0x2002: 'en space',
  0x2003: 'em space',
  0x2004: 'three-per-em space',
  0x2005: 'four-per-em space',
  0x2006: 'six-per-em space',
  0x2007: 'figure space',
  0x2008: 'punctuation space',
  0x2009: 'thin space',
  0x200a: 'hair space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x202f: 'narrow no-break space',
  0x205f: 'medium mathematical space',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3000: 'ideographic space',
  0x3164: 'Hangul filler',
  0xfeff: 'zero-width no-break space (byte-order mark)',
  0xffa0: 'Hangul filler',
};

/** Letters of other alphabets drawn like Latin ones: "Cаre" with a Cyrillic а reads as "Care" but matches nothing. */
const LOOKALIKES: Record<string, string> = Object.fromEntries(
  [
    // Cyrillic
    'аa', 'еe', 'оo', 'рp', 'сc', 'уy', 'хx', 'іi', 'јj', 'ѕs', 'ԁd', 'ӏl', 'һh', 'ԛq', 'ԝw',
    'АA', 'ВB', 'ЕE', 'КK', 'МM', 'НH', 'ОO', 'РP', 'СC', 'ТT', 'ХX', 'ЅS', 'ІI', 'ЈJ', 'ԌG', 'ԚQ', 'ԜW',
    // Greek
    'οo', 'αa', 'νv', 'ιi', 'κk', 'ρp', 'τt', 'υu', 'χx',
    'ΑA', 'ΒB', 'ΕE', 'ΖZ', 'ΗH', 'ΙI', 'ΚK', 'ΜM', 'ΝN', 'ΟO', 'ΡP', 'ΤT', 'ΥY', 'ΧX',
  ].map((pair) => [pair.charAt(0), pair.charAt(1)]),
);

const SCRIPTS = ['Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic'] as const;
const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a character is, when it would not be seen for what it is in a message; null for an ordinary one. */
export function hiddenCharacterName(char: string, inLatinText: boolean): string | null {
  const code = char.codePointAt(0)!;
  const named = INVISIBLE_NAMES[code];
  if (named) return named;
  if (char === '\t' || char === '\n' || char === '\r') return null;
  if (/\p{Cc}/u.test(char)) return 'control character';
  if (code >= 0xfe00 && code <= 0xfe0f) return 'variation selector';
  if (code >= 0xe0000 && code <= 0xe007f) return 'tag character';
  if (/\p{Cf}/u.test(char)) return 'invisible formatting character';
  if (/\p{Zs}/u.test(char) && char !== ' ') return 'space character';
  if (code >= 0xff01 && code <= 0xff5e) return `full-width "${char}", not the ordinary "${String.fromCodePoint(code - 0xfee0)}"`;
  if (!inLatinText) return null;
  const script = SCRIPTS.find((name) => new RegExp(`\\p{Script=${name}}`, 'u').test(char));
  if (!script) return null;
  const latin = LOOKALIKES[char];
  return latin ? `${script} letter "${char}", not the Latin "${latin}"` : `${script} letter "${char}"`;
}

/**
 * The text with every character a reader could not see for what it is
 * (zero-width and direction marks, odd spaces, letters of another alphabet
 * drawn like Latin ones) written out by name, as "Care[zero-width space
 * U+200B] leavers": a message never shows two texts that look the same.
 */
export function nameHiddenCharacters(text: string): string {
  const latin = /\p{Script=Latin}/u.test(text);
  let out = '';
  for (const char of text) {
    const name = hiddenCharacterName(char, latin);
    out += name ? `[${name} ${hex(char.codePointAt(0)!)}]` : char;
  }
  return out;
}

/** One problem as a block of text: a `file:line:column` heading editors can click, then plain words. */
export function formatProblem(problem: Problem): string {
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
  return `${position}\n  ${text.charAt(0).toUpperCase()}${text.slice(1)}${problem.hint ? `\n  ${problem.hint}` : ''}`;
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
