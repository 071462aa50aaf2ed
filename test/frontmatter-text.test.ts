/**
 * What a commentary's settings publish is what the check read of them. Two ways
 * round the check of the file's text, found attacking the editor (which writes
 * the settings with a YAML library, as a person may by hand):
 * - a character the commentary refuses (invisible, a control character, a stray
 *   carriage return) written as an escape in a double-quoted value ("\u202e"):
 *   the text check saw only the escape, the page showed the character (a
 *   right-to-left override turns "2024/25" round on the page);
 * - a placeholder on a line of a value written over several lines that starts
 *   with #: skipped as a note, it was published ("… Committee # FILL IN: …").
 * Notes (a YAML comment) are still never published, so a placeholder in one is no problem.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../src/ingest/read-content';
import { validateContent, type ContentFiles } from '../src/ingest/validate';
import { clockAt } from '../src/core/release-time';
import { describeProblem } from '../src/core/problems';
import { ROOT } from './helpers/build';

const clock = clockAt(new Date('2026-12-05T12:00:00Z'));
const files = readContentFiles(join(ROOT, 'content'));

/** The content with Q1 2024/25's (published) commentary changed as given. */
function withQ1(change: (text: string) => string): ContentFiles {
  return {
    ...files,
    quarters: files.quarters.map((folder) =>
      folder.name === '2024-25-q1' ? { ...folder, commentary: { ...folder.commentary!, bytes: new TextEncoder().encode(change(new TextDecoder().decode(folder.commentary!.bytes))) } } : folder,
    ),
  };
}

async function q1Problems(change: (text: string) => string) {
  const report = await validateContent(withQ1(change), { clock });
  const q1 = report.quarters.find((quarter) => quarter.id === '2024-25-q1')!;
  return { published: q1.quarter !== null, problems: q1.problems.map((problem) => ({ line: problem.line, text: describeProblem({ ...problem, line: undefined, column: undefined }).text })) };
}

const TITLE = 'title: Quarter 1 2024/25 performance report';
const COMMITTEE = 'committee: Children and Family Services Overview and Scrutiny Committee';

describe('a character the commentary refuses, written as an escape in a value, is refused at its line', () => {
  it.each([
    { value: 'a right-to-left override', title: '"Quarter 1 \\u202e2024/25 performance report"', found: 'U+202E right-to-left override' },
    { value: 'a zero-width space', title: '"Quarter 1 2024/25\\u200b performance report"', found: 'U+200B zero-width space' },
    { value: 'a vertical tab (Word’s line break, as the editor writes it)', title: '"Quarter 1 2024/25\\vperformance report"', found: 'U+000B control character' },
    { value: 'a carriage return', title: '"Quarter 1 2024/25\\rperformance report"', found: 'U+000D carriage return (an old Mac line ending)' },
    { value: 'a byte-order mark', title: '"Quarter 1 2024/25 performance report\\ufeff"', found: 'U+FEFF byte-order mark (zero-width no-break space)' },
  ])('$value', async ({ title, found }) => {
    const result = await q1Problems((text) => text.replace(TITLE, `title: ${title}`));
    expect(result).toEqual({ published: false, problems: [{ line: 2, text: expect.stringContaining(`Found "${found}, written as an escape`) }] });
  });

  it.each([
    { value: 'an escaped letter', title: '"Quarter 1 2024/25 performance r\\u00e9port"' },
    { value: 'an escaped en dash and a quote', title: '"Quarter 1 2024/25 \\u2013 \\"performance\\" report"' },
    { value: 'a tab (allowed in commentary)', title: '"Quarter 1 2024/25\\tperformance report"' },
    { value: 'no escape at all', title: '"Quarter 1 2024/25 performance report"' },
  ])('control: $value is read as written, and published', async ({ title }) => {
    expect(await q1Problems((text) => text.replace(TITLE, `title: ${title}`))).toEqual({ published: true, problems: [] });
  });
});

describe('a placeholder in a value is refused wherever the value’s lines start; a note’s is not', () => {
  it('a value written over several lines, one starting with #', async () => {
    const result = await q1Problems((text) => text.replace(COMMITTEE, 'committee: |-\n  Children and Family Services Overview and Scrutiny Committee\n  # FILL IN: the committee'));
    expect(result.published).toBe(false);
    expect(result.problems).toEqual([{ line: 6, text: expect.stringMatching(/^Found "FILL IN: the committee", expected your own text in place of the placeholder "FILL IN"/) }]);
  });

  it.each([
    { note: 'a note line', change: (text: string) => text.replace(COMMITTEE, `${COMMITTEE}\n# FILL IN: ask the clerk for the meeting date`) },
    { note: 'an indented note line between a list’s items', change: (text: string) => text.replace('papers: []', 'papers:\n  # FILL IN: the minutes, when they are out\n  - title: The report\n    url: https://www.example.gov.uk/report.pdf') },
  ])('control: $note is never published, and stops nothing', async ({ change }) => {
    expect(await q1Problems(change)).toEqual({ published: true, problems: [] });
  });
});
