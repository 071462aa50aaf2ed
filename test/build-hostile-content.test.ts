/**
 * Issue #20's ingest rules through a real `astro build` (as `npm run build`
 * runs it), one build per class of fault: the build stops, publishes nothing
 * and prints exactly the problems `validateContent` finds, at the same file,
 * line and words (test/hostile-content.test.ts plants each rule on its own).
 * A control build with a workbook, float noise and `High=Good` publishes the
 * real site unchanged.
 */
import { cpSync, mkdtempSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../src/core/problems';
import { buildSite, copyOfContent, expectStoppedBy, expectWordForWord, outputTexts, removeScratch, ROOT, sharedSite, stoppingProblems } from './helpers/build';
import { readIn, replaceIn, setCell, writeIn } from './helpers/content';

afterAll(removeScratch);

const Q1 = 'quarters/2024-25-q1';
const Q3 = 'quarters/2023-24-q3';
const lineOf = (dir: string, file: string, indicator: string) => readIn(dir, file).split('\n').findIndex((line) => line.split('\t')[2] === indicator) + 1;

/** Builds a planted copy of the content and checks the build stopped with exactly the stage's problems; returns their messages. */
async function stoppedBuild(plant: (dir: string) => void): Promise<{ problems: Problem[]; messages: string }> {
  const content = copyOfContent();
  plant(content);
  const problems = await stoppingProblems(content);
  const build = buildSite({ contentDir: content });
  expectStoppedBy(build, problems);
  expectWordForWord(build, problems);
  return { problems, messages: problems.map(formatProblem).join('\n') };
}

describe('a real build stops at the same file, line and words as the check', () => {
  it('workbooks and figures: a hidden row in Q1’s data.xlsx; a fraction and a 0 average in Q3’s data.tsv', async () => {
    const { problems, messages } = await stoppedBuild((dir) => {
      unlinkSync(join(dir, `${Q1}/data.tsv`));
      cpSync(join(ROOT, 'test/fixtures/workbooks/hidden-row.xlsx'), join(dir, `${Q1}/data.xlsx`));
      setCell(dir, `${Q3}/data.tsv`, lineOf(dir, `${Q3}/data.tsv`, 'CPP lasting 2 yrs or more open at the end of the quarter'), 15, '0.015');
      setCell(dir, `${Q3}/data.tsv`, lineOf(dir, `${Q3}/data.tsv`, 'Children Electively Educated at Home'), 15, '0');
    });
    expect(problems).toHaveLength(3);
    expect(messages).toMatch(/data\.xlsx:22\n {2}Sheet "Dashboard", row 22: found "Care leavers EET \|.*expected row 22 to be visible: it is hidden/);
    expect(messages).toMatch(/2023-24-q3\/data\.tsv:(\d+):15\n {2}Line \1, column O \(Most recent Statistical Neighbour average\): found "0\.015", expected a percentage like the row’s other figures.*\n {2}.*did you mean 1\.5%\?/);
    expect(messages).toMatch(/2023-24-q3\/data\.tsv:(\d+):15\n {2}Line \1, column O \(Most recent Statistical Neighbour average\): found "0", expected an average, or N\/A when there is none: an average of 0 for a count/);
  }, 300_000);

  it('the catalogue: an alias that normalises to nothing', async () => {
    const { problems, messages } = await stoppedBuild((dir) =>
      replaceIn(dir, 'indicators.csv', 'Care leavers EET,"Care leavers in education, work or training",,', 'Care leavers EET,"Care leavers in education, work or training",—,'),
    );
    expect(problems).toHaveLength(1);
    expect(messages).toMatch(/indicators\.csv:\d+:4\n {2}Line \d+, column D \(aliases\): found "—", expected an alias with letters or digits/);
  }, 300_000);

  it('links and names: Q3’s data file a symbolic link to a file outside; a Cyrillic letter in a Q1 indicator name', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'cfs-outside-'));
    const { problems, messages } = await stoppedBuild((dir) => {
      cpSync(join(dir, `${Q3}/data.tsv`), join(outside, 'data.tsv'));
      unlinkSync(join(dir, `${Q3}/data.tsv`));
      symlinkSync(join(outside, 'data.tsv'), join(dir, `${Q3}/data.tsv`));
      setCell(dir, `${Q1}/data.tsv`, 22, 3, 'C\u0430re leavers EET');
    });
    expect(problems).toHaveLength(2);
    expect(messages).toContain(`2023-24-q3/data.tsv\n  Found "a symbolic link to ${join(outside, 'data.tsv')}", expected a real file inside the content folder`);
    expect(messages).toContain('Line 22, column C (Indicator): found "C⟨U+0430 Cyrillic letter "а", not the Latin "a"⟩re leavers EET", expected an indicator named in content/indicators.csv');
  }, 300_000);

  it('settings the editor writes: an escaped right-to-left override in Q1’s title; a FILL IN on a line of Q1’s committee that starts with #', async () => {
    const { problems, messages } = await stoppedBuild((dir) => {
      replaceIn(dir, `${Q1}/commentary.mdx`, 'title: Quarter 1 2024/25 performance report', 'title: "Quarter 1 \\u202e2024/25 performance report"');
      replaceIn(dir, `${Q1}/commentary.mdx`, 'committee: Children and Family Services Overview and Scrutiny Committee', 'committee: |-\n  Children and Family Services Overview and Scrutiny Committee\n  # FILL IN: the committee');
    });
    expect(problems).toHaveLength(2);
    expect(messages).toMatch(/2024-25-q1\/commentary\.mdx:2\b[^\n]*\n {2}[^\n]*U\+202E right-to-left override, written as an escape/);
    expect(messages).toMatch(/2024-25-q1\/commentary\.mdx:6\b[^\n]*\n {2}[^\n]*found "FILL IN: the committee"/);
  }, 300_000);

  it('display rounding: a Q2 file showing Q1’s 47.3% as 47% is told how to show the decimals, never to add a revision', async () => {
    const { problems, messages } = await stoppedBuild((dir) => {
      cpSync(join(dir, Q1), join(dir, 'quarters/2024-25-q2'), { recursive: true });
      const [header, ...rows] = readIn(dir, `${Q1}/data.tsv`).split('\n');
      const eet = rows.find((row) => row.split('\t')[2] === 'Care leavers EET')!.split('\t');
      writeIn(dir, 'quarters/2024-25-q2/data.tsv', `${header}\n${['', 'Social Care', ...eet.slice(2, 6), 'Q1 2024/25', '47%', 'Q2 2024/25', '50.2%', ...eet.slice(10)].join('\t')}\n`);
      const commentary = readIn(dir, 'quarters/2024-25-q2/commentary.mdx').replace('period: Q1 2024/25', 'period: Q2 2024/25')
      // A Q2 report is dated after its quarter ends (the check refuses a date inside it).
      .replace(/^(meetingDate|publishedDate): .*$/gm, '$1: "2024-11-19"');
      const frontmatter = commentary.slice(0, commentary.indexOf('\n---\n') + 5).replace(/^summary: .*$/m, 'summary: A short summary of the second quarter, written for the tests of revisions.');
      writeIn(dir, 'quarters/2024-25-q2/commentary.mdx', `${frontmatter}\nA short commentary.\n`);
    });
    expect(problems).toHaveLength(1);
    expect(messages).toMatch(/2024-25-q2\/data\.tsv:2\n {2}Line 2: found "47% for "Care leavers EET", Q1 2024\/25", expected 47\.3%, .* this file shows it with fewer decimal places/);
    expect(messages).toContain('Export the figure with 1 decimal place');
    expect(messages).not.toContain('revisions:');
  }, 300_000);
});

it('control: Q1 as a workbook with float noise in its counts, and High=Good in Q3, publish the real site unchanged', async () => {
  const content = copyOfContent();
  unlinkSync(join(content, `${Q1}/data.tsv`));
  cpSync(join(ROOT, 'test/fixtures/workbooks/float-noise.xlsx'), join(content, `${Q1}/data.xlsx`));
  setCell(content, `${Q3}/data.tsv`, lineOf(content, `${Q3}/data.tsv`, 'Care leavers EET'), 5, 'High=Good');
  expect(await stoppingProblems(content)).toEqual([]);
  const build = buildSite({ contentDir: content });
  expect(build.status, build.output).toBe(0);
  const real = outputTexts(sharedSite().outDir);
  const ours = outputTexts(build.outDir);
  expect([...ours.keys()].sort()).toEqual([...real.keys()].sort());
  // The data file's name is the one difference a reader may see (where a page names its source file).
  const differing = [...real].filter(([path, text]) => ours.get(path)!.replaceAll('data.xlsx', 'data.tsv') !== text).map(([path]) => path);
  expect(differing).toEqual([]);
}, 300_000);
