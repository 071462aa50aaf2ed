/**
 * The build benchmark keeps working (`npm run bench`, docs/PERFORMANCE.md):
 * its synthetic content is what the check accepts, written from the schemas
 * themselves, and a smoke run of the smallest size builds the pages it should.
 * A change to a schema, a column or a figure tag that the generator does not
 * follow fails here, not on the day someone next measures the build.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_COMPONENTS } from '../src/core/figure-components';
import { commentarySchema } from '../src/schemas/commentary';
import { indicatorSchema } from '../src/schemas/indicator';
import { QUARTER_COLUMNS } from '../src/schemas/quarter-row';
import { generateContent } from '../scripts/bench/generate.mjs';
import { htmlToText, ROOT, validationOf } from './helpers/build';

/** The smallest size the benchmark builds (its first default size). */
const SMALLEST = { key: '10x30', quarters: 10, indicators: 30 };

let dir: string;
let content: string;
let generated: { quarters: string[]; indicators: number };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cfs-bench-test-'));
  content = join(dir, 'content');
  // The same call, with the same default seed, as scripts/bench.mjs makes: the same files.
  generated = generateContent(content, { quarters: SMALLEST.quarters, indicators: SMALLEST.indicators, commentary: true });
});
afterAll(() => {
  if (process.env.KEEP_TEST_BUILDS !== '1') rmSync(dir, { recursive: true, force: true });
});

const tsvRows = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
const csvHeader = (file: string) => readFileSync(file, 'utf8').split('\n')[0].split(',');
const commentaryOf = (quarter: string) => readFileSync(join(content, 'quarters', quarter, 'commentary.mdx'), 'utf8');

describe('the benchmark’s synthetic content', () => {
  it('passes the check the build runs, with no problem and no warning, every quarter published', async () => {
    const report = await validationOf(content);
    expect(report.catalogueProblems).toEqual([]);
    expect(report.releaseProblems).toEqual([]);
    expect(report.catalogue).toHaveLength(SMALLEST.indicators);
    expect(report.quarters.map((quarter) => quarter.id)).toEqual(generated.quarters);
    for (const quarter of report.quarters) {
      expect(quarter.problems, quarter.id).toEqual([]);
      expect(quarter.warnings, quarter.id).toEqual([]);
      expect(quarter.publication, quarter.id).toBe('published');
    }
  });

  it('passes the check at the larger sizes the benchmark measures too (40x150, 80x150)', async () => {
    // Larger sizes walk further: a percentage target drifting past 100% once stopped the 80x150 build.
    for (const [quarters, indicators] of [
      [40, 150],
      [80, 150],
    ]) {
      const folder = join(dir, `content-${quarters}x${indicators}`);
      generateContent(folder, { quarters, indicators, commentary: true });
      const report = await validationOf(folder);
      const found = [...report.catalogueProblems, ...report.quarters.flatMap((quarter) => [...quarter.problems, ...quarter.warnings])];
      expect(found.slice(0, 5), `${quarters}x${indicators}`).toEqual([]);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes every column and field the schemas have, in their order', () => {
    expect(csvHeader(join(content, 'indicators.csv'))).toEqual(Object.keys(indicatorSchema.shape));
    for (const quarter of generated.quarters) {
      expect(tsvRows(join(content, 'quarters', quarter, 'data.tsv'))[0]).toEqual(QUARTER_COLUMNS.map((column) => column.header));
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(commentaryOf(quarter))![1];
      const fields = [...frontmatter.matchAll(/^([A-Za-z]+):/gm)].map((match) => match[1]);
      expect(fields).toEqual(Object.keys(commentarySchema.shape));
    }
  });

  it('uses every figure tag, with each value of its props', () => {
    const body = commentaryOf(generated.quarters.at(-1)!);
    for (const component of FIGURE_COMPONENTS) {
      expect(body).toContain(`<${component.name}`);
      for (const prop of component.props) {
        if (prop.kind === 'enum') for (const value of prop.values) expect(body, `<${component.name} ${prop.name}="${value}">`).toMatch(new RegExp(`<${component.name} [^>]*${prop.name}="${value}"`));
      }
    }
  });
});

describe(`a smoke run of the benchmark (${SMALLEST.key}, one run)`, () => {
  let run: SpawnSyncReturns<string>;
  let results: {
    size: string;
    pages: number;
    ms: number;
    trivialMs: number;
    ratio: number;
    phases: Record<string, number | null>;
    byKind: Record<string, { count: number }>;
  }[];
  const dist = () => join(dir, 'dist', SMALLEST.key);

  beforeAll(() => {
    run = spawnSync(
      process.execPath,
      ['scripts/bench.mjs', '--sizes', SMALLEST.key, '--runs', '1', '--json', join(dir, 'bench.json'), '--dist', join(dir, 'dist')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, timeout: 300_000 },
    );
    if (run.status === 0) results = JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8')).results;
  }, 320_000);

  it('builds the site and the trivial yardstick, and prints the table and the goals', () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('Build time by size');
    expect(run.stdout).toContain('Where the time goes');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ size: SMALLEST.key });
    expect(results[0].ms).toBeGreaterThan(0);
    expect(results[0].trivialMs).toBeGreaterThan(0);
    expect(results[0].ratio).toBeCloseTo(results[0].ms / results[0].trivialMs);
  });

  it('times every phase of the build from Astro’s log lines', () => {
    for (const phase of ['startup', 'contentCheck', 'prepare', 'bundle', 'render', 'finish']) {
      expect(results[0].phases[phase], phase).toBeGreaterThanOrEqual(0);
    }
    expect(results[0].byKind.quarter.count).toBe(SMALLEST.quarters);
    expect(results[0].byKind.indicator.count).toBe(SMALLEST.indicators);
  });

  it('builds a page for every quarter and every indicator, and counts every HTML page', () => {
    const html = readdirSync(dist(), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(results[0].pages).toBe(html.length);
    const quarterPages = html.filter((file) => /^\d{4}-\d{2}\/q[1-4]\/index\.html$/.test(file));
    expect(quarterPages.map((file) => file.replace(/^(\d{4})-(\d{2})\/q(\d)\/index\.html$/, '$1-$2-q$3')).sort()).toEqual(generated.quarters);
    const ids = readFileSync(join(content, 'indicators.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect(ids).toHaveLength(SMALLEST.indicators);
    for (const id of ids) expect(existsSync(join(dist(), 'indicators', id, 'index.html')), id).toBe(true);
  });

  it('shows a generated figure on its quarter page, in its card and in the commentary’s figure tags', () => {
    const last = generated.quarters.at(-1)!;
    const [, year, q] = /^(\d{4}-\d{2})-q(\d)$/.exec(last)!;
    const page = readFileSync(join(dist(), year, `q${q}`, 'index.html'), 'utf8');
    // The first indicator is a percentage: the export's "69.1%" is the site's "69.1%".
    const [header, first] = tsvRows(join(content, 'quarters', last, 'data.tsv'));
    const latest = first[header.indexOf('Latest Value')];
    expect(latest).toMatch(/^\d+\.\d%$/);
    const id = readFileSync(join(content, 'indicators.csv'), 'utf8').split('\n')[1].split(',')[0];
    expect(page).toContain(`id="${id}"`);
    const text = htmlToText(page);
    expect(text).toContain(latest);
    // Every figure tag was filled in: none is left as text.
    expect(text).not.toMatch(/<(?:Value|Change|Chart|Indicator|QuarterSummary)\b/);
    expect(text.split(latest).length - 1, 'the card and the commentary’s <Value> both show it').toBeGreaterThanOrEqual(2);
  });
});
