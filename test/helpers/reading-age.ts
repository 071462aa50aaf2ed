/**
 * Reading age by the Flesch–Kincaid grade level plus 5 (US grade 4 is about age 9, GOV.UK's aim): the tests
 * measure the site's own words with the same functions `npm run check` uses for commentary (src/ingest/readability.ts).
 */
export { readingAge, sentencesOf, wordsOf } from '../../src/ingest/readability.ts';
