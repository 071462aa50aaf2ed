/**
 * Reading a spreadsheet export (CSV or tab-separated) into rows that keep
 * their line numbers, accepting what spreadsheet programs produce: a BOM,
 * CRLF or LF, quoted fields with commas, blank leading lines.
 */
import Papa from 'papaparse';
import { normaliseName } from '../core/names.ts';
import type { Problem } from '../core/problems.ts';

export interface SourceRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export interface Table {
  header: SourceRow;
  rows: SourceRow[];
  /** For a workbook: the sheet the rows come from (each row's `line` is then its row number on that sheet). */
  sheet?: string;
  /** For a workbook: cells below the header covered by a merge that starts on an earlier row (shown once for several rows). */
  mergedDown?: MergedCell[];
}

/** A cell covered by a merged range whose value is shown in `master`, a cell on an earlier row. */
export interface MergedCell {
  line: number;
  column: number;
  master: string;
}

export type TableResult = { ok: true; table: Table } | { ok: false; problems: Problem[] };

/**
 * Turns file bytes into text, refusing what is not UTF-8 text (an Excel
 * workbook saved under a .csv name, a PDF, a file in another encoding).
 */
export function decodeText(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  const notText: Problem = {
    file,
    expected: 'a text file saved as "CSV UTF-8" or "Text (Tab delimited)"',
    hint: 'This file is not plain text (it may be an Excel workbook or a PDF). In Excel use File > Save As and choose "CSV UTF-8 (Comma delimited)".',
  };
  // Zip (xlsx) and PDF signatures, or NUL bytes, mean a binary file.
  const startsWith = (...sig: number[]) => sig.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x25, 0x50, 0x44, 0x46) || bytes.includes(0)) {
    return { ok: false, problem: notText };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      problem: {
        ...notText,
        expected: 'text in the UTF-8 encoding',
        hint: 'The file uses another character encoding. In Excel use File > Save As and choose "CSV UTF-8 (Comma delimited)".',
      },
    };
  }
}

/** Tab when the first non-blank line has a tab, otherwise comma. */
function detectDelimiter(text: string): '\t' | ',' {
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return firstLine.includes('\t') ? '\t' : ',';
}

/** Reads the table: the first non-blank line is the header; blank lines are skipped. */
export function readTable(rawText: string, file: string): TableResult {
  const text = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return { ok: false, problems: [{ file, expected: 'a header row and one row per indicator, but the file is empty' }] };
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };

  const rows: SourceRow[] = [];
  const problems: Problem[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    step(result) {
      const line = lineAt(start);
      for (const error of result.errors) {
        problems.push({
          file,
          line,
          expected: 'every opening quote mark (") to have a closing one',
          hint: `The spreadsheet reader said: ${error.message}.`,
        });
      }
      start = result.meta.cursor;
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '')) return;
      rows.push({ line, cells });
    },
  });
  if (problems.length) return { ok: false, problems };
  const [header, ...body] = rows;
  return { ok: true, table: { header: header!, rows: body } };
}

export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
  alsoMatches?: readonly string[];
}

export interface ColumnMap {
  /** For each key, its 0-based index in the row. */
  index: Record<string, number>;
  /** For `parseWithFriendlyErrors`: 1-based column and the header as written in the file. */
  columns: Record<string, { column: number; name: string }>;
}

/** Finds each column by its header name; reports every required column that is missing. */
export function mapColumns(
  header: SourceRow,
  specs: readonly ColumnSpec[],
  file: string,
): { ok: true; map: ColumnMap } | { ok: false; problems: Problem[] } {
  const normalisedHeaders = header.cells.map((cell) => normaliseName(cell));
  const map: ColumnMap = { index: {}, columns: {} };
  const problems: Problem[] = [];
  for (const spec of specs) {
    const names = [spec.header, ...(spec.alsoMatches ?? [])].map(normaliseName);
    const index = normalisedHeaders.findIndex((header) => names.includes(header));
    if (index >= 0) {
      map.index[spec.key] = index;
      map.columns[spec.key] = { column: index + 1, name: header.cells[index]!.trim() };
    } else if (spec.required) {
      problems.push({ file, line: header.line, expected: `a column headed "${spec.header}"`, hint: `The header row has: ${header.cells.map((cell) => `"${cell.trim()}"`).join(', ')}.` });
    }
  }
  // When the header cannot be found at all, say the likely cause once rather than listing every column.
  if (problems.length > 1) {
    const filled = header.cells.filter((cell) => cell.trim() !== '');
    const cause =
      filled.length === 1 && filled[0]!.includes(';')
        ? 'The file looks semicolon-separated: in Excel use File > Save As and choose "CSV UTF-8 (Comma delimited)", or save as "Text (Tab delimited)".'
        : filled.length <= 2
          ? `Line ${header.line} looks like a title, not the header row: delete any lines above the row of column headings.`
          : null;
    if (cause) return { ok: false, problems: [{ file, line: header.line, found: filled.join(' '), expected: `a header row with the column headings (${specs.filter((s) => s.required).map((s) => `"${s.header}"`).join(', ')})`, hint: cause }] };
  }
  return problems.length ? { ok: false, problems } : { ok: true, map };
}

/** The row's cells by key; a column the file does not have reads as blank. */
export function cellsByKey(row: SourceRow, map: ColumnMap, specs: readonly ColumnSpec[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const spec of specs) {
    const index = map.index[spec.key];
    cells[spec.key] = index === undefined ? '' : (row.cells[index] ?? '');
  }
  return cells;
}
