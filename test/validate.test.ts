/**
 * The one validation stage against planted faults: each wrong-figure path
 * stops with a problem at the right file, line and place, in plain words, and
 * for each refusal a control builds. These validate a scratch copy of the real
 * content through the same function `npm run check` and the loaders call.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFileProblems, type Problem } from '../src/core/problems';
import { blockingProblems, type ContentReport } from '../src/ingest/validate';
import { ROOT } from './helpers/build';
import { readIn, replaceIn, setCell, writeIn } from './helpers/content';
import { reportOf } from './helpers/model';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of content/ with some files changed; paths are relative to the copy. */
async function variant(change: (dir: string) => void): Promise<{ dir: string; report: ContentReport; problems: Problem[]; shown: (path: string) => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cfs-validate-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  change(dir);
  const report = await reportOf(dir);
  const problems = [...report.catalogueProblems, ...report.quarters.flatMap((quarter) => quarter.problems)];
  // Paths in problems are as the person running the check sees them: relative to the working directory.
  return { dir, report, problems, shown: (path) => relative(process.cwd(), join(dir, path)) };
}

const Q1 = 'quarters/2024-25-q1';
const Q1_DATA = `${Q1}/data.tsv`;
const Q1_COMMENTARY = `${Q1}/commentary.mdx`;
const read = readIn;
const write = writeIn;

/** A new quarter folder 2024-25-q2 with a short published commentary, from Q1's files. */
function addQ2(dir: string, data: string) {
  cpSync(join(dir, Q1), join(dir, 'quarters/2024-25-q2'), { recursive: true });
  write(dir, 'quarters/2024-25-q2/data.tsv', data);
  // Q2's report cannot be dated in Q2: its meeting and publication are moved to after the quarter (#20, dates must be possible).
  const commentary = read(dir, 'quarters/2024-25-q2/commentary.mdx').replace('period: Q1 2024/25', 'period: Q2 2024/25').replaceAll('"2024-09-03"', '"2024-12-03"');
  const frontmatter = commentary.slice(0, commentary.indexOf('\n---\n') + 5).replace(/^summary: .*$/m, 'summary: A short summary of the second quarter, written for the tests of revisions.');
  write(dir, 'quarters/2024-25-q2/commentary.mdx', `${frontmatter}\nA short commentary.\n`);
}

it('the real content is valid: both quarters published, nothing blocking', async () => {
  const report = await reportOf();
  expect(report.quarters.map((quarter) => [quarter.id, quarter.publication, quarter.problems.length])).toEqual([
    ['2023-24-q3', 'published', 0],
    ['2024-25-q1', 'published', 0],
  ]);
  expect(blockingProblems(report, { includeDrafts: false })).toEqual([]);
});

// Each row plants one fault in Q1's data file (line 22 is Care leavers EET, line 2 three-year-olds' early education, a termly
// measure, line 12 home education, a count, line 11 suspensions, an annual percentage) and names where it must stop.
describe.each([
  ['a quarterly figure for another quarter', 22, 9, 'Q2 2024/25', 'Latest Period', /^Q1 2024\/25, the quarter of the folder 2024-25-q1/],
  ['a period that starts after the folder’s quarter ends', 2, 9, 'Autumn Term 2024', 'Latest Period', /^a period that has started by the end of Q1 2024\/25/],
  ['a quarter for a termly indicator', 2, 9, 'Q1 2024/25', 'Latest Period', /^a school term, such as "Summer Term 2024", as the catalogue records .* as termly/],
  ['a term for an annual indicator', 11, 7, 'Summer Term 2022', 'Previous Period', /^a year, such as "2022\/23" or a year, such as "2024"/],
  ['a previous period after the latest', 22, 7, 'Q2 2024/25', 'Previous Period', /^a period before the latest one \(Q1 2024\/25\)/],
  ['digits split by a space', 22, 10, '44 93%', 'Latest Value', /^one number with no spaces inside it/],
  ['a percentage over 100', 22, 10, '144.5%', 'Latest Value', /^a percentage from 0% to 100%/],
  ['a negative percentage', 22, 8, '-3%', 'Previous Value', /^a percentage from 0% to 100%/],
  ['a count with a decimal point', 12, 10, '1.279', 'Latest Value', /^a whole number of 0 or more .*never 1\.279/],
  ['a negative count', 12, 8, '-5', 'Previous Value', /^a whole number of 0 or more/],
  ['a % sign on a count', 12, 10, '1279%', 'Latest Value', /^a count without a % sign/],
  ['a count target on a percentage', 22, 12, '>5400', 'Target', /^a percentage from 0% to 100%/],
] as const)('%s', (_name, line, column, value, columnName, expected) => {
  it(`stops at ${Q1_DATA}:${line}:${column} (${columnName}), and blocks the build`, async () => {
    const { report, problems, shown } = await variant((dir) => setCell(dir, Q1_DATA, line, column, value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown(Q1_DATA), line, column, columnName, found: value });
    expect(problems[0]!.expected).toMatch(expected);
    expect(blockingProblems(report, { includeDrafts: false })).toHaveLength(1);
    // Nothing from a file with a problem is published.
    expect(report.quarters.find((quarter) => quarter.id === '2024-25-q1')!.quarter).toBeNull();
  });
});

describe('last quarter’s export pasted into a new quarter’s folder', () => {
  it('stops at every quarterly row, naming the folder’s quarter', async () => {
    const { problems, shown, report } = await variant((dir) => addQ2(dir, read(dir, Q1_DATA)));
    const q2 = report.quarters.find((quarter) => quarter.id === '2024-25-q2')!;
    expect(q2.publication).toBe('published');
    const periodProblems = problems.filter((problem) => problem.columnName === 'Latest Period');
    expect(periodProblems.length).toBeGreaterThan(5);
    for (const problem of periodProblems) {
      expect(problem.file).toBe(shown('quarters/2024-25-q2/data.tsv'));
      expect(problem.found).toBe('Q1 2024/25');
      expect(problem.expected).toMatch(/^Q2 2024\/25, the quarter of the folder 2024-25-q2/);
    }
  });
});

describe('a restated figure', () => {
  // Q2's report gives care leavers EET for Q1 2024/25 as 49.1%, where Q1's report published 47.3%.
  const restated = (dir: string) => {
    const lines = read(dir, Q1_DATA).split('\n');
    const data = lines.map((text, index) => {
      if (index === 0 || text.trim() === '') return text;
      const cells = text.split('\t');
      // Keep only the care leavers EET row, moved on a quarter.
      return cells[2] === 'Care leavers EET' ? ['', 'Social Care', ...cells.slice(2, 6), 'Q1 2024/25', '49.1%', 'Q2 2024/25', '50.2%', ...cells.slice(10)].join('\t') : null;
    });
    addQ2(dir, data.filter((line) => line !== null).join('\n'));
  };

  it('stops unacknowledged, naming both files, both figures and both lines', async () => {
    const { problems, shown } = await variant(restated);
    expect(problems).toHaveLength(1);
    const problem = problems[0]!;
    expect(problem).toMatchObject({ file: shown('quarters/2024-25-q2/data.tsv'), line: 2, found: '49.1% for "Care leavers EET", Q1 2024/25' });
    expect(problem.expected).toContain(`47.3%, the figure Q1 2024/25's report published for Q1 2024/25 (${shown(Q1_DATA)}, line 22)`);
    expect(problem.hint).toContain('revisions:');
    expect(formatFileProblems(problem.file, problems)).toContain(shown('quarters/2024-25-q2/commentary.mdx'));
  });

  it('is accepted when the revising quarter’s commentary lists it, and shown as a revision', async () => {
    const { problems } = await variant((dir) => {
      restated(dir);
      replaceIn(dir, 'quarters/2024-25-q2/commentary.mdx', 'corrections: []', 'corrections: []\nrevisions:\n  - indicator: care-leavers-eet\n    period: "Q1 2024/25"\n    oldValue: "47.3%"\n    newValue: "49.1%"\n    reason: Late returns from two providers were added.');
    });
    expect(problems).toEqual([]);
  });

  it('a listed revision that the data does not make stops at its frontmatter line', async () => {
    const { problems, shown } = await variant((dir) =>
      replaceIn(dir, Q1_COMMENTARY, 'corrections: []', 'corrections: []\nrevisions:\n  - indicator: care-leavers-eet\n    period: "Q4 2023/24"\n    oldValue: "61.0%"\n    newValue: "63.3%"\n    reason: Late returns from two providers were added.'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown(Q1_COMMENTARY), line: 18 });
    expect(problems[0]!.expected).toMatch(/^in revisions, item 1, a revision this quarter's data file makes/);
  });
});

describe('a renamed indicator', () => {
  it('is never matched or suggested to a different indicator that shares words; the message says how to add an alias', async () => {
    const { problems } = await variant((dir) => setCell(dir, Q1_DATA, 22, 3, 'Care leavers in education, employment or training'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 22, column: 3, expected: 'an indicator named in content/indicators.csv' });
    expect(problems[0]!.hint).not.toMatch(/Did you mean/);
    expect(problems[0]!.hint).toMatch(/aliases/);
  });

  it('a near spelling is still suggested', async () => {
    const { problems } = await variant((dir) => setCell(dir, Q1_DATA, 22, 3, 'Care leavers EEt.'));
    expect(problems).toEqual([]);
    const typo = await variant((dir) => setCell(dir, Q1_DATA, 22, 3, 'Care leaver EET'));
    expect(typo.problems[0]!.hint).toMatch(/^Did you mean "Care leavers EET"\?/);
  });
});

describe('the publication gate', () => {
  it('a data file without commentary is a draft: listed, not published, not blocking', async () => {
    const { report } = await variant((dir) => rmSync(join(dir, Q1_COMMENTARY)));
    const q1 = report.quarters.find((quarter) => quarter.id === '2024-25-q1')!;
    expect(q1.publication).toBe('draft');
    expect(q1.notes.join(' ')).toMatch(/no commentary\.mdx/);
    expect(blockingProblems(report, { includeDrafts: false })).toEqual([]);
  });

  it('template placeholder text cannot be published', async () => {
    const { problems, shown } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, '### Social care', '### Social care\n\nFILL IN: write about social care here.'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown(Q1_COMMENTARY), column: 1, found: 'FILL IN: write about social care here.' });
  });

  it('the same placeholder in a draft does not block the build', async () => {
    const { report } = await variant((dir) => {
      replaceIn(dir, Q1_COMMENTARY, 'status: published', 'status: draft');
      replaceIn(dir, Q1_COMMENTARY, '### Social care', '### Social care\n\nFILL IN: write about social care here.');
    });
    expect(blockingProblems(report, { includeDrafts: false })).toEqual([]);
    expect(blockingProblems(report, { includeDrafts: true })).toEqual([]);
  });

  it('a quarter cannot be published without a publication date', async () => {
    const { problems, shown } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, 'publishedDate: "2024-09-03"\n', ''));
    expect(problems).toEqual([expect.objectContaining({ file: shown(Q1_COMMENTARY), line: 6, expected: expect.stringMatching(/^a publishedDate before the quarter is published/) })]);
  });
});

describe('commentary frontmatter', () => {
  it.each([
    ['an impossible date', 'meetingDate: "2024-09-03"', 'meetingDate: "2024-02-30"', 5, /meeting date that exists on the calendar/],
    ['a month 13', 'meetingDate: "2024-09-03"', 'meetingDate: "2024-13-45"', 5, /exists on the calendar/],
    ['a period that is not the folder’s', 'period: Q1 2024/25', 'period: Q4 2023/24', 3, /^period: Q1 2024\/25, the quarter of the folder it is in/],
    ['a misspelt field', 'publishedDate:', 'publishDate:', 6, /^a field the site reads/],
    ['a paper on plain http', 'papers: []', 'papers:\n  - title: Report\n    url: http://example.gov.uk/report.pdf', 12, /full web address starting https/],
    ['an unknown headline id', 'corrections: []', 'headlines: [care-leaver-eet]\ncorrections: []', 16, /^in headlines, item 1, the id of an indicator this quarter reports/],
    ['a typed figure in the summary', 'fell to <Value of="care-leavers-eet" />', 'fell to 47.3%', 8, /^figures in the summary written as figure tags/],
  ])('%s stops at its YAML line', async (_name, from, to, line, expected) => {
    const { problems, shown } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, from, to));
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0]).toMatchObject({ file: shown(Q1_COMMENTARY), line });
    expect(problems[0]!.expected).toMatch(expected);
  });

  it('a misspelt field is named with the field it should be', async () => {
    const { problems } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, 'publishedDate:', 'publishDate:'));
    expect(problems.map((problem) => problem.hint)).toContainEqual(expect.stringMatching(/^Did you mean "publishedDate"\?/));
  });
});

describe('corrections', () => {
  const correction = (figure: string, oldValue: string, newValue: string) =>
    `corrections:\n  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    figure: ${figure}\n    oldValue: "${oldValue}"\n    newValue: "${newValue}"\n    reason: A late return from one provider was added.`;

  it('a correction whose new value is the card’s figure builds (control)', async () => {
    const { problems } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, 'corrections: []', correction('latest', '47.1%', '47.3%')));
    expect(problems).toEqual([]);
  });

  it.each([
    ['a new value the card does not show', correction('latest', '47.1%', '47.5%'), 21, /^in corrections, item 1, the latest figure the card now shows for care-leavers-eet: 47.3% for Q1 2024\/25/],
    ['the right figure named as the wrong one', correction('previous', '47.1%', '47.3%'), 21, /the previous figure the card now shows for care-leavers-eet: 63.3% for Q4 2023\/24/],
    ['an old value equal to the new', correction('latest', '47.3%', '47.3%'), 20, /an oldValue different from the newValue/],
  ])('%s stops at its frontmatter line', async (_name, text, line, expected) => {
    const { problems, shown } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, 'corrections: []', text));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: shown(Q1_COMMENTARY), line });
    expect(problems[0]!.expected).toMatch(expected);
  });
});

it('a message is plain words: no stack trace, no path inside the code', async () => {
  const { problems } = await variant((dir) => {
    setCell(dir, Q1_DATA, 22, 10, '44 93%');
    replaceIn(dir, Q1_COMMENTARY, 'meetingDate: "2024-09-03"', 'meetingDate: "2024-02-30"');
  });
  const text = problems.map((problem) => formatFileProblems(problem.file, [problem])).join('\n');
  expect(text).not.toMatch(/\n\s+at |src\/|node_modules/);
});

describe('a published quarter whose frontmatter cannot be read', () => {
  it.each([
    ['a status that is neither draft nor published', 'status: published', 'status: live'],
    ['broken YAML', 'status: published', 'status: published\nsummary: [unclosed'],
  ])('with %s stays published, so its problems stop the build instead of the page silently disappearing', async (_name, from, to) => {
    const { report } = await variant((dir) => replaceIn(dir, Q1_COMMENTARY, from, to));
    const q1 = report.quarters.find((quarter) => quarter.id === '2024-25-q1')!;
    expect(q1.publication).toBe('published');
    expect(blockingProblems(report, { includeDrafts: false }).length).toBeGreaterThan(0);
  });
});
