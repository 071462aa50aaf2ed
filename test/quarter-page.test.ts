import { describe, expect, it } from 'vitest';
import { areaSlug, quarterPage } from '../src/present/quarter-page';
import { modelFromContent } from './helpers/model';

const options = {
  council: 'Leicestershire County Council',
  committee: 'Children and Family Services Overview and Scrutiny Committee',
  title: 'Children and Family Services performance',
  cardUrl: (quarter: { year: string; quarter: string }, id: string) => `https://example.gov.uk/${quarter.year}/${quarter.quarter}/#${id}`,
};

describe('the quarter page data', async () => {
  const model = await modelFromContent();
  const q1 = quarterPage(model, '2024-25-q1', options);
  const q3 = quarterPage(model, '2023-24-q3', options);

  it('says an old quarter is not the latest, and names the latest; the latest says nothing', () => {
    expect(q3.latest).toMatchObject({ id: '2024-25-q1', label: 'Q1 2024/25' });
    expect(q1.latest).toBeNull();
  });

  it('leads the contents with every indicator at a glance, area by area with counts, and reaches the commentary', () => {
    const ids = q1.contents.map((entry) => entry.id);
    expect(ids[0]).toBe('glance-heading');
    expect(ids).toContain('commentary-text');
    const areas = q1.contents.find((entry) => entry.id === 'glance-heading')!.children!;
    expect(areas.map((area) => area.text)).toEqual(['Early Years (3)', 'Education (9)', 'SEND (2)', 'Social Care (8)']);
    expect(areas.map((area) => area.id)).toEqual(q1.glance.map((group) => group.slug));
  });

  it('prints plain titles, never the dashboard’s abbreviated names', () => {
    for (const row of q1.printRows) expect(row.name).toBe(model.catalogue.find((indicator) => indicator.id === row.id)!.title);
  });

  it.each([
    ['Social Care', 'area-social-care'],
    ['SEND', 'area-send'],
    ['Early Years', 'area-early-years'],
  ])('keeps the area anchor of %s stable (%s)', (area, slug) => {
    expect(areaSlug(area)).toBe(slug);
  });

  it('prints one compact row per indicator, in the council’s digits and targets in words', () => {
    expect(q1.printRows).toHaveLength(22);
    expect(q1.printRows.find((row) => row.id === 'care-leavers-eet')).toMatchObject({ latest: '47.3%', latestPeriod: 'Q1 2024/25', previous: '63.3% (Q4 2023/24)', target: 'above 54.0%', rag: 'Red', quartile: '4' });
    expect(q1.printRows.find((row) => row.id === 'suspensions')).toMatchObject({ latest: '3.16%', previous: '2.5% (2021/22)' });
  });

  it('gives each card a citation with the figure, period, report, committee date and permanent address', () => {
    expect(q1.citations.get('care-leavers-eet')).toBe(
      'Leicestershire County Council, Children and Family Services performance: Care leavers EET, 47.3% in Q1 2024/25. Q1 2024/25 performance report, Children and Family Services Overview and Scrutiny Committee, 3 September 2024. https://example.gov.uk/2024-25/q1/#care-leavers-eet',
    );
  });

  it('describes the national comparison chart with the quartile counts, then area by area', () => {
    expect(q1.quartiles.spec.categories).toEqual(['Early Years', 'Education', 'SEND', 'Social Care']);
    expect(q1.quartiles.description).toBe(
      'Of 22 measures, 14 have a national benchmark. Three are in the top quartile, four in the second, three in the third and four in the bottom. ' +
        'By area: Early Years: 3 without a benchmark. Education: 2 in the top quartile, 3 in the second, 1 in the third, 2 in the bottom, 1 without a benchmark. ' +
        'SEND: 2 without a benchmark. Social Care: 1 in the top quartile, 1 in the second, 2 in the third, 2 in the bottom, 2 without a benchmark.',
    );
  });

  it('describes the page with the summary, its figure tags filled from the data', () => {
    expect(q1.description).toContain('fell to 47.3%');
    expect(q1.description).toContain('rose to 92.2%');
    expect(q1.description).not.toContain('<Value');
  });
});
