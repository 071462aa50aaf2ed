/**
 * The commentary as the quarter page shows it: the tree the check read, with
 * an id for each heading that no other part of the page uses (a card's id, an
 * area's, a section's), so a link to a heading can never land on a card.
 */
import { plainInlineText, type Block } from '../core/commentary-tree.ts';
import { formatFigure } from '../core/format.ts';
import type { Card } from '../model/cards.ts';
import type { QuarterView } from '../model/model.ts';

/** "Social care" → "social-care": the fragment of a commentary heading, as Astro's Markdown made it (so links made before still work). */
function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'commentary-section';
}

/** Each heading of the tree with an id unique on the page: `taken` holds the page's own ids. */
export function commentaryHeadingIds(blocks: readonly Block[], taken: Iterable<string>): Map<Block, string> {
  const used = new Set(taken);
  const ids = new Map<Block, string>();
  const visit = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'heading') {
        const base = slug(plainInlineText(block.children));
        let id = base;
        for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
        used.add(id);
        ids.set(block, id);
      } else if (block.kind === 'blockquote') visit(block.children);
      else if (block.kind === 'list') block.items.forEach(visit);
    }
  };
  visit(blocks);
  return ids;
}

/** A chart tag's figures as its table shows them: each period as this quarter's report published it (the page's chart and the editor's preview). */
export function chartTableRows(quarter: Pick<QuarterView, 'trends'>, card: Card): { period: string; figure: string }[] {
  return (quarter.trends.get(card.indicator.id) ?? []).map((point) => ({ period: point.period.label, figure: formatFigure(point.figure, card.indicator) }));
}
