import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCard } from '../src/lib/cards';
import { IndicatorMatcher, parseCatalogue } from '../src/lib/catalogue';
import { parseQuarterFile } from '../src/lib/quarter-file';
import { directionSentence, quartileSentence, ragSentence, summarise } from '../src/lib/summary';

const catalogue = parseCatalogue(readFileSync('content/indicators.csv', 'utf8'), 'content/indicators.csv').map((entry) => entry.indicator);
const byId = new Map(catalogue.map((indicator) => [indicator.id, indicator]));
const matcher = new IndicatorMatcher(catalogue);

function cardsFor(file: string) {
  return parseQuarterFile(readFileSync(file, 'utf8'), file, matcher).indicators.map((record) => buildCard(byId.get(record.id)!, record));
}

describe('Q1 2024/25 (seed 000)', () => {
  const cards = cardsFor('content/quarters/2024-25-q1/data.tsv');
  const summary = summarise(cards);

  // Paragraph 5: "From 22 measures reported, 14 have a national benchmark; three are in the top quartile,
  // four are in the second quartile, three are in the third quartile and four are in the bottom quartile."
  it('has 22 measures, 14 benchmarked: 3 top, 4 second, 3 third, 4 bottom quartile', () => {
    expect(summary.total).toBe(22);
    expect(summary.benchmarked).toBe(14);
    expect(summary.quartile).toEqual({ 1: 3, 2: 4, 3: 3, 4: 4, none: 8 });
    expect(quartileSentence(summary)).toBe(
      'Of 22 measures, 14 have a national benchmark: three in the top quartile, four in the second, three in the third and four in the bottom.',
    );
  });

  // The dashboard's RAG Rating Summary box, "Green Amber Red N/A" over "8473", digits read in reverse.
  it('rates 3 green, 7 amber, 4 red and 8 not rated', () => {
    expect(summary.rag).toEqual({ green: 3, amber: 7, red: 4, none: 8 });
    expect(ragSentence(summary)).toBe('3 rated green, 7 amber and 4 red; 8 have no rating.');
  });

  // The dashboard's Progress Summary box, "Improve No Change Worse N/A" over "31027", read in reverse: 7, 2, 10, 3.
  it('has 7 improved, 2 no change, 10 worse and 3 not judged', () => {
    expect(summary.direction).toEqual({ improved: 7, 'no-change': 2, worse: 10, none: 3 });
    expect(directionSentence(summary)).toBe('7 improved, 10 got worse and 2 did not change; 3 are not judged.');
  });

  it('does not judge the three indicators with no better direction', () => {
    const notJudged = cards.filter((card) => card.direction === null).map((card) => card.indicator.id);
    expect(notJudged.sort()).toEqual(['children-mainstream-ehcp', 'children-mainstream-sen-support', 'elective-home-education']);
  });

  describe('cards', () => {
    const card = (id: string) => cards.find((each) => each.indicator.id === id)!;

    // Paragraph 14: 92.2%, an improvement on the Quarter 4 figure of 87.4%, now in the second quartile; target >97.2%.
    it('child protection reviews: better than Q4 2023/24, below the 97.2% target, second quartile', () => {
      const reviews = card('cp-reviews-in-timescale');
      expect(reviews).toMatchObject({ direction: 'improved', movement: 'up', targetMet: false, change: 'up 4.8 percentage points, an improvement' });
      expect(reviews.sentence).toContain('Q4 2023/24');
      expect(reviews.sentence).toContain('97.2%');
      expect(reviews.sentence).toContain('second quartile');
      expect(reviews.sentence).toBe('Better than Q4 2023/24, still below the 97.2% target; second quartile nationally.');
    });

    // Paragraph 19: 47.3%, a decrease from 63.3% at the end of Quarter 4, fourth quartile; target >54.0%.
    it('care leavers EET: worse, down 16.0 percentage points, below the 54.0% target, bottom quartile', () => {
      const eet = card('care-leavers-eet');
      expect(eet).toMatchObject({ direction: 'worse', targetMet: false, change: 'down 16.0 percentage points, a worse result' });
      expect(eet.sentence).toBe('Worse than Q4 2023/24, below the 54.0% target; bottom quartile nationally.');
    });

    // Paragraph 15: second-time child protection plans fell to 25.2% from 26.9% (lower is better); target <20.8%.
    it('second child protection plans: lower is better, so a fall is an improvement, still above the 20.8% target', () => {
      const cpp = card('cpp-second-time');
      expect(cpp).toMatchObject({ direction: 'improved', movement: 'down', targetMet: false });
      expect(cpp.sentence).toBe('Better than Q4 2023/24, still above the 20.8% target; third quartile nationally.');
    });

    // Paragraph 30: 1,279 against 1,128, an increase of 151; no better direction.
    it('electively home educated: higher, not judged better or worse', () => {
      const ehe = card('elective-home-education');
      expect(ehe).toMatchObject({ direction: null, movement: 'up', targetMet: null, change: 'up 151' });
      expect(ehe.sentence).toBe('Higher than Q1 2023/24.');
    });

    // Paragraph 25: primary schools 90.3%, no change from Q4 2023/24, third quartile.
    it('primary schools: the same as Q4 2023/24', () => {
      const primary = card('primary-schools-good-outstanding');
      expect(primary).toMatchObject({ direction: 'no-change', movement: 'same', change: 'no change' });
      expect(primary.sentence).toBe('The same as Q4 2023/24; third quartile nationally.');
    });

    // Paragraph 28: 95% in 2024 against a bare 93.7% target (higher is better).
    it('primary first preferences: meets a bare target by polarity', () => {
      expect(card('primary-first-preference')).toMatchObject({ direction: 'improved', targetMet: true });
      expect(card('primary-first-preference').sentence).toBe('Better than 2023, meeting the 93.7% target; second quartile nationally.');
    });
  });
});

describe('Q3 2023/24 (seed 004)', () => {
  const summary = summarise(cardsFor('content/quarters/2023-24-q3/data.tsv'));

  // Counted by hand from seed 004's Status RAG and quartile columns (lines 4-32).
  it('counts RAG ratings and quartiles from the export', () => {
    expect(summary.total).toBe(29);
    expect(summary.rag).toEqual({ green: 4, amber: 14, red: 4, none: 7 });
    expect(summary.quartile).toEqual({ 1: 3, 2: 6, 3: 9, 4: 4, none: 7 });
  });
});

describe('summarise', () => {
  it('counts nothing for no cards', () => {
    const empty = summarise([]);
    expect(empty).toMatchObject({ total: 0, benchmarked: 0 });
    expect(quartileSentence(empty)).toBe('None of the 0 measures has a national benchmark.');
  });
});
