/**
 * The wording rules of #20 through the one validation stage, as `npm run
 * check` and the build run them: each plants one fault in a copy of the real
 * content and expects the check to stop at its file, line and column with its
 * words; the controls (the real content, www. in prose) pass.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../src/core/problems.ts';
import { TEMPLATE_REASON } from '../src/ingest/placeholders.ts';
import { ROOT } from './helpers/build';
import { readIn, replaceIn, setCell } from './helpers/content';
import { reportOf } from './helpers/model';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const Q1_COMMENTARY = 'quarters/2024-25-q1/commentary.mdx';
const Q3_COMMENTARY = 'quarters/2023-24-q3/commentary.mdx';

/** A copy of content/ with one change, its problems, and the changed file's text. */
async function planted(path: string, from: string, to: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cfs-wording-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  replaceIn(dir, path, from, to);
  const report = await reportOf(dir);
  const problems: Problem[] = report.quarters.flatMap((quarter) => quarter.problems);
  return { problems, text: readIn(dir, path), file: relative(process.cwd(), join(dir, path)) };
}

/** The 1-based line and column where `needle` first stands in `text`. */
function whereIs(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

const EET_SENTENCE = 'The share of care leavers in education, employment or training fell to <Value of="care-leavers-eet" />, 44 of 93 young people,';

describe('the real commentaries raise none of these problems (control)', () => {
  it('checks both quarters clean', async () => {
    const report = await reportOf();
    expect(report.quarters.map((quarter) => [quarter.id, quarter.problems])).toEqual([
      ['2023-24-q3', []],
      ['2024-25-q1', []],
    ]);
  });
});

describe('faults in the commentary text stop at their line and column', () => {
  it.each<[string, string, string, string, string, RegExp, RegExp?]>([
    // [name, file, from, to, where (text the problem points at), expected, hint]
    ['"rose to" a figure that fell', Q1_COMMENTARY, EET_SENTENCE, EET_SENTENCE.replace('fell to', 'rose to'), '<Value of="care-leavers-eet" />, 44', /^words that fit the figure: care-leavers-eet went down \(63\.3% to 47\.3%\), but the sentence says it went up/],
    ['a mistyped percentage beside the tag', Q1_COMMENTARY, EET_SENTENCE, EET_SENTENCE.replace('44 of 93', '48% of'), '48% of', /^a figure tag in place of the typed 48%: <Value of="care-leavers-eet" \/> \(it shows 47\.3%, the latest figure\)/],
    ['"above the target" for a figure that misses it', Q1_COMMENTARY, EET_SENTENCE, EET_SENTENCE.replace('44 of 93 young people', 'above the target'), 'above the target', /^words that fit the figure: care-leavers-eet is 47\.3% against a target of 54\.0%: not met/],
    ['"met" in a list item of the older quarter', Q3_COMMENTARY, '(<Change of="cp-reviews-in-timescale" />), but it is still well short of its target.', '(<Change of="cp-reviews-in-timescale" />), and it met its target.', 'met its target', /cp-reviews-in-timescale is 82\.6% against a target of 97\.2%: not met, but the sentence says it meets the target/],
    ['curly quotes from Word in a tag', Q1_COMMENTARY, EET_SENTENCE, EET_SENTENCE.replace('"care-leavers-eet"', '“care-leavers-eet”'), '<Value of=“', /^straight double quotes \("\) around each value in the tag/, /left double quote “, right double quote ”.*<Value of="care-leavers-eet" \/>/],
    ['TBC in a sentence', Q1_COMMENTARY, '462 children were re-referred during the quarter.', '462 children were re-referred during the quarter (TBC).', 'TBC', /^your own text in place of the placeholder "TBC" before the quarter is published/],
    ['XX% in a sentence', Q1_COMMENTARY, 'on average the service consistently answers 80% of the calls', 'on average the service consistently answers XX% of the calls', 'XX%', /^your own text in place of the placeholder "XX%"/],
    ['[insert …]', Q1_COMMENTARY, 'Youth justice figures are reported', '[insert youth justice figures] Youth justice figures are reported', '[insert', /^your own text in place of the placeholder "\[insert youth justice figures\]"/],
    ['"Fill in:" in a setting', Q1_COMMENTARY, 'name: Jane Moore', 'name: "Fill in: a name or team"', 'Fill in:', /^your own text in place of the placeholder "Fill in"/],
  ])('%s', async (_name, path, from, to, where, expected, hint) => {
    const { problems, text, file } = await planted(path, from, to);
    const at = whereIs(text, where);
    expect(problems).toEqual([expect.objectContaining({ file, line: at.line, column: at.column, expected: expect.stringMatching(expected) })]);
    if (hint) expect(problems[0]!.hint).toMatch(hint);
  });

  it('the template’s example reason in a correction stops at the reason', async () => {
    const correction = `corrections:\n  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    figure: latest\n    oldValue: "47.1%"\n    newValue: "47.3%"\n    reason: ${TEMPLATE_REASON}`;
    const { problems, text, file } = await planted(Q1_COMMENTARY, 'corrections: []', correction);
    expect(problems).toEqual([expect.objectContaining({ file, line: whereIs(text, `reason: ${TEMPLATE_REASON}`).line, expected: expect.stringMatching(/^in corrections, item 1, your own reason in place of the example/) })]);
    // Control: a reason of the officer's own.
    const own = await planted(Q1_COMMENTARY, 'corrections: []', correction.replace(TEMPLATE_REASON, 'A late return from one provider was added.'));
    expect(own.problems).toEqual([]);
  });

  it.each([
    ['a heading that says the opposite of the figure below it', EET_SENTENCE, `#### Care leavers in work rose to new highs\n\n${EET_SENTENCE}`],
    ['a heading with a tag and contradicting words', EET_SENTENCE, `#### Care leavers rose to <Value of="care-leavers-eet" />, above the target\n\n${EET_SENTENCE}`],
    ['a list item whose words fit', EET_SENTENCE, `- Care leavers in education fell to <Value of="care-leavers-eet" />, short of the target.\n\n${EET_SENTENCE}`],
  ])('%s raises nothing (control: headings are not read, fitting words pass)', async (_name, from, to) => {
    const { problems } = await planted(Q1_COMMENTARY, from, to);
    expect(problems).toEqual([]);
  });

  it('a www. address in prose is text, never refused as http://; an http:// link still is', async () => {
    const bare = await planted(Q1_COMMENTARY, 'Youth justice figures are reported', 'See www.example.gov.uk for more. Youth justice figures are reported');
    expect(bare.problems).toEqual([]);
    const written = await planted(Q1_COMMENTARY, 'Youth justice figures are reported', 'See [the site](http://www.example.gov.uk). Youth justice figures are reported');
    expect(written.problems).toEqual([expect.objectContaining({ found: 'http://www.example.gov.uk', hint: expect.stringMatching(/change http:\/\/ to https:\/\//) })]);
  });
});

describe('the real words are read against the data', () => {
  it('when the data says care leavers in education rose, the real "fell to" stops in the body and in the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfs-wording-'));
    scratch.push(dir);
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    // Line 22 is care-leavers-eet; column 8 its previous value (63.3%): now it rose from 40.0% to 47.3%.
    setCell(dir, 'quarters/2024-25-q1/data.tsv', 22, 8, '40.0%');
    const report = await reportOf(dir);
    const q1 = report.quarters.find((quarter) => quarter.id === '2024-25-q1')!;
    const text = readIn(dir, Q1_COMMENTARY);
    expect(q1.problems.map((problem) => [problem.line, problem.expected])).toEqual([
      [whereIs(text, EET_SENTENCE).line, expect.stringMatching(/^words that fit the figure: care-leavers-eet went up/)],
      [whereIs(text, 'summary:').line, expect.stringMatching(/^in the summary, words that fit the figure: care-leavers-eet went up \(40\.0% to 47\.3%\), but the sentence says it went down/)],
    ]);
  });
});

describe('faults in the summary stop at the summary’s line', () => {
  const SUMMARY = 'summary: Care leavers in education, employment or training fell to <Value of="care-leavers-eet" />,';
  it.each<[string, string, RegExp, RegExp]>([
    ['full-width digits', SUMMARY.replace('<Value of="care-leavers-eet" />', '４７.３%'), /^４７\.３% \(digits of another script, such as full-width digits\)/, /^figures in the summary written as figure tags/],
    ['a figure in words', SUMMARY.replace('<Value of="care-leavers-eet" />', 'forty-seven per cent'), /^forty-seven per cent \(a figure written in words\)/, /^figures in the summary written as figure tags/],
    ['a count that looks like a year', SUMMARY.replace('<Value of="care-leavers-eet" />', 'the lowest since 1509'), /^1509 \(not a year of this quarter's figures\)/, /^figures in the summary written as figure tags/],
    ['"rose to" a figure that fell', SUMMARY.replace('fell to', 'rose to'), /^rose to <Value of="care-leavers-eet" \/>$/, /^in the summary, words that fit the figure: care-leavers-eet went down/],
    ['curly quotes', SUMMARY.replace('"care-leavers-eet"', '“care-leavers-eet”'), /^<Value of=“care-leavers-eet” \/>/, /^in the summary, straight double quotes/],
  ])('%s', async (_name, to, found, expected) => {
    const { problems, text, file } = await planted(Q1_COMMENTARY, SUMMARY, to);
    expect(problems).toEqual([expect.objectContaining({ file, line: whereIs(text, 'summary:').line, found: expect.stringMatching(found), expected: expect.stringMatching(expected) })]);
  });

  it('a summary written as a block scalar (summary: >-) reads its tags with no quoting (control)', async () => {
    const { problems } = await planted(Q1_COMMENTARY, SUMMARY, 'summary: >-\n  Care leavers in "education, employment or training": down to <Value of="care-leavers-eet" />,');
    expect(problems).toEqual([]);
  });

  it('small counts in words and the quarter’s years stay allowed (control)', async () => {
    const { problems } = await planted(Q1_COMMENTARY, SUMMARY, 'summary: In Q1 2024/25, three of the indicators improved, and care leavers in education, employment or training fell to <Value of="care-leavers-eet" />,');
    expect(problems).toEqual([]);
  });
});
