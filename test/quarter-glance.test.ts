/** The quarter's meaning first (src/present/quarter-glance.ts): key points and the at-a-glance list, from the real content. */
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../src/core/format';
import { glance, keyPoints, percentagePointsNote, pointText, sentences } from '../src/present/quarter-glance';
import { chooseHeadlines } from '../src/present/headlines';
import { summaryIndicators } from '../src/model/figure-text';
import { modelFromContent } from './helpers/model';

describe('sentences of a summary', () => {
  const t = (text: string) => ({ text, figure: false });
  const f = (text: string) => ({ text, figure: true });
  it.each([
    ['two sentences', [t('One thing. Another thing.')], ['One thing.', 'Another thing.']],
    ['a figure with a decimal point is never split', [t('It rose to '), f('2.8'), t(' points. Then it fell.')], ['It rose to 2.8 points.', 'Then it fell.']],
    ['a full stop before a lower-case word is not an end', [t('Compare e.g. this one.')], ['Compare e.g. this one.']],
    ['a sentence ending on a figure', [t('Care leavers fell to '), f('47.3%'), t('. Reviews rose.')], ['Care leavers fell to 47.3%.', 'Reviews rose.']],
  ])('%s', (_, parts, expected) => {
    expect(sentences(parts).map((sentence) => sentence.map((part) => part.text).join(''))).toEqual(expected);
  });
});

describe('the key points and the at-a-glance list', async () => {
  const model = await modelFromContent();
  const q1 = model.quarterById.get('2024-25-q1')!;
  const headlines = chooseHeadlines(q1).cards;
  const points = keyPoints(q1, headlines);
  const cardOf = (id: string) => q1.cards.find((card) => card.indicator.id === id)!;

  it('start with the summary’s sentences, its figure tags filled in from the data and marked as figures', () => {
    const named = summaryIndicators(q1.commentary!.summaryTree);
    expect(named.length).toBeGreaterThan(0);
    const figures = points.flatMap((point) => point.parts.filter((part) => part.figure).map((part) => part.text));
    for (const id of named) expect(figures).toContain(formatFigure(cardOf(id).record.latest.figure, cardOf(id).indicator));
    expect(points.slice(0, 2).map(pointText).join(' ')).toBe(q1.summaryText);
  });

  it('then add headline figures the summary does not name, each linking to its card, then the counts', () => {
    const named = new Set(summaryIndicators(q1.commentary!.summaryTree));
    const linked = points.filter((point) => point.card).map((point) => point.card!.id);
    expect(linked.length).toBe(Math.min(3, headlines.filter((card) => !named.has(card.indicator.id)).length));
    for (const id of linked) expect(named.has(id)).toBe(false);
    const counts = pointText(points.at(-1)!);
    expect(counts).toContain(`Of ${q1.summary.total} indicators, ${q1.summary.direction.improved} improved and ${q1.summary.direction.worse} got worse`);
  });

  it('a quarter without commentary still has key points: its headline figures and counts', () => {
    const bare = keyPoints({ ...q1, commentary: null }, headlines);
    expect(bare.length).toBe(Math.min(3, headlines.length) + 1);
  });

  it('list every card once, area by area, with its figure, direction and rating in words', () => {
    const groups = glance(q1);
    expect(groups.map((group) => group.area)).toEqual(q1.areas.map((group) => group.area));
    const rows = groups.flatMap((group) => group.rows);
    expect(rows.map((row) => row.id)).toEqual(q1.areas.flatMap((group) => group.cards.map((card) => card.indicator.id)));
    for (const row of rows) {
      const card = cardOf(row.id);
      expect(row.title).toBe(card.indicator.title);
      expect(row.value).toBe(formatFigure(card.record.latest.figure, card.indicator));
      expect(row.rating).toBe(card.record.rag ? `${card.record.rag[0]!.toUpperCase()}${card.record.rag.slice(1)} rating` : 'Not rated');
      expect(row.direction).toMatch(/^(Improved|Worse|No change|Up \(not judged\)|Down \(not judged\)|No change \(not judged\)|No comparison)$/);
    }
    expect(new Set(groups.map((group) => group.slug)).size).toBe(groups.length);
  });

  it('explains percentage points once, with the first card that uses them, and says nothing when none does', () => {
    const eet = cardOf('care-leavers-eet');
    expect(percentagePointsNote([eet])).toBe('A change in percentage points is the gap between two percentages: from 63.3% to 47.3% is down 16.0 percentage points, not a change of 16.0 per cent of 63.3%.');
    const counts = q1.cards.filter((card) => card.indicator.unit === 'count');
    expect(counts.length).toBeGreaterThan(0);
    expect(percentagePointsNote(counts)).toBeNull();
  });
});
