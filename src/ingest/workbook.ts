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
 *
 * What a person opening the workbook would not see is never published: a
 * hidden sheet, a workbook that opens on another sheet, a second sheet of
 * cells, a hidden (or zero-size) row or column, a formula whose stored result
 * is not what Excel shows. The workbook's own parts are read with an XML
 * parser for what the library does not tell (tab order and visibility, row
 * heights, column widths, formulas' stored values).
 */
import { ValueType, Workbook, type Cell, type CellErrorValue, type Row, type Worksheet } from '@cj-tech-master/excelts';
import { unzip } from '@cj-tech-master/excelts/archive';
import { parseXml, type XmlElement } from '@cj-tech-master/excelts/xml';
import type { MergedCell, SourceRow, TableResult } from './delimited.ts';
import { columnLetter, type Problem } from '../core/problems.ts';
import { normaliseName } from '../core/names.ts';
import { QUARTER_COLUMNS } from '../schemas/quarter-row.ts';

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

/**
 * Excel's General format for a number: at most 11 characters of digits and
 * decimal point (a minus sign aside), the decimals rounded to fit, trailing
 * zeros dropped, so a calculated count stored as 1279.0000000001 shows 1279.
 * A number General would show in scientific notation (12 or more whole
 * digits, or too small to show in 11) is null: refused, not guessed.
 */
function renderGeneral(value: number): string | null {
  if (value === 0) return '0';
  const { exponent } = significantDigits(value);
  const wholeDigits = Math.max(1, exponent + 1);
  if (wholeDigits > GENERAL_WIDTH) return null;
  const fixed = toFixedDecimals(value, Math.max(0, GENERAL_WIDTH - wholeDigits - 1), 0);
  const text = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  if (text.replace(/^-/, '').length > GENERAL_WIDTH || /^-?0$/.test(text)) return null; // 99999999999.6 rounds up to 12 digits; 1E-12 to nothing
  return text;
}

/** The characters of digits and decimal point Excel's General format shows. */
const GENERAL_WIDTH = 11;

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
    const general = renderGeneral(value);
    if (general === null) {
      return {
        ok: false,
        problem: {
          found: String(value),
          expected: 'a number Excel shows in full, but this one is too large or too small for its cell’s format, so Excel shows it in scientific notation (such as 1.23E+11)',
          hint: 'Check the figure: a dashboard figure is never this size. If it is right, select the cell, open Format Cells (Ctrl+1) and choose Number.',
        },
      };
    }
    return {
      ok: false,
      problem: {
        found: general,
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

/** An element's name without its namespace prefix: "x:row" is "row". */
const local = (element: XmlElement) => element.name.slice(element.name.indexOf(':') + 1);
const children = (element: XmlElement | undefined, name: string): XmlElement[] =>
  (element?.children ?? []).filter((node): node is XmlElement => node.type === 'element' && local(node) === name);
const child = (element: XmlElement | undefined, name: string) => children(element, name)[0];
/** An attribute by its name without prefix ("r:id" is "id"). */
const attribute = (element: XmlElement | undefined, name: string) =>
  element ? Object.entries(element.attributes).find(([key]) => key.slice(key.indexOf(':') + 1) === name)?.[1] : undefined;
const isTrue = (value: string | undefined) => value === '1' || value === 'true';

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

/** A sheet tab as the workbook lists it, in tab order. */
interface SheetTab {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part in the zip, when it has one. */
  part: string | undefined;
}

/**
 * What Excel shows a person that the library does not tell: the tabs in
 * order with their visibility, the tab the workbook opens on, and whether
 * Excel must recalculate every formula when it opens (so stored results are
 * not what it shows). Read with an XML parser from the workbook's own parts.
 */
interface WorkbookLayout {
  tabs: SheetTab[];
  activeTab: number;
  recalculatesOnOpen: boolean;
  text: (path: string) => Promise<string | null>;
}

async function readLayout(bytes: Uint8Array): Promise<WorkbookLayout> {
  const zip = unzip(bytes);
  const text = async (path: string) => {
    const entry = await zip.bytes(path);
    return entry ? new TextDecoder().decode(entry) : null;
  };
  const xml = async (path: string) => {
    const content = await text(path);
    return content === null ? undefined : parseXml(content).root;
  };
  const relationships = (root: XmlElement | undefined) => children(root, 'Relationship');
  const officeDocument = relationships(await xml('_rels/.rels')).find((rel) => attribute(rel, 'Type')?.endsWith('/officeDocument'));
  const workbookPath = resolvePart('', attribute(officeDocument, 'Target') ?? 'xl/workbook.xml');
  const workbook = await xml(workbookPath);
  if (!workbook) throw new Error(`the workbook part ${workbookPath} is missing`);
  const folder = workbookPath.split('/').slice(0, -1).join('/');
  const rels = relationships(await xml(`${folder ? `${folder}/` : ''}_rels/${workbookPath.split('/').at(-1)}.rels`));
  const tabs = children(child(workbook, 'sheets'), 'sheet').map((sheet): SheetTab => {
    const state = attribute(sheet, 'state');
    const target = attribute(rels.find((rel) => attribute(rel, 'Id') === attribute(sheet, 'id')), 'Target');
    return {
      name: attribute(sheet, 'name') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      part: target ? resolvePart(workbookPath, target) : undefined,
    };
  });
  const view = child(child(workbook, 'bookViews'), 'workbookView');
  return {
    tabs,
    activeTab: Number(attribute(view, 'activeTab') ?? 0) || 0,
    recalculatesOnOpen: isTrue(attribute(child(workbook, 'calcPr'), 'fullCalcOnLoad')),
    text,
  };
}

/** What one sheet's part says about what is hidden and which formulas have a stored result. */
interface SheetLayout {
  /** Rows Excel does not show: hidden (by hand or by a filter), or of zero height. */
  isRowHidden: (row: number) => boolean;
  /** Columns Excel does not show: hidden, or of zero width. */
  isColumnHidden: (column: number) => boolean;
  /** Addresses of formula cells with no stored result to show (see readSheetLayout). */
  formulasWithoutResult: Set<string>;
}

const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * Reads a sheet's part. A formula has no result to show when it has no
 * stored value (never calculated), or an empty one that is not a text result:
 * programs write formulas so (openpyxl writes `<v></v>`), while Excel writes an
 * empty text result (=IF(…,"",…), a blank cell) with t="str".
 */
function readSheetLayout(xml: string): SheetLayout {
  const sheet = parseXml(xml).root;
  // zeroHeight: rows are hidden unless given a height of their own.
  const rowsHiddenByDefault = isTrue(attribute(child(sheet, 'sheetFormatPr'), 'zeroHeight'));
  const rowHidden = new Map<number, boolean>();
  const formulasWithoutResult = new Set<string>();
  let rowNumber = 0;
  for (const row of children(child(sheet, 'sheetData'), 'row')) {
    rowNumber = Number(attribute(row, 'r') ?? rowNumber + 1);
    const height = attribute(row, 'ht');
    const hasOwnHeight = height !== undefined && isTrue(attribute(row, 'customHeight'));
    rowHidden.set(rowNumber, isTrue(attribute(row, 'hidden')) || (height !== undefined && Number(height) === 0) || (rowsHiddenByDefault && !hasOwnHeight));
    let columnNo = 0;
    for (const cell of children(row, 'c')) {
      const address = attribute(cell, 'r');
      columnNo = address ? columnNumber(/^[A-Za-z]+/.exec(address)?.[0] ?? '') : columnNo + 1;
      if (!child(cell, 'f')) continue;
      const value = child(cell, 'v');
      const stored = value ? value.children.some((node) => node.type === 'text' && node.value !== '') : false;
      if (!value || (!stored && attribute(cell, 't') !== 'str')) formulasWithoutResult.add(`${columnLetter(columnNo)}${rowNumber}`);
    }
  }
  const hiddenColumns: [number, number][] = children(child(sheet, 'cols'), 'col')
    .filter((col) => isTrue(attribute(col, 'hidden')) || (attribute(col, 'width') !== undefined && Number(attribute(col, 'width')) === 0))
    .map((col) => [Number(attribute(col, 'min')), Number(attribute(col, 'max'))]);
  return {
    isRowHidden: (row) => rowHidden.get(row) ?? rowsHiddenByDefault,
    isColumnHidden: (column) => hiddenColumns.some(([min, max]) => column >= min && column <= max),
    formulasWithoutResult,
  };
}

/** A merged range reads as the text export writes it: the value in its first cell, the rest blank. */
const isCoveredByMerge = (cell: Cell) => cell.isMerged && cell.master.address !== cell.address;

const isBlankValue = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The range of a sheet's cells that hold something, such as "A1:P23", or null for an empty sheet. */
function usedRange(sheet: Worksheet): string | null {
  let top = Infinity, bottom = 0, left = Infinity, right = 0;
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (isBlankValue(cell.value) || isCoveredByMerge(cell)) return;
      top = Math.min(top, row.number);
      bottom = Math.max(bottom, row.number);
      left = Math.min(left, cell.col);
      right = Math.max(right, cell.col);
    });
  });
  return bottom === 0 ? null : `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
}

const listNames = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

/**
 * What a person opening the workbook would not see, or would see elsewhere:
 * hidden sheets, a workbook that opens on another sheet than the one read,
 * and a second sheet holding figures. Each is refused, so what is published
 * is what Excel shows on opening it.
 */
function workbookProblems(workbook: Workbook, layout: WorkbookLayout, file: string): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  for (const tab of layout.tabs) {
    if (tab.state === 'visible') continue;
    const veryHidden = tab.state === 'veryHidden';
    problems.push({
      sheet: tab.name,
      expected: `a workbook whose sheets are all visible, but this sheet is ${veryHidden ? 'very hidden' : 'hidden'}: whoever checks the workbook does not see its cells, so the site does not read a workbook that has one`,
      hint: veryHidden
        ? `Excel’s Unhide does not list a "very hidden" sheet. Copy the dashboard export to a new workbook (right-click its tab, Move or Copy, "(new book)", tick "Create a copy") and save that as ${file.split('/').at(-1)}.`
        : 'Right-click any sheet tab and choose Unhide to see it, then delete it if it is not the dashboard export (right-click its tab, Delete), and save.',
    });
  }
  const first = layout.tabs[0];
  const opensOn = layout.tabs[layout.activeTab];
  // (With a hidden sheet, the tab it opens on is the first one visible: the hidden sheet is the problem.)
  if (first && opensOn && layout.activeTab !== 0 && problems.length === 0) {
    problems.push({
      sheet: opensOn.name,
      expected: `a workbook that opens on its first sheet, "${first.name}", the one the site reads, but it opens on this one (tab ${layout.activeTab + 1})`,
      hint: `Click the "${first.name}" tab (the first), then save: Excel opens a workbook on the sheet it was saved on.`,
    });
  }
  const withContent = layout.tabs.flatMap((tab) => {
    const sheet = workbook.getWorksheet(tab.name);
    const range = sheet ? usedRange(sheet) : null;
    return sheet && range ? [{ tab, range, export: hasExportHeadings(sheet) }] : [];
  });
  if (withContent.length > 1) {
    const exports = withContent.filter((entry) => entry.export);
    const keep =
      exports.length === 1
        ? `Keep "${exports[0]!.tab.name}", the sheet with the export’s headings, as the only sheet`
        : 'Keep the sheet with this quarter’s dashboard export as the only sheet';
    problems.push({
      expected: `one sheet holding the dashboard export, but ${withContent.length} sheets hold cells: ${listNames(withContent.map(({ tab, range }) => `"${tab.name}" (${range})`))}`,
      hint: `${keep}: delete the others (right-click the tab, Delete) or move them to another workbook, and save. The site reads only the first sheet${first ? `, "${first.name}"` : ''}, and a person may be looking at another.`,
    });
  }
  return problems;
}

/** The headings a dashboard export must have, to tell its sheet from a sheet of notes. */
const EXPORT_HEADINGS = QUARTER_COLUMNS.filter((column) => column.required).map((column) => normaliseName(column.header));

function hasExportHeadings(sheet: Worksheet): boolean {
  let headings: string[] | undefined;
  sheet.eachRow((row) => {
    if (headings) return;
    const texts = (row.values as unknown[]).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (texts.length) headings = texts.map(normaliseName);
  });
  return EXPORT_HEADINGS.every((heading) => headings?.includes(heading));
}

/**
 * Reads the first sheet of a workbook as a table: the first row that is not
 * blank is the header, blank rows are skipped, each row keeps its sheet row
 * number as `line`. Reports every cell it cannot read, and everything a person
 * opening the workbook would not see, by sheet, row and column.
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
  let layout: WorkbookLayout;
  try {
    await workbook.xlsx.load(bytes);
    layout = await readLayout(bytes);
  } catch (error) {
    return fail({
      expected: 'an Excel workbook that opens',
      hint: `The workbook could not be read: it may be damaged or only partly copied. ${saveAgain} (The reader said: ${error instanceof Error ? error.message : String(error)}.)`,
    });
  }

  const firstTab = layout.tabs[0];
  const sheet: Worksheet | undefined = firstTab ? workbook.getWorksheet(firstTab.name) : workbook.worksheets[0];
  if (!sheet) {
    return fail({ expected: 'a workbook with the dashboard export on its first sheet, but it has no sheets', hint: saveAgain });
  }
  const layoutProblems = workbookProblems(workbook, layout, file);
  if (layoutProblems.length) return { ok: false, problems: layoutProblems.map((problem) => ({ file, ...problem })) };

  const sheetXml = firstTab?.part ? await layout.text(firstTab.part) : null;
  if (sheetXml === null) return fail({ sheet: sheet.name, expected: 'an Excel workbook that opens', hint: `The first sheet’s cells could not be found in the file. ${saveAgain}` });
  const sheetLayout = readSheetLayout(sheetXml);

  const rows: SourceRow[] = [];
  const problems: Problem[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns = new Set<number>();
  const mergedDown: MergedCell[] = [];
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
        // A value merged down over rows is shown once for all of them: which row it belongs to is for the columns to say.
        if (Number(/\d+$/.exec(cell.master.address)?.[0]) !== line) mergedDown.push({ line, column, master: cell.master.address });
      } else if (cell.type === ValueType.Formula && layout.recalculatesOnOpen) {
        reading = {
          ok: false,
          problem: {
            found: cell.formula ? `=${cell.formula}` : undefined,
            expected: 'a value, but this cell has a formula and the workbook asks Excel to work out every formula again when it opens, so the result stored in the file may not be what Excel shows',
            hint: 'Open the workbook in Excel, check the figures, and save it again (a program wrote it, and Excel stores each formula’s true result when it saves).',
          },
        };
      } else if (cell.type === ValueType.Formula && sheetLayout.formulasWithoutResult.has(cell.address)) {
        reading = {
          ok: false,
          problem: {
            found: cell.formula ? `=${cell.formula}` : undefined,
            expected: 'a value, but this cell has a formula that Excel has not worked out',
            hint: 'Open the workbook in Excel, check the figures show, and save it again: Excel stores each formula’s result when it saves.',
          },
        };
      } else if (cell.type === ValueType.Formula) {
        // An empty text result (=IF(…,"",…)) reads as a blank cell, as Excel shows it.
        reading = cell.result === undefined ? { ok: true, text: '' } : readValue(cell.result, cell);
      } else {
        reading = readValue(cell.value, cell);
      }
      if (reading.ok) {
        cells.push(reading.text);
        if (reading.text.trim() !== '' && sheetLayout.isColumnHidden(column)) hiddenColumns.add(column);
      } else {
        cells.push('');
        rowProblems.push({ file, sheet: sheet.name, line, column, ...reading.problem });
      }
    }
    if (rowProblems.length === 0 && cells.every((text) => text.trim() === '')) continue;
    if (sheetLayout.isRowHidden(line)) hiddenRows.push(line);
    problems.push(...rowProblems);
    rows.push({ line, cells });
  }

  if (rows.length === 0) {
    return fail({ sheet: sheet.name, expected: 'a header row and one row per indicator, but the first sheet is empty', hint: 'Put the dashboard export on the first sheet of the workbook (drag its tab to the left), then save it.' });
  }
  // What Excel does not show is never published: refused, with where it is.
  for (const line of hiddenRows) {
    const text = rows.find((row) => row.line === line)!.cells.filter((cell) => cell.trim() !== '').join(' | ');
    problems.push({
      file,
      sheet: sheet.name,
      line,
      found: text,
      expected: `row ${line} to be visible: it is hidden (by hand, by a filter or by a zero height), so a person looking at the workbook does not see it, but it holds cells the site would publish`,
      hint: `Select the rows either side of it, right-click a row number and choose Unhide (or clear the filter: Data > Clear). Then delete row ${line} if it should not be published, and save.`,
    });
  }
  for (const column of [...hiddenColumns].sort((a, b) => a - b)) {
    problems.push({
      file,
      sheet: sheet.name,
      line: rows[0]!.line,
      column,
      columnName: rows[0]!.cells[column - 1]?.trim() || undefined,
      expected: `column ${columnLetter(column)} to be visible: it is hidden (or of zero width), so a person looking at the workbook does not see it, but it holds cells the site would publish`,
      hint: `Select the columns either side of it, right-click a column letter and choose Unhide. Then delete column ${columnLetter(column)} if it should not be published, and save.`,
    });
  }
  // Every row as wide as the widest, as a text export writes them: a short row must not look shifted.
  const width = Math.max(...rows.map((row) => row.cells.findLastIndex((text) => text !== '') + 1));
  for (const row of rows) row.cells = row.cells.slice(0, width).concat(Array<string>(Math.max(0, width - row.cells.length)).fill(''));

  const [header, ...body] = rows;
  // Name each problem's column by its heading, as the text-file checks do, when the problem is below the header.
  for (const problem of problems) {
    const heading = problem.column !== undefined && problem.line !== undefined && problem.line > header!.line ? header!.cells[problem.column - 1]?.trim() : undefined;
    if (heading) problem.columnName = heading;
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, table: { header: header!, rows: body, sheet: sheet.name, mergedDown: mergedDown.filter((merge) => merge.line > header!.line) } };
}
