/**
 * Reading the dashboard export when it is saved as an Excel workbook
 * (data.xlsx) instead of a CSV or tab-separated file. The result is the same
 * table `readTable` gives for the text file, so the rest of the pipeline
 * (columns found by header name, each cell read from its text) is unchanged:
 * each cell becomes the text Excel shows for it, and a merged Topic or Theme
 * reads as the export writes it (the value on the first row, blank below).
 *
 * The library (@cj-tech-master/excelts) only unpacks the workbook. Turning a
 * stored number into text is done here, for the few number formats a
 * dashboard uses, so a figure is published exactly as the officer sees it
 * and a format we cannot render is refused rather than guessed at.
 */
import { ValueType, Workbook, type Cell, type CellErrorValue, type Row, type Worksheet } from '@cj-tech-master/excelts';
import { unzip } from '@cj-tech-master/excelts/archive';
import type { SourceRow, TableResult } from './delimited.ts';
import type { Problem } from '../core/problems.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);

/** A zip file's first bytes: every .xlsx workbook is a zip archive. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;
/**
 * An OLE compound file's first bytes. Excel saves a password-protected
 * workbook in this container (not as a zip), as it does the old .xls format.
 */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** True when the bytes are a zip archive, as every .xlsx workbook is. */
export function isWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE);
}

/** The number formats a cell may have, as listed in problems. */
export const NUMBER_FORMATS = ['General', '0', '0.0', '0.00', '#,##0', '0%', '0.0%', '0.00%'] as const;

/**
 * Formats rendered: General, the Text format "@" (a number typed into a text
 * cell shows as General), and 0 or #,##0 with any count of decimals and an
 * optional % sign. That covers NUMBER_FORMATS and their obvious neighbours
 * (0.000, #,##0.0); anything else (currency, "pp" suffixes, colours, negative
 * sections, fractions, scientific) is refused.
 */
const FIXED_FORMAT = /^(#,##0|0)(?:\.(0+))?(%?)$/;

/**
 * The digits of a number to 15 significant figures, the precision Excel keeps
 * and shows, so 0.47300000000000003 (float noise) reads as 0.473.
 */
function significantDigits(value: number): { negative: boolean; digits: string; exponent: number } {
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential(14).split('e');
  return { negative: value < 0, digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

/**
 * `value × 10^shift` with exactly `decimals` decimal places, rounded half away
 * from zero as Excel rounds. Works on the decimal digits, not on floats, so
 * 0.0125 shown with one decimal of percent is 1.3%, never 1.2%.
 */
function toFixedDecimals(value: number, decimals: number, shift: number): string {
  const zero = decimals ? `0.${'0'.repeat(decimals)}` : '0';
  if (value === 0) return zero;
  const { negative, digits, exponent } = significantDigits(value);
  let integerLength = exponent + shift + 1;
  let all = digits;
  if (integerLength < 1) {
    all = '0'.repeat(1 - integerLength) + all;
    integerLength = 1;
  }
  const keep = integerLength + decimals;
  all = all.padEnd(keep + 1, '0');
  let kept = all.slice(0, keep);
  if (all.charAt(keep) >= '5') {
    const bumped = (BigInt(kept) + 1n).toString().padStart(keep, '0');
    if (bumped.length > keep) integerLength += 1; // 99.96 → 100.0
    kept = bumped;
  }
  const integer = kept.slice(0, integerLength).replace(/^0+(?=\d)/, '');
  const fraction = kept.slice(integerLength);
  const text = fraction ? `${integer}.${fraction}` : integer;
  // A figure that rounds to zero is published as 0.0%, not "-0.0%".
  return negative && text !== zero ? `-${text}` : text;
}

/** Excel's General format for a number: the shortest exact form, at most 15 significant digits, never scientific. */
function renderGeneral(value: number): string {
  if (value === 0) return '0';
  const { negative, digits, exponent } = significantDigits(value);
  const significant = digits.replace(/0+$/, '');
  let text: string;
  if (exponent >= 0) {
    const integer = significant.padEnd(exponent + 1, '0').slice(0, exponent + 1);
    const fraction = significant.slice(exponent + 1);
    text = fraction ? `${integer}.${fraction}` : integer;
  } else {
    text = `0.${'0'.repeat(-exponent - 1)}${significant}`;
  }
  return negative ? `-${text}` : text;
}

/**
 * A number as Excel shows it in a cell with this number format, or null when
 * the format is not one this site renders (see FIXED_FORMAT).
 */
export function renderNumber(value: number, format: string): string | null {
  if (!Number.isFinite(value)) return null;
  const code = format.trim();
  if (code === '' || code.toLowerCase() === 'general' || code === '@') return renderGeneral(value);
  const match = FIXED_FORMAT.exec(code);
  if (!match) return null;
  const percent = match[3] === '%';
  const text = toFixedDecimals(value, match[2]?.length ?? 0, percent ? 2 : 0);
  const grouped = match[1] === '#,##0' ? text.replace(/^(-?\d+)/, (integer) => integer.replace(/\B(?=(\d{3})+$)/g, ',')) : text;
  return percent ? `${grouped}%` : grouped;
}

/**
 * A date cell as an ISO date, "2024-06-30", with the time ("2024-06-30 09:30")
 * only when it has one, and a time on its own ("09:30") for a time-only cell.
 * The ISO form cannot be misread as a US date, whatever the cell's format.
 */
export function renderDate(date: Date): string | null {
  // Excel stores dates as fractional days; round the float noise to the second.
  const time = Math.round(date.getTime() / 1000) * 1000;
  if (!Number.isFinite(time)) return null;
  const iso = new Date(time).toISOString();
  const day = iso.slice(0, 10);
  const clock = iso.slice(11, 19);
  const shortClock = clock.endsWith(':00') ? clock.slice(0, 5) : clock;
  if (clock === '00:00:00') return day;
  // Day zero of Excel's calendar: the cell holds a time of day and no date.
  if (day === '1899-12-30' || day === '1899-12-31') return shortClock;
  return `${day} ${shortClock}`;
}

/** What Excel's error values mean, in the officer's words. */
const ERROR_MEANINGS: Record<string, string> = {
  '#DIV/0!': 'a formula divides by zero or by an empty cell',
  '#N/A': 'a formula could not find what it looks up, so a figure the dashboard should have may be missing',
  '#REF!': 'a formula refers to cells that have been deleted',
  '#VALUE!': 'a formula uses text where it needs a number',
  '#NAME?': 'a formula uses a name or function Excel does not recognise',
  '#NUM!': 'a calculation gives a number Excel cannot hold',
  '#NULL!': 'a formula refers to two ranges that do not meet',
  '#SPILL!': 'a formula’s results would overwrite other cells',
  '#CALC!': 'a formula could not be calculated',
  '#GETTING_DATA': 'the workbook was saved while Excel was still fetching data',
};

/** Reading one cell: its text, or what stops it being read. */
type CellReading = { ok: true; text: string } | { ok: false; problem: Omit<Problem, 'file' | 'sheet' | 'line' | 'column'> };

const isError = (value: object): value is CellErrorValue => 'error' in value && typeof value.error === 'string';

function formatCode(cell: Cell): string {
  const format = cell.numFmt;
  return typeof format === 'string' ? format : (format?.formatCode ?? 'General');
}

function errorReading(error: string): CellReading {
  const meaning = ERROR_MEANINGS[error] ?? 'a formula could not be worked out';
  return {
    ok: false,
    problem: {
      found: error,
      expected: 'a figure, or N/A typed in when there is no figure',
      // #N/A is refused like any other error: it usually means a broken lookup, and publishing it as "no figure" would hide that.
      hint: `Excel shows ${error} when ${meaning}. Correct the formula in the dashboard and export again, or type N/A in the cell if there really is no figure.`,
    },
  };
}

/** A cell's value (or a formula's stored result) as text. */
function readValue(value: unknown, cell: Cell): CellReading {
  if (value === null || value === undefined) return { ok: true, text: '' };
  if (typeof value === 'string') return { ok: true, text: value };
  if (typeof value === 'boolean') return { ok: true, text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    const format = formatCode(cell);
    const text = renderNumber(value, format);
    if (text !== null) return { ok: true, text };
    return {
      ok: false,
      problem: {
        found: renderGeneral(value),
        expected: `a number format the site can read (${NUMBER_FORMATS.join(', ')}), but this cell’s format is "${format}"`,
        hint: 'Select the cell in Excel, open Format Cells (Ctrl+1) and choose Number, Percentage or General with the decimal places to publish.',
      },
    };
  }
  if (value instanceof Date) {
    const text = renderDate(value);
    return text !== null ? { ok: true, text } : { ok: false, problem: { expected: 'a date Excel can show', hint: 'Retype the date in Excel and save the workbook again.' } };
  }
  if (typeof value === 'object') {
    if (isError(value)) return errorReading(value.error);
    if ('richText' in value && Array.isArray(value.richText)) {
      const runs: readonly unknown[] = value.richText;
      const runText = (run: unknown) => (typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string' ? run.text : '');
      return { ok: true, text: runs.map(runText).join('') };
    }
    if ('hyperlink' in value && 'text' in value) return readValue(value.text, cell);
    if ('checkbox' in value) return { ok: true, text: value.checkbox ? 'TRUE' : 'FALSE' };
  }
  return { ok: false, problem: { expected: 'a number, text or a date', hint: 'This cell holds something the site cannot read. Type the value into the cell and save the workbook again.' } };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (XML_ENTITIES[name] ?? entity),
  );
const attributes = (text: string) =>
  new Map([...text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(([, name, double, single]) => [name!, decodeXml(double ?? single ?? '')]));

/** A part's path resolved against the folder of the part that names it, as the zip stores it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/**
 * Addresses of the sheet's formula cells that have no stored result, or null
 * when the sheet's part cannot be found. Needed because the library reads a
 * formula whose stored result is an empty string (Excel's =IF(…,"",…), which
 * must read as a blank cell) the same as one never calculated (a workbook
 * written by a program and never opened in Excel); only the file tells them apart.
 */
async function formulasWithoutResult(bytes: Uint8Array, sheetName: string): Promise<Set<string> | null> {
  const zip = unzip(bytes);
  const text = async (path: string) => {
    const entry = await zip.bytes(path);
    return entry ? new TextDecoder().decode(entry) : null;
  };
  const rootRels = (await text('_rels/.rels')) ?? '';
  const officeDocument = [...rootRels.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)]
    .map(([, attrs]) => attributes(attrs!))
    .find((rel) => rel.get('Type')?.endsWith('/officeDocument'));
  const workbookPath = resolvePart('', officeDocument?.get('Target') ?? 'xl/workbook.xml');
  const workbookXml = await text(workbookPath);
  if (workbookXml === null) return null;
  const sheet = [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)].map(([, attrs]) => attributes(attrs!)).find((attrs) => attrs.get('name') === sheetName);
  const relId = sheet && [...sheet].find(([name]) => name.endsWith(':id'))?.[1];
  const folder = workbookPath.split('/').slice(0, -1).join('/');
  const relsXml = await text(`${folder ? `${folder}/` : ''}_rels/${workbookPath.split('/').at(-1)}.rels`);
  if (!relId || relsXml === null) return null;
  const target = [...relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)].map(([, attrs]) => attributes(attrs!)).find((rel) => rel.get('Id') === relId)?.get('Target');
  const sheetXml = target ? await text(resolvePart(workbookPath, target)) : null;
  if (sheetXml === null) return null;
  const missing = new Set<string>();
  for (const [, attrs, content] of sheetXml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
    if (content && /<(?:[\w.-]+:)?f\b/.test(content) && !/<(?:[\w.-]+:)?v\b/.test(content)) {
      const address = attributes(attrs!).get('r');
      if (address) missing.add(address.toUpperCase());
    }
  }
  return missing;
}

/** A merged range reads as the text export writes it: the value in its first cell, the rest blank. */
const isCoveredByMerge = (cell: Cell) => cell.isMerged && cell.master.address !== cell.address;

/**
 * Reads the first sheet of a workbook as a table: the first row that is not
 * blank is the header, blank rows are skipped, each row keeps its sheet row
 * number as `line`. Reports every cell it cannot read, by sheet, row and column.
 */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<TableResult> {
  const fail = (problem: Omit<Problem, 'file'>): TableResult => ({ ok: false, problems: [{ file, ...problem }] });
  const saveAgain = 'Open it in Excel and use File > Save As > Excel Workbook (.xlsx), or export it from the dashboard again.';
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return fail({
      expected: 'an Excel workbook (.xlsx) without a password',
      hint: 'This file is password-protected, or saved in the old Excel 97-2003 (.xls) format. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear the password) and save it as Excel Workbook (.xlsx).',
    });
  }
  if (!isWorkbook(bytes)) {
    return fail({ expected: 'an Excel workbook (.xlsx)', hint: `This file is not an Excel workbook, though its name ends in .xlsx. ${saveAgain}` });
  }

  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (error) {
    return fail({
      expected: 'an Excel workbook that opens',
      hint: `The workbook could not be read: it may be damaged or only partly copied. ${saveAgain} (The reader said: ${error instanceof Error ? error.message : String(error)}.)`,
    });
  }

  const sheet: Worksheet | undefined = workbook.worksheets[0];
  if (!sheet) {
    return fail({ expected: 'a workbook with the dashboard export on its first sheet, but it has no sheets', hint: saveAgain });
  }

  const rows: SourceRow[] = [];
  const problems: Problem[] = [];
  let unresolved: Set<string> | null | undefined; // looked up at the first formula without a result, then kept
  const sheetRows: Row[] = [];
  sheet.eachRow((row) => sheetRows.push(row)); // rows with something in them, top to bottom
  for (const row of sheetRows) {
    const line = row.number;
    const cells: string[] = [];
    const rowProblems: Problem[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      let reading: CellReading;
      if (isCoveredByMerge(cell)) {
        reading = { ok: true, text: '' };
      } else if (cell.type === ValueType.Formula) {
        const result = cell.result;
        if (result !== undefined) {
          reading = readValue(result, cell);
        } else {
          if (unresolved === undefined) unresolved = await formulasWithoutResult(bytes, sheet.name).catch(() => null);
          // An unknown layout counts as "never calculated": a wrong blank published is worse than asking for a save.
          reading =
            unresolved && !unresolved.has(cell.address)
              ? { ok: true, text: '' }
              : {
                  ok: false,
                  problem: {
                    found: cell.formula ? `=${cell.formula}` : undefined,
                    expected: 'a value, but this cell has a formula that Excel has not worked out',
                    hint: 'Open the workbook in Excel, check the figures show, and save it again: Excel stores each formula’s result when it saves.',
                  },
                };
        }
      } else {
        reading = readValue(cell.value, cell);
      }
      if (reading.ok) cells.push(reading.text);
      else {
        cells.push('');
        rowProblems.push({ file, sheet: sheet.name, line, column, ...reading.problem });
      }
    }
    if (rowProblems.length === 0 && cells.every((text) => text.trim() === '')) continue;
    problems.push(...rowProblems);
    rows.push({ line, cells });
  }

  if (rows.length === 0) {
    return fail({ sheet: sheet.name, expected: 'a header row and one row per indicator, but the first sheet is empty', hint: 'Put the dashboard export on the first sheet of the workbook (drag its tab to the left), then save it.' });
  }
  // Every row as wide as the widest, as a text export writes them: a short row must not look shifted.
  const width = Math.max(...rows.map((row) => row.cells.findLastIndex((text) => text !== '') + 1));
  for (const row of rows) row.cells = row.cells.slice(0, width).concat(Array<string>(Math.max(0, width - row.cells.length)).fill(''));

  const [header, ...body] = rows;
  if (problems.length) {
    // Name each problem's column by its heading, as the text-file checks do, when the problem is below the header.
    for (const problem of problems) {
      const heading = problem.column !== undefined && problem.line !== undefined && problem.line > header!.line ? header!.cells[problem.column - 1]?.trim() : undefined;
      if (heading) problem.columnName = heading;
    }
    return { ok: false, problems };
  }
  return { ok: true, table: { header: header!, rows: body, sheet: sheet.name } };
}
