import { describe, expect, it } from 'vitest';
import { IndicatorMatcher } from '../src/ingest/catalogue';
import { closestNames, editDistance, normaliseName } from '../src/core/names';
import { realCatalogue } from './helpers/content';

const catalogue = realCatalogue();
const catalogueNames = catalogue.flatMap((indicator) => [indicator.name, ...indicator.aliases]);

describe.each([
  ["Primary schools rated 'Good' or 'Outstanding'", 'primary schools rated Good or Outstanding'],
  ["Primary schools rated 'Good' or 'Outstanding'", 'Primary schools rated \u2018Good\u2019 or \u2018Outstanding\u2019'],
  ["Primary schools rated 'Good' or 'Outstanding'", 'Primary schools rated "Good" or "Outstanding"'],
  ["Primary schools rated 'Good' or 'Outstanding'", "PRIMARY  SCHOOLS RATED  'GOOD' OR 'OUTSTANDING'"],
  ['Eligible 2 and 3-year olds taking up their FEEE in a high-quality provision', 'Eligible 2 and 3 year olds taking up their FEEE in a high quality provision'],
  ['Eligible 2 and 3-year olds taking up their FEEE in a high-quality provision', 'Eligible 2 & 3-year olds taking up their FEEE in a high-quality provision'],
  ['KS2 - Expected level in Reading, Writing and Maths - EHCP', 'KS2 \u2013 Expected level in Reading Writing and Maths \u2013 EHCP'],
  ['Care leavers EET', '  Care\tleavers\u00a0EET '],
  ['Children in mainstream schools in receipt of SEN Support (without EHCP)', 'Children in mainstream schools in receipt of SEN Support without EHCP.'],
])('normaliseName(%j)', (a, b) => {
  it(`equals normaliseName(${JSON.stringify(b)})`, () => {
    expect(normaliseName(b)).toBe(normaliseName(a));
  });
});

describe.each([
  ['KS4 - Progress 8', 'KS4 - Progress 8 (FSM)'],
  ['Eligible 2 year olds taking up their FEEE', 'Eligible 3 year olds taking up their FEEE'],
  ['Primary schools rated Good or Outstanding', 'Secondary schools rated Good or Outstanding'],
  ['NEET young people aged 16-17', 'NEET young people aged 16-18'],
])('normaliseName(%j)', (a, b) => {
  it(`differs from normaliseName(${JSON.stringify(b)})`, () => {
    expect(normaliseName(b)).not.toBe(normaliseName(a));
  });
});

describe.each([
  ['', '', 0],
  ['abc', 'abc', 0],
  ['kitten', 'sitting', 3],
  ['suitible', 'suitable', 1],
  ['', 'abc', 3],
])('editDistance(%j, %j)', (a, b, distance) => {
  it(`is ${distance} both ways`, () => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

// Misspellings a person might type, and the catalogue name they meant.
describe.each([
  ['Care leavers in suitible accomodation', 'Care leavers in suitable accommodation'],
  ['Re-referals to CSC within 12 months', 'Re-referrals to CSC within 12 mths'],
  ['Childen Electively Educated at Home', 'Children Electively Educated at Home'],
  ['Asessments completed in 45 days', 'Assessments completed within 45 days'],
  ['NEET young people aged 16-18', 'NEET young people aged 16-17'],
  ['KS4 Progress 8 FSM', 'KS4 - Progress 8 (FSM)'],
])('closestNames(%j, catalogue)', (wanted, meant) => {
  it(`suggests ${JSON.stringify(meant)} first, and at most three names`, () => {
    const suggestions = closestNames(wanted, catalogueNames);
    expect(suggestions[0]).toBe(meant);
    expect(suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe('closestNames', () => {
  // Only near spellings are suggested: a shortened name, or a different name sharing words, is not. Following such a
  // suggestion would publish a figure under the wrong indicator; the message says how to add an alias instead.
  it.each([
    ['Children in care who had dental checks'],
    ['Care leavers'],
    ['Care leavers EET (16-21)'],
    ['Progress 8'],
    ['Children in mainstream schools'],
  ])('suggests nothing for %j, which only shares words with catalogue names', (wanted) => {
    expect(closestNames(wanted, catalogueNames)).toEqual([]);
  });

  it('suggests "Care leavers EET" for a slip of it, and not the other care-leavers name sharing its words', () => {
    expect(closestNames('Care leavers EETs', catalogueNames)).toEqual(['Care leavers EET']);
  });

  it('suggests nothing for a name unlike any in the catalogue', () => {
    expect(closestNames('Number of libraries open on Sundays in the county', catalogueNames)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(closestNames('KS2 - Expected level in Reading, Writing and Maths', catalogueNames, 2)).toHaveLength(2);
    expect(closestNames('KS4 - Progress 8 (SEN)', catalogueNames, 1)).toHaveLength(1);
  });

  // The rule: edit distance (after normalising) at most max(2, 20% of the longer name's length).
  it('suggests a name within max(2, 20% of the length) edits and nothing further away', () => {
    const name = 'abcdefghijklmnopqrstuvwxy'; // 25 letters: up to 5 edits
    const edited = (n: number) => `${'z'.repeat(n)}${name.slice(n)}`;
    expect(editDistance(normaliseName(edited(5)), normaliseName(name))).toBe(5);
    expect(closestNames(edited(5), [name])).toEqual([name]);
    expect(closestNames(edited(6), [name])).toEqual([]);
    // Short names still allow two slips.
    expect(closestNames('abxy', ['abcd'])).toEqual(['abcd']);
    expect(closestNames('axyz', ['abcd'])).toEqual([]);
  });

  it('puts the nearest first and breaks ties alphabetically', () => {
    expect(closestNames('abcdefghij', ['abcdefghzz', 'abcdefghiz', 'abcdefghyy'])).toEqual(['abcdefghiz', 'abcdefghyy', 'abcdefghzz']);
  });
});

describe('IndicatorMatcher', () => {
  const matcher = new IndicatorMatcher(catalogue);

  it.each([
    ['primary schools rated good or outstanding', 'primary-schools-good-outstanding'],
    // The alias the seed 000 dashboard uses for a truncated name.
    ['Children in care who have their annual health assessment within last 12 months (..', 'cic-health-assessments'],
    ['Children in care who have their annual health assessment within last 12 months (at end of period)', 'cic-health-assessments'],
  ])('finds %j as %s', (name, id) => {
    expect(matcher.find(name)?.id).toBe(id);
  });

  it('finds nothing for a misspelt name but suggests the right one', () => {
    expect(matcher.find('Care leavers in suitible accomodation')).toBeUndefined();
    expect(matcher.suggest('Care leavers in suitible accomodation')[0]).toBe('Care leavers in suitable accommodation');
  });
});
