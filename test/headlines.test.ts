import { describe, expect, it } from 'vitest';
import { chooseHeadlines } from '../src/present/headlines';
import { modelFromContent } from './helpers/model';

describe('headline figures', async () => {
  const model = await modelFromContent();
  const q1 = model.quarterById.get('2024-25-q1')!;

  it('without a choice in the commentary, shows good news and bad: two red, two amber, two green, in dashboard order, and says so', () => {
    const { cards, how } = chooseHeadlines({ ...q1, commentary: q1.commentary ? { ...q1.commentary, headlines: [] } : null });
    expect(cards.map((card) => card.record.rag)).toEqual(['red', 'red', 'amber', 'amber', 'green', 'green']);
    const reds = q1.cards.filter((card) => card.record.rag === 'red').slice(0, 2).map((card) => card.indicator.id);
    expect(cards.slice(0, 2).map((card) => card.indicator.id)).toEqual(reds);
    expect(how).toMatch(/two red, two amber and two green/);
  });

  it('shows the commentary’s choice, in its order, and says it was chosen', () => {
    const chosen = ['cp-reviews-in-timescale', 'care-leavers-eet'];
    const { cards, how } = chooseHeadlines({ ...q1, commentary: { ...q1.commentary!, headlines: chosen } });
    expect(cards.map((card) => card.indicator.id)).toEqual(chosen);
    expect(how).toBe('Chosen by the report’s authors.');
  });
});
