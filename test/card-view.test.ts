/** What an indicator card shows (src/present/card-view.ts), from the real content without a build. */
import { describe, expect, it } from 'vitest';
import { cardView, ratingView } from '../src/present/card-view';
import { modelFromContent, reportOf } from './helpers/model';

describe('the card view', async () => {
  const model = await modelFromContent();
  const q1 = model.quarterById.get('2024-25-q1')!;
  const viewOf = (id: string) => cardView(q1.cards.find((card) => card.indicator.id === id)!, q1.trends.get(id) ?? []);

  it.each([
    ['care-leavers-eet', { value: '47.3%', period: 'Q1 2024/25', compared: 'Compared with 63.3% in Q4 2023/24: down 16.0 percentage points.', standing: 'Below the 54.0% target; bottom quartile nationally.', cite: 'Cite this figure: 47.3% in Q1 2024/25', target: { shown: '>54.0%', words: 'above 54.0%' }, quartile: '4th (bottom)', averages: [] }],
    ['secondary-schools-good-outstanding', { value: '77.8%', target: null, quartile: '4th (bottom)', averages: [{ term: 'Statistical neighbours', figure: '86.1%' }, { term: 'England average', figure: '83.8%' }] }],
    ['cic-dental-checks', { value: '73.0%', target: null, quartile: 'No benchmark', averages: [] }],
    ['children-mainstream-sen-support', { value: '13,374', period: 'Summer Term 2024', compared: 'Compared with 12,968 in Spring Term 2024: up 406.' }],
  ])('shows %s in the council’s digits', (id, expected) => {
    expect(viewOf(id)).toMatchObject(expected);
  });

  it('notes a figure an earlier report gave differently, and one a later report revised', () => {
    const card = q1.cards.find((candidate) => candidate.indicator.id === 'care-leavers-eet')!;
    const trend = q1.trends.get('care-leavers-eet')!;
    const revisedCard = { ...card, revisions: [{ period: 'Q4 2023/24', role: 'previous' as const, quarterId: '2023-24-q3', quarterLabel: 'Q3 2023/24', figure: { value: 63, decimals: 0 }, later: false }] };
    const laterTrend = trend.map((point, i) => (i === trend.length - 1 ? { ...point, laterRevisions: [{ ...point.publications[0]!, quarterId: '2024-25-q2', quarterLabel: 'Q2 2024/25', figure: { value: 47.9, decimals: 1 } }] } : point));
    expect(cardView(revisedCard, laterTrend).revisions).toEqual([
      { when: 'earlier', text: "Q3 2023/24's report gave 63% for Q4 2023/24; this report revised it." },
      { when: 'later', text: "the Q1 2024/25 figure shown here, 47.3%, was revised in Q2 2024/25's report to 47.9%." },
    ]);
    expect(viewOf('care-leavers-eet').revisions).toEqual([]);
  });

  it('says when the council’s own Trend word disagrees with the figures, as Q3 2023/24’s dashboard did for primary schools, and on exactly the rows the check warns about', async () => {
    const q3 = model.quarterById.get('2023-24-q3')!;
    const notes = new Map(
      model.quarters.flatMap((quarter) => quarter.cards.map((card) => [`${quarter.id}|${card.indicator.id}`, cardView(card, []).councilTrend] as const)).filter(([, note]) => note !== null),
    );
    // seeds/004, Q3 2023/24: "Primary schools rated 'Good' or 'Outstanding' ... 90.2% ... 90.3% Decline".
    const primary = q3.cards.find((card) => card.indicator.id === 'primary-schools-good-outstanding')!;
    expect(primary.record.councilTrend).toBe('Decline');
    expect(notes.get('2023-24-q3|primary-schools-good-outstanding')).toBe('The council’s dashboard gives the trend as “Decline”, but the figure went up, from 90.2% to 90.3%.');
    // The check's Trend warnings (its own reading of the same cells) name the same rows.
    const report = await reportOf();
    const warned = report.quarters.flatMap((quarter) => quarter.warnings.filter((warning) => warning.columnName === 'Trend').map((warning) => `${quarter.id}|${quarter.quarter!.indicators.find((row) => row.line === warning.line)!.id}`));
    expect([...notes.keys()].sort()).toEqual(warned.sort());
    // A word that agrees gives no note.
    expect(cardView({ ...primary, record: { ...primary.record, councilTrend: 'Increase' } }, []).councilTrend).toBeNull();
  });

  it('says the judgement once: the comparison gives the change, the badge says better or worse', () => {
    for (const card of q1.cards) {
      const view = cardView(card, q1.trends.get(card.indicator.id) ?? []);
      const words = `${view.compared ?? ''} ${view.standing ?? ''} ${view.rating.words}`;
      expect(words, card.indicator.id).not.toMatch(/improvement|worse|better/i);
    }
  });

  const target = { value: 90, decimals: 0, text: '>90%', comparison: 'above' as const };
  it.each([
    ['meets its target, rated amber', { rag: 'amber', target }, true, null, /meets its target but is rated amber/],
    ['misses its target, rated green', { rag: 'green', target }, false, null, /misses its target but is rated green/],
    ['has no target, rated red', { rag: 'red', target: null }, null, null, /No target is published/],
    ['rated green although worse', { rag: 'green', target }, true, 'worse', /although the figure got worse/],
    ['rated red although better', { rag: 'red', target }, false, 'improved', /although the figure got better/],
    ['meets its target, rated green (control)', { rag: 'green', target }, true, 'improved', null],
    ['misses its target, rated red (control)', { rag: 'red', target }, false, 'worse', null],
    ['not rated (control)', { rag: null, target }, true, null, null],
  ] as const)('says whose the rating is, and explains when it %s', (_, record, targetMet, direction, note) => {
    const view = ratingView({ record: record as never, targetMet, direction });
    expect(view.words).toMatch(/council/);
    if (note) expect(view.note).toMatch(note);
    else expect(view.note).toBeNull();
  });

  it('on the real cards, explains every rating that meets its target but is not green, and only those or other disagreements', () => {
    const disagreeing = q1.cards.filter((card) => card.record.rag && card.record.target && card.targetMet === true && card.record.rag !== 'green');
    expect(disagreeing.length).toBeGreaterThan(0);
    for (const card of disagreeing) expect(ratingView(card).note, card.indicator.id).toMatch(/meets its target/);
  });
});

