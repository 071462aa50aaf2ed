/**
 * Builds the real site once and checks what a reader and a data user get
 * against the figures in the seed documents; then checks that bad content is
 * found where the editor must fix it (through the one validation stage, the
 * function the build's loaders call) and that it really stops `astro build`
 * with the one message that stage words.
 *
 * Three builds: the real site (shared by every read-only test), a logged
 * correction, and one that planted faults stop.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFileProblems } from '../src/core/problems';
import type { OpenDataIndicator } from '../src/present/open-data';
import { buildSite, copyOfContent, sharedSite, expectStoppedBy, expectWordForWord, removeScratch, ROOT, stoppingProblems, textOfElement, validationOf, type BuildResult } from './helpers/build';
import { realCatalogue } from './helpers/content';
import { attr, byId, byTag, elements, hasClass, linkedText, parseHtml, textOf } from './helpers/html';

afterAll(removeScratch);

// Figures read off seed 000's Q1 2024/25 appendix, written exactly as published there (94.30 has two decimals, 66.0 one,
// 2.5 one, 0.07 two), and its narrative paragraphs 14-34.
const Q1_FIGURES = [
  // id, latest, latest period, previous, previous period, rag, quartile
  ['cp-reviews-in-timescale', '92.2', 'Q1 2024/25', '87.4', 'Q4 2023/24', 'amber', 2],
  ['cpp-second-time', '25.2', 'Q1 2024/25', '26.9', 'Q4 2023/24', 'amber', 3],
  ['re-referrals-12-months', '24.9', 'Q1 2024/25', '24.1', 'Q4 2023/24', 'red', 4],
  ['assessments-45-days', '83.1', 'Q1 2024/25', '88.6', 'Q4 2023/24', 'amber', 3],
  ['care-leavers-suitable-accommodation', '93.5', 'Q1 2024/25', '94.9', 'Q4 2023/24', 'green', 1],
  ['care-leavers-eet', '47.3', 'Q1 2024/25', '63.3', 'Q4 2023/24', 'red', 4],
  ['cic-dental-checks', '73.0', 'Q1 2024/25', '76.6', 'Q4 2023/24', null, null],
  ['cic-health-assessments', '80.6', 'Q1 2024/25', '76.3', 'Q4 2023/24', null, null],
  ['feee-2-year-olds', '66.0', 'Summer Term 2024', '71.2', 'Spring Term 2024', null, null],
  ['feee-3-year-olds', '92.9', 'Summer Term 2024', '89.8', 'Spring Term 2024', null, null],
  ['feee-high-quality', '98.2', 'Summer Term 2024', '97.3', 'Spring Term 2024', null, null],
  ['primary-schools-good-outstanding', '90.3', 'Q1 2024/25', '90.3', 'Q4 2023/24', 'amber', 3],
  ['secondary-schools-good-outstanding', '77.8', 'Q1 2024/25', '77.8', 'Q4 2023/24', 'red', 4],
  ['pupils-good-outstanding-schools', '85.4', 'Q1 2024/25', '85.9', 'Q4 2023/24', 'red', 4],
  ['primary-first-preference', '95.0', '2024', '94.30', '2023', 'amber', 2],
  ['secondary-first-preference', '91.5', '2024', '90.7', '2023', 'green', 1],
  ['elective-home-education', '1279', 'Q1 2024/25', '1128', 'Q1 2023/24', null, null],
  ['neet-16-17', '0.9', 'Q1 2024/25', '0.8', 'Q4 2023/24', 'green', 1],
  ['permanent-exclusions', '0.07', '2022/23', '0.02', '2021/22', 'amber', 2],
  ['suspensions', '3.16', '2022/23', '2.5', '2021/22', 'amber', 2],
  ['children-mainstream-ehcp', '2674', 'Summer Term 2024', '2522', 'Spring Term 2024', null, null],
  ['children-mainstream-sen-support', '13374', 'Summer Term 2024', '12968', 'Spring Term 2024', null, null],
] as const;

/** A figure as published ("94.30") in the open data's shape: the number and its decimal places. */
function published(text: string): { value: number; decimals: number } {
  return { value: Number(text), decimals: text.includes('.') ? text.length - text.indexOf('.') - 1 : 0 };
}

const UNITS = new Map(realCatalogue().map((indicator) => [indicator.id, indicator.unit]));

/** How a reader sees a published figure: its own decimals (never padded or cut), thousands separated, % for percentages. */
function shown(id: string, text: string): string {
  const { value, decimals } = published(text);
  const digits = value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return UNITS.get(id) === 'percent' ? `${digits}%` : digits;
}

/** The quarter JSON files as the site describes them. */
type OpenIndicator = OpenDataIndicator;

// One build of the unmodified site, shared by every test that only reads it.
let site: BuildResult;
let q1: { quarter: { id: string; label: string }; indicators: OpenIndicator[] };
let q1Html: string;
beforeAll(() => {
  site = sharedSite();
  q1 = JSON.parse(readFileSync(join(site.outDir, 'data/2024-25-q1.json'), 'utf8'));
  q1Html = readFileSync(join(site.outDir, '2024-25/q1/index.html'), 'utf8');
}, 240_000);

describe('the published site', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('publishes all 22 Q1 2024/25 indicators in the JSON, each once', () => {
    expect(q1.quarter).toMatchObject({ id: '2024-25-q1', label: 'Q1 2024/25' });
    expect(q1.indicators.map((i) => i.id).sort()).toEqual(Q1_FIGURES.map(([id]) => id).sort());
  });

  describe.each(Q1_FIGURES)('%s', (id, latest, latestPeriod, previous, previousPeriod, rag, quartile) => {
    it('has the seed figures in the JSON, as numbers with exactly the published decimals', () => {
      const indicator = q1.indicators.find((i) => i.id === id)!;
      expect(indicator.latest).toStrictEqual({ period: latestPeriod, figure: published(latest) });
      expect(indicator.previous).toStrictEqual({ period: previousPeriod, figure: published(previous) });
      expect(indicator.unit).toBe(UNITS.get(id));
      expect(indicator.rag).toBe(rag);
      expect(indicator.quartile).toBe(quartile);
    });

    it('shows them on its card, as published, where a link can point', () => {
      const card = textOfElement(q1Html, 'article', id);
      expect(card, `no card with id="${id}"`).not.toBeNull();
      expect(card).toContain(`${shown(id, latest)} in ${latestPeriod}`);
      expect(card).toContain(`Compared with ${shown(id, previous)} in ${previousPeriod}`);
      expect(card).toMatch(rag ? new RegExp(`RAG rating: ${rag}`, 'i') : /RAG rating: Not rated/);
    });
  });

  it('keeps the published decimals: 94.30% stays 94.30%, 2.5% is not padded to 2.50%, 66.0% keeps its zero', () => {
    expect(textOfElement(q1Html, 'article', 'primary-first-preference')).toContain('Compared with 94.30% in 2023');
    expect(textOfElement(q1Html, 'article', 'suspensions')).toContain('Compared with 2.5% in 2021/22');
    expect(textOfElement(q1Html, 'article', 'suspensions')).not.toContain('2.50%');
    expect(textOfElement(q1Html, 'article', 'feee-2-year-olds')).toContain('66.0% in Summer Term 2024');
  });

  it('shows care leavers EET as in paragraph 19: 47.3%, down from 63.3%, bottom quartile, a worse result', () => {
    const card = textOfElement(q1Html, 'article', 'care-leavers-eet')!;
    expect(card).toContain('47.3% in Q1 2024/25');
    // The judgement is the direction badge's, said once (#23).
    expect(card).toContain('Compared with 63.3% in Q4 2023/24: down 16.0 percentage points.');
    expect(card).toContain('Direction of travel: Worse');
    expect(card).toContain('bottom quartile nationally');
    expect(card).toContain('>54.0%');
  });

  it('carries the England and statistical-neighbour averages the narrative quotes (paragraphs 25-27, 33-34), with their decimals', () => {
    const averages = Object.fromEntries(q1.indicators.map((i) => [i.id, [i.statisticalNeighbourAverage, i.englandAverage]]));
    expect(averages['primary-schools-good-outstanding']).toStrictEqual([published('91.9'), published('91.6')]);
    expect(averages['secondary-schools-good-outstanding']).toStrictEqual([published('86.1'), published('83.8')]);
    expect(averages['pupils-good-outstanding-schools']).toStrictEqual([published('90.4'), published('89.7')]);
    expect(averages['permanent-exclusions']).toStrictEqual([published('0.11'), published('0.11')]);
    expect(averages['suspensions']).toStrictEqual([published('3.41'), published('3.61')]);
    expect(averages['care-leavers-eet']).toStrictEqual([null, null]);
  });

  it('summarises Q1 2024/25 as paragraph 5 does: 14 benchmarked, 3 / 4 / 3 / 4 by quartile', () => {
    const quartiles = [1, 2, 3, 4].map((q) => q1.indicators.filter((i) => i.quartile === q).length);
    expect(quartiles).toEqual([3, 4, 3, 4]);
    const summary = textOfElement(q1Html, 'section', 'summary') ?? q1Html;
    expect(summary).toContain('Of 22 measures, 14 have a national benchmark. Three are in the top quartile, four in the second, three in the third and four in the bottom.');
  });

  it('judges direction from values and polarity, not from the export’s Trend column', async () => {
    const q3 = JSON.parse(readFileSync(join(site.outDir, 'data/2023-24-q3.json'), 'utf8')) as { indicators: OpenIndicator[] };
    expect(q3.indicators).toHaveLength(29);
    // Seed 004 labels 90.2% → 90.3% "Decline"; higher is better, so it improved.
    const primary = q3.indicators.find((i) => i.id === 'primary-schools-good-outstanding')!;
    expect([primary.previous?.figure, primary.latest.figure, primary.direction]).toStrictEqual([published('90.2'), published('90.3'), 'improved']);
    // The disagreement is a warning of the validation stage at the Trend cell (npm run check -- --verbose lists it), not a problem.
    const report = (await validationOf(join(ROOT, 'content'))).quarters.find((quarter) => quarter.id === '2023-24-q3')!;
    expect(report.problems).toEqual([]);
    const trend = report.warnings.filter((warning) => warning.line === 17 && warning.column === 11);
    expect(trend.map((warning) => `${warning.file} ${warning.found}`)).toEqual(['content/quarters/2023-24-q3/data.tsv Decline']);
  });

  it('publishes the CSV with one row per indicator and the same values, with their published decimals', () => {
    const csv = readFileSync(join(site.outDir, 'data/2024-25-q1.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(23);
    expect(csv.find((line) => line.startsWith('care-leavers-eet,'))).toContain(',Q1 2024/25,47.3,Q4 2023/24,63.3,worse,,>54.0%,red,4,,');
    expect(csv.find((line) => line.startsWith('primary-first-preference,'))).toContain(',2024,95.0,2023,94.30,');
    expect(csv.find((line) => line.startsWith('suspensions,'))).toMatch(/,2022\/23,3\.16,2021\/22,2\.5,.*,3\.41,3\.61$/);
  });

  it('publishes the commentary with its figures printed from the data', () => {
    const page = parseHtml(q1Html);
    expect(elements(page, (element) => hasClass(element, 'commentary'))).not.toEqual([]);
    const figures = elements(page, (element) => element.tagName === 'data' && hasClass(element, 'figure'));
    expect(figures.length).toBeGreaterThan(10);
    for (const data of figures) {
      const id = attr(data, 'data-indicator') ?? '';
      const period = attr(data, 'data-period');
      expect(['latest', 'previous'], `${id} data-period`).toContain(period);
      const indicator = q1.indicators.find((i) => i.id === id)!;
      const observation = period === 'latest' ? indicator.latest : indicator.previous!;
      expect(Number(attr(data, 'value')), `${id} ${period}`).toBe(observation.figure!.value);
      const figure = observation.figure!;
      expect(textOf(data), `${id} ${period}`).toBe(shown(id, figure.value.toFixed(figure.decimals)));
    }
  });

  it('lists both quarters on the home page, newest first', () => {
    const home = readFileSync(join(site.outDir, 'index.html'), 'utf8');
    expect(home.indexOf('Q1 2024/25')).toBeGreaterThan(-1);
    expect(home.lastIndexOf('Q1 2024/25')).toBeLessThan(home.lastIndexOf('Q3 2023/24'));
  });
});

const Q1_COMMENTARY = 'quarters/2024-25-q1/commentary.mdx';

/** A copy of content/ whose Q1 commentary logs these corrections (YAML list items). */
function withCorrections(items: string): string {
  const content = copyOfContent();
  const file = join(content, Q1_COMMENTARY);
  const text = readFileSync(file, 'utf8');
  if (!text.includes('corrections: []\n')) throw new Error(`${Q1_COMMENTARY} no longer has "corrections: []"`);
  writeFileSync(file, text.replace('corrections: []\n', `corrections:\n${items}`));
  return content;
}

/** The 1-based line of the first line containing `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line containing ${text}`);
  return index + 1;
}

/** A path as the editor sees it in a message: relative to where the command runs. */
const shownPath = (path: string) => relative(process.cwd(), path).split('\\').join('/');

describe('corrections in the open', () => {
  it('shows each logged correction, latest or previous figure, on the quarter page, the card and the indicator page', () => {
    const content = withCorrections(
      '  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    figure: latest\n    oldValue: "46.9%"\n    newValue: "47.3%"\n    reason: Two late returns were added to the count.\n' +
        '  - date: "2024-10-08"\n    indicator: cpp-second-time\n    figure: previous\n    oldValue: "26.2%"\n    newValue: "26.9%"\n    reason: A plan recorded twice was removed.\n',
    );
    const build = buildSite({ contentDir: content });
    expect(build.status, build.output).toBe(0);
    const quarter = readFileSync(join(build.outDir, '2024-25/q1/index.html'), 'utf8');
    // Newest first, each naming the indicator (linked to its card), which figure, both values and why.
    const section = byId(parseHtml(quarter), 'corrections');
    expect(section?.tagName).toBe('section');
    // One entry a line, each link written [name](href).
    const corrections = byTag(section!, 'li').map(linkedText).join('\n');
    const entries = [
      /8 October 2024: \[[^\]]+\]\(#cpp-second-time\), the previous figure, corrected from 26\.2% to 26\.9%\. A plan recorded twice was removed\./,
      /1 October 2024: \[[^\]]+\]\(#care-leavers-eet\), the latest figure, corrected from 46\.9% to 47\.3%\. Two late returns were added to the count\./,
    ].map((entry) => entry.exec(corrections)?.index ?? -1);
    expect(entries[0], corrections).toBeGreaterThan(-1);
    expect(entries[1], corrections).toBeGreaterThan(entries[0]!);
    expect(textOfElement(quarter, 'article', 'care-leavers-eet')).toContain('Corrected');
    expect(textOfElement(quarter, 'article', 'cpp-second-time')).toContain('Corrected');
    expect(textOfElement(quarter, 'article', 'cp-reviews-in-timescale')).not.toContain('Corrected');
    // The indicator page lists it too, in the same words, linked to the report's corrections.
    const indicatorPage = byId(parseHtml(readFileSync(join(build.outDir, 'indicators/care-leavers-eet/index.html'), 'utf8')), 'corrections');
    expect(byTag(indicatorPage!, 'li').map(linkedText)).toEqual([
      '1 October 2024: [Q1 2024/25 report](/2024-25/q1/#corrections), the latest figure, corrected from 46.9% to 47.3%. Two late returns were added to the count.',
    ]);
  }, 240_000);

  it('refuses a corrected figure that is not the one in the data, at its newValue line', async () => {
    const content = withCorrections(
      '  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    figure: latest\n    oldValue: "46.9%"\n    newValue: "48.0%"\n    reason: Two late returns were added to the count.\n',
    );
    const file = join(content, Q1_COMMENTARY);
    const problems = await stoppingProblems(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shownPath(file), line: lineOf(file, 'newValue: "48.0%"') });
    expect(formatFileProblems(problems[0]!.file, problems)).toContain(
      'found "48.0%", expected in corrections, item 1, the latest figure the card now shows for care-leavers-eet: 47.3% for Q1 2024/25.',
    );
  });

  it('refuses a correction that does not say which figure it corrects, at its YAML line', async () => {
    const content = withCorrections('  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    oldValue: "46.9%"\n    newValue: "47.3%"\n    reason: Two late returns were added to the count.\n');
    const file = join(content, Q1_COMMENTARY);
    const problems = await stoppingProblems(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shownPath(file), line: lineOf(file, '  - date: "2024-10-01"') });
    expect(problems[0]!.expected).toMatch(/corrections, item 1, figure.*latest or previous/);
  });
});

describe('bad content', () => {
  // The faults planted below, each in its own file; validated through the stage, then built together once.
  const Q3_COMMENTARY = 'quarters/2023-24-q3/commentary.mdx';
  const Q1_DATA = 'quarters/2024-25-q1/data.tsv';
  const Q4 = 'quarters/2023-24-q4';
  let content: string;
  const at = (path: string) => shownPath(join(content, path));

  beforeAll(() => {
    content = copyOfContent();
    // An unknown id in a published commentary.
    const q3 = join(content, Q3_COMMENTARY);
    writeFileSync(q3, `${readFileSync(q3, 'utf8')}\nThe rate was <Value of="care-leaver-eet" />.\n`);
    // An unknown indicator name in a data file.
    const q1 = join(content, Q1_DATA);
    writeFileSync(q1, readFileSync(q1, 'utf8').replace('Care leavers EET', 'Care leaver EET'));
    // The raw seed 004 export as a published quarter's data file.
    mkdirSync(join(content, Q4));
    copyFileSync(join(ROOT, 'seeds/004_139f309df1e465b3.txt'), join(content, Q4, 'data.tsv'));
    const commentary = readFileSync(q3, 'utf8').replace('period: Q3 2023/24', 'period: Q4 2023/24');
    writeFileSync(join(content, Q4, 'commentary.mdx'), commentary);
  });

  it('names the commentary file, line and character of an unknown id, with the closest ids', async () => {
    const file = join(content, Q3_COMMENTARY);
    const problems = (await stoppingProblems(content)).filter((problem) => problem.file === at(Q3_COMMENTARY));
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual([{ line: lineOf(file, 'care-leaver-eet'), column: 14 }]);
    const message = formatFileProblems(problems[0]!.file, problems);
    expect(message).toMatch(/commentary\.mdx:\d+:14\n\s+Line \d+, character 14: found "of="care-leaver-eet"", expected an indicator id from the first column of content\/indicators\.csv/);
    expect(message).toContain('Did you mean "care-leavers-eet"');
  });

  it('names line 32 (shifted row) and line 34 (stray text) of the raw seed 004 file', async () => {
    const problems = (await stoppingProblems(content)).filter((problem) => problem.file === at(`${Q4}/data.tsv`));
    const message = formatFileProblems(problems[0]!.file, problems);
    expect(message).toMatch(/2023-24-q4\/data\.tsv:32:1\n\s+Line 32, column A \(Topic\): found "NEET young people aged 16-17"/);
    expect(message).toMatch(/shifted 2 columns to the left/);
    expect(message).toMatch(/2023-24-q4\/data\.tsv:34\n\s+Line 34: found "This page is intentionally left blank"/);
  });

  it('names the cell of an unknown indicator and suggests the closest', async () => {
    const problems = (await stoppingProblems(content)).filter((problem) => problem.file === at(Q1_DATA));
    expect(problems).toHaveLength(1);
    const message = formatFileProblems(problems[0]!.file, problems);
    expect(message).toMatch(/2024-25-q1\/data\.tsv:22:3\n\s+Line 22, column C \(Indicator\): found "Care leaver EET", expected an indicator named in content\/indicators\.csv/);
    expect(message).toContain('Did you mean "Care leavers EET"');
  });

  it('stops `astro build` with one message listing every problem of every file, as the stage words them', async () => {
    const problems = await stoppingProblems(content);
    // Q4's commentary (a copy of Q3's, with its unknown id) is checked although Q4's data cannot be read: one run lists everything.
    expect(new Set(problems.map((problem) => problem.file))).toEqual(new Set([at(Q3_COMMENTARY), at(Q1_DATA), at(`${Q4}/data.tsv`), at(`${Q4}/commentary.mdx`)]));
    const build = buildSite({ contentDir: content });
    expectStoppedBy(build, problems);
    expectWordForWord(build, problems);
  }, 240_000);
});
