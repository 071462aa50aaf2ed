import { describe, expect, it } from 'vitest';
import { buildCard } from '../src/model/cards';
import { IndicatorMatcher } from '../src/ingest/catalogue';
import { formatFileProblems } from '../src/core/problems';
import { directionSentence, quartileSentence, ragSentence, summarise } from '../src/model/summary';
import { renderSummary } from '../src/model/figure-text';
import { readSummary } from '../src/ingest/commentary-body';
import { checkQuarterFile, realCatalogue } from './helpers/content';
import { modelFromContent } from './helpers/model';

const catalogue = realCatalogue();
const byId = new Map(catalogue.map((indicator) => [indicator.id, indicator]));
const matcher = new IndicatorMatcher(catalogue);

/** The cards of a real quarter's data file, checked for the quarter of its folder. */
function cardsFor(folder: string) {
  const file = `content/quarters/${folder}/data.tsv`;
  const result = checkQuarterFile(file, folder, matcher);
  if (result.problems.length) throw new Error(formatFileProblems(file, result.problems));
  return result.indicators.map((record) => buildCard(byId.get(record.id)!, record));
}

describe('Q1 2024/25 (seed 000)', () => {
  const cards = cardsFor('2024-25-q1');
  const summary = summarise(cards);

  // Paragraph 5: "From 22 measures reported, 14 have a national benchmark; three are in the top quartile,
  // four are in the second quartile, three are in the third quartile and four are in the bottom quartile."
  it('has 22 measures, 14 benchmarked: 3 top, 4 second, 3 third, 4 bottom quartile', () => {
    expect(summary.total).toBe(22);
    expect(summary.benchmarked).toBe(14);
    expect(summary.quartile).toEqual({ 1: 3, 2: 4, 3: 3, 4: 4, none: 8 });
    expect(quartileSentence(summary)).toBe(
      'Of 22 measures, 14 have a national benchmark. Three are in the top quartile, four in the second, three in the third and four in the bottom.',
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
    expect(directionSentence(summary)).toBe(
      '7 improved, 10 got worse and 2 did not change; 3 are not judged, because neither a higher nor a lower figure is better, or there is no earlier figure.',
    );
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
  const summary = summarise(cardsFor('2023-24-q3'));

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

  it('reads a zero count as "none", and leaves out a clause about nothing', () => {
    const summary = {
      total: 3,
      rag: { green: 0, amber: 3, red: 0, none: 0 },
      direction: { improved: 0, 'no-change': 1, worse: 2, none: 0 },
      quartile: { 1: 0, 2: 1, 3: 0, 4: 0, none: 2 },
      benchmarked: 1,
    };
    expect(ragSentence(summary)).toBe('none rated green, 3 amber and none red; every one has a rating.');
    expect(directionSentence(summary)).toBe('none improved, 2 got worse and 1 did not change.');
    expect(quartileSentence(summary)).toBe('Of 3 measures, 1 has a national benchmark. None are in the top quartile, one in the second, none in the third and none in the bottom.');
  });

  it('agrees the verb with a single measure in the top quartile', () => {
    const summary = { total: 2, rag: { green: 0, amber: 0, red: 0, none: 2 }, direction: { improved: 0, 'no-change': 0, worse: 0, none: 2 }, quartile: { 1: 1, 2: 1, 3: 0, 4: 0, none: 0 }, benchmarked: 2 };
    expect(quartileSentence(summary)).toBe('Of 2 measures, 2 have a national benchmark. One is in the top quartile, one in the second, none in the third and none in the bottom.');
  });
});

// The commentary summary (home page, link previews, the feed) states figures only through figure tags, filled from the cards.
describe('the summary text, its figure tags filled in', async () => {
  const model = await modelFromContent();
  const q1 = model.quarterById.get('2024-25-q1')!;
  const context = { cards: q1.cards, summary: q1.summary };

  it('Q1 2024/25: the two figures its summary names, as the cards show them', () => {
    expect(q1.summaryText).toBe(
      'Care leavers in education, employment or training fell to 47.3%, while child protection cases reviewed on time rose to 92.2%. Requests for special educational needs assessments in the year to July 2024 were the most the council has ever received.',
    );
  });

  it('Q3 2023/24: a summary without figure tags is the text as written', () => {
    expect(model.quarterById.get('2023-24-q3')!.summaryText).toBe(
      "A plain summary of the published Q3 2023/24 dashboard figures, not the committee's own commentary. Care leaver measures met their targets; child protection reviews, repeat child protection plans, re-referrals and the early development of children on free school meals were rated red.",
    );
  });

  it.each([
    ['<Value of="cp-reviews-in-timescale" period="previous" />', '87.4%'],
    ['<Value of="elective-home-education" />', '1,279'],
    ['<Value of="permanent-exclusions" />', '0.07%'],
    ['<Period of="care-leavers-eet" />', 'Q1 2024/25'],
    ['<Period of="elective-home-education" period="previous" />', 'Q1 2023/24'],
    ['<Change of="care-leavers-eet" />', 'down 16.0 percentage points, a worse result'],
    ['<Direction of="cpp-second-time" />', 'improved'],
    ['<Direction of="elective-home-education" />', 'not judged'],
    ['<Target of="cp-reviews-in-timescale" />', 'above 97.2%'],
    ['<Target of="cp-reviews-in-timescale" show="status" />', 'not met'],
    ['<Rag of="care-leavers-eet" />', 'red'],
    ['<Quartile of="secondary-schools-good-outstanding" />', 'bottom quartile'],
    ['<Average of="secondary-schools-good-outstanding" group="england" />', '83.8%'],
    ['<Average of="secondary-schools-good-outstanding" group="neighbours" />', '86.1%'],
    ['<Count of="red" />', '4'],
    ['<Count of="indicators" />', '22'],
    // A prop in curly brackets holding one string is the same prop: the summary is read by the body's own rules, so it is
    // never dropped (it once printed the latest figure for period={"previous"}, and England's average for the neighbours').
    ['<Value of="care-leavers-eet" period={"previous"} />', '63.3%'],
    ['<Average of="secondary-schools-good-outstanding" group={"neighbours"} />', '86.1%'],
  ])('%s reads "%s"', (tag, text) => {
    const ids = q1.cards.map((card) => card.indicator.id);
    const read = readSummary(`It was ${tag} then.`, 'commentary.mdx', 8, { catalogueIds: ids, quarterIds: ids, quarterLabel: q1.label });
    expect(read.problems).toEqual([]);
    expect(renderSummary(read.inlines, context)).toBe(`It was ${text} then.`);
  });
});
