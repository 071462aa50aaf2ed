/**
 * Commentary through the real `astro build` (issue 12).
 *
 * (i)   Hostile commentary in three published quarters at once stops the build
 *       with one message naming each problem at its file, line and character,
 *       with no stack trace, and none of it reaches any output.
 * (ii)  A commentary using every figure component (generated from
 *       src/core/figure-components.ts, every prop value) builds, and each
 *       printed figure is the one in the quarter's open data JSON.
 * (iii) A draft quarter with broken MDX and broken data (and a folder with no
 *       commentary and broken data) does not stop the public build and is
 *       nowhere in its output, sitemap or feed; with PREVIEW_DRAFTS=1 it stops.
 *
 * Three builds: (i), (ii) with (iii)'s public build, and (iii)'s preview.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_COMPONENTS, type FigureComponent } from '../src/core/figure-components';
import { formatProblem, type Problem } from '../src/core/problems';
import type { OpenDataIndicator, OpenFigure } from '../src/present/open-data';
import { buildSite, copyOfContent, expectStoppedBy, expectWordForWord, outputTexts, removeScratch, ROOT, stoppingProblems, type BuildResult } from './helpers/build';
import { attr, collapse, hasClass, parseHtml, parseXml, walk, xmlElements, xmlText, type Element } from './helpers/html';

afterAll(removeScratch);

/** The indicators Q1 2024/25's data file reports (seed 000's appendix). */
const Q1_IDS = [
  'cp-reviews-in-timescale',
  'cpp-second-time',
  're-referrals-12-months',
  'assessments-45-days',
  'care-leavers-suitable-accommodation',
  'care-leavers-eet',
  'cic-dental-checks',
  'cic-health-assessments',
  'feee-2-year-olds',
  'feee-3-year-olds',
  'feee-high-quality',
  'primary-schools-good-outstanding',
  'secondary-schools-good-outstanding',
  'pupils-good-outstanding-schools',
  'primary-first-preference',
  'secondary-first-preference',
  'elective-home-education',
  'neet-16-17',
  'permanent-exclusions',
  'suspensions',
  'children-mainstream-ehcp',
  'children-mainstream-sen-support',
] as const;

const FIXTURES = join(ROOT, 'test/fixtures/build');
const read = (path: string) => readFileSync(path, 'utf8');
/** A path as the editor sees it in a message: relative to where the command runs. */
const shownPath = (path: string) => relative(process.cwd(), path).split('\\').join('/');

/** The frontmatter block of a commentary, fences included. */
function frontmatterOf(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  if (!text.startsWith('---\n') || end < 0) throw new Error('no frontmatter block');
  return text.slice(0, end + 5);
}

/**
 * Q2 2024/25's data file made from Q1's: each quarterly row moves on a quarter
 * (Q1's latest figure becomes the previous one, unrevised), termly and annual
 * rows are reported again as they were, and the year-on-year row is left out.
 */
function q2DataFromQ1(q1: string): string {
  const [header, ...rows] = q1.split('\n');
  const columns = header!.split('\t');
  const col = (name: string) => columns.indexOf(name);
  const [previousPeriod, previousValue, latestPeriod, latestValue] = ['Previous Period', 'Previous Value', 'Latest Period', 'Latest Value'].map(col) as [number, number, number, number];
  const moved = rows.flatMap((row) => {
    const cells = row.split('\t');
    if (cells[latestPeriod] !== 'Q1 2024/25') return [row];
    if (cells[previousPeriod] !== 'Q4 2023/24') return [];
    cells[previousPeriod] = 'Q1 2024/25';
    cells[previousValue] = cells[latestValue]!;
    cells[latestPeriod] = 'Q2 2024/25';
    return [cells.join('\t')];
  });
  return [header, ...moved].join('\n');
}

describe('(i) hostile commentary stops the build at each file and line', () => {
  interface Hostile {
    quarter: string;
    /** Text on the line the problem is on. */
    find: string;
    /** Where on that line the problem points (the start of `find` when left out). */
    at?: string;
    /** Words the printed problem must say. */
    words: string[];
  }
  const HOSTILE: Hostile[] = [
    { quarter: '2023-24-q3', find: '<meta http-equiv="refresh" content="0;url=https://evil.example">', words: ['found "<meta http-equiv="refresh"', 'send readers to another page'] },
    { quarter: '2024-25-q1', find: "import { execSync } from 'node:child_process'", words: ['found "import { execSync }', 'cannot import or export code'] },
    { quarter: '2024-25-q1', find: "{execSync('id')}", words: [`found "{execSync('id')}"`, 'cannot run code'] },
    { quarter: '2024-25-q1', find: '<script>', words: ['found "<script>"', 'Delete the script: commentary cannot run code'] },
    { quarter: '2024-25-q1', find: '<style>', words: ['found "<style>"', 'Delete the style'] },
    { quarter: '2024-25-q1', find: '<style>', at: '{`main', words: ['found "{`main { display: none }`}"', 'cannot run code'] },
    { quarter: '2024-25-q1', find: '(javascript:alert(1))', at: '[the full report]', words: ['found "javascript:alert(1)"', 'can run code'] },
    { quarter: '2024-25-q1', find: 'perid="previous"', at: '<Value', words: ['found "perid="previous""', 'one of the props of <Value>: of, period', 'Did you mean period?'] },
    { quarter: '2024-25-q1', find: '<value of="care-leavers-eet" />', words: ['found "<value>"', 'capital letters matter', 'Did you mean <Value>?'] },
    { quarter: '2024-25-q1', find: '<Sparkline of="care-leavers-eet" />', words: ['found "<Sparkline>"', 'There is no <Sparkline> component'] },
    { quarter: '2024-25-q1', find: '## Heading', words: ['found "## Heading"', 'a heading starting ###'] },
    { quarter: '2024-25-q2', find: '<img src="https://t.example/p.gif">', words: ['found "<img src="https://t.example/p.gif">"', 'Delete the image', 'track readers'] },
  ];
  /** Text that must not reach any file a build writes. */
  const HOSTILE_TEXT = ['evil.example', 't.example', 'execSync', 'javascript:alert', 'Sparkline', 'perid', 'display: none }', 'document.cookie', 'The end of the hostile text'];

  let content: string;
  let expected: { file: string; line: number; column: number; words: string[] }[];
  let problems: Problem[];
  let build: BuildResult;

  beforeAll(async () => {
    content = copyOfContent();
    const quarters = join(content, 'quarters');
    // A third published quarter, so each refusal that ends the MDX reader's pass (an unclosed <meta>, <img>) has a file of its own.
    mkdirSync(join(quarters, '2024-25-q2'));
    writeFileSync(join(quarters, '2024-25-q2/data.tsv'), q2DataFromQ1(read(join(quarters, '2024-25-q1/data.tsv'))));
    const q1Frontmatter = frontmatterOf(read(join(quarters, '2024-25-q1/commentary.mdx')));
    writeFileSync(
      join(quarters, '2024-25-q2/commentary.mdx'),
      q1Frontmatter
        .replace('period: Q1 2024/25', 'period: Q2 2024/25')
        .replace(/^title: .*$/m, 'title: Quarter 2 2024/25 performance report')
        // Q1's "fell to" and "rose to" do not fit Q2's figures, which repeat Q1's: the check would rightly refuse them (#20).
        .replace(/^summary: .*$/m, 'summary: A third quarter for the tests, with care leavers in education, employment or training at <Value of="care-leavers-eet" />.')
        // Dated after Q2 ends, as a Q2 report must be (#20).
        .replaceAll('"2024-09-03"', '"2024-12-03"'),
    );
    for (const quarter of ['2023-24-q3', '2024-25-q1', '2024-25-q2']) {
      const file = join(quarters, quarter, 'commentary.mdx');
      writeFileSync(file, `${read(file)}${read(join(FIXTURES, 'hostile', `${quarter}.mdx`))}`);
    }
    expected = HOSTILE.map(({ quarter, find, at, words }) => {
      const file = join(quarters, quarter, 'commentary.mdx');
      const lines = read(file).split('\n');
      const index = lines.findIndex((line) => line.includes(find));
      if (index < 0) throw new Error(`${quarter}'s commentary has no line with ${find}`);
      return { file: shownPath(file), line: index + 1, column: lines[index]!.indexOf(at ?? find) + 1, words };
    });
    problems = await stoppingProblems(content);
    build = buildSite({ contentDir: content });
  }, 240_000);

  it('the validation stage finds exactly these problems, each at its file, line and character', () => {
    const where = (list: { file: string; line?: number; column?: number }[]) => list.map(({ file, line, column }) => `${file}:${line}:${column}`).sort();
    expect(where(problems)).toEqual(where(expected));
  });

  it('each problem says what was found and what to do instead', () => {
    for (const { file, line, column, words } of expected) {
      const problem = problems.find((candidate) => candidate.file === file && candidate.line === line && candidate.column === column)!;
      const text = formatProblem(problem);
      expect(text).toContain(`${file}:${line}:${column}\n  Line ${line}, character ${column}: `);
      for (const word of words) expect(text, text).toContain(word);
    }
  });

  it('stops `astro build` with one message listing each of them at its line, and no stack trace', () => {
    expectStoppedBy(build, problems);
    expect(build.output.match(/commentary\.mdx has \d+ problems?:/g)).toHaveLength(3);
  });

  it('prints each problem word for word as the validation stage (and npm run check) does, hints included', () => {
    // A hint showing the link syntax, [text](https://...), must reach the editor as written, not rewritten as "text https://...".
    expectWordForWord(build, problems);
  });

  it('writes none of the hostile text to the output or to the content data store', () => {
    const written = new Map([...outputTexts(build.outDir), ...outputTexts(build.cacheDir)]);
    for (const [path, text] of written) {
      for (const hostile of HOSTILE_TEXT) expect(text.includes(hostile), `${path} contains ${hostile}`).toBe(false);
    }
  });
});

type OpenIndicator = OpenDataIndicator;

/** Every way a component can be written: each indicator for an indicator prop, each value of an enum prop, each optional prop left out too. */
function variants(component: FigureComponent, ids: readonly string[]): Record<string, string>[] {
  return component.props.reduce<Record<string, string>[]>(
    (sets, prop) =>
      sets.flatMap((set) => {
        const values = prop.kind === 'indicator' ? ids : prop.values;
        const written = values.map((value) => ({ ...set, [prop.name]: value }));
        return prop.required ? written : [set, ...written];
      }),
    [{}],
  );
}

/** The figure as the data gives it, written as a reader sees it: exactly its decimals, thousands separated, a true minus, % for percentages. */
function figureText(figure: OpenFigure | null, unit: string): string {
  if (!figure) return 'no figure';
  const digits = Math.abs(figure.value).toLocaleString('en-GB', { minimumFractionDigits: figure.decimals, maximumFractionDigits: figure.decimals });
  const sign = figure.value < 0 && Number(digits.replace(/,/g, '')) !== 0 ? '\u2212' : '';
  return `${sign}${digits}${unit === 'percent' ? '%' : ''}`;
}

/** "up 3.1 percentage points, an improvement" from the two figures and the direction in the data: to the finer of their decimals, as many more as a real change needs. */
function changeText(indicator: OpenIndicator): string {
  const before = indicator.previous?.figure;
  const after = indicator.latest.figure;
  if (!before || !after) return 'no earlier figure to compare with';
  if (before.value === after.value) return 'no change';
  const size = Math.abs(Number((after.value - before.value).toFixed(6)));
  let decimals = Math.max(before.decimals, after.decimals);
  while (decimals < 6 && Number(size.toFixed(decimals)) === 0) decimals++;
  const amount = figureText({ value: size, decimals }, 'count');
  const unit = indicator.unit === 'percent' ? ` percentage point${amount === '1' ? '' : 's'}` : indicator.unit === 'score' ? ` point${amount === '1' ? '' : 's'}` : '';
  // As on the card: a judged change says whether it is better or worse.
  const verdict = indicator.direction === 'improved' ? ', an improvement' : indicator.direction === 'worse' ? ', a worse result' : '';
  return `${after.value > before.value ? 'up' : 'down'} ${amount}${unit}${verdict}`;
}

const COMPARISON_WORDS: Record<string, string> = { '>': 'above', '<': 'below', '>=': 'at least', '≥': 'at least', '<=': 'at most', '≤': 'at most' };

/** The published target ("&gt;54.0%", "93.7%") read back: its comparison in words (null for a bare figure) and its figure. */
function targetOf(indicator: OpenIndicator): { comparison: string | null; figure: OpenFigure } | null {
  if (indicator.target === null) return null;
  const [, sign, number] = /^(>=|<=|≥|≤|>|<)?\s*([\d.,]+)%?$/.exec(indicator.target)!;
  const plain = number!.replace(/,/g, '');
  return { comparison: sign ? COMPARISON_WORDS[sign]! : null, figure: { value: Number(plain), decimals: plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0 } };
}

function targetText(indicator: OpenIndicator, show: string): string {
  const target = targetOf(indicator);
  if (show === 'value') {
    if (!target) return 'no target';
    return `${target.comparison ?? (indicator.polarity === 'lower is better' ? 'at most' : 'at least')} ${figureText(target.figure, indicator.unit)}`;
  }
  const latest = indicator.latest.figure;
  const comparison = target && (target.comparison ?? ({ 'higher is better': 'at least', 'lower is better': 'at most', neither: null } as const)[indicator.polarity]);
  if (!target || !latest || !comparison) return 'not judged against a target';
  const met = { above: latest.value > target.figure.value, below: latest.value < target.figure.value, 'at least': latest.value >= target.figure.value, 'at most': latest.value <= target.figure.value }[comparison];
  return met ? 'met' : 'not met';
}

const QUARTILE_WORDS = { 1: 'top quartile', 2: 'second quartile', 3: 'third quartile', 4: 'bottom quartile' } as const;
const DIRECTION_WORDS = { improved: 'improved', worse: 'got worse', 'no-change': 'did not change' } as const;

/** The quarter's summary counts, from the data. */
function countsOf(indicators: readonly OpenIndicator[]): Record<string, number> {
  const count = (test: (indicator: OpenIndicator) => boolean) => indicators.filter(test).length;
  return {
    indicators: indicators.length,
    green: count((i) => i.rag === 'green'),
    amber: count((i) => i.rag === 'amber'),
    red: count((i) => i.rag === 'red'),
    'not-rated': count((i) => i.rag === null),
    improved: count((i) => i.direction === 'improved'),
    worse: count((i) => i.direction === 'worse'),
    'no-change': count((i) => i.direction === 'no-change'),
    'not-judged': count((i) => i.direction === null),
    'quartile-1': count((i) => i.quartile === 1),
    'quartile-2': count((i) => i.quartile === 2),
    'quartile-3': count((i) => i.quartile === 3),
    'quartile-4': count((i) => i.quartile === 4),
    'no-benchmark': count((i) => i.quartile === null),
  };
}

/** What an inline figure component must print, worked out from the open data alone. */
function expectedInline(component: string, props: Record<string, string>, indicators: readonly OpenIndicator[]): string {
  if (component === 'Count') return String(countsOf(indicators)[props.of!]);
  const indicator = indicators.find((candidate) => candidate.id === props.of)!;
  const previous = props.period === 'previous';
  switch (component) {
    case 'Value':
      return figureText(previous ? (indicator.previous?.figure ?? null) : indicator.latest.figure, indicator.unit);
    case 'Period':
      return previous ? (indicator.previous?.period ?? 'no earlier period') : indicator.latest.period;
    case 'Change':
      return changeText(indicator);
    case 'Direction':
      return indicator.direction ? DIRECTION_WORDS[indicator.direction] : 'not judged';
    case 'Target':
      return targetText(indicator, props.show!);
    case 'Rag':
      return indicator.rag ?? 'not rated';
    case 'Quartile':
      return indicator.quartile ? QUARTILE_WORDS[indicator.quartile] : 'no national benchmark';
    case 'Average':
      return figureText(props.group === 'england' ? indicator.englandAverage : indicator.statisticalNeighbourAverage, indicator.unit);
    default:
      throw new Error(`no expected text for <${component}>: add it here when a component is added to figure-components.ts`);
  }
}

describe('(ii) every figure component, and (iii) drafts left out of the public build', () => {
  const MARKER = 'Figure check';
  let content: string;
  let tags: { n: number; component: FigureComponent; props: Record<string, string>; tag: string }[];
  let site: BuildResult;
  let indicators: OpenIndicator[];
  /** What the page shows for each generated tag, by its number: its words and its elements, from its marker to the next. */
  const printed = new Map<number, { text: string; elements: Element[] }>();

  beforeAll(() => {
    content = copyOfContent();
    const quarters = join(content, 'quarters');
    // Every component, every prop value, every indicator Q1 2024/25 reports (checked against the built JSON below).
    const components: readonly FigureComponent[] = FIGURE_COMPONENTS;
    tags = components.flatMap((component) => variants(component, Q1_IDS).map((props) => ({ component, props }))).map(({ component, props }, n) => ({
      n,
      component,
      props: { ...Object.fromEntries(component.props.flatMap((prop) => (prop.kind === 'enum' && prop.default ? [[prop.name, prop.default]] : []))), ...props },
      tag: `<${component.name}${Object.entries(props).map(([name, value]) => ` ${name}="${value}"`).join('')} />`,
    }));
    const body = tags.map(({ n, component, tag }) => (component.placement === 'block' ? `${MARKER} ${n}:\n\n${tag}` : `${MARKER} ${n}: ${tag}`)).join('\n\n');
    const q1 = join(quarters, '2024-25-q1/commentary.mdx');
    writeFileSync(q1, `${read(q1)}\n### Every figure component\n\n${body}\n\n${MARKER}s end.\n`);

    // A draft with broken MDX and a broken data file, and a folder with no commentary (a draft too) and a broken data file.
    cpSync(join(FIXTURES, 'draft'), join(quarters, '2024-25-q2'), { recursive: true });
    mkdirSync(join(quarters, '2024-25-q3'));
    writeFileSync(join(quarters, '2024-25-q3/data.tsv'), read(join(FIXTURES, 'draft/data.tsv')).replaceAll('Q2 2024/25', 'Q3 2024/25'));

    site = buildSite({ contentDir: content });
    if (site.status !== 0) return;
    indicators = (JSON.parse(read(join(site.outDir, 'data/2024-25-q1.json'))) as { indicators: OpenIndicator[] }).indicators;
    // The page in document order, cut at each "Figure check N:" in its text, up to "Figure checks end.".
    const cuts: { n: number; texts: string[]; elements: Element[] }[] = [];
    let ended = false;
    walk(parseHtml(read(join(site.outDir, '2024-25/q1/index.html'))), (node) => {
      if (ended) return;
      const current = cuts.at(-1);
      if (node.nodeName !== '#text') {
        if (node.tagName) current?.elements.push(node as Element);
        return;
      }
      const end = node.value!.indexOf(`${MARKER}s end.`);
      ended = end >= 0;
      const [before, ...rest] = node.value!.slice(0, ended ? end : undefined).split(new RegExp(`${MARKER} (\\d+):`));
      current?.texts.push(before!);
      for (let index = 0; index < rest.length; index += 2) cuts.push({ n: Number(rest[index]), texts: [rest[index + 1]!], elements: [] });
    });
    for (const { n, texts, elements } of cuts) printed.set(n, { text: collapse(texts.join(' ')), elements });
  }, 240_000);

  it('builds, with a draft that would not compile', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('uses every component, every prop value and every indicator the quarter reports', () => {
    expect(new Set(tags.map(({ component }) => component.name))).toEqual(new Set(FIGURE_COMPONENTS.map((component) => component.name)));
    expect(indicators.map((indicator) => indicator.id).sort()).toEqual([...Q1_IDS].sort());
    expect([...printed.keys()]).toEqual(tags.map(({ n }) => n));
  });

  it('prints each inline figure exactly as the quarter’s open data gives it', () => {
    const wrong: string[] = [];
    for (const { n, component, props, tag } of tags.filter(({ component }) => component.placement === 'inline' && component.name !== 'QuarterSummary')) {
      const text = printed.get(n)!.text;
      const want = expectedInline(component.name, props, indicators);
      if (text !== want) wrong.push(`${tag}: printed "${text}", the data says "${want}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives each <Value> the machine-readable number of the data', () => {
    for (const { n, props, tag } of tags.filter(({ component }) => component.name === 'Value')) {
      const indicator = indicators.find((candidate) => candidate.id === props.of)!;
      const figure = props.period === 'previous' ? indicator.previous?.figure : indicator.latest.figure;
      const data = printed.get(n)!.elements.find((element) => element.tagName === 'data' && hasClass(element, 'figure'));
      expect(data && ['value', 'data-indicator', 'data-period'].map((name) => attr(data, name)), tag).toEqual([figure ? String(figure.value) : '', props.of, props.period]);
    }
  });

  it('prints the quarter summary from the data’s counts', () => {
    const counts = countsOf(indicators);
    const words = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const word = (n: number) => words[n] ?? String(n);
    const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
    const numeral = (n: number) => (n === 0 ? 'none' : String(n));
    const benchmarked = counts.indicators! - counts['no-benchmark']!;
    const [summary] = tags.filter(({ component }) => component.name === 'QuarterSummary');
    const text = printed.get(summary!.n)!.text;
    expect(text).toContain(
      `Of ${counts.indicators} measures, ${benchmarked} have a national benchmark. ${capital(word(counts['quartile-1']!))} ${counts['quartile-1'] === 1 ? 'is' : 'are'} in the top quartile, ${word(counts['quartile-2']!)} in the second, ${word(counts['quartile-3']!)} in the third and ${word(counts['quartile-4']!)} in the bottom.`,
    );
    expect(text).toContain(`Of all ${counts.indicators}, ${numeral(counts.green!)} rated green, ${numeral(counts.amber!)} amber and ${numeral(counts.red!)} red`);
    expect(text).toContain(`Compared with the previous figures, ${numeral(counts.improved!)} improved, ${numeral(counts.worse!)} got worse and ${numeral(counts['no-change']!)} did not change`);
  });

  it('shows each <Indicator> card and <Chart> with the figures of the data', () => {
    for (const { n, component, props, tag } of tags.filter(({ component }) => component.placement === 'block')) {
      const indicator = indicators.find((candidate) => candidate.id === props.of)!;
      const text = printed.get(n)!.text;
      const latest = figureText(indicator.latest.figure, indicator.unit);
      const previous = indicator.previous && figureText(indicator.previous.figure, indicator.unit);
      if (component.name === 'Indicator') {
        // In the commentary an indicator is a line linking to its full card (#23): the latest figure, direction and rating.
        expect(text, tag).toContain(`${latest} in ${indicator.latest.period}`);
        expect(text, tag).toMatch(/Direction of travel: |RAG rating: /);
      } else {
        expect(text, tag).toContain('Figures in this chart');
        expect(text, tag).toContain(`${indicator.latest.period} ${latest}`);
        if (previous) expect(text, tag).toContain(`${indicator.previous!.period} ${previous}`);
      }
    }
  });

  it('(iii) leaves the drafts out: no page, no data file, no sitemap or feed entry, none of their text', () => {
    const written = outputTexts(site.outDir);
    expect([...written.keys()].filter((path) => /2024-25[/-]q[23]/.test(path))).toEqual([]);
    for (const [path, text] of written) {
      for (const draft of ['DRAFT-MARKER', 'execSync', '2024-25/q2/', '2024-25/q3/', 'data/2024-25-q2.', 'data/2024-25-q3.']) expect(text.includes(draft), `${path} contains ${draft}`).toBe(false);
    }
    const sitemap = written.get('sitemap.xml')!;
    const quarterPages = xmlElements(parseXml(sitemap), 'loc').flatMap((loc) => /\/(20\d\d-\d\d\/q\d)\/$/.exec(loc.text)?.[1] ?? []);
    expect(quarterPages.sort()).toEqual(['2023-24/q3', '2024-25/q1']);
    const feed = written.get('feed.xml')!;
    expect(xmlElements(parseXml(feed), 'entry').map((entry) => xmlText(entry, 'title'))).toEqual(['Q1 2024/25 performance', 'Q3 2023/24 performance']);
    expect(written.get('data/all-observations.csv')!.split('\n').filter((row) => /,2024-25-q[23],/.test(row))).toEqual([]);
  });

  it('(iii) stops the drafts preview (PREVIEW_DRAFTS=1) with their problems', async () => {
    const problems = await stoppingProblems(content, true);
    const files = new Set(problems.map((problem) => problem.file));
    // The q2 draft's broken commentary is checked too although its data cannot be read: one run lists everything.
    expect(files).toEqual(new Set([shownPath(join(content, 'quarters/2024-25-q2/data.tsv')), shownPath(join(content, 'quarters/2024-25-q2/commentary.mdx')), shownPath(join(content, 'quarters/2024-25-q3/data.tsv'))]));
    expect(await stoppingProblems(content, false)).toEqual([]);
    expectStoppedBy(buildSite({ contentDir: content, env: { PREVIEW_DRAFTS: '1' } }), problems);
  }, 240_000);
});
