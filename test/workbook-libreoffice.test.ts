/**
 * A differential test of the workbook reader against an independent one:
 * LibreOffice Calc (Debian's, headless) opens the same bytes and writes what
 * it shows, as CSV ("save cell contents as shown") and as flat ODS (which
 * sheets, rows and columns are hidden). Every workbook the site accepts must
 * read cell for cell as LibreOffice shows it; everything LibreOffice hides,
 * the site refuses at that sheet, row or column.
 *
 * Needs `soffice` (apt-get install libreoffice-calc-nogui; .ci/run installs it).
 * Without it the tests are skipped with the reason printed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseXml, type XmlElement } from '@cj-tech-master/excelts/xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, renderNumber } from '../src/ingest/workbook';
import type { TableResult } from '../src/ingest/delimited';
import { ROOT } from './helpers/build';

const FIXTURES = join(ROOT, 'test/fixtures/workbooks');
const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((path) => existsSync(path));
if (!soffice) console.warn('Skipping the LibreOffice differential tests of workbooks: soffice is not installed (apt-get install libreoffice-calc-nogui).');

/** Workbooks the site accepts, and the ones it refuses for what a person would not see. */
const ACCEPTED = ['q1.xlsx', 'cell-kinds.xlsx', 'float-noise.xlsx', 'title-row.xlsx', 'merged-value.xlsx', 'note-without-heading.xlsx'];
const HIDING = ['hidden-sheet.xlsx', 'very-hidden-first-sheet.xlsx', 'hidden-row.xlsx', 'hidden-column.xlsx', 'zero-height-row.xlsx', 'zero-width-column.xlsx'];
const FORMULAS = ['formula-empty-value.xlsx', 'recalculate-on-open.xlsx'];

let work = '';
/** LibreOffice's CSV of each sheet, by "<workbook base name>-<sheet name>". */
const shown = new Map<string, string[][]>();
/** LibreOffice's flat ODS of each workbook, by workbook file name. */
const flat = new Map<string, XmlElement>();

function convert(to: string, files: string[]) {
  const result = spawnSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', to, ...files, '--outdir', join(work, 'out')], {
    cwd: work,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
}

beforeAll(() => {
  if (!soffice) return;
  work = mkdtempSync(join(tmpdir(), 'cfs-libreoffice-'));
  const all = [...ACCEPTED, ...HIDING, ...FORMULAS];
  for (const file of all) cpSync(join(FIXTURES, file), join(work, file));
  // CSV: comma, double quote, UTF-8, from row 1; cell contents as shown (token 9); every sheet to its own file (token 12 = -1).
  convert('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', all);
  convert('fods', HIDING);
  for (const file of readdirSync(join(work, 'out'))) {
    const text = readFileSync(join(work, 'out', file), 'utf8');
    if (file.endsWith('.csv')) shown.set(file.slice(0, -4), Papa.parse<string[]>(text, { skipEmptyLines: false }).data);
    else flat.set(file.replace(/\.fods$/, '.xlsx'), parseXml(text).root);
  }
}, 240_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (file: string): Promise<TableResult> => readWorkbook(readFileSync(join(FIXTURES, file)), file);

/** A date as LibreOffice shows it with the cell's own format ("30/06/2024", "31 March 2024"), as the site's ISO date. */
function isoFromShown(text: string): string | null {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  let match = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}:\d{2}))?$/.exec(text);
  if (match) return `${match[3]}-${match[2]}-${match[1]}${match[4] ? ` ${match[4]}` : ''}`;
  match = /^(\d{1,2}) (\w+) (\d{4})$/.exec(text);
  return match ? `${match[3]}-${String(months.indexOf(match[2]!) + 1).padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : null;
}

describe.skipIf(!soffice)('LibreOffice shows what the site reads', () => {
  it.each(ACCEPTED)('%s: every cell read is the text LibreOffice shows, on the same row', async (file) => {
    const result = await read(file);
    // (merged-value and note-without-heading are refused later, by the quarter-file checks, not by the reader.)
    if (!result.ok) throw new Error(`${file} no longer reads`);
    const { header, rows, sheet } = result.table;
    const csv = shown.get(`${file.replace(/\.xlsx$/, '')}-${sheet}`)!;
    expect(csv, `LibreOffice wrote no CSV for sheet ${sheet}`).toBeDefined();
    const readLines = new Set([header, ...rows].map((row) => row.line));
    // Rows the reader skipped are blank to LibreOffice too.
    csv.forEach((cells, index) => {
      if (!readLines.has(index + 1)) expect(cells.join('').trim(), `row ${index + 1}`).toBe('');
    });
    let divergences = 0;
    for (const row of [header, ...rows]) {
      const theirs = csv[row.line - 1] ?? [];
      row.cells.forEach((ours, c) => {
        const their = theirs[c] ?? '';
        if (ours === their) return;
        // By design the site writes dates as ISO dates ("2024-06-30"), whatever the cell's format: the same day.
        if (/^\d{4}-\d{2}-\d{2}/.test(ours)) return expect(isoFromShown(their), `row ${row.line}, column ${c + 1}`).toBe(ours);
        // LibreOffice's CSV writes a General number with up to 15 significant digits; Excel's cell shows at most 11
        // characters (Microsoft KB 65903), so 1279.0000000001 is 1279 there and here: the same number, as Excel rounds it.
        divergences += 1;
        expect(renderNumber(Number(their), 'General'), `row ${row.line}, column ${c + 1}: LibreOffice shows ${their}`).toBe(ours);
      });
    }
    expect(divergences).toBe(file === 'float-noise.xlsx' ? 1 : 0);
  });
});

/** What LibreOffice hides in a workbook: sheets not displayed, and rows and columns collapsed (1-based). */
function hiddenTo(root: XmlElement): { sheets: string[]; rows: number[]; columns: number[] } {
  const elements = (element: XmlElement, name: string): XmlElement[] =>
    element.children.flatMap((node) => (node.type === 'element' ? [...(node.name === name ? [node] : []), ...elements(node, name)] : []));
  const hiddenStyles = new Set(
    elements(root, 'style:style')
      .filter((style) => elements(style, 'style:table-properties').some((properties) => properties.attributes['table:display'] === 'false'))
      .map((style) => style.attributes['style:name']),
  );
  const tables = elements(root, 'table:table');
  const sheets = tables.filter((table) => hiddenStyles.has(table.attributes['table:style-name'])).map((table) => table.attributes['table:name']!);
  // Only the first sheet is read: its hidden rows and columns, counting repeated ones.
  const first = tables[0]!;
  const collapsed = (name: 'table:table-row' | 'table:table-column') => {
    const repeated = name === 'table:table-row' ? 'table:number-rows-repeated' : 'table:number-columns-repeated';
    const found: number[] = [];
    let index = 0;
    for (const element of elements(first, name)) {
      const repeat = Number(element.attributes[repeated] ?? 1);
      if (element.attributes['table:visibility'] === 'collapse') for (let i = 1; i <= repeat; i++) found.push(index + i);
      index += repeat;
    }
    return found;
  };
  return { sheets, rows: collapsed('table:table-row'), columns: collapsed('table:table-column') };
}

describe.skipIf(!soffice)('what LibreOffice hides, the site refuses at that sheet, row or column', () => {
  it.each(HIDING)('%s', async (file) => {
    const hidden = hiddenTo(flat.get(file)!);
    const result = await read(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const sheet of hidden.sheets) expect(result.problems.some((problem) => problem.sheet === sheet && /this sheet is (very )?hidden/.test(problem.expected))).toBe(true);
    for (const row of hidden.rows) expect(result.problems.some((problem) => problem.line === row && /to be visible: it is hidden/.test(problem.expected))).toBe(true);
    for (const column of hidden.columns) expect(result.problems.some((problem) => problem.column === column && /to be visible: it is hidden/.test(problem.expected))).toBe(true);
    const total = hidden.sheets.length + hidden.rows.length + hidden.columns.length;
    // Rows and columns of zero size: Excel shows nothing there, LibreOffice (7.4) draws them at the default size; the
    // site goes with what Excel shows, so it refuses them although LibreOffice hides nothing.
    expect(total).toBe(file.startsWith('zero-') ? 0 : 1);
  });
});

describe.skipIf(!soffice)('formulas whose stored result is not what a spreadsheet shows are refused at the cell', () => {
  it('formula-empty-value.xlsx: nothing stored for J22 (as openpyxl writes it); LibreOffice works it out and shows 47.5%', async () => {
    expect(shown.get('formula-empty-value-Dashboard')![21]![9]).toBe('47.5%');
    const result = await read('formula-empty-value.xlsx');
    expect(!result.ok && result.problems.map((problem) => [problem.line, problem.column])).toEqual([[22, 10]]);
  });

  it('recalculate-on-open.xlsx: 0 stored for J22 with "recalculate on open" (as XlsxWriter writes it): LibreOffice shows the stored 0.0%, Excel would show 47.5%', async () => {
    expect(shown.get('recalculate-on-open-Dashboard')![21]![9]).toBe('0.0%');
    const result = await read('recalculate-on-open.xlsx');
    expect(!result.ok && result.problems.map((problem) => [problem.line, problem.column])).toEqual([[22, 10]]);
  });
});
