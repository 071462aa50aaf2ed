/** The home page's data (src/present/home-page.ts), from the real content without a build. */
import { describe, expect, it } from 'vitest';
import { homePage } from '../src/present/home-page';
import { modelFromContent } from './helpers/model';

describe('the home page data', async () => {
  const model = await modelFromContent();
  const page = homePage(model);

  it('leads with the newest published quarter and links to all its cards', () => {
    expect(page.latest!.quarter.id).toBe('2024-25-q1');
    expect(page.latest!.link).toEqual({ path: '/2024-25/q1/', text: 'See all 22 indicators for Q1 2024/25' });
  });

  it('links each headline to its card on the quarter page, with the figure as published', () => {
    expect(page.latest!.headlines.length).toBeGreaterThan(0);
    for (const headline of page.latest!.headlines) {
      expect(headline.link.path).toBe(`/2024-25/q1/#${headline.card.indicator.id}`);
      expect(headline.link.text).toBe(headline.card.indicator.title);
      expect(headline.period).toBe(headline.card.record.latest.period.label);
    }
    const eet = page.latest!.headlines.find((headline) => headline.card.indicator.id === 'care-leavers-eet');
    if (eet) expect(eet.value).toBe('47.3%');
    expect(page.latest!.headlinesHow).not.toBe('');
  });

  it('lists every quarter newest first', () => {
    expect(page.quarters.map((quarter) => [quarter.path, quarter.text])).toEqual([
      ['/2024-25/q1/', 'Q1 2024/25'],
      ['/2023-24/q3/', 'Q3 2023/24'],
    ]);
    expect(page.quarters[0]!.detail).toMatch(/^April to June 2024, 22 indicators$/);
  });

  it('falls back to the newest quarter when none is published (a drafts preview), and says so when there is none', async () => {
    const drafts = await modelFromContent();
    for (const quarter of drafts.quarters) quarter.publication = 'draft';
    expect(homePage(drafts).latest!.quarter.id).toBe('2024-25-q1');
    expect(homePage({ ...drafts, quarters: [] })).toEqual({ latest: null, quarters: [] });
  });
});
