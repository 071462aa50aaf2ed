/**
 * A comms officer's quarter, end to end, from the docs alone (docs/EDITING.md):
 * scaffold Q2 2024/25, drop in the dashboard export (as text and as a workbook),
 * write the commentary with figure tags, preview it with drafts, publish it.
 * Each step runs the same commands the officer would, on a scratch copy of
 * content/, and checks what they print and what the site then holds.
 *
 * The Q2 export in test/fixtures/journey/ is SYNTHETIC: the published Q1
 * 2024/25 export with every period moved on, previous values equal to Q1's
 * latest and invented latest values (data.xlsx is made from data.tsv by
 * make-workbook.mjs there). Three builds: the scaffold, the drafts preview,
 * the publication. The steps run in order and share one content folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuarterReport } from '../src/ingest/validate';
import { buildSite, copyOfContent, ROOT, type BuildResult } from './helpers/build';
import { attr, collapse, elements, filesUnder, hasClass, parseHtml, parseXml, textOf, xmlElements, xmlText, type Node } from './helpers/html';
import { reportOf } from './helpers/model';

const FIXTURES = join(ROOT, 'test/fixtures/journey');
const Q2_PAGE = '2024-25/q2/index.html';
const Q2_URL = 'https://performance.example.gov.uk/2024-25/q2/';
const FIGURES_PAGE = 'figures/2024-25/q2/index.html';
const BUILD_TIMEOUT = 300_000;

// ---- what the officer types, and what it prints ----

/** Vitest puts Vite's variables in process.env; a child process must not inherit them (as in helpers/build.ts). */
const childEnv = (extra: Record<string, string>) => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'ASSETS_PREFIX', 'SITE'].includes(key) && !key.startsWith('VITEST')),
  ),
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  ...extra,
});

interface Run {
  status: number | null;
  output: string;
}

/** `node scripts/<script> <args>` from the project folder with CONTENT_DIR set, as `npm run new-quarter` / `npm run check` do. */
function script(name: string, args: string[], contentDir: string): Run {
  const result = spawnSync(process.execPath, [join('scripts', name), ...args], { cwd: ROOT, encoding: 'utf8', env: childEnv({ CONTENT_DIR: contentDir }), timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** What the officer reads must be words, not the program's insides: no stack trace, no path into src/ or node_modules/. */
function expectReadable(label: string, output: string) {
  expect(output, `${label} printed a stack trace:\n${output}`).not.toContain('\n    at ');
  const inside = /(^|[\s"'`(=:/\\.])(src|node_modules)[\\/]/m.exec(output);
  expect(inside && output.slice(Math.max(0, inside.index - 120), inside.index + 120), `${label} printed a path inside src/ or node_modules/`).toBeNull();
}

/** The lines `npm run check` prints about one quarter: from its heading to the next blank-line-separated section. */
function checkSection(output: string, id: string): string {
  const start = output.indexOf(`\n${id} (`);
  expect(start, `check does not list ${id}:\n${output}`).toBeGreaterThanOrEqual(0);
  const rest = output.slice(start + 1);
  const end = rest.search(/\n\n(?=\S)/);
  return end < 0 ? rest : rest.slice(0, end);
}

// ---- the export, as the officer dropped it in ----

interface ExportRow {
  line: number;
  indicator: string;
  valueType: string;
  frequency: string;
  previousPeriod: string;
  previousValue: string;
  latestPeriod: string;
  latestValue: string;
}

function readExport(file: string): ExportRow[] {
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const header = lines[0]!.split('\t');
  const cell = (cells: string[], name: string) => cells[header.indexOf(name)] ?? '';
  return lines.slice(1).flatMap((text, i) => {
    if (!text.trim()) return [];
    const cells = text.split('\t');
    return [{
      line: i + 2,
      indicator: cell(cells, 'Indicator'),
      valueType: cell(cells, 'Value Type'),
      frequency: cell(cells, 'Reporting Frequency'),
      previousPeriod: cell(cells, 'Previous Period'),
      previousValue: cell(cells, 'Previous Value'),
      latestPeriod: cell(cells, 'Latest Period'),
      latestValue: cell(cells, 'Latest Value'),
    }];
  });
}

/** A cell as the site must show it: the decimals exactly as written, thousands grouped, % for percentages. */
function shown(cellText: string, valueType: string): string {
  const [whole, fraction] = cellText.replace(/%$/, '').split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${grouped}${fraction === undefined ? '' : `.${fraction}`}${valueType === 'Percent' ? '%' : ''}`;
}

/** A cell as the open data must give it: the number and the decimals written. */
const figure = (cellText: string) => ({ value: Number(cellText.replace(/[%,]/g, '')), decimals: cellText.replace(/%$/, '').split('.')[1]?.length ?? 0 });

// ---- the built site ----

const read = (outDir: string, file: string) => readFileSync(join(outDir, file), 'utf8');
const page = (outDir: string, file: string) => parseHtml(read(outDir, file));
const robotsMeta = (doc: Node) => elements(doc, (node) => node.tagName === 'meta' && attr(node, 'name') === 'robots').map((node) => attr(node, 'content'));
const bodyText = (doc: Node) => collapse(textOf(elements(doc, (node) => node.tagName === 'main')[0] ?? doc));

/** The <loc>s of sitemap.xml and the entry links of feed.xml, read as XML. */
const sitemapUrls = (outDir: string) => xmlElements(parseXml(read(outDir, 'sitemap.xml')), 'loc').map((loc) => collapse(loc.text));
function feedEntries(outDir: string) {
  return xmlElements(parseXml(read(outDir, 'feed.xml')), 'entry').map((entry) => ({
    url: xmlElements(entry, 'link')[0]!.attributes.href,
    summary: collapse(xmlText(entry, 'summary')!),
  }));
}

/** Every link on every page of a build that points at the Q2 page. */
function linksToQ2(outDir: string): string[] {
  return filesUnder(outDir, /\.html$/).flatMap((file) =>
    elements(page(outDir, file), (node) => node.tagName === 'a' && /\/2024-25\/q2\/?(#|$)/.test(attr(node, 'href') ?? '')).map(() => file),
  );
}

describe('a comms officer publishes Q2 2024/25 from the docs alone', () => {
  let contentDir: string;
  let folder: string;
  const exportRows = readExport(join(FIXTURES, 'data.tsv'));
  let q2Ids: Map<number, string>; // export line -> indicator id, as the check matched them
  const builds: Record<string, BuildResult> = {};
  const started = performance.now();

  beforeAll(() => {
    contentDir = copyOfContent();
    folder = join(contentDir, 'quarters/2024-25-q2');
    return () => {
      rmSync(contentDir, { recursive: true, force: true });
      for (const build of Object.values(builds)) rmSync(build.outDir, { recursive: true, force: true });
      console.log(`journey: ${Object.keys(builds).length} builds, ${Math.round((performance.now() - started) / 1000)} s`);
    };
  });

  const q2Report = async (): Promise<QuarterReport> => (await reportOf(contentDir)).quarters.find((quarter) => quarter.id === '2024-25-q2')!;

  it('1. scaffolds the quarter: a template and a draft commentary; check lists what it still needs; the public build leaves it out', () => {
    const created = script('new-quarter.ts', ['2024-25', 'q2'], contentDir);
    expectReadable('new-quarter', created.output);
    expect(created.status, created.output).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['commentary.mdx', 'data.tsv']);
    const template = readFileSync(join(folder, 'data.tsv'), 'utf8');
    expect(template.split('\n')[0]).toContain('Latest Value');
    const commentary = readFileSync(join(folder, 'commentary.mdx'), 'utf8');
    expect(commentary).toMatch(/^status: draft$/m);
    expect(commentary).toMatch(/^period: Q2 2024\/25$/m);
    expect(commentary).toContain('FILL IN');

    // Running it again changes nothing.
    const again = script('new-quarter.ts', ['2024-25', 'q2'], contentDir);
    expectReadable('new-quarter (again)', again.output);
    expect(again.status).toBe(1);
    expect(again.output).toContain('already exists, so nothing was changed');
    expect(readFileSync(join(folder, 'commentary.mdx'), 'utf8')).toBe(commentary);

    const check = script('check.ts', [], contentDir);
    expectReadable('check after scaffolding', check.output);
    expect(check.status, check.output).toBe(0);
    const q2 = checkSection(check.output, '2024-25-q2');
    expect(q2).toMatch(/^2024-25-q2 \(draft, not on the public site\)/);
    expect(q2).toContain('the file is still the template');
    expect(q2).toMatch(/Before publishing: .*commentary\.mdx:\d+ needs a publishedDate/);
    expect(q2).toMatch(/Before publishing: .*commentary\.mdx:\d+ needs your own text in place of the placeholder "FILL IN"/);
    expect(check.output).toContain('Valid: npm run build will publish 2 quarters (and leave out 1 draft).');

    const build = (builds.scaffold = buildSite({ contentDir }));
    expectReadable('build after scaffolding', build.output);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(build.outDir, '2024-25/q1/index.html'))).toBe(true);
    expect(existsSync(join(build.outDir, Q2_PAGE))).toBe(false);
    expect(existsSync(join(build.outDir, 'data/2024-25-q2.json'))).toBe(false);
    expect(sitemapUrls(build.outDir)).not.toContain(Q2_URL);
    expect(linksToQ2(build.outDir)).toEqual([]);
  }, BUILD_TIMEOUT);

  it('2. drops in the Q2 export: the text file and the workbook read the same, and check passes with either', async () => {
    // The fixture moves every period on from the published Q1 export (test of the fixture itself, so a later edit cannot make it a revision).
    const q1Rows = new Map(readExport(join(ROOT, 'content/quarters/2024-25-q1/data.tsv')).map((row) => [row.indicator, row]));
    expect(exportRows.map((row) => row.indicator).sort()).toEqual([...q1Rows.keys()].sort());
    for (const row of exportRows) {
      const q1 = q1Rows.get(row.indicator)!;
      if (row.frequency === 'Annual') {
        expect(row, row.indicator).toEqual({ ...q1, line: row.line });
        continue;
      }
      expect([row.previousPeriod, row.previousValue], row.indicator).toEqual([q1.latestPeriod, q1.latestValue]);
      expect(row.latestPeriod, row.indicator).toBe(row.frequency === 'Term' ? 'Autumn Term 2024' : 'Q2 2024/25');
      expect(row.latestValue, row.indicator).toMatch(/^[\d.]+%?$/);
    }

    copyFileSync(join(FIXTURES, 'data.tsv'), join(folder, 'data.tsv'));
    const checkText = script('check.ts', [], contentDir);
    expectReadable('check with data.tsv', checkText.output);
    expect(checkText.status, checkText.output).toBe(0);
    expect(checkSection(checkText.output, '2024-25-q2')).toMatch(/^2024-25-q2 \(draft, not on the public site\): fine\./);
    const fromText = await q2Report();
    expect(fromText.problems).toEqual([]);
    expect(fromText.quarter?.indicators).toHaveLength(exportRows.length);
    q2Ids = new Map(fromText.quarter!.indicators.map((indicator) => [indicator.line, indicator.id]));
    expect([...q2Ids.keys()].sort((a, b) => a - b)).toEqual(exportRows.map((row) => row.line));

    rmSync(join(folder, 'data.tsv'));
    copyFileSync(join(FIXTURES, 'data.xlsx'), join(folder, 'data.xlsx'));
    const checkWorkbook = script('check.ts', [], contentDir);
    expectReadable('check with data.xlsx', checkWorkbook.output);
    expect(checkWorkbook.status, checkWorkbook.output).toBe(0);
    expect(checkSection(checkWorkbook.output, '2024-25-q2')).toMatch(/^2024-25-q2 \(draft, not on the public site\): fine\./);
    const fromWorkbook = await q2Report();
    expect(fromWorkbook.problems).toEqual([]);
    expect(fromWorkbook.warnings.map((warning) => warning.expected)).toEqual(fromText.warnings.map((warning) => warning.expected));
    // The same indicators, rows, periods, values and decimals; only the file name differs.
    expect(fromWorkbook.quarter!.indicators).toEqual(fromText.quarter!.indicators);
    // The workbook stays in the folder for the rest of the journey.
  });

  it('3. writes the commentary with figure tags, still a draft: check passes and lists it as a draft', async () => {
    const file = join(folder, 'commentary.mdx');
    const edits: [RegExp, string][] = [
      [/^summary: >-\n {2}FILL IN.*$/m, 'summary: >-\n  Care leavers in education, employment or training rose to <Value of="care-leavers-eet" />, and child protection cases reviewed on time rose to <Value of="cp-reviews-in-timescale" />, though both are still short of their targets.'],
      [/^ {2}name: .*FILL IN.*$/m, '  name: Performance and Business Intelligence team'],
      [/^FILL IN: write about social care here\.$/m, readFileSync(join(FIXTURES, 'social-care.mdx'), 'utf8').trim()],
      [/^# meetingDate: "YYYY-MM-DD"$/m, 'meetingDate: "2024-11-12"'],
    ];
    let text = readFileSync(file, 'utf8');
    for (const [pattern, replacement] of edits) {
      expect(text, `the template has no line matching ${pattern}`).toMatch(pattern);
      text = text.replace(pattern, replacement);
    }
    expect(text).not.toContain('FILL IN');
    expect(text).toMatch(/^status: draft$/m);
    writeFileSync(file, text);

    const check = script('check.ts', [], contentDir);
    expectReadable('check with the commentary', check.output);
    expect(check.status, check.output).toBe(0);
    const q2 = checkSection(check.output, '2024-25-q2');
    expect(q2).toMatch(/^2024-25-q2 \(draft, not on the public site\): fine\./);
    expect(q2).toContain('Draft: set status: published');
    expect(q2).toMatch(/needs a publishedDate/);
    expect(q2).not.toContain('FILL IN');
    expect(check.output).toContain('Valid: npm run build will publish 2 quarters (and leave out 1 draft).');
    const report = await q2Report();
    expect(report.problems).toEqual([]);
    expect(new Set(report.references.flatMap((reference) => (reference.props.of ? [reference.props.of] : [])))).toEqual(
      new Set(['care-leavers-eet', 'cpp-second-time', 'cp-reviews-in-timescale', 'feee-2-year-olds', 'children-mainstream-ehcp']),
    );
  });

  it('4. previews with drafts: the Q2 page and its figure reference, marked draft, never indexed, announced or mapped', () => {
    const build = (builds.preview = buildSite({ contentDir, env: { PREVIEW_DRAFTS: '1' } }));
    expectReadable('drafts preview build', build.output);
    expect(build.status, build.output).toBe(0);
    const out = build.outDir;

    const q2 = page(out, Q2_PAGE);
    const banners = elements(q2, (node) => hasClass(node, 'draft-banner') && !hasClass(node, 'preview-banner')).map((node) => collapse(textOf(node)));
    expect(banners).toHaveLength(1);
    expect(banners[0]).toMatch(/^Draft – not published\./);
    // The commentary's figure tags print the export's figures.
    expect(bodyText(q2)).toContain('rose to 49.1% at the end of September 2024, from 47.3% at the end of June (up 1.8 percentage points, an improvement)');

    const pages = filesUnder(out, /\.html$/);
    expect(pages).toContain(Q2_PAGE);
    expect(pages.filter((file) => !robotsMeta(page(out, file)).includes('noindex'))).toEqual([]);
    expect(read(out, 'robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    expect(sitemapUrls(out)).not.toContain(Q2_URL);
    expect(sitemapUrls(out).some((url) => url.includes('/2024-25/q2'))).toBe(false);
    expect(feedEntries(out).map((entry) => entry.url)).not.toContain(Q2_URL);

    expect(pages).toContain(FIGURES_PAGE);
    const reference = bodyText(page(out, FIGURES_PAGE));
    expect(reference).toContain('Figure reference: Q2 2024/25');
    expect(reference).toContain('<Value of="care-leavers-eet" />');
    expect(reference).toContain('49.1%');
  }, BUILD_TIMEOUT);

  it('5. publishes: check passes, and the public build shows every figure of the export, indexed, mapped and in the feed', () => {
    const file = join(folder, 'commentary.mdx');
    let text = readFileSync(file, 'utf8');
    for (const [pattern, replacement] of [
      [/^status: draft$/m, 'status: published'],
      [/^# publishedDate: "YYYY-MM-DD"$/m, 'publishedDate: "2024-11-13"'],
    ] as const) {
      expect(text).toMatch(pattern);
      text = text.replace(pattern, replacement);
    }
    writeFileSync(file, text);

    const check = script('check.ts', [], contentDir);
    expectReadable('check after publishing', check.output);
    expect(check.status, check.output).toBe(0);
    expect(checkSection(check.output, '2024-25-q2')).toMatch(/^2024-25-q2 \(published\): fine\./);
    expect(check.output).toContain('Valid: npm run build will publish 3 quarters.');

    const build = (builds.published = buildSite({ contentDir }));
    expectReadable('public build after publishing', build.output);
    expect(build.status, build.output).toBe(0);
    const out = build.outDir;

    const q2 = page(out, Q2_PAGE);
    expect(elements(q2, (node) => hasClass(node, 'draft-banner'))).toEqual([]);
    expect(robotsMeta(q2)).toEqual([]);
    expect(elements(q2, (node) => node.tagName === 'link' && attr(node, 'rel') === 'canonical').map((node) => attr(node, 'href'))).toEqual([Q2_URL]);
    expect(sitemapUrls(out)).toContain(Q2_URL);
    const entry = feedEntries(out).find((candidate) => candidate.url === Q2_URL);
    expect(entry?.summary).toBe(
      'Care leavers in education, employment or training rose to 49.1%, and child protection cases reviewed on time rose to 94.0%, though both are still short of their targets.',
    );
    expect(existsSync(join(out, FIGURES_PAGE))).toBe(false);
    expect(filesUnder(out, /\.html$/).filter((name) => name.startsWith('figures/'))).toEqual([]);
    expect(read(out, 'robots.txt')).not.toContain('Disallow: /\n');

    // Every figure on the cards and in the open data is the export's cell, with the decimals as written.
    const cards = new Map(elements(q2, (node) => node.tagName === 'article' && hasClass(node, 'card') && attr(node, 'id') !== undefined).map((node) => [attr(node, 'id')!, node]));
    const json = JSON.parse(read(out, 'data/2024-25-q2.json')) as {
      quarter: { id: string; label: string };
      indicators: { id: string; latest: { period: string; figure: unknown }; previous: { period: string; figure: unknown } | null }[];
    };
    expect(json.quarter).toMatchObject({ id: '2024-25-q2', label: 'Q2 2024/25' });
    expect(json.indicators.map((indicator) => indicator.id).sort()).toEqual([...q2Ids.values()].sort());
    expect([...cards.keys()].sort()).toEqual([...q2Ids.values()].sort());
    for (const row of exportRows) {
      const id = q2Ids.get(row.line)!;
      const card = cards.get(id)!;
      const value = elements(card, (node) => hasClass(node, 'card-value')).map((node) => collapse(textOf(node)));
      const periods = elements(card, (node) => hasClass(node, 'card-period')).map((node) => collapse(textOf(node)));
      expect({ id, value, periods: periods.map((text) => text.replace(/: .*$/, '')) }).toEqual({
        id,
        value: [shown(row.latestValue, row.valueType)],
        periods: [`in ${row.latestPeriod}`, `Compared with ${shown(row.previousValue, row.valueType)} in ${row.previousPeriod}`],
      });
      const open = json.indicators.find((indicator) => indicator.id === id)!;
      expect({ id, latest: open.latest, previous: open.previous }).toEqual({
        id,
        latest: { period: row.latestPeriod, figure: figure(row.latestValue) },
        previous: { period: row.previousPeriod, figure: figure(row.previousValue) },
      });
    }
  }, BUILD_TIMEOUT);
});
