import { describe, expect, it } from 'vitest';
import { chooseHeadlines } from '../src/present/headlines';
import { modelFromContent } from './helpers/model';
import type { Inline } from '../src/core/commentary-tree';

const tag = (component: string, of: string): Inline => ({ kind: 'figure', component, props: { of }, line: 1, column: 1 });

describe('headline figures', async () => {
  const model = await modelFromContent();
  const q1 = model.quarterById.get('2024-25-q1')!;

  it('without a choice in the commentary and a summary naming no indicator, shows good news and bad: two red, two amber, two green, in dashboard order, and says so', () => {
    const { cards, how } = chooseHeadlines({ ...q1, commentary: { ...q1.commentary!, headlines: [], summaryTree: [{ kind: 'text', value: 'A quarter of mixed results.' }] } });
    expect(cards.map((card) => card.record.rag)).toEqual(['red', 'red', 'amber', 'amber', 'green', 'green']);
    const reds = q1.cards.filter((card) => card.record.rag === 'red').slice(0, 2).map((card) => card.indicator.id);
    expect(cards.slice(0, 2).map((card) => card.indicator.id)).toEqual(reds);
    expect(how).toMatch(/two red, two amber and two green/);
  });

  it.each([
    ['the published summary', null, ['care-leavers-eet', 'cp-reviews-in-timescale']],
    // Suspensions were <Value of="suspensions" /> (<Change of="suspensions" />); care leavers <Value of="care-leavers-eet" />.
    ['a summary naming one indicator twice, then another', [tag('Value', 'suspensions'), { kind: 'strong', children: [tag('Change', 'suspensions')] }, tag('Value', 'care-leavers-eet')], ['suspensions', 'care-leavers-eet']],
  ] as const)('without a choice, leads with the indicators %s names, in its order, then balances the ratings', (_, summaryTree, leading) => {
    const commentary = { ...q1.commentary!, headlines: [], ...(summaryTree ? { summaryTree: summaryTree as unknown as Inline[] } : {}) };
    const { cards, how } = chooseHeadlines({ ...q1, commentary });
    expect(cards.slice(0, leading.length).map((card) => card.indicator.id)).toEqual([...leading]);
    // The named ones count towards two of each rating; nothing appears twice.
    const ids = cards.map((card) => card.indicator.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rating of ['red', 'amber', 'green'] as const) {
      const available = q1.cards.filter((card) => card.record.rag === rating).length;
      const namedOfRating = cards.slice(0, leading.length).filter((card) => card.record.rag === rating).length;
      expect(cards.filter((card) => card.record.rag === rating).length, rating).toBe(Math.max(namedOfRating, Math.min(2, available)));
    }
    expect(how).toMatch(/summary names/);
  });

  it('shows the commentary’s choice, in its order, and says it was chosen', () => {
    const chosen = ['cp-reviews-in-timescale', 'care-leavers-eet'];
    const { cards, how } = chooseHeadlines({ ...q1, commentary: { ...q1.commentary!, headlines: chosen } });
    expect(cards.map((card) => card.indicator.id)).toEqual(chosen);
    expect(how).toBe('Chosen by the report’s authors.');
  });
});
