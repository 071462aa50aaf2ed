/**
 * Issue #20's ingest rules, each planted in a scratch copy of the real content
 * and checked through the one validation stage (`validateContent`, as `npm run
 * check` and the build call it): it stops at the right file, line, column and
 * words, and a control beside each passes. Builds of a few of these are in
 * build-hostile-content.test.ts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../src/core/problems';
import { blockingProblems, type ContentReport } from '../src/ingest/validate';
import { ROOT } from './helpers/build';
import { readIn, replaceIn, setCell, writeIn } from './helpers/content';
import { reportOf } from './helpers/model';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};

/** A copy of content/ with some files changed; paths are relative to the copy. */
async function variant(change: (dir: string) => void): Promise<{ dir: string; report: ContentReport; problems: Problem[]; blocking: Problem[]; shown: (path: string) => string }> {
  const dir = tempDir('cfs-hostile-');
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  change(dir);
  const report = await reportOf(dir);
  const problems = [...report.catalogueProblems, ...report.quarters.flatMap((quarter) => quarter.problems)];
  return { dir, report, problems, blocking: blockingProblems(report, { includeDrafts: false }), shown: (path) => relative(process.cwd(), join(dir, path)) };
}

const Q1 = 'quarters/2024-25-q1';
const Q3 = 'quarters/2023-24-q3';
const Q1_DATA = `${Q1}/data.tsv`;
const Q3_DATA = `${Q3}/data.tsv`;
const WORKBOOKS = join(ROOT, 'test/fixtures/workbooks');

/** Q1's data as a workbook from test/fixtures/workbooks in place of its data.tsv. */
const useWorkbook = (name: string) => (dir: string) => {
  unlinkSync(join(dir, Q1_DATA));
  cpSync(join(WORKBOOKS, name), join(dir, `${Q1}/data.xlsx`));
};

/** The one problem of a planted fault, with its message as a person reads it. */
function onlyProblem(problems: Problem[]): { problem: Problem; message: string } {
  expect(problems.map(formatProblem)).toHaveLength(1);
  return { problem: problems[0]!, message: formatProblem(problems[0]!) };
}

it('control: the real content is valid, both quarters published', async () => {
  const { problems, report } = await variant(() => {});
  expect(problems).toEqual([]);
  expect(report.quarters.map((quarter) => quarter.publication)).toEqual(['published', 'published']);
});

describe('workbooks: what Excel does not show a person is never published (Q1 as data.xlsx)', () => {
  // [fixture, sheet row (line), column, sheet named, words of the message]
  it.each([
    ['hidden-sheet.xlsx', undefined, undefined, 'Old figures', [/this sheet is hidden/, /2 sheets hold cells: "Dashboard" \(A1:P23\) and "Old figures" \(A1:P4\)/]],
    ['very-hidden-first-sheet.xlsx', undefined, undefined, 'Draft', [/this sheet is very hidden/, /Unhide does not list a "very hidden" sheet/]],
    ['opens-on-second-sheet.xlsx', undefined, undefined, 'Chart', [/opens on its first sheet, "Dashboard", the one the site reads, but it opens on this one \(tab 2\)/]],
    ['two-tables.xlsx', undefined, undefined, undefined, [/one sheet holding the dashboard export, but 2 sheets hold cells: "Dashboard" \(A1:P23\) and "Last quarter" \(A1:P4\)/, /Keep the sheet with this quarter’s dashboard export as the only sheet/]],
    ['hidden-row.xlsx', 22, undefined, 'Dashboard', [/Sheet "Dashboard", row 22: found "Care leavers EET \|/, /row 22 to be visible: it is hidden/]],
    ['zero-height-row.xlsx', 22, undefined, 'Dashboard', [/row 22 to be visible: it is hidden \(by hand, by a filter or by a zero height\)/]],
    ['hidden-column.xlsx', 1, 10, 'Dashboard', [/column J \(Latest Value\): expected column J to be visible/]],
    ['zero-width-column.xlsx', 1, 10, 'Dashboard', [/column J \(Latest Value\): expected column J to be visible: it is hidden \(or of zero width\)/]],
    ['merged-value.xlsx', 23, 10, 'Dashboard', [/row 23, column J \(Latest Value\): found "merged with J22 above", expected a value of row 23’s own/, /Unmerge Cells/]],
    ['note-without-heading.xlsx', 22, 17, 'Dashboard', [/row 22, column Q: found "check with Sam before publishing", expected nothing in column Q: it has no heading/]],
    ['formula-empty-value.xlsx', 22, 10, 'Dashboard', [/found "=H22\*0\.75", expected a value, but this cell has a formula that Excel has not worked out/]],
    ['recalculate-on-open.xlsx', 22, 10, 'Dashboard', [/found "=H22\*0\.75", expected a value, but .* asks Excel to work out every formula again when it opens/]],
  ] as const)('%s stops at its sheet, row and column, and blocks the build', async (fixture, line, column, sheet, words) => {
    const { problems, blocking, shown } = await variant(useWorkbook(fixture));
    expect(blocking).toEqual(problems);
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems[0]!;
    expect(problem).toMatchObject(Object.fromEntries(Object.entries({ file: shown(`${Q1}/data.xlsx`), line, column, sheet }).filter(([, value]) => value !== undefined)));
    for (const key of ['line', 'column', 'sheet'] as const) if ({ line, column, sheet }[key] === undefined) expect(problem[key]).toBeUndefined();
    const message = problems.map(formatProblem).join('\n');
    for (const pattern of words) expect(message).toMatch(pattern);
  });

  it.each(['q1.xlsx', 'float-noise.xlsx'])('control: %s publishes exactly what data.tsv does', async (fixture) => {
    const text = await variant(() => {});
    const { problems, report } = await variant(useWorkbook(fixture));
    expect(problems.map(formatProblem)).toEqual([]);
    const q1 = (r: ContentReport) => r.quarters.find((quarter) => quarter.id === '2024-25-q1')!.quarter!.indicators;
    expect(q1(report)).toEqual(q1(text.report));
    // The calculated count (1279.0000000001 in General, 1127.9999999999 with 0) reads as Excel shows it.
    const home = q1(report).find((indicator) => indicator.id === 'elective-home-education')!;
    expect([home.latest.figure?.value, home.previous?.figure?.value]).toEqual([1279, 1128]);
  });
});

it('a note in a text file’s column without a heading (every row padded) stops at its cell', async () => {
  const { problems, shown } = await variant((dir) =>
    writeIn(dir, Q1_DATA, readIn(dir, Q1_DATA).split('\n').map((line, i) => (line.trim() ? `${line}\t${i === 21 ? 'check with Sam' : ''}` : line)).join('\n')),
  );
  const { problem, message } = onlyProblem(problems);
  expect(problem).toMatchObject({ file: shown(Q1_DATA), line: 22, column: 17, found: 'check with Sam' });
  expect(message).toContain('Line 22, column Q: found "check with Sam", expected nothing in column Q: it has no heading');
});

describe('figures a person would not have meant', () => {
  // Q1 line 22 is Care leavers EET (63.3% → 47.3%, target >54.0%), line 5 secondary schools (77.8%, 77.8%, 86.1%, 83.8%),
  // line 12 home education (a count), line 10 NEET (0.8% → 0.9%, target <2.1%), line 9 permanent exclusions (0.02-0.11).
  it.each([
    ['a latest value written as a fraction', Q1_DATA, 22, 10, '0.473', 'Latest Value', /0\.473 is about a hundredth of 63\.3% \(Previous Value\)/, /did you mean 47\.3%\?/],
    ['a target written as a fraction', Q1_DATA, 22, 12, '>0.54', 'Target', /about a hundredth of 63\.3% \(Previous Value\), so it would be published as >0\.54%/, /did you mean >54%\?/],
    ['a neighbours’ average written as a fraction', Q1_DATA, 5, 15, '0.861', 'Most recent Statistical Neighbour average', /0\.861 is about a hundredth of 77\.8%/, /did you mean 86\.1%\?/],
    ['a small rate written as a fraction', Q1_DATA, 10, 10, '0.009', 'Latest Value', /about a hundredth of 0\.8%/, /did you mean 0\.9%\?/],
    ['a 0 England average of a percentage', Q1_DATA, 5, 16, '0', 'England average', /^an average, or N\/A when there is none: an average of 0 for a percentage/, /Write N\/A/],
    ['a 0.0% neighbours’ average of a percentage', Q1_DATA, 5, 15, '0.0%', 'Most recent Statistical Neighbour average', /an average of 0 for a percentage/, /Write N\/A/],
    ['a 0 neighbours’ average of a count', Q1_DATA, 12, 15, '0', 'Most recent Statistical Neighbour average', /an average of 0 for a count/, /Write N\/A/],
  ] as const)('%s stops at its cell with the fix', async (_name, file, line, column, value, columnName, expected, hint) => {
    const { problems, blocking, shown } = await variant((dir) => setCell(dir, file, line, column, value));
    const { problem } = onlyProblem(problems);
    expect(blocking).toHaveLength(1);
    expect(problem).toMatchObject({ file: shown(file), line, column, columnName, found: value });
    expect(problem.expected).toMatch(expected);
    expect(problem.hint).toMatch(hint);
  });

  it.each([
    ['a score’s average of 0 (Progress 8’s national average is)', Q3_DATA, 'KS4 - Progress 8', 15, '0'],
    ['a percentage a fifth of the row’s others (a rate that really fell)', Q1_DATA, 'NEET young people aged 16-17', 10, '0.2%'],
    ['permanent exclusions, truly 0.02-0.11%, unchanged', Q1_DATA, 'Permanent exclusions as a % of School population', 10, '0.07'],
    ['a small percentage in a row of small ones (1.3%, 1.1%, <3.0%, 1.5%)', Q3_DATA, 'CPP lasting 2 yrs or more open at the end of the quarter', 10, '0.5%'],
    ['High=Good without spaces', Q1_DATA, 'Care leavers EET', 5, 'High=Good'],
    ['low=good in lower case', Q1_DATA, 'NEET young people aged 16-17', 5, 'low=good'],
  ] as const)('control: %s passes', async (_name, file, indicator, column, value) => {
    const line = readIn(join(ROOT, 'content'), file).split('\n').findIndex((text) => text.split('\t')[2] === indicator) + 1;
    expect(line).toBeGreaterThan(0);
    const { problems } = await variant((dir) => setCell(dir, file, line, column, value));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('content is read from regular files inside the content folder only', () => {
  const outside = () => {
    const dir = tempDir('cfs-outside-');
    cpSync(join(ROOT, 'content', Q1), dir, { recursive: true });
    return dir;
  };
  it.each([
    ['a data file linked to a file outside', (dir: string) => {
      const target = join(outside(), 'data.tsv');
      unlinkSync(join(dir, Q3_DATA));
      symlinkSync(target, join(dir, Q3_DATA));
      return { path: Q3_DATA, target };
    }],
    ['a commentary linked to a file outside', (dir: string) => {
      const target = join(outside(), 'commentary.mdx');
      unlinkSync(join(dir, `${Q1}/commentary.mdx`));
      symlinkSync(target, join(dir, `${Q1}/commentary.mdx`));
      return { path: `${Q1}/commentary.mdx`, target };
    }],
    ['a quarter folder linked to a folder outside', (dir: string) => {
      const target = outside();
      symlinkSync(target, join(dir, 'quarters/2024-25-q2'));
      return { path: 'quarters/2024-25-q2', target };
    }],
    ['a quarter folder linked to another quarter', (dir: string) => {
      symlinkSync(join(dir, Q1), join(dir, 'quarters/2024-25-q2'));
      return { path: 'quarters/2024-25-q2', target: join(dir, Q1) };
    }],
    ['the catalogue linked to a file outside', (dir: string) => {
      const target = join(tempDir('cfs-outside-'), 'indicators.csv');
      cpSync(join(dir, 'indicators.csv'), target);
      unlinkSync(join(dir, 'indicators.csv'));
      symlinkSync(target, join(dir, 'indicators.csv'));
      return { path: 'indicators.csv', target };
    }],
  ])('%s is refused with its path, and blocks the build', async (_name, plant) => {
    let planted: { path: string; target: string } = { path: '', target: '' };
    const { problems, blocking, shown } = await variant((dir) => {
      planted = plant(dir);
    });
    const linkProblems = problems.filter((problem) => problem.file === shown(planted.path));
    expect(linkProblems).toHaveLength(1);
    expect(linkProblems[0]).toMatchObject({ found: `a symbolic link to ${planted.target}` });
    expect(linkProblems[0]!.expected).toMatch(/^a real (file|folder) inside the content folder: a link is never followed/);
    expect(blocking).toContainEqual(linkProblems[0]);
  });

  it('control: the same files copied in (not linked) are read', async () => {
    const { problems } = await variant((dir) => {
      const copy = join(outside(), 'data.tsv');
      writeFileSync(join(dir, Q1_DATA), readFileSync(copy));
    });
    expect(problems).toEqual([]);
  });
});

describe('catalogue names and aliases are told apart after normalising', () => {
  const lineOf = (dir: string, id: string) => readIn(dir, 'indicators.csv').split('\n').findIndex((line) => line.startsWith(`${id},`)) + 1;
  /** Sets one cell of a catalogue row (by id), keeping the CSV's quoting of the others. */
  const setCatalogueCell = (dir: string, id: string, column: 'name' | 'aliases', value: string) => {
    const line = readIn(dir, 'indicators.csv').split('\n')[lineOf(dir, id) - 1]!;
    const [first, name, title, aliases, ...rest] = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const cells = { name, aliases };
    cells[column] = value.includes(',') ? `"${value}"` : value;
    replaceIn(dir, 'indicators.csv', line, [first, cells.name, title, cells.aliases, ...rest].join(','));
  };
  it.each([
    ['an alias of punctuation only', 'care-leavers-eet', 'aliases', '—', 4, /^an alias with letters or digits/],
    ['a name of punctuation only', 'care-leavers-eet', 'name', '***', 2, /^a name with letters or digits/],
    ['an alias in another alphabet (normalises to nothing)', 'care-leavers-eet', 'aliases', 'Ѕоциальная', 4, /^an alias with letters or digits/],
    ['an alias reading the same as another indicator’s name', 'care-leavers-suitable-accommodation', 'aliases', 'care-leavers E.E.T.', 4, /^an alias no other indicator uses, but line \d+ already has it: "care-leavers E\.E\.T\." reads the same as "Care leavers EET" \(care-leavers-eet\)/],
    ['one of two aliases reading the same as an earlier row’s alias', 'feee-2-year-olds', 'aliases', 'Suitable homes|Children in care who have their annual health assessment within last 12 months', 4, /reads the same as "Children in care who have their annual health assessment within last 12 months \(\.\."/],
  ] as const)('%s is refused at its cell', async (_name, id, column, value, columnNumber, expected) => {
    const { problems, report, dir, shown } = await variant((dir) => setCatalogueCell(dir, id, column, value));
    const { problem } = onlyProblem(problems);
    expect(report.catalogueProblems).toEqual([problem]);
    expect(problem).toMatchObject({ file: shown('indicators.csv'), line: lineOf(dir, id), column: columnNumber, columnName: column });
    expect(problem.expected).toMatch(expected);
  });

  it('control: an alias spelling the indicator’s own name differently passes', async () => {
    const { problems } = await variant((dir) => setCatalogueCell(dir, 'care-leavers-eet', 'aliases', 'Care-leavers E.E.T.|Care leavers in EET'));
    expect(problems).toEqual([]);
  });
});

describe('invisible and look-alike characters are named in the message', () => {
  it.each([
    ['a zero-width space in a figure', 10, '47.3\u200b%', '47.3⟨U+200B zero-width space⟩%', 'a number such as 47.3%'],
    ['a right-to-left mark in a figure', 10, '\u200f47.3%', '⟨U+200F right-to-left mark⟩47.3%', 'a number such as 47.3%'],
    ['full-width digits in a figure', 10, '４7.3%', '⟨U+FF14 full-width "４", not the ordinary "4"⟩7.3%', 'a number such as 47.3%'],
    ['a no-break space in a figure', 10, '44\u00a093%', '44⟨U+00A0 no-break space⟩93%', 'one number with no spaces inside it'],
    ['a Cyrillic а in an indicator name', 3, 'C\u0430re leavers EET', 'C⟨U+0430 Cyrillic letter "а", not the Latin "a"⟩re leavers EET', 'an indicator named in content/indicators.csv'],
    ['a Greek omicron in an indicator name', 3, 'Care leavers EET Gr\u03bfup', 'Care leavers EET Gr⟨U+03BF Greek letter "ο", not the Latin "o"⟩up', 'an indicator named in content/indicators.csv'],
  ])('%s is shown by name, not as an identical-looking text', async (_name, column, planted, shownText, expected) => {
    const { problems, shown } = await variant((dir) => setCell(dir, Q1_DATA, 22, column, planted));
    const { problem, message } = onlyProblem(problems);
    expect(problem).toMatchObject({ file: shown(Q1_DATA), line: 22, column, found: planted });
    expect(message).toContain(`found "${shownText}", expected ${expected}`);
  });
});

describe('a figure shown with fewer decimals than an earlier report published it', () => {
  /** A Q2 2024/25 quarter whose file gives Care leavers EET's Q1 figure (47.3% in Q1's report) as `previous`. */
  const addQ2 = (dir: string, previous: string) => {
    cpSync(join(dir, Q1), join(dir, 'quarters/2024-25-q2'), { recursive: true });
    const header = readIn(dir, Q1_DATA).split('\n')[0]!;
    const eet = readIn(dir, Q1_DATA).split('\n')[21]!.split('\t');
    const row = ['', 'Social Care', ...eet.slice(2, 6), 'Q1 2024/25', previous, 'Q2 2024/25', '50.2%', ...eet.slice(10)].join('\t');
    writeIn(dir, 'quarters/2024-25-q2/data.tsv', `${header}\n${row}\n`);
    const commentary = readIn(dir, 'quarters/2024-25-q2/commentary.mdx').replace('period: Q1 2024/25', 'period: Q2 2024/25').replaceAll('"2024-09-03"', '"2024-12-03"'); // a Q2 report is dated after Q2 (#20)
    const frontmatter = commentary.slice(0, commentary.indexOf('\n---\n') + 5).replace(/^summary: .*$/m, 'summary: A short summary of the second quarter, written for the tests of revisions.');
    writeIn(dir, 'quarters/2024-25-q2/commentary.mdx', `${frontmatter}\nA short commentary.\n`);
  };

  it('says so and how to show the decimals, and never suggests revisions:', async () => {
    const { problems, shown } = await variant((dir) => addQ2(dir, '47%'));
    const { problem } = onlyProblem(problems);
    expect(problem).toMatchObject({ file: shown('quarters/2024-25-q2/data.tsv'), line: 2, found: '47% for "Care leavers EET", Q1 2024/25' });
    expect(problem.expected).toMatch(/^47\.3%, the figure Q1 2024\/25's report published .* this file shows it with fewer decimal places/);
    expect(problem.hint).toMatch(/^Export the figure with 1 decimal place, as the earlier report published it/);
    expect(problem.hint).toMatch(/not a revision: do not list it under revisions\.$/);
    expect(problem.hint).not.toContain('revisions:');
  });

  it('control: a real revision (49.1%) still gets the revisions: entry to add', async () => {
    const { problems } = await variant((dir) => addQ2(dir, '49.1%'));
    expect(onlyProblem(problems).problem.hint).toContain('revisions:');
  });

  it('the revisions: entry the check suggests, pasted as printed, is accepted, for each kind of period it prints', async () => {
    // Q3 2023/24's report published Reception GLD for "2022/23 Final" as 69.1%: a Q2 2024/25 file restating it as 69.5%
    // makes the check print the period as "2022/23 (final)". The hint's YAML, pasted in, must be read back.
    const plant = (dir: string) => {
      addQ2(dir, '49.1%');
      const q3Row = readIn(dir, Q3_DATA).split('\n').find((line) => line.includes("Reception pupils reaching a 'Good level of development'"))!.split('\t');
      const row = ['', '', ...q3Row.slice(2, 9), '69.5%', ...q3Row.slice(10), ''].join('\t');
      writeIn(dir, 'quarters/2024-25-q2/data.tsv', `${readIn(dir, 'quarters/2024-25-q2/data.tsv')}${row}\n`);
    };
    const first = await variant(plant);
    expect(first.problems).toHaveLength(2);
    expect(first.problems.map((problem) => problem.found)).toEqual(['49.1% for "Care leavers EET", Q1 2024/25', `69.5% for "Reception pupils reaching a 'Good level of development'", 2022/23 (final)`]);
    const entries = first.problems.map((problem) => /revisions:\n([\s\S]*?)\n {2}If it was not revised/.exec(problem.hint!)![1]!.replace(/^ {4}/gm, '  ').replace('Why the figure changed, in a sentence.', 'Late returns were added.'));
    const second = await variant((dir) => {
      plant(dir);
      replaceIn(dir, 'quarters/2024-25-q2/commentary.mdx', 'corrections: []', `corrections: []\nrevisions:\n${entries.join('\n')}`);
    });
    expect(second.problems.map(formatProblem)).toEqual([]);
  });
});
