/** The commentary's reading report for `npm run check` (src/ingest/readability.ts): advice, never a problem. */
import { describe, expect, it } from 'vitest';
import { readability } from '../src/ingest/readability';

const frontmatter = '---\ntitle: A report\n---\n\n';
const long = `This sentence has ${Array.from({ length: 30 }, () => 'many').join(' ')} words in it.`;

describe('the reading report', () => {
  it.each([
    ['short sentences', 'The cat sat. The dog ran.', 2, 3, []],
    ['a figure tag as one word', 'Care leavers fell to <Value of="care-leavers-eet" />. Reviews rose.', 2, 3.5, []],
    ['a long sentence, with its line', `Short one.\n\n${long}`, 2, (2 + 36) / 2, [{ words: 36, line: 7 }]],
  ])('%s', (_, body, sentences, perSentence, longest) => {
    const report = readability(frontmatter + body);
    expect(report.sentences).toBe(sentences);
    expect(report.wordsPerSentence).toBeCloseTo(perSentence as number, 5);
    expect(report.longest.map(({ words, line }) => ({ words, line }))).toEqual(longest);
  });

  it('gives a higher reading age to longer words and sentences', () => {
    expect(readability(`${frontmatter}Notwithstanding considerable organisational complexities, performance deteriorated substantially.`).readingAge).toBeGreaterThan(
      readability(`${frontmatter}The cat sat on the mat. It was a good day.`).readingAge,
    );
  });
});
