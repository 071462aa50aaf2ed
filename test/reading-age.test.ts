/**
 * Everything the site writes itself about the figures (card sentences, chart
 * descriptions, summary counts, "what good looks like", how headlines were
 * chosen) aims at GOV.UK's reading age of 9, measured by Flesch–Kincaid.
 * The council's own words (commentary, outcomes, names) are not measured here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCard } from '../src/model/cards';
import { describeSeries as describeChart } from '../src/present/chart-spec';
import { quarterPage } from '../src/present/quarter-page';
import { quarterUpdates } from '../src/present/updates';
import { describeQuartiles, quartileSpec } from '../src/present/chart-spec';
import { homePage } from '../src/present/home-page';
import { indicatorPage } from '../src/present/indicator-page';
import { quartileSentence, ragSentence } from '../src/model/summary';
import { modelFromContent } from './helpers/model';
import { readingAge, sentencesOf, wordsOf } from './helpers/reading-age';

const TARGET_AGE = 9;
const LONGEST_SENTENCE = 25;

describe('the reading-age measure', () => {
  it.each([
    ['The cat sat on the mat. It was warm.', 0, 4],
    ['Neither a higher nor a lower figure is better in itself: this figure describes demand or the size of a group, so its direction of travel is not judged.', 14, 20],
    ['Statistical-neighbour comparators are unavailable for termly indicators.', 18, 40],
  ])('rates "%s" between %i and %i', (text, low, high) => {
    const age = readingAge(sentencesOf(text));
    expect(age).toBeGreaterThanOrEqual(low);
    expect(age).toBeLessThanOrEqual(high);
  });
});

describe('what the site writes about the figures', async () => {
  const model = await modelFromContent();
  const units = { percent: 'a percentage', count: 'a number of children', score: 'a score' };
  const indicatorPages = model.catalogue.map((indicator) => indicatorPage(model, indicator.id, { units }));
  const texts: Record<string, string[]> = {
    'card sentences': model.quarters.flatMap((quarter) => quarter.cards.map((card) => card.sentence)),
    'summary counts': model.quarters.flatMap((quarter) => [ragSentence(quarter.summary), quartileSentence(quarter.summary), describeQuartiles(quartileSpec(quarter.areas))]),
    'chart descriptions': indicatorPages.map((page) => page.description),
    // The outcome is the council's own wording, quoted: not ours to simplify.
    'what good looks like': indicatorPages.map((page) => page.whatGoodLooksLike.replace(/It contributes to the outcome: “[^”]*”\./, '')),
    'how headlines were chosen': [homePage(model).latest!.headlinesHow],
    'quarter page notes and updates': model.quarters.flatMap((quarter) => {
      const page = quarterPage(model, quarter.id, { council: 'The council', committee: 'scrutiny committee', title: 'Performance', cardUrl: () => '' });
      // The committee's name is the council's own: not ours to shorten.
      return [(page.reported ?? '').replace(quarter.commentary?.committee ?? '', 'committee'), ...quarterUpdates(model, quarter).map((update) => update.text)];
    }),
    'comparators under a chart': indicatorPages.map((page) => page.comparators ?? ''),
    // Every branch of the card sentence and the chart description, not only those today's content reaches:
    // real cards with their figures, previous figure, target, quartile and polarity varied (fixed seed).
    'card sentences and chart descriptions, every branch': fc
      .sample(
        fc.record({
          card: fc.constantFrom(...model.quarters.flatMap((quarter) => quarter.cards)),
          latest: fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
          previous: fc.option(fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }), { nil: undefined }),
          target: fc.option(fc.record({ value: fc.integer({ min: 0, max: 999 }), comparison: fc.constantFrom('above', 'below', 'at least', 'at most', null) }), { nil: null }),
          quartile: fc.constantFrom(null, 1, 2, 3, 4),
          polarity: fc.constantFrom('higher is better', 'lower is better', 'neither'),
        }),
        { seed: 14, numRuns: 400 },
      )
      .flatMap(({ card, latest, previous, target, quartile, polarity }) => {
        const indicator = { ...card.indicator, polarity } as const;
        const record = {
          ...card.record,
          latest: { ...card.record.latest, value: latest, decimals: latest === null ? null : 1 },
          previous: previous === undefined || !card.record.previous ? null : { ...card.record.previous, value: previous, decimals: previous === null ? null : 1 },
          target: target && { ...target, decimals: 1, text: `>${target.value}`, percentSign: false },
          quartile,
        };
        const varied = buildCard(indicator, record);
        return [varied.sentence, describeChart(indicator, model.indicators.get(indicator.id)!.series, varied)];
      }),
  };
  const all = Object.values(texts).flatMap((list) => list.flatMap(sentencesOf));

  it(`reads at age ${TARGET_AGE} or below, taken together`, () => {
    const age = readingAge(all);
    console.info(`Reading age of the site's own sentences: ${age.toFixed(1)} over ${all.length} sentences`);
    expect(age).toBeLessThanOrEqual(TARGET_AGE);
  });

  it.each(Object.keys(texts))('keeps %s below age 12 and every sentence under 25 words', (kind) => {
    const sentences = texts[kind]!.flatMap(sentencesOf);
    expect(readingAge(sentences), kind).toBeLessThanOrEqual(12);
    expect(sentences.filter((sentence) => wordsOf(sentence).length > LONGEST_SENTENCE)).toEqual([]);
  });
});
