import { describe, expect, it } from 'vitest';
import { readCommentaryText } from '../src/ingest/commentary-body';
import { FIGURE_COMPONENTS } from '../src/core/figure-components';
import { figureReference } from '../src/present/figure-reference';
import { modelFromContent } from './helpers/model';

describe('the figure reference of the real Q1 2024/25', async () => {
  const model = await modelFromContent();
  const quarter = model.quarterById.get('2024-25-q1')!;
  const reference = figureReference(quarter);
  const ids = quarter.cards.map((card) => card.indicator.id);
  const allTags = [...reference.quarterTags, ...reference.indicators.flatMap((indicator) => indicator.tags)];

  it('lists every indicator the quarter reports', () => {
    expect(reference.indicators.map((indicator) => indicator.id)).toEqual(ids);
  });

  it('offers every component, and every tag it offers passes the commentary check', () => {
    const offered = new Set(allTags.map((row) => /^<(\w+)/.exec(row.tag)![1]));
    expect([...offered].sort()).toEqual(FIGURE_COMPONENTS.map((component) => component.name).sort());
    const source = allTags.map((row) => (row.tag.startsWith('<Chart') || row.tag.startsWith('<Indicator') ? `\n${row.tag}\n` : `Text ${row.tag}.`)).join('\n\n');
    expect(readCommentaryText(`---\ntitle: Reference\n---\n${source}`, 'reference.mdx', { catalogueIds: ids, quarterIds: ids, quarterLabel: quarter.label }).problems).toEqual([]);
  });

  it.each([
    ['<Value of="care-leavers-eet" />', '47.3%'],
    ['<Value of="care-leavers-eet" period="previous" />', '63.3%'],
    ['<Period of="care-leavers-eet" period="previous" />', 'Q4 2023/24'],
    ['<Target of="care-leavers-eet" />', 'above 54.0%'],
    ['<Target of="care-leavers-eet" show="status" />', 'not met'],
    ['<Rag of="care-leavers-eet" />', 'red'],
    ['<Quartile of="care-leavers-eet" />', 'bottom quartile'],
    ['<Value of="suspensions" period="previous" />', '2.5%'],
    ['<Average of="suspensions" group="england" />', '3.61%'],
    ['<Count of="red" />', '4'],
    ['<Count of="quartile-1" />', '3'],
  ])('%s prints %s, as the data holds', (tag, prints) => {
    expect(allTags.find((row) => row.tag === tag)?.prints).toBe(prints);
  });
});
