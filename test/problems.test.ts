import { describe, expect, it } from 'vitest';
import { showInvisible } from '../src/core/characters';
import { formatProblem } from '../src/core/problems';

describe('showInvisible: what a reader could not see for what it is, written out by name', () => {
  it.each([
    ['Care leavers\u200bEET', 'Care leavers⟨U+200B zero-width space⟩EET'],
    ['\u200fHigh = Good', '⟨U+200F right-to-left mark⟩High = Good'],
    ['47.3\u202e%', '47.3⟨U+202E right-to-left override⟩%'],
    ['44\u00a093%', '44⟨U+00A0 no-break space⟩93%'],
    ['\ufeffTopic', '⟨U+FEFF byte-order mark (zero-width no-break space)⟩Topic'],
    ['N/A\u2060', 'N/A⟨U+2060 word joiner⟩'],
    ['C\u0430re leavers', 'C⟨U+0430 Cyrillic letter "а", not the Latin "a"⟩re leavers'],
    ['\u0421are leavers', '⟨U+0421 Cyrillic letter "С", not the Latin "C"⟩are leavers'],
    ['Gr\u03bfup', 'Gr⟨U+03BF Greek letter "ο", not the Latin "o"⟩up'],
    ['４7.3%', '⟨U+FF14 full-width "４", not the ordinary "4"⟩7.3%'],
    ['a\u0007b', 'a⟨U+0007 control character⟩b'],
  ])('%j is shown as %j', (text, shown) => {
    expect(showInvisible(text)).toBe(shown);
  });

  it.each(['Care leavers EET', 'Children’s “social care” – 47.3% (Q1 2024/25)', 'Médecins, naïve, Zoë', 'Социальная помощь', 'Tab\tand line\nbreak'])('leaves %j as it is', (text) => {
    expect(showInvisible(text)).toBe(text);
  });

  it('is how every message shows what it found, so two identical-looking texts never appear', () => {
    const message = formatProblem({ file: 'data.tsv', line: 22, column: 3, columnName: 'Indicator', found: 'Care leavers\u200bEET', expected: 'an indicator named in content/indicators.csv' });
    expect(message).toContain('found "Care leavers⟨U+200B zero-width space⟩EET", expected');
  });
});
