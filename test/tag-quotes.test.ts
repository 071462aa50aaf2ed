/**
 * Curly quotes in a figure tag, as Word and phone keyboards type them: each
 * row is the rest of the line where the MDX reader stopped, and what the
 * message must name; the controls are no tag or a tag with straight quotes.
 */
import { describe, expect, it } from 'vitest';
import { curlyQuotesInTag } from '../src/ingest/tag-quotes.ts';

describe('curly quotes in a tag', () => {
  it.each<[string, string, string[], string]>([
    ['Word’s double quotes', '<Value of=“care-leavers-eet” />, 44 of 93', ['left double quote “', 'right double quote ”'], '<Value of="care-leavers-eet" />'],
    ['one curly quote', '<Value of="care-leavers-eet” period="previous" />', ['right double quote ”'], '<Value of="care-leavers-eet" period="previous" />'],
    ['single curly quotes', '<Average of=‘care-leavers-eet’ group=‘england’ />', ['left single quote ‘', 'right single quote ’'], '<Average of="care-leavers-eet" group="england" />'],
    ['German low quotes', '<Value of=„care-leavers-eet“ />', ['low double quote „', 'left double quote “'], '<Value of="care-leavers-eet" />'],
    ['angle quotes', '<Value of=«care-leavers-eet» />', ['angle quote «', 'angle quote »'], '<Value of="care-leavers-eet" />'],
  ])('%s: names them and gives the tag with straight quotes', (_name, found, names, fixed) => {
    const message = curlyQuotesInTag(found);
    expect(message?.expected).toBe('straight double quotes (") around each value in the tag');
    expect(message?.found).toBe(found.slice(0, found.indexOf('>') + 1));
    for (const name of names) expect(message?.hint).toContain(name);
    expect(message?.hint).toContain(`Write ${fixed} with straight quotes`);
  });

  it.each([
    ['a tag with straight quotes', '<Value of="care-leavers-eet" />'],
    ['curly quotes after the tag, in the sentence', '<Value of="x" /> is “good”'],
    ['text, not a tag', 'the “target” was met'],
    ['a less-than sign', '< 5 “pupils”'],
  ])('%s: no message', (_name, found) => {
    expect(curlyQuotesInTag(found)).toBeNull();
  });
});
