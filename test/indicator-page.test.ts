/** The indicator history page's data (src/present/indicator-page.ts), from the real content without a build. */
import { describe, expect, it } from 'vitest';
import { indicatorPage } from '../src/present/indicator-page';
import { buildModel } from '../src/model/model';
import { modelFromContent, reportOf } from './helpers/model';

const units = { percent: 'a percentage', count: 'a number of children', score: 'a score' };

describe('the indicator page data', async () => {
  const model = await modelFromContent();
  const eet = indicatorPage(model, 'care-leavers-eet', { units });

  it('takes the latest figure from the newest report, in the council’s digits', () => {
    expect(eet.latest).toMatchObject({ value: '47.3%', period: 'Q1 2024/25', quartile: '4th quartile nationally' });
    expect(eet.latest!.card.record.rag).toBe('red');
  });

  it.each([
    ['care-leavers-eet', 'A higher figure is better. The target in Q1 2024/25 is above 54.0%.', 'It is a percentage, published each quarter.'],
    ['cic-dental-checks', 'A higher figure is better. There is no target for this indicator.', 'It is a percentage, published each quarter.'],
  ])('says what good looks like for %s', (id, opening, unit) => {
    const page = indicatorPage(model, id, { units });
    expect(page.whatGoodLooksLike.startsWith(opening), page.whatGoodLooksLike).toBe(true);
    expect(page.whatGoodLooksLike).toContain(unit);
    expect(page.whatGoodLooksLike).toContain(`It contributes to the outcome: “${page.indicator.outcome}”.`);
  });

  it('lists every published period oldest first, each linked to the card of the report that gave it', () => {
    expect(eet.rows.map((row) => [row.period, row.value])).toEqual([
      ['Q2 2023/24', '58.8%'],
      ['Q3 2023/24', '61.6%'],
      ['Q4 2023/24', '63.3%'],
      ['Q1 2024/25', '47.3%'],
    ]);
    expect(eet.rows[0]!.publishedIn).toEqual([{ path: '/2023-24/q3/#care-leavers-eet', text: 'Q3 2023/24 report', gave: null }]);
    expect(eet.rows[3]!.publishedIn.map((link) => link.path)).toEqual(['/2024-25/q1/#care-leavers-eet']);
    expect(eet.rows.every((row) => !row.revised)).toBe(true);
  });

  it('links each report that included it to its card there, with the figure it gave', () => {
    expect(eet.reports).toEqual([
      { path: '/2023-24/q3/#care-leavers-eet', text: 'Q3 2023/24', figure: '61.6% in Q3 2023/24' },
      { path: '/2024-25/q1/#care-leavers-eet', text: 'Q1 2024/25', figure: '47.3% in Q1 2024/25' },
    ]);
  });

  it.each([
    ['secondary-schools-good-outstanding', 'In Q1 2024/25, the average for similar councils was 86.1%. The England average was 83.8%.'],
    ['care-leavers-eet', null],
  ])('names the comparators drawn on the chart for %s, and none where the report gave none', (id, comparators) => {
    const page = indicatorPage(model, id, { units });
    expect(page.comparators).toBe(comparators);
    expect(page.spec.references).toHaveLength(comparators ? 2 : 0);
  });

  it('describes the chart leading with the card’s own verdict', () => {
    expect(eet.description.startsWith('Worse')).toBe(true);
    expect(eet.description).toContain('47.3%');
  });

  it('lists corrections newest first, dated in words, linked to the report’s corrections', async () => {
    const corrected = await modelFromContent();
    corrected.quarterById.get('2024-25-q1')!.corrections.set('care-leavers-eet', [
      { date: '2024-10-01', indicator: 'care-leavers-eet', figure: 'latest', oldValue: '46.9%', newValue: '47.3%', reason: 'Two late returns were added.' },
      { date: '2024-10-08', indicator: 'care-leavers-eet', figure: 'previous', oldValue: '63.0%', newValue: '63.3%', reason: 'A duplicate was removed.' },
    ]);
    const page = indicatorPage(corrected, 'care-leavers-eet', { units });
    expect(page.corrections.map((item) => [item.dateText, item.link.path, item.link.text, item.figure, item.oldValue, item.newValue])).toEqual([
      ['8 October 2024', '/2024-25/q1/#corrections', 'Q1 2024/25 report', 'previous', '63.0%', '63.3%'],
      ['1 October 2024', '/2024-25/q1/#corrections', 'Q1 2024/25 report', 'latest', '46.9%', '47.3%'],
    ]);
    expect(eet.corrections).toEqual([]);
  });

  it('marks a period two reports gave differently as revised, showing the newest figure and what each report gave', async () => {
    // The real reports never give the same period twice; here the Q1 report's previous figure for care leavers EET
    // is made Q3 2023/24's, given as 61.9% where the Q3 report gave 61.6%.
    const report = await reportOf();
    const quarters = report.quarters.filter((quarter) => quarter.quarter).map((quarter) => structuredClone(quarter.quarter!));
    const rowIn = (quarterId: string) => quarters.find((quarter) => quarter.id === quarterId)!.indicators.find((row) => row.id === 'care-leavers-eet')!;
    const q3Latest = rowIn('2023-24-q3').latest;
    expect(q3Latest).toMatchObject({ figure: { value: 61.6, decimals: 1 } });
    rowIn('2024-25-q1').previous = { ...q3Latest, figure: { ...q3Latest.figure!, value: 61.9 } };
    const page = indicatorPage(buildModel(report.catalogue, quarters, report.areas), 'care-leavers-eet', { units });
    const revised = page.rows.find((row) => row.period === 'Q3 2023/24')!;
    expect(revised).toMatchObject({ value: '61.9%', revised: true });
    expect(revised.publishedIn.map((link) => [link.text, link.gave])).toEqual([
      ['Q3 2023/24 report', '61.6%'],
      ['Q1 2024/25 report', '61.9%'],
    ]);
    expect(page.rows.filter((row) => row.revised).map((row) => row.period)).toEqual(['Q3 2023/24']);
    expect(page.description).toContain('One figure was revised by a later report.');
  });

  it.each([
    ['ks2-rwm-fsm', 'published once a year'],
    ['feee-3-year-olds', 'published each school term'],
    ['care-leavers-eet', 'published each quarter'],
  ])('says how often %s is published', (id, words) => {
    expect(indicatorPage(model, id, { units }).whatGoodLooksLike).toContain(words);
  });

  it('refuses an id that is not in the catalogue', () => {
    expect(() => indicatorPage(model, 'care-leavers-etc', { units })).toThrow('No indicator care-leavers-etc');
  });
});
