/** The list of all indicators (src/present/indicators-page.ts), from the real content without a build. */
import { describe, expect, it } from 'vitest';
import { indicatorsPage } from '../src/present/indicators-page';
import { modelFromContent } from './helpers/model';

describe('the indicators list data', async () => {
  const model = await modelFromContent();
  const areas = ['Early Years', 'Education', 'SEND', 'Social Care'];
  const page = indicatorsPage(model, areas);
  const item = (id: string) => page.groups.flatMap((group) => group.items).find((candidate) => candidate.indicator.id === id)!;

  it('groups every catalogue indicator once, areas in the site’s order', () => {
    expect(page.groups.map((group) => [group.area, group.slug])).toEqual(areas.map((area) => [area, `area-${area.toLowerCase().replace(' ', '-')}`]));
    expect(page.groups.flatMap((group) => group.items.map((entry) => entry.indicator.id)).sort()).toEqual(model.catalogue.map((indicator) => indicator.id).sort());
  });

  it.each([
    ['care-leavers-eet', '47.3%', 'Q1 2024/25'],
    ['ks2-rwm-fsm', '42.1%', '2022/23 (final)'],
    ['children-mainstream-ehcp', '2,674', 'Summer Term 2024'],
  ])('gives %s’s newest report’s figure as published: %s in %s', (id, value, period) => {
    expect(item(id).latest).toMatchObject({ value, period });
    expect(item(id).path).toBe(`/indicators/${id}/`);
  });

  it('searches the title, the dashboard name and the definition, each a field of its own for ranking', () => {
    expect(item('care-leavers-eet').search).toMatchObject({ id: 'care-leavers-eet', title: 'Care leavers in education, work or training' });
    expect(item('care-leavers-eet').search.names).toContain('Care leavers EET');
    expect(item('care-leavers-eet').search.definition).toBe(model.catalogue.find((indicator) => indicator.id === 'care-leavers-eet')!.definition);
  });

  it('leaves out an area with no indicators, and an indicator no report has included has no figure', () => {
    expect(indicatorsPage(model, ['Nowhere', 'SEND']).groups.map((group) => group.area)).toEqual(['SEND']);
    const unreported = { ...model, indicators: new Map([...model.indicators].map(([id, view]) => [id, id === 'care-leavers-eet' ? { ...view, appearances: [] } : view])) };
    expect(indicatorsPage(unreported, areas).groups.flatMap((group) => group.items).find((entry) => entry.indicator.id === 'care-leavers-eet')!.latest).toBeNull();
  });
});
