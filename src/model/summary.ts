/** Counts that summarise a quarter: RAG ratings, directions of travel, national quartiles. */
import type { Card } from './cards';

export interface QuarterSummary {
  total: number;
  rag: { green: number; amber: number; red: number; none: number };
  direction: { improved: number; 'no-change': number; worse: number; none: number };
  quartile: { 1: number; 2: number; 3: number; 4: number; none: number };
  /** Indicators with a national benchmark (a quartile). */
  benchmarked: number;
}

export function summarise(cards: readonly Pick<Card, 'direction' | 'record'>[]): QuarterSummary {
  const summary: QuarterSummary = {
    total: cards.length,
    rag: { green: 0, amber: 0, red: 0, none: 0 },
    direction: { improved: 0, 'no-change': 0, worse: 0, none: 0 },
    quartile: { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 },
    benchmarked: 0,
  };
  for (const card of cards) {
    summary.rag[card.record.rag ?? 'none']++;
    summary.direction[card.direction ?? 'none']++;
    summary.quartile[card.record.quartile ?? 'none']++;
    if (card.record.quartile) summary.benchmarked++;
  }
  return summary;
}

const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Small counts in words, as in the committee report ("three in the top quartile"); zero is "none", never "no" or "0". */
const words = (n: number) => NUMBER_WORDS[n] ?? String(n);
/** A count in a list of figures: numerals, but zero is "none". */
const count = (n: number) => (n === 0 ? 'none' : String(n));

/** "Of 22 measures, 14 have a national benchmark. Three are in the top quartile, four in the second, three in the third and four in the bottom." */
export function quartileSentence(summary: QuarterSummary): string {
  const q = summary.quartile;
  if (summary.benchmarked === 0) return `None of the ${summary.total} measures has a national benchmark.`;
  const top = words(q[1]);
  // Two short sentences rather than one long one: the site aims at a reading age of 9.
  return (
    `Of ${summary.total} measures, ${summary.benchmarked} ${summary.benchmarked === 1 ? 'has' : 'have'} a national benchmark. ` +
    `${top[0]!.toUpperCase()}${top.slice(1)} ${q[1] === 1 ? 'is' : 'are'} in the top quartile, ${words(q[2])} in the second, ${words(q[3])} in the third and ${words(q[4])} in the bottom.`
  );
}

/** "3 rated green, 7 amber and 4 red; 8 have no rating." Zero reads "none"; a clause about nothing is left out. */
export function ragSentence(summary: QuarterSummary): string {
  const r = summary.rag;
  const rated = `${count(r.green)} rated green, ${count(r.amber)} amber and ${count(r.red)} red`;
  return r.none === 0 ? `${rated}; every one has a rating.` : `${rated}; ${r.none} ${r.none === 1 ? 'has' : 'have'} no rating.`;
}

/** "7 improved, 10 got worse and 2 did not change; 3 are not judged (no better direction)." */
export function directionSentence(summary: QuarterSummary): string {
  const d = summary.direction;
  const moved = `${count(d.improved)} improved, ${count(d.worse)} got worse and ${count(d['no-change'])} did not change`;
  return d.none === 0 ? `${moved}.` : `${moved}; ${d.none} ${d.none === 1 ? 'is' : 'are'} not judged, because neither a higher nor a lower figure is better, or there is no earlier figure.`;
}
