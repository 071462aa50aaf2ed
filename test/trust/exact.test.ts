/**
 * "Nothing lost, nothing changed, nothing rounded": every row of every quarter
 * data file in content/ is read here with a few lines of our own (papaparse
 * for the splitting, our own reading of names and figures, not
 * src/ingest/quarter-file.ts), then looked for in one real build: the quarter's
 * JSON and CSV, its page, the charts' tables and all-observations.csv. Each
 * row must appear exactly once there, with its periods unchanged and every
 * figure in the council's own digits: the text on a card or in a chart table
 * is the data file's cell, with thousands separators, the true minus sign (−)
 * and % for a percentage the only formatting the site may add. 75.71% stays
 * 75.71% (never rounded to 75.7%), 2.5 stays 2.5% (never padded to 2.50%).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { mdxToMdast, type MdastNode } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sharedSite, type BuildResult } from '../helpers/build';
import { attr, elements, filesUnder, hasClass, parseHtml, textOf, type Node } from '../helpers/html';

// ---- Our own reading of the content files -------------------------------------------------

const MISSING = /^(n\/?a|-|–|—|)$/i;

/** "75.71%" → 75.71, "13,374" → 13374, "−0.76" → -0.76, "N/A" / "NA" / "-" / "" → null. Spaces inside a number are never dropped. */
function numberOf(cell: string | undefined): number | null {
  const digits = digitsOf(cell);
  return digits === null ? null : Number(digits) === 0 ? 0 : Number(digits);
}

/**
 * The figure as the council wrote it, in plain digits: "75.71%" → "75.71", "13,374" → "13374", "−0.76" → "-0.76",
 * "94.30%" → "94.30" (its decimals kept); null for no figure. This is the text the CSV must hold.
 */
function digitsOf(cell: string | undefined): string | null {
  const text = (cell ?? '').trim();
  if (MISSING.test(text)) return null;
  const match = /^([+\-\u2212\u2013]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?%?$/.exec(text);
  if (!match) throw new Error(`not a figure: "${cell}"`);
  const [, sign, whole, fraction = ''] = match;
  const digits = `${whole!.replace(/,/g, '')}${fraction}`;
  const zero = /^[0.]+$/.test(digits);
  return `${(sign === '-' || sign === '\u2212' || sign === '\u2013') && !zero ? '-' : ''}${digits}`;
}

/**
 * Whether a figure shown on a page is the cell exactly: the same digits, with at most the site's own formatting
 * (thousands separators in the right places, the true minus sign, and % for a percentage, which must then be there).
 */
function showsCell(shown: string | undefined, cell: string | undefined, unit: string): boolean {
  const digits = digitsOf(cell);
  if (digits === null) return shown === 'no figure';
  if (shown === undefined) return false;
  let text = shown.trim();
  if (unit === 'percent') {
    if (!text.endsWith('%')) return false;
    text = text.slice(0, -1);
  } else if (text.includes('%')) return false;
  const match = /^(\u2212?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(text);
  if (!match) return false;
  const [, minus, whole, fraction = ''] = match;
  return `${minus ? '-' : ''}${whole!.replace(/,/g, '')}${fraction}` === digits;
}

const collapse = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const isNone = (text: string | undefined) => /^(n\/?a|)$/i.test(collapse(text));
const nameKey = (name: string) => name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
/** "Summer 2023" and "Summer Term 2023", "2022/23", "2022/23 Final" and "2022/23 (final)" name the same period. */
const periodKey = (period: string) => collapse(period).toLowerCase().replace(/ term\b/, '').replace(/ \(?final\)?$/, '');
/**
 * The one label the site shows for a period, whatever wording the file used (#14: "Summer Term 2023", not
 * "Summer 2023" beside "Summer Term 2024"; "2022/23 (final)"). Written here from the rule, not from the parser.
 */
const shownLabel = (period: string) => {
  const text = collapse(period);
  const term = /^(autumn|spring|summer)(?: term)? (\d{4})$/i.exec(text);
  if (term) return `${term[1]!.charAt(0).toUpperCase()}${term[1]!.slice(1).toLowerCase()} Term ${term[2]}`;
  const final = /^(\d{4}\/\d{2}) final$/i.exec(text);
  return final ? `${final[1]} (final)` : text;
};

function readDelimited(path: string, delimiter: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  return parsed.data;
}

interface CatalogueRow {
  id: string;
  name: string;
  /** The plain title: what charts are named by (#23). */
  title: string;
  aliases: string;
  unit: string;
}

const catalogue = Papa.parse<CatalogueRow>(readFileSync(join(ROOT, 'content/indicators.csv'), 'utf8').replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: 'greedy',
}).data;
const idByName = new Map<string, string>();
for (const row of catalogue) for (const name of [row.name, ...row.aliases.split('|')].filter((n) => n.trim())) idByName.set(nameKey(name), row.id);
const idByTitle = new Map(catalogue.map((row) => [nameKey(row.title), row.id]));
const catalogueById = new Map(catalogue.map((row) => [row.id, row]));
const unitOf = (id: string) => catalogueById.get(id)!.unit;

/** The cells of one row exactly as the file holds them (trimmed), for the figures; names and periods tidied. */
interface SourceRow {
  quarterId: string;
  file: string;
  /** 1-based position among the file's data rows, for messages. */
  row: number;
  id: string;
  name: string;
  latestPeriod: string;
  latestCell: string;
  previousPeriod: string | null;
  previousCell: string;
  target: string | null;
  snCell: string;
  englandCell: string;
}

function readQuarterFolder(quarterId: string): SourceRow[] {
  const folder = join(ROOT, 'content/quarters', quarterId);
  const name = ['data.tsv', 'data.csv'].find((n) => existsSync(join(folder, n)));
  if (!name) throw new Error(`${quarterId}: this test reads data.tsv or data.csv; teach it the folder's data file`);
  const [header, ...rows] = readDelimited(join(folder, name), name.endsWith('.tsv') ? '\t' : ',');
  const column = (...names: string[]) => header!.findIndex((h) => names.includes(nameKey(h)));
  const c = {
    indicator: column('indicator'),
    previousPeriod: column('previousperiod'),
    previousValue: column('previousvalue'),
    latestPeriod: column('latestperiod'),
    latestValue: column('latestvalue'),
    target: column('target'),
    sn: column('mostrecentstatisticalneighbouraverage', 'statisticalneighbouraverage'),
    england: column('englandaverage'),
  };
  return rows.map((cells, i) => {
    const published = collapse(cells[c.indicator]);
    const id = idByName.get(nameKey(published));
    if (!id) throw new Error(`${quarterId}/${name} row ${i + 1}: "${published}" is not in the catalogue`);
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    return {
      quarterId,
      file: `${quarterId}/${name}`,
      row: i + 1,
      id,
      name: published,
      latestPeriod: shownLabel(cells[c.latestPeriod]!),
      latestCell: cell(c.latestValue),
      previousPeriod: isNone(cells[c.previousPeriod]) ? null : shownLabel(cells[c.previousPeriod]!),
      previousCell: cell(c.previousValue),
      target: isNone(cells[c.target]) ? null : collapse(cells[c.target]),
      snCell: cell(c.sn),
      englandCell: cell(c.england),
    };
  });
}

const quartersDir = join(ROOT, 'content/quarters');
const quarterIds = readdirSync(quartersDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
/** Only quarters whose commentary says `status: published` are on the public site. */
const isPublished = (quarterId: string) => {
  const path = join(quartersDir, quarterId, 'commentary.mdx');
  return existsSync(path) && /^status:\s*['"]?published/m.test(readFileSync(path, 'utf8'));
};
/** Folder names sort in time order ("2023-24-q3" before "2024-25-q1"). */
const published = quarterIds.filter(isPublished);
const sourceRows = new Map(published.map((id) => [id, readQuarterFolder(id)]));

interface Publication {
  quarterId: string;
  period: string;
  cell: string;
}

/** Every figure the reports published for an indicator, oldest report first. */
function publicationsOf(id: string): Publication[] {
  return published.flatMap((quarterId) =>
    sourceRows.get(quarterId)!.filter((row) => row.id === id).flatMap((row) => [
      ...(row.previousPeriod === null ? [] : [{ quarterId, period: row.previousPeriod, cell: row.previousCell }]),
      { quarterId, period: row.latestPeriod, cell: row.latestCell },
    ]),
  );
}

/**
 * The cell a chart must show for each period, as the reports up to `until` published it: the most recent of those
 * reports that gave the period a figure (or, when none did, no figure). Keyed by period.
 */
function figuresUpTo(id: string, until: string): Map<string, Publication> {
  const figures = new Map<string, Publication>();
  for (const publication of publicationsOf(id).filter((p) => p.quarterId <= until)) {
    const key = periodKey(publication.period);
    const earlier = figures.get(key);
    if (!earlier || digitsOf(publication.cell) !== null || digitsOf(earlier.cell) === null) figures.set(key, publication);
  }
  return figures;
}

/** The `of` of each figure tag of a kind in a quarter's commentary, read with satteri (the MDX parser the build uses). */
function tagsIn(quarterId: string, component: string): string[] {
  const source = readFileSync(join(quartersDir, quarterId, 'commentary.mdx'), 'utf8');
  const ofs: string[] = [];
  const visit = (node: MdastNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === component) {
      const of = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'of');
      if (typeof of?.value === 'string') ofs.push(of.value);
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(mdxToMdast(source, { features: { gfm: true, frontmatter: true } }));
  return ofs;
}

// ---- Reading the build -------------------------------------------------------------------

interface JsonFigure {
  value: number;
  decimals: number;
}
interface JsonIndicator {
  id: string;
  latest: { period: string; figure: JsonFigure | null };
  previous: { period: string; figure: JsonFigure | null } | null;
  target: string | null;
  statisticalNeighbourAverage: JsonFigure | null;
  englandAverage: JsonFigure | null;
}

/** A JSON figure as plain digits with its published decimals ("2.5", "94.30", "-0.76"). */
const jsonDigits = (figure: JsonFigure | null) => (figure === null ? null : figure.value.toFixed(figure.decimals));

const text = (node: Node) => collapse(textOf(node));

/** What a card shows: its latest figure and period, the figure it is compared with, and the figures in its list. */
interface ShownCard {
  latest: string | undefined;
  latestPeriod: string | undefined;
  previous: { figure: string; period: string } | null;
  /** The list under the card: "Target" → the target as published (the text a sighted reader sees), "England average" → figure… */
  list: Map<string, string>;
}

function readCard(card: Node): ShownCard {
  const latest = elements(card, (n) => n.tagName === 'span' && hasClass(n, 'card-value'))[0];
  const latestPeriod = elements(card, (n) => n.tagName === 'span' && hasClass(n, 'card-period'))[0];
  const compared = elements(card, (n) => n.tagName === 'p' && hasClass(n, 'card-period') && text(n).startsWith('Compared with '))[0];
  const previous = compared ? /^Compared with (.+?) in (.+?)(?::|\.$)/.exec(text(compared)) : null;
  const list = new Map<string, string>();
  for (const dl of elements(card, (n) => n.tagName === 'dl')) {
    let term: string | null = null;
    for (const child of dl.childNodes ?? []) {
      if (child.tagName === 'dt') term = text(child);
      if (child.tagName === 'dd' && term !== null) {
        // A target is shown as published for the eye (aria-hidden) and in words for a screen reader.
        const visible = (child.childNodes ?? []).filter((n) => n.tagName === 'span' && attr(n, 'aria-hidden') === 'true');
        list.set(term, visible.length ? visible.map(text).join('') : text(child));
        term = null;
      }
    }
  }
  return {
    latest: latest && text(latest),
    latestPeriod: latestPeriod && text(latestPeriod).replace(/^in /, ''),
    previous: previous ? { figure: previous[1]!, period: previous[2]! } : null,
    list,
  };
}

/** Each line chart on a page: the indicator it draws (by its spec's name), its spec, and its table's rows. */
interface ShownChart {
  id: string;
  spec: { kind: string; name: string; points: { label: string; text: string }[]; target: { text: string } | null; references: { text: string; series: string }[] };
  rows: { period: string; figure: string }[];
}

function readCharts(document: Node): ShownChart[] {
  return elements(document, (n) => n.tagName === 'kpi-chart').flatMap((chart) => {
    const script = elements(chart, (n) => n.tagName === 'script' && attr(n, 'type') === 'application/json')[0];
    if (!script) return [];
    const spec = JSON.parse(textOf(script)) as ShownChart['spec'];
    if (spec.kind !== 'line') return [];
    // A chart is named by the indicator's plain title (#23).
    const id = idByTitle.get(nameKey(spec.name));
    if (!id) throw new Error(`a chart of "${spec.name}", which is not in the catalogue`);
    const rows = elements(chart, (n) => n.tagName === 'tbody')
      .flatMap((tbody) => (tbody.childNodes ?? []).filter((tr) => tr.tagName === 'tr'))
      .map((tr) => {
        const th = (tr.childNodes ?? []).find((n) => n.tagName === 'th');
        const td = (tr.childNodes ?? []).find((n) => n.tagName === 'td' && hasClass(n, 'num'));
        return { period: th ? text(th) : '', figure: td ? text(td).replace(/ \(revised\)$/, '') : '' };
      });
    return [{ id, spec, rows }];
  });
}

// ---- The comparison itself ---------------------------------------------------------------

describe('the comparison this file relies on', () => {
  it.each([
    ['75.71%', '75.71%', 'percent', true],
    ['75.7%', '75.71%', 'percent', false],
    ['76%', '75.71%', 'percent', false],
    ['2.50%', '2.5', 'percent', false],
    ['2.5%', '2.5', 'percent', true],
    ['2.5', '2.5', 'percent', false],
    ['94.30%', '94.30%', 'percent', true],
    ['94.3%', '94.30%', 'percent', false],
    ['1,279', '1279', 'count', true],
    ['1279', '1,279', 'count', true],
    ['12,79', '1279', 'count', false],
    ['1,279%', '1279', 'count', false],
    ['\u22120.76', '-0.76', 'score', true],
    ['\u22120.09', '\u22120.09', 'score', true],
    ['-0.76', '-0.76', 'score', false],
    ['0.76', '-0.76', 'score', false],
    ['no figure', 'N/A', 'percent', true],
    ['0%', 'N/A', 'percent', false],
    ['no figure', '0', 'count', false],
  ])('%j shows the cell %j (%s): %s', (shown, cell, unit, same) => {
    expect(showsCell(shown, cell, unit)).toBe(same);
  });

  it('never drops a space inside a cell', () => {
    expect(() => digitsOf('44 93')).toThrow(/not a figure/);
  });

  it('the content holds figures that would catch rounding and padding', () => {
    const cells = [...sourceRows.values()].flat().flatMap((row) => [row.latestCell, row.previousCell, row.snCell, row.englandCell]).map(digitsOf);
    // Two decimals (75.71%, 94.30%) and one (2.5) in the same files: one number of decimals per indicator would round one or pad the other.
    expect(cells.some((digits) => digits !== null && /\.\d\d$/.test(digits))).toBe(true);
    expect(cells.some((digits) => digits !== null && /\.\d$/.test(digits))).toBe(true);
    expect(cells.some((digits) => digits !== null && /0$/.test(digits) && digits.includes('.'))).toBe(true);
  });
});

// ---- The build ---------------------------------------------------------------------------

describe('every figure in content/ is published exactly once, in the council’s own digits', () => {
  let build: BuildResult;
  const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
  const pages = new Map<string, Node>();
  const page = (path: string) => {
    if (!pages.has(path)) pages.set(path, parseHtml(read(path)));
    return pages.get(path)!;
  };
  /** A quarter's page in the build: "2024-25-q1" → "2024-25/q1/index.html". */
  const quarterPagePath = (quarterId: string) => `${quarterId.slice(0, 7)}/${quarterId.slice(8)}/index.html`;
  /** The commentary's inline cards on a quarter page: cards without the anchor id the quarter's own cards carry. */
  // An indicator named in the commentary shows its figure in a line of its own (#23), marked with the indicator's id.
  const inlineCards = (quarterId: string) => elements(page(quarterPagePath(quarterId)), (n) => hasClass(n, 'inline-card') && attr(n, 'data-inline-card') !== undefined);
  beforeAll(() => {
    build = sharedSite();
  }, 240_000);

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('reads at least one published quarter with rows', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const rows of sourceRows.values()) expect(rows.length).toBeGreaterThan(0);
  });

  describe.each(published)('%s', (quarterId) => {
    const rows = sourceRows.get(quarterId)!;
    const pagePath = quarterPagePath(quarterId);

    it('JSON: every row once, no extra, periods unchanged, each figure with exactly its published digits', () => {
      const json = JSON.parse(read(`data/${quarterId}.json`)) as { indicators: JsonIndicator[] };
      const ids = json.indicators.map((i) => i.id);
      expect(new Set(ids).size, 'an indicator is duplicated in the JSON').toBe(ids.length);
      expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
      for (const row of rows) {
        const where = `${row.file} row ${row.row} (${row.id})`;
        const records = json.indicators.filter((i) => i.id === row.id);
        expect(records, where).toHaveLength(1);
        const record = records[0]!;
        expect(record.latest.period, where).toBe(row.latestPeriod);
        expect(record.previous?.period ?? null, where).toBe(row.previousPeriod);
        expect(record.target, where).toBe(row.target);
        for (const [role, figure, cell] of [
          ['latest', record.latest.figure, row.latestCell],
          ['previous', record.previous?.figure ?? null, row.previousPeriod === null ? '' : row.previousCell],
          ['statistical neighbour average', record.statisticalNeighbourAverage, row.snCell],
          ['England average', record.englandAverage, row.englandCell],
        ] as const) {
          // Numbers are numbers with their decimals, never strings, and print back to the cell's digits.
          if (figure !== null) {
            expect(typeof figure.value, `${where} ${role}`).toBe('number');
            expect(Number.isInteger(figure.decimals), `${where} ${role}`).toBe(true);
            expect(figure.value, `${where} ${role}`).toBe(numberOf(cell));
          }
          expect(jsonDigits(figure), `${where} ${role}: the file says "${cell}"`).toBe(digitsOf(cell));
        }
      }
    });

    it('CSV: every row once, no extra, periods unchanged, each figure with exactly its published decimals', () => {
      const parsed = Papa.parse<Record<string, string>>(read(`data/${quarterId}.csv`), { header: true, skipEmptyLines: 'greedy' });
      expect(parsed.errors).toEqual([]);
      const ids = parsed.data.map((r) => r.indicator_id!);
      expect(new Set(ids).size, 'an indicator is duplicated in the CSV').toBe(ids.length);
      expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
      for (const row of rows) {
        const where = `${row.file} row ${row.row} (${row.id})`;
        const csv = parsed.data.find((r) => r.indicator_id === row.id)!;
        expect(csv.latest_period, where).toBe(row.latestPeriod);
        expect(csv.previous_period || null, where).toBe(row.previousPeriod);
        expect(csv.target || null, where).toBe(row.target);
        // Plain digits, no separators or % sign, and the decimals as published: "94.30" stays "94.30", "2.5" is not "2.50".
        expect(csv.latest_value || null, `${where}: the file says "${row.latestCell}"`).toBe(digitsOf(row.latestCell));
        expect(csv.previous_value || null, `${where}: the file says "${row.previousCell}"`).toBe(row.previousPeriod === null ? null : digitsOf(row.previousCell));
        expect(csv.statistical_neighbour_average || null, `${where}: the file says "${row.snCell}"`).toBe(digitsOf(row.snCell));
        expect(csv.england_average || null, `${where}: the file says "${row.englandCell}"`).toBe(digitsOf(row.englandCell));
      }
    });

    it('page: each card once, showing its latest and previous figures, periods, target and averages exactly as the file writes them', () => {
      const document = page(pagePath);
      for (const row of rows) {
        const where = `${row.file} row ${row.row}: card #${row.id}`;
        const cards = elements(document, (n) => n.tagName === 'article' && attr(n, 'id') === row.id);
        expect(cards, `${where} should appear once`).toHaveLength(1);
        const card = readCard(cards[0]!);
        const unit = unitOf(row.id);
        expect(card.latestPeriod, where).toBe(row.latestPeriod);
        expect(showsCell(card.latest, row.latestCell, unit), `${where} shows "${card.latest}", the file says "${row.latestCell}"`).toBe(true);
        if (row.previousPeriod === null) expect(card.previous, where).toBeNull();
        else {
          expect(card.previous?.period, where).toBe(row.previousPeriod);
          expect(showsCell(card.previous?.figure, row.previousCell, unit), `${where} compares with "${card.previous?.figure}", the file says "${row.previousCell}"`).toBe(true);
        }
        expect(card.list.get('Target'), where).toBe(row.target ?? 'None set');
        for (const [term, cell] of [['Statistical neighbours', row.snCell], ['England average', row.englandCell]] as const) {
          if (digitsOf(cell) === null) expect(card.list.has(term), `${where}: ${term} shown with no figure in the file`).toBe(false);
          else expect(showsCell(card.list.get(term), cell, unit), `${where}: ${term} shows "${card.list.get(term)}", the file says "${cell}"`).toBe(true);
        }
      }
    });

    it('page: every figure in the commentary is the file’s cell', () => {
      const figures = elements(page(pagePath), (n) => n.tagName === 'data' && hasClass(n, 'figure'));
      expect(figures.length, `${pagePath}: every <Value> of the commentary is on the page`).toBeGreaterThanOrEqual(tagsIn(quarterId, 'Value').length);
      for (const figure of figures) {
        const id = attr(figure, 'data-indicator')!;
        const role = attr(figure, 'data-period');
        const row = rows.find((r) => r.id === id);
        expect(row, `<Value of="${id}"> on ${pagePath}`).toBeDefined();
        const cell = role === 'previous' ? row!.previousCell : row!.latestCell;
        expect(showsCell(text(figure), cell, unitOf(id)), `<Value of="${id}" period="${role}"> shows "${text(figure)}", ${row!.file} says "${cell}"`).toBe(true);
      }
    });

    it('page: every chart table and chart point shows the figures as this quarter’s report published them', () => {
      const charts = readCharts(page(pagePath));
      expect(charts.map((chart) => chart.id), `${pagePath}: every <Chart> of the commentary is on the page`).toEqual(expect.arrayContaining(tagsIn(quarterId, 'Chart')));
      for (const chart of charts) {
        const where = `chart of ${chart.id} on ${pagePath}`;
        const expected = figuresUpTo(chart.id, quarterId);
        const unit = unitOf(chart.id);
        expect(chart.rows.length, where).toBeGreaterThan(0);
        for (const shown of chart.rows) {
          const publication = expected.get(periodKey(shown.period));
          expect(publication, `${where}: ${shown.period} was not published by ${quarterId} or earlier`).toBeDefined();
          expect(showsCell(shown.figure, publication!.cell, unit), `${where}: ${shown.period} shows "${shown.figure}", ${publication!.quarterId} says "${publication!.cell}"`).toBe(true);
        }
        for (const point of chart.spec.points) {
          const publication = expected.get(periodKey(point.label))!;
          expect(showsCell(point.text, publication.cell, unit), `${where}: point ${point.label} is "${point.text}", ${publication.quarterId} says "${publication.cell}"`).toBe(true);
        }
      }
    });
  });

  describe.each(catalogue.map((row) => row.id).filter((id) => publicationsOf(id).length > 0))('the page of %s', (id) => {
    it('its chart table has every published period once, each as the most recent report wrote it', () => {
      const charts = readCharts(page(`indicators/${id}/index.html`)).filter((chart) => chart.id === id);
      expect(charts, `indicators/${id}/ has one chart of its history`).toHaveLength(1);
      const [chart] = charts;
      const expected = figuresUpTo(id, published.at(-1)!);
      const unit = unitOf(id);
      expect(chart!.rows.map((row) => periodKey(row.period)).sort()).toEqual([...expected.keys()].sort());
      for (const shown of chart!.rows) {
        const publication = expected.get(periodKey(shown.period))!;
        expect(showsCell(shown.figure, publication.cell, unit), `${id}: ${shown.period} shows "${shown.figure}", ${publication.quarterId} says "${publication.cell}"`).toBe(true);
      }
      const points = [...expected.values()].filter((publication) => digitsOf(publication.cell) !== null);
      expect(chart!.spec.points).toHaveLength(points.length);
      for (const point of chart!.spec.points) {
        const publication = expected.get(periodKey(point.label))!;
        expect(showsCell(point.text, publication.cell, unit), `${id}: point ${point.label} is "${point.text}", ${publication.quarterId} says "${publication.cell}"`).toBe(true);
      }
    });

    it('its chart’s target and averages are the latest report’s cells', () => {
      const [chart] = readCharts(page(`indicators/${id}/index.html`)).filter((c) => c.id === id);
      const latestRow = published.flatMap((quarterId) => sourceRows.get(quarterId)!.filter((row) => row.id === id)).at(-1)!;
      const unit = unitOf(id);
      const latestOnChart = digitsOf(latestRow.latestCell) !== null;
      const averages = [
        ['Statistical neighbours', latestRow.snCell],
        ['England', latestRow.englandCell],
      ] as const;
      expect(chart!.spec.references.map((ref) => ref.series)).toEqual(averages.filter(([, cell]) => latestOnChart && digitsOf(cell) !== null).map(([series]) => series));
      for (const ref of chart!.spec.references) {
        const cell = averages.find(([series]) => series === ref.series)![1];
        expect(showsCell(ref.text, cell, unit), `${id}: ${ref.series} is "${ref.text}", ${latestRow.file} says "${cell}"`).toBe(true);
      }
      if (latestRow.target === null) expect(chart!.spec.target).toBeNull();
      else {
        const number = latestRow.target.replace(/^(>=|<=|≥|≤|>|<)\s*/, '');
        expect(showsCell(chart!.spec.target?.text, number, unit), `${id}: target "${chart!.spec.target?.text}", ${latestRow.file} says "${latestRow.target}"`).toBe(true);
      }
    });
  });

  /** The newest published report's row for an indicator: what the home page, the indicators list and its own page call its latest figure. */
  const newestRow = (id: string) => published.flatMap((quarterId) => sourceRows.get(quarterId)!.filter((row) => row.id === id)).at(-1);
  const linkTo = (node: Node, path: RegExp) => elements(node, (n) => n.tagName === 'a' && path.test(attr(n, 'href') ?? ''))[0];

  describe.each(catalogue.map((row) => row.id).filter((id) => newestRow(id)))('the latest figure of %s', (id) => {
    it('on its own page is the newest report’s cell, for its period', () => {
      const row = newestRow(id)!;
      const document = page(`indicators/${id}/index.html`);
      const values = elements(document, (n) => hasClass(n, 'card-value'));
      expect(values, `indicators/${id}/ shows one latest figure`).toHaveLength(1);
      expect(showsCell(text(values[0]!), row.latestCell, unitOf(id)), `indicators/${id}/ shows "${text(values[0]!)}", ${row.file} says "${row.latestCell}"`).toBe(true);
      const period = elements(document, (n) => hasClass(n, 'card-period'))[0];
      expect(period && text(period)).toBe(`in ${row.latestPeriod}`);
    });

    it('in the list of all indicators is the newest report’s cell, for its period', () => {
      const row = newestRow(id)!;
      const items = elements(page('indicators/index.html'), (n) => n.tagName === 'li' && attr(n, 'data-filter-item') !== undefined && Boolean(linkTo(n, new RegExp(`/indicators/${id}/$`))));
      expect(items, `/indicators/ lists ${id} once`).toHaveLength(1);
      const figure = elements(items[0]!, (n) => n.tagName === 'strong')[0];
      expect(showsCell(figure && text(figure), row.latestCell, unitOf(id)), `/indicators/ shows "${figure && text(figure)}" for ${id}, ${row.file} says "${row.latestCell}"`).toBe(true);
      expect(text(figure!.parentNode!)).toBe(`${text(figure!)} in ${row.latestPeriod}`);
    });
  });

  it('the home page’s headline figures are the newest quarter’s cells, for their periods', () => {
    const newest = published.at(-1)!;
    const [year, quarter] = [newest.slice(0, 7), newest.slice(8)];
    const cards = elements(page('index.html'), (n) => n.tagName === 'li' && hasClass(n, 'card'));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const link = linkTo(card, new RegExp(`/${year}/${quarter}/#`))!;
      const id = attr(link, 'href')!.split('#')[1]!;
      const row = sourceRows.get(newest)!.find((r) => r.id === id)!;
      const shown = readCard(card);
      expect(shown.latestPeriod, `headline ${id}`).toBe(row.latestPeriod);
      expect(showsCell(shown.latest, row.latestCell, unitOf(id)), `headline ${id} shows "${shown.latest}", ${row.file} says "${row.latestCell}"`).toBe(true);
    }
  });

  it('the commentary’s inline cards show their quarter’s cells', () => {
    for (const quarterId of published) {
      for (const card of inlineCards(quarterId)) {
        const id = attr(card, 'data-inline-card')!;
        const row = sourceRows.get(quarterId)!.find((r) => r.id === id)!;
        const shown = readCard(card);
        expect(showsCell(shown.latest, row.latestCell, unitOf(id)), `inline card ${id} on ${quarterPagePath(quarterId)} shows "${shown.latest}", ${row.file} says "${row.latestCell}"`).toBe(true);
      }
    }
  });

  it('shows a latest figure nowhere else: every .card-value on every page is one checked above', () => {
    const inline = published.reduce((sum, quarterId) => sum + inlineCards(quarterId).length, 0);
    const checked = published.reduce((sum, quarterId) => sum + sourceRows.get(quarterId)!.length, 0) + catalogue.filter((row) => newestRow(row.id)).length + inline;
    const headlines = elements(page('index.html'), (n) => n.tagName === 'li' && hasClass(n, 'card')).length;
    const shown = filesUnder(build.outDir, /\.html$/).reduce((sum, path) => sum + elements(page(path), (n) => hasClass(n, 'card-value')).length, 0);
    expect(shown).toBe(checked + headlines);
  });

  it('all-observations.csv has each file’s latest and previous figure exactly once, with its published decimals, and nothing else', () => {
    const parsed = Papa.parse<Record<string, string>>(read('data/all-observations.csv'), { header: true, skipEmptyLines: 'greedy' });
    expect(parsed.errors).toEqual([]);
    const expected: { key: string; period: string; cell: string; where: string }[] = [];
    for (const rows of sourceRows.values()) {
      for (const row of rows) {
        const where = `${row.file} row ${row.row} (${row.id})`;
        expected.push({ key: `${row.id}|${row.quarterId}|latest`, period: row.latestPeriod, cell: row.latestCell, where });
        if (row.previousPeriod !== null) {
          expected.push({ key: `${row.id}|${row.quarterId}|previous`, period: row.previousPeriod, cell: row.previousCell, where });
        }
      }
    }
    const rows = parsed.data.map((r) => ({ key: `${r.indicator_id}|${r.published_in}|${r.published_as}`, row: r }));
    const keys = rows.map((p) => p.key);
    expect(new Set(keys).size, 'a figure is duplicated in all-observations.csv').toBe(keys.length);
    expect([...keys].sort()).toEqual(expected.map((e) => e.key).sort());
    for (const { key, period, cell, where } of expected) {
      const row = rows.find((p) => p.key === key)!.row;
      expect(row.value || null, `${where}: ${key} is "${row.value}", the file says "${cell}"`).toBe(digitsOf(cell));
      // The series may word a period as the latest report does ("Summer Term 2023" for "Summer 2023"), never a different period.
      expect(periodKey(row.period!), `${where}: ${key} has period "${row.period}", the file says "${period}"`).toBe(periodKey(period));
    }
  });
});
