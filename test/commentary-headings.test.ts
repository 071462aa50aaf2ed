/** Commentary heading ids never collide with the page's own ids: a link to a heading can never land on a card. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/core/commentary-tree';
import { commentaryHeadingIds } from '../src/present/commentary';
import { quarterPage } from '../src/present/quarter-page';
import { modelFromContent } from './helpers/model';

const heading = (text: string, depth: 3 | 4 = 3): Block => ({ kind: 'heading', depth, children: [{ kind: 'text', value: text }] });

describe('commentary heading ids', () => {
  it.each([
    ['Social care', [], 'social-care'],
    ['Care leavers EET', ['care-leavers-eet'], 'care-leavers-eet-2'],
    ['Summary heading', ['summary-heading'], 'summary-heading-2'],
    ['Área: SEND (2024)', [], 'area-send-2024'],
    ['!!!', [], 'commentary-section'],
  ])('%j with the page already using %j gets %j', (text, taken, expected) => {
    const block = heading(text);
    expect(commentaryHeadingIds([block], taken).get(block)).toBe(expected);
  });

  it('two headings with the same words get different ids, inside lists and quotes too', () => {
    const first = heading('Education');
    const second = heading('Education', 4);
    const quoted = heading('Education');
    const ids = commentaryHeadingIds([first, { kind: 'list', ordered: false, start: null, items: [[second]] }, { kind: 'blockquote', children: [quoted] }], []);
    expect([ids.get(first), ids.get(second), ids.get(quoted)]).toEqual(['education', 'education-2', 'education-3']);
  });

  it('on the real Q1 2024/25 page, no heading id is a card, area or section id', async () => {
    const model = await modelFromContent();
    const page = quarterPage(model, '2024-25-q1', { council: 'c', committee: 'c', title: 't', cardUrl: () => '' });
    const ids = [...page.commentaryHeadingIds.values()];
    expect(ids).toContain('social-care');
    const pageIds = new Set([...page.contents.flatMap((entry) => [entry.id, ...(entry.children ?? []).map((child) => child.id)]), ...page.quarter.cards.map((card) => card.indicator.id)]);
    expect(ids.filter((id) => pageIds.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
