/**
 * One parse, one truth: a commentary is read by one splitter, one YAML reader
 * and one MDX parse, and the page is rendered from that result. Where the check
 * and the build once read the same bytes differently (a fence followed by an
 * invisible character, a lone carriage return, an extra YAML document marker),
 * a file could pass the check and publish code or markup. This suite plants
 * every such character and line ending around and inside each fence, and
 * asserts that the check either refuses the file at a line, or reads exactly
 * what it reads for the clean file. Then real builds of a sample show the
 * build stops with the check's own words, or publishes exactly the checked text,
 * and never runs the planted code.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorMatcher } from '../../src/ingest/catalogue';
import { readContentFiles } from '../../src/ingest/read-content';
import { validateContent, validateQuarterFolder, type ContentFiles, type QuarterFolder, type QuarterReport } from '../../src/ingest/validate';
import { formatProblem } from '../../src/core/problems';
import { readBuildClock } from '../../src/core/release-time';
import type { Indicator } from '../../src/schemas/indicator';
import type { Block, Inline } from '../../src/core/commentary-tree';
import { buildSite, copyOfContent, expectStoppedBy, removeScratch, ROOT, stoppingProblems } from '../helpers/build';
import { attr, elements, parseHtml, plainText } from '../helpers/html';

const QUARTER = '2024-25-q1';
const canary = join(tmpdir(), `cfs-canary-${process.pid}`);

/** What a hostile editor hides behind a fence the check might read one way and another reader the other. */
const PAYLOAD = [
  `export const ran = (await import('node:fs')).writeFileSync(${JSON.stringify(canary)}, 'ran');`,
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '[Read more](javascript:alert(document.cookie))',
  '<img src="https://tracker.example/p.gif" alt="" />',
  'layout: ./evil.mdx',
];

/** Every Unicode space, control and format character, and the byte-order mark. */
const SPACES = [0x09, 0x0b, 0x0c, 0x20, 0x85, 0xa0, 0x1680, ...range(0x2000, 0x200a), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
const CONTROLS = [...range(0x00, 0x08), ...range(0x0e, 0x1f), 0x7f, ...range(0x80, 0x9f)];
const FORMATS = [0xad, ...range(0x600, 0x605), 0x61c, 0x6dd, 0x70f, 0x180e, ...range(0x200b, 0x200f), ...range(0x202a, 0x202e), ...range(0x2060, 0x2064), ...range(0x2066, 0x206f), 0xfeff, 0xfff9, 0xfffa, 0xfffb];
const CHARACTERS = [...new Set([...SPACES, ...CONTROLS, ...FORMATS])].map((code) => String.fromCodePoint(code));
/** Line endings other programs honour: LF and CRLF are the file's own; the rest must never be a second opinion. */
const LINE_ENDINGS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f'];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

let catalogue: Indicator[];
let matcher: IndicatorMatcher;
let real: ContentFiles;
let folder: QuarterFolder;
/** The clean file's lines: frontmatter between the two fences, then the body. */
let frontmatter: string[];
let body: string[];
let control: QuarterReport;

beforeAll(async () => {
  real = readContentFiles(join(ROOT, 'content'));
  const report = await validateContent(real, { clock: readBuildClock({}) });
  catalogue = report.catalogue;
  matcher = new IndicatorMatcher(catalogue);
  folder = real.quarters.find((quarter) => quarter.name === QUARTER)!;
  const lines = new TextDecoder().decode(folder.commentary!.bytes).split('\n');
  const close = lines.indexOf('---', 1);
  frontmatter = lines.slice(1, close);
  body = lines.slice(close + 1);
  control = await check(assemble({}));
  expect(control.problems).toEqual([]);
});

afterAll(() => rmSync(canary, { force: true }));

interface Layout {
  /** Replaces the opening / closing fence line. */
  open?: string;
  close?: string;
  /** Lines put between the closing fence and the body (the payload a second reader might take for the body). */
  between?: string[];
  /** The line ending after the opening and closing fences (LF otherwise). */
  openEnding?: string;
  closeEnding?: string;
  /** The line ending everywhere else. */
  ending?: string;
  /** Text before the first fence (a byte-order mark, say). */
  before?: string;
}

function assemble(layout: Layout): string {
  const ending = layout.ending ?? '\n';
  return (
    `${layout.before ?? ''}${layout.open ?? '---'}${layout.openEnding ?? ending}` +
    frontmatter.map((line) => `${line}${ending}`).join('') +
    `${layout.close ?? '---'}${layout.closeEnding ?? ending}` +
    (layout.between ?? []).map((line) => `${line}${ending}`).join('') +
    body.join(ending)
  );
}

async function check(text: string): Promise<QuarterReport> {
  const commentary = { file: folder.commentary!.file, bytes: new TextEncoder().encode(text) };
  // The quarter is Q1 2024/25 (published 3 September 2024): the real clock is long past its release.
  return validateQuarterFolder({ ...folder, commentary }, catalogue, matcher, { clock: readBuildClock({}), fromPastPapers: [] });
}

/**
 * The promise, for one file: refused with every problem at a line of the file,
 * or read exactly as the clean file is (same settings, same tree, same summary).
 */
async function refusedOrIdentical(text: string): Promise<'refused' | 'identical'> {
  const report = await check(text);
  if (report.problems.length) {
    for (const problem of report.problems) {
      expect(problem.file).toBe(folder.commentary!.file);
      expect(problem.line, formatProblem(problem)).toBeGreaterThanOrEqual(1);
    }
    return 'refused';
  }
  expect(report.quarter!.commentary).toEqual(control.quarter!.commentary);
  return 'identical';
}

/** Every character in each position a fence can be tampered with. */
function fenceVariants(character: string): [string, Layout][] {
  return [
    ['after the opening fence', { open: `---${character}` }],
    ['before the opening fence', { open: `${character}---` }],
    ['inside the opening fence', { open: `-${character}--` }],
    ['after the closing fence, payload below', { close: `---${character}`, between: [...PAYLOAD, '---'] }],
    ['before the closing fence, payload below', { close: `${character}---`, between: [...PAYLOAD, '---'] }],
    ['inside the closing fence, payload below', { close: `--${character}-`, between: [...PAYLOAD, '---'] }],
    ['as the closing fence line ending, payload below', { closeEnding: character, between: [...PAYLOAD, '---'] }],
    ['at the start of the file', { before: character }],
  ];
}

describe('a character planted around or inside a fence', () => {
  it(`each of ${CHARACTERS.length} spaces, controls and format characters, in 8 places: refused at a line, never read differently`, async () => {
    const outcomes = { refused: 0, identical: 0 };
    for (const character of CHARACTERS) {
      for (const [, layout] of fenceVariants(character)) outcomes[await refusedOrIdentical(assemble(layout))]++;
    }
    // Every file carrying a payload behind a tampered fence is refused; nothing with a payload reads as the clean file.
    expect(outcomes.refused + outcomes.identical).toBe(CHARACTERS.length * 8);
    expect(outcomes.refused).toBeGreaterThan(CHARACTERS.length * 6);
  }, 120_000);

  it.each([
    ['a zero-width space after the closing fence', { close: '---\u200b', between: [...PAYLOAD, '---'] }, 'U+200B zero-width space'],
    ['a no-break space after the closing fence', { close: '---\u00a0', between: [...PAYLOAD, '---'] }, 'U+00A0 no-break space'],
    ['a lone carriage return ending the closing fence', { closeEnding: '\r', between: [...PAYLOAD, '---'] }, 'U+000D carriage return'],
    ['a line separator ending the closing fence', { closeEnding: '\u2028', between: [...PAYLOAD, '---'] }, 'U+2028 line separator'],
    ['a second byte-order mark', { before: '\ufeff\ufeff' }, 'U+FEFF byte-order mark'],
  ] satisfies [string, Layout, string][])('%s is named in the message', async (_name, layout, words) => {
    const report = await check(assemble(layout));
    expect(report.problems.map(formatProblem).join('\n')).toContain(words);
  });
});

describe('line endings', () => {
  it.each(LINE_ENDINGS.map((ending) => [JSON.stringify(ending), ending]))('%s throughout the file: refused at a line, or read as the LF file', async (_name, ending) => {
    const outcome = await refusedOrIdentical(assemble({ ending }));
    // LF and CRLF are the two ways a text file ends its lines: both read the same. Every other ending is refused.
    expect(outcome).toBe(ending === '\n' || ending === '\r\n' ? 'identical' : 'refused');
  });

  it.each(LINE_ENDINGS.filter((ending) => ending !== '\n' && ending !== '\r\n').map((ending) => [JSON.stringify(ending), ending]))('%s after each fence, with a payload below: refused at a line, never the payload', async (_name, ending) => {
    for (const layout of [{ openEnding: ending }, { closeEnding: ending, between: PAYLOAD }]) {
      const report = await check(assemble(layout));
      expect(report.problems.length, JSON.stringify(layout)).toBeGreaterThan(0);
    }
  });
});

describe('fences that are not exactly three hyphens, and YAML document markers', () => {
  it.each([
    ['four hyphens closing', { close: '----', between: [...PAYLOAD, '---'] }],
    ['an indented closing fence', { close: '  ---', between: [...PAYLOAD, '---'] }],
    ['a tab-indented closing fence', { close: '\t---', between: [...PAYLOAD, '---'] }],
    ['a closing fence with trailing spaces', { close: '---   ', between: [...PAYLOAD, '---'] }],
    ['a YAML document end marker', { close: '...', between: [...PAYLOAD, '---'] }],
    ['a second YAML document', { between: ['--- !!js/function', ...PAYLOAD, '---'] }],
    ['an opening fence of four hyphens', { open: '----' }],
    ['an indented opening fence', { open: ' ---' }],
  ] satisfies [string, Layout][])('%s is refused at its line', async (_name, layout) => {
    const report = await check(assemble(layout));
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.every((problem) => problem.line !== undefined)).toBe(true);
  });

  it.each([
    ['an unknown YAML tag', 'title: !evil Quarter 1 2024/25 performance report', 'YAML tags'],
    ['a JavaScript YAML tag', 'title: !!js/function "() => 1"', 'YAML tags'],
    ['a binary YAML tag', 'title: !!binary aGVsbG8gd29ybGQgaGVsbG8=', 'YAML tags'],
    ['a YAML anchor', 'title: &t Quarter 1 2024/25 performance report', 'YAML anchors'],
    ['a YAML directive', '%YAML 1.1', 'directives'],
    ['a hidden layout key', 'layout: ./evil.mdx', 'layout'],
  ])('%s in the frontmatter is refused at its line', async (_name, line, words) => {
    const lines = [...frontmatter];
    const at = lines.findIndex((text) => text.startsWith('title:'));
    if (line.startsWith('title:')) lines[at] = line;
    else lines.splice(at, 0, line);
    const text = `---\n${lines.join('\n')}\n---\n${body.join('\n')}`;
    const report = await check(text);
    const problem = report.problems.find((candidate) => formatProblem(candidate).includes(words));
    expect(problem, report.problems.map(formatProblem).join('\n')).toBeDefined();
    // At its line; the YAML reader reports a directive without its end marker on the line after it.
    expect(problem!.line).toBeGreaterThanOrEqual(at + 2);
    expect(problem!.line).toBeLessThanOrEqual(at + 3);
  });

  it('a YAML alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)];
    const started = performance.now();
    const report = await check(`---\n${[...frontmatter, ...bomb].join('\n')}\n---\n${body.join('\n')}`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(report.problems.some((problem) => formatProblem(problem).includes('YAML alias'))).toBe(true);
  });
});

describe('limits: a plain message at a line, never a stack trace or a hang', () => {
  it.each([
    ['block quotes nested 50,000 deep', `${'>'.repeat(50_000)} deep`],
    ['a list nested 300 deep', Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')],
    ['emphasis nested 20,000 deep', `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}`],
    ['YAML nested 20,000 deep', null],
  ])('%s', async (_name, deep) => {
    const text = deep === null ? `---\n${frontmatter.join('\n')}\nextra: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n${body.join('\n')}` : `---\n${frontmatter.join('\n')}\n---\n${body.join('\n')}\n\n${deep}\n`;
    const started = performance.now();
    const report = await check(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(report.problems.length).toBeGreaterThan(0);
    for (const problem of report.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
  });

  it('a file over the size limit is refused by its size, before it is parsed', async () => {
    const report = await check(`---\n${frontmatter.join('\n')}\n---\n${'Words. '.repeat(30_000)}`);
    expect(report.problems.map(formatProblem).join('\n')).toContain('at most 150 KB');
  });
});

describe('property: any mix of hostile characters and line endings at the fences', () => {
  it('is refused at a line, or read exactly as the clean file', async () => {
    const hostile = fc.constantFrom(...CHARACTERS, ...LINE_ENDINGS, '-', '.', ' ', '');
    const fence = fc.tuple(hostile, hostile, hostile).map(([a, b, c]) => `${a}-${b}--${c}`);
    await fc.assert(
      fc.asyncProperty(fence, fence, fc.constantFrom(...LINE_ENDINGS), fc.constantFrom(...LINE_ENDINGS), fc.boolean(), async (open, close, openEnding, closeEnding, payload) => {
        await refusedOrIdentical(assemble({ open, close, openEnding, closeEnding, between: payload ? [...PAYLOAD, '---'] : [] }));
      }),
      { numRuns: 300, seed: 20261205 },
    );
  }, 120_000);
});

/** The runs of words between figure tags, in order: what the page must show verbatim around the filled-in figures. */
function wordRuns(blocks: readonly Block[]): string[] {
  const runs: string[] = [];
  let run = '';
  const inline = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.kind === 'text' || node.kind === 'code') run += node.value;
      else if (node.kind === 'break') run += ' ';
      else if (node.kind === 'figure') {
        runs.push(run);
        run = '';
      } else inline(node.children);
    }
    runs.push(run);
    run = '';
  };
  const block = (list: readonly Block[]) => {
    for (const node of list) {
      if (node.kind === 'paragraph' || node.kind === 'heading') inline(node.children);
      else if (node.kind === 'list') node.items.forEach(block);
      else if (node.kind === 'blockquote') block(node.children);
    }
  };
  block(blocks);
  return runs.map((words) => words.replace(/\s+/g, ' ').trim()).filter((words) => words.length > 0);
}

// Real builds of the same bytes: the build stops with the check's words, or publishes exactly the checked text.
describe('the build reads nothing the check did not', () => {
  afterAll(removeScratch);

  function contentWith(text: string): string {
    const dir = copyOfContent();
    writeFileSync(join(dir, 'quarters', QUARTER, 'commentary.mdx'), text);
    return dir;
  }

  it.each([
    ['a lone carriage return after the closing fence', { closeEnding: '\r', between: [...PAYLOAD, '---'] }],
    ['a zero-width space after the closing fence', { close: '---\u200b', between: [...PAYLOAD, '---'] }],
  ] satisfies [string, Layout][])('%s: the build stops with the check’s words at the same line, and the payload never runs', async (_name, layout) => {
    const dir = contentWith(assemble(layout));
    const problems = await stoppingProblems(dir);
    expect(problems.length).toBeGreaterThan(0);
    expectStoppedBy(buildSite({ contentDir: dir }), problems);
    expect(existsSync(canary)).toBe(false);
  }, 240_000);

  it('a file with Windows line endings and a byte-order mark builds, and the page shows exactly the checked text', async () => {
    const text = `\ufeff${assemble({ ending: '\r\n' })}`;
    expect((await check(text)).problems).toEqual([]);
    const result = buildSite({ contentDir: contentWith(text) });
    expect(result.status, result.output).toBe(0);
    const page = parseHtml(readFileSync(join(result.outDir, '2024-25/q1/index.html'), 'utf8'));
    const section = elements(page, (node) => node.tagName === 'section' && attr(node, 'class') === 'commentary')[0]!;
    const shown = plainText(section).replace(/\s+/g, ' ');
    const runs = wordRuns(control.quarter!.commentary!.body);
    expect(runs.length).toBeGreaterThan(40);
    // Every run of words the check read is on the page, in order, word for word.
    let from = 0;
    for (const words of runs) {
      const at = shown.indexOf(words, from);
      expect(at, words).toBeGreaterThanOrEqual(0);
      from = at + words.length;
    }
    expect(existsSync(canary)).toBe(false);
  }, 240_000);
});
