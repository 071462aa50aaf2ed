import { describe, expect, it } from 'vitest';
import { formatProblem, nameHiddenCharacters } from '../src/core/problems';

describe('nameHiddenCharacters: what a reader could not see for what it is, written out by name', () => {
  it.each([
    ['Care leavers\u200bEET', 'Care leavers[zero-width space U+200B]EET'],
    ['\u200fHigh = Good', '[right-to-left mark U+200F]High = Good'],
    ['47.3\u202e%', '47.3[right-to-left override U+202E]%'],
    ['44\u00a093%', '44[no-break space U+00A0]93%'],
    ['\ufeffTopic', '[zero-width no-break space (byte-order mark) U+FEFF]Topic'],
    ['N/A\u2060', 'N/A[word joiner U+2060]'],
    ['Care\u00adleavers', 'Care[soft hyphen U+00AD]leavers'],
    ['C\u0430re leavers', 'C[Cyrillic letter "а", not the Latin "a" U+0430]re leavers'],
    ['\u0421are leavers', '[Cyrillic letter "С", not the Latin "C" U+0421]are leavers'],
    ['Gr\u03bfup', 'Gr[Greek letter "ο", not the Latin "o" U+03BF]up'],
    ['４7.3%', '[full-width "４", not the ordinary "4" U+FF14]7.3%'],
    ['a\u0007b', 'a[control character U+0007]b'],
  ])('%j is shown as %j', (text, shown) => {
    expect(nameHiddenCharacters(text)).toBe(shown);
  });

  it.each(['Care leavers EET', 'Children’s “social care” – 47.3% (Q1 2024/25)', 'Médecins, naïve, Zoë', 'Социальная помощь', 'Line\tbreak\nand tab'])('leaves %j as it is', (text) => {
    expect(nameHiddenCharacters(text)).toBe(text);
  });

  it('is how every message shows what it found, so two identical-looking texts never appear', () => {
    const message = formatProblem({ file: 'data.tsv', line: 22, column: 3, columnName: 'Indicator', found: 'Care leavers\u200bEET', expected: 'an indicator named in content/indicators.csv' });
    expect(message).toContain('found "Care leavers[zero-width space U+200B]EET", expected');
  });
});
