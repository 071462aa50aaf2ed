/**
 * "Nothing lost, nothing changed": every row of every quarter data file in
 * content/ is read here with a few lines of our own (papaparse for the
 * splitting, our own number and name reading, not src/lib/quarter-file.ts),
 * then looked for in one real build: the quarter's JSON and CSV, its page,
 * and all-observations.csv. Each row must appear exactly once there, with
 * its values and periods unchanged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, textOfElement, type BuildResult } from '../helpers/build';

// ---- Our own reading of the content files -------------------------------------------------

/** "75.71%" → 75.71, "13,374" → 13374, "−0.76" → -0.76, "N/A" / "NA" / "-" / "" → null. */
function numberOf(cell: string | undefined): number | null {
  const text = (cell ?? '').trim();
  if (/^(n\/?a|-|–|—|)$/i.test(text)) return null;
  const plain = text.replace(/[\u2212\u2013]/g, '-').replace(/%$/, '').replace(/,/g, '');
  const value = Number(plain);
  if (!/^[+-]?\d+(\.\d+)?$/.test(plain) || !Number.isFinite(value)) throw new Error(`not a number: "${cell}"`);
  return value === 0 ? 0 : value;
}

const collapse = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const isNone = (text: string | undefined) => /^(n\/?a|)$/i.test(collapse(text));
const nameKey = (name: string) => name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');

function readDelimited(path: string, delimiter: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  return parsed.data;
}

interface CatalogueRow {
  id: string;
  name: string;
  aliases: string;
  unit: string;
  decimals: string;
}

const catalogue = Papa.parse<CatalogueRow>(readFileSync(join(ROOT, 'content/indicators.csv'), 'utf8').replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: 'greedy',
}).data;
const idByName = new Map<string, string>();
for (const row of catalogue) for (const name of [row.name, ...row.aliases.split('|')].filter((n) => n.trim())) idByName.set(nameKey(name), row.id);
const catalogueById = new Map(catalogue.map((row) => [row.id, row]));

interface SourceRow {
  quarterId: string;
  file: string;
  /** 1-based position among the file's data rows, for messages. */
  row: number;
  id: string;
  name: string;
  latestPeriod: string;
  latestValue: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
  target: string | null;
  statisticalNeighbourAverage: number | null;
  englandAverage: number | null;
}

function readQuarterFolder(quarterId: string): SourceRow[] {
  const folder = join(ROOT, 'content/quarters', quarterId);
  const name = ['data.tsv', 'data.csv'].find((n) => existsSync(join(folder, n)))!;
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
    const previousPeriod = isNone(cells[c.previousPeriod]) ? null : collapse(cells[c.previousPeriod]);
    return {
      quarterId,
      file: `${quarterId}/${name}`,
      row: i + 1,
      id,
      name: published,
      latestPeriod: collapse(cells[c.latestPeriod]),
      latestValue: numberOf(cells[c.latestValue]),
      previousPeriod,
      previousValue: numberOf(cells[c.previousValue]),
      target: isNone(cells[c.target]) ? null : collapse(cells[c.target]),
      statisticalNeighbourAverage: numberOf(cells[c.sn]),
      englandAverage: c.england >= 0 ? numberOf(cells[c.england]) : null,
    };
  });
}

const quartersDir = join(ROOT, 'content/quarters');
const quarterIds = readdirSync(quartersDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
/** Quarters whose commentary is a draft are not published by a build. */
const isDraft = (quarterId: string) => {
  const path = join(quartersDir, quarterId, 'commentary.mdx');
  return existsSync(path) && /^status:\s*['"]?draft/m.test(readFileSync(path, 'utf8'));
};
const published = quarterIds.filter((id) => !isDraft(id));
const sourceRows = new Map(published.map((id) => [id, readQuarterFolder(id)]));

// ---- What the build published ------------------------------------------------------------

interface JsonIndicator {
  id: string;
  latest: { period: string; value: number | null };
  previous: { period: string; value: number | null } | null;
  target: string | null;
  statisticalNeighbourAverage: number | null;
  englandAverage: number | null;
}

/** A CSV cell of the open data: blank means no figure; anything else must be a plain number. */
function csvNumber(cell: string | undefined): number | null {
  if (cell === undefined || cell === '') return null;
  expect(cell, `"${cell}" in the CSV is not a plain number`).toMatch(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/);
  return Number(cell);
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A tolerant pattern for a figure as a card shows it: catalogue decimals,
 * optional thousands separators, a hyphen or true minus sign, % for percentages.
 */
function shownValue(value: number | null, id: string): string {
  if (value === null) return 'no figure';
  const { unit, decimals } = catalogueById.get(id)!;
  const fixed = Math.abs(value).toFixed(Number(decimals));
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',?');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '[-\u2212]' : ''}${grouped}${fraction ? `\\.${fraction}` : ''}${unit === 'percent' ? '\\s?%' : ''}`;
}

/** "Summer 2023" and "Summer Term 2023", "2022/23" and "2022/23 Final" name the same period. */
const samePeriod = (a: string, b: string) => {
  const key = (p: string) => collapse(p).toLowerCase().replace(/ term\b/, '').replace(/ final$/, '');
  return key(a) === key(b);
};

describe('every figure in content/ is published exactly once, unchanged', () => {
  let build: BuildResult;
  const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
  beforeAll(() => {
    build = buildSite();
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
    const [year, quarter] = [quarterId.slice(0, 7), quarterId.slice(8)];

    it('JSON: every row once, no extra, values and periods unchanged', () => {
      const json = JSON.parse(read(`data/${quarterId}.json`)) as { indicators: JsonIndicator[] };
      const ids = json.indicators.map((i) => i.id);
      expect(new Set(ids).size, 'an indicator is duplicated in the JSON').toBe(ids.length);
      expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
      for (const row of rows) {
        const where = `${row.file} row ${row.row} (${row.id})`;
        const published = json.indicators.filter((i) => i.id === row.id);
        expect(published, where).toHaveLength(1);
        const [record] = published;
        expect(record!.latest, where).toEqual({ period: row.latestPeriod, value: row.latestValue });
        expect(record!.previous, where).toEqual(row.previousPeriod === null ? null : { period: row.previousPeriod, value: row.previousValue });
        expect(record!.target, where).toBe(row.target);
        expect(record!.statisticalNeighbourAverage, where).toBe(row.statisticalNeighbourAverage);
        expect(record!.englandAverage, where).toBe(row.englandAverage);
        // Numbers are numbers, never strings.
        for (const value of [record!.latest.value, record!.previous?.value ?? null]) {
          expect(value === null || typeof value === 'number', where).toBe(true);
        }
      }
    });

    it('CSV: every row once, no extra, values and periods unchanged', () => {
      const parsed = Papa.parse<Record<string, string>>(read(`data/${quarterId}.csv`), { header: true, skipEmptyLines: 'greedy' });
      expect(parsed.errors).toEqual([]);
      const ids = parsed.data.map((r) => r.id!);
      expect(new Set(ids).size, 'an indicator is duplicated in the CSV').toBe(ids.length);
      expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
      for (const row of rows) {
        const where = `${row.file} row ${row.row} (${row.id})`;
        const csv = parsed.data.find((r) => r.id === row.id)!;
        expect(csv.latest_period, where).toBe(row.latestPeriod);
        expect(csvNumber(csv.latest_value), where).toBe(row.latestValue);
        expect(csv.previous_period || null, where).toBe(row.previousPeriod);
        expect(csvNumber(csv.previous_value), where).toBe(row.previousPeriod === null ? null : row.previousValue);
        expect(csv.target || null, where).toBe(row.target);
        expect(csvNumber(csv.statistical_neighbour_average), where).toBe(row.statisticalNeighbourAverage);
        expect(csvNumber(csv.england_average), where).toBe(row.englandAverage);
      }
    });

    it('page: each card shows its latest value (catalogue decimals) and period, and the previous one', () => {
      const html = read(`${year}/${quarter}/index.html`);
      for (const row of rows) {
        const where = `${row.file} row ${row.row}: card #${row.id}`;
        const ids = html.match(new RegExp(`<article[^>]*\\bid="${row.id}"`, 'g')) ?? [];
        expect(ids, `${where} should appear once`).toHaveLength(1);
        const card = textOfElement(html, 'article', row.id)!;
        expect(card, where).toMatch(new RegExp(`(^|\\s)${shownValue(row.latestValue, row.id)}\\s+in\\s+${escapeRegExp(row.latestPeriod)}(\\s|$)`));
        if (row.previousPeriod !== null) {
          expect(card, where).toMatch(new RegExp(`Compared with ${shownValue(row.previousValue, row.id)} in ${escapeRegExp(row.previousPeriod)}\\b`));
        }
      }
    });
  });

  it('all-observations.csv has each file’s latest and previous value exactly once, and nothing else', () => {
    const parsed = Papa.parse<Record<string, string>>(read('data/all-observations.csv'), { header: true, skipEmptyLines: 'greedy' });
    expect(parsed.errors).toEqual([]);
    const expected: { key: string; period: string; value: number | null; where: string }[] = [];
    for (const rows of sourceRows.values()) {
      for (const row of rows) {
        const where = `${row.file} row ${row.row} (${row.id})`;
        expected.push({ key: `${row.id}|${row.quarterId}|latest`, period: row.latestPeriod, value: row.latestValue, where });
        if (row.previousPeriod !== null) {
          expected.push({ key: `${row.id}|${row.quarterId}|previous`, period: row.previousPeriod, value: row.previousValue, where });
        }
      }
    }
    const published = parsed.data.map((r) => ({ key: `${r.indicator_id}|${r.published_in}|${r.published_as}`, row: r }));
    const keys = published.map((p) => p.key);
    expect(new Set(keys).size, 'a figure is duplicated in all-observations.csv').toBe(keys.length);
    expect([...keys].sort()).toEqual(expected.map((e) => e.key).sort());
    for (const { key, period, value, where } of expected) {
      const row = published.find((p) => p.key === key)!.row;
      expect(csvNumber(row.value), `${where}: ${key}`).toBe(value);
      // The series may word a period as the latest report does ("Summer Term 2023" for "Summer 2023"), never a different period.
      expect(samePeriod(row.period!, period), `${where}: ${key} has period "${row.period}", the file says "${period}"`).toBe(true);
    }
  });
});
