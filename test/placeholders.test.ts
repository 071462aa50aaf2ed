/**
 * Placeholders a template or an officer leaves: each row plants one in a
 * sentence and expects exactly it found, or is a control that must pass.
 */
import { describe, expect, it } from 'vitest';
import { findPlaceholders, isTemplateReason, TEMPLATE_REASON } from '../src/ingest/placeholders.ts';

describe('placeholders', () => {
  it.each<[string, string, string[]]>([
    ['the template’s FILL IN', 'FILL IN: write about social care here.', ['FILL IN:']],
    ['FILL IN inside a sentence', 'The share was FILL IN this quarter.', ['FILL IN']],
    ['"Fill in:" in sentence case', 'Fill in: a name or team', ['Fill in:']],
    ['"fill in …"', 'Care leavers: fill in … later', ['fill in …']],
    ['"[fill in the figure]"', 'It fell to [fill in the figure] this quarter.', ['[fill in the figure]']],
    ['TBC at the end of a sentence', 'The meeting is on a date TBC.', ['TBC']],
    ['tbc in lower case in brackets', 'Dental checks (tbc) improved.', ['tbc']],
    ['TBA and TBD', 'Owner TBA, deadline TBD.', ['TBA', 'TBD']],
    ['TODO', 'TODO check this paragraph with Jane.', ['TODO']],
    ['XX%', 'Care leavers in education fell to XX% this quarter.', ['XX%']],
    ['X.X%', 'It rose by X.X% on the quarter.', ['X.X%']],
    ['xx in lower case', 'There were xx requests.', ['xx']],
    ['XX,XXX and £XX', 'About XX,XXX pupils, costing £XX.', ['XX,XXX', '£XX']],
    ['[insert …]', 'The share was [insert figure] in June.', ['[insert figure]']],
    ['[Insert] unclosed', '[Insert a sentence about SEND here', ['[Insert a sentence about SEND here']],
    ['[…]', 'Requests rose […] in July.', ['[…]']],
    ['???', 'The figure was ??? in June.', ['???']],
    ['lorem ipsum', 'Lorem ipsum dolor sit amet.', ['Lorem ipsum']],
    // Controls: the same letters inside other words, and the template's own notes.
    ['letters inside other words', 'The ATBC and TBCs, TODOs, taxxx and OXXO, XXL and the XXth century.', []],
    ['the template’s note', '# remove the # at the start of the next line and fill it in.', []],
    ['"fill in" as ordinary words', 'Families can fill in the form online.', []],
    ['a single X', 'Twitter (now X) and Generation X.', []],
    ['a task list box is no placeholder here', 'Text [x] more.', []],
    ['a question mark', 'Why did it rise? Demand.', []],
  ])('%s', (_name, text, expected) => {
    const found = findPlaceholders(text);
    expect(found.map((placeholder) => placeholder.found)).toEqual(expected);
    for (const placeholder of found) expect(text.slice(placeholder.index)).toMatch(new RegExp(`^${placeholder.found.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('the template’s example reason', () => {
  it.each<[string, boolean]>([
    [TEMPLATE_REASON, true],
    ['why the figure changed, in a sentence', true],
    ['  Why the figure  changed in a sentence  ', true],
    ['The September data refresh found two fewer care leavers in education.', false],
    ['Why the figure changed: a late return from one provider.', false],
  ])('%j is the example: %s', (reason, expected) => {
    expect(isTemplateReason(reason)).toBe(expected);
  });
});
