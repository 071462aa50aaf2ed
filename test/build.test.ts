/**
 * Builds the real site and checks what a reader and a data user get against
 * the figures in the seed documents; then checks that bad content stops the
 * build with a message that leads to the cell to fix.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyOfContent, ROOT, textOfElement, type BuildResult } from './helpers/build';

// Figures read off seed 000 (Q1 2024/25 appendix and narrative paragraphs 14-34).
const Q1_FIGURES = [
  // id, latest, latest period, previous, previous period, rag, quartile
  ['cp-reviews-in-timescale', 92.2, 'Q1 2024/25', 87.4, 'Q4 2023/24', 'amber', 2],
  ['cpp-second-time', 25.2, 'Q1 2024/25', 26.9, 'Q4 2023/24', 'amber', 3],
  ['re-referrals-12-months', 24.9, 'Q1 2024/25', 24.1, 'Q4 2023/24', 'red', 4],
  ['assessments-45-days', 83.1, 'Q1 2024/25', 88.6, 'Q4 2023/24', 'amber', 3],
  ['care-leavers-suitable-accommodation', 93.5, 'Q1 2024/25', 94.9, 'Q4 2023/24', 'green', 1],
  ['care-leavers-eet', 47.3, 'Q1 2024/25', 63.3, 'Q4 2023/24', 'red', 4],
  ['cic-dental-checks', 73.0, 'Q1 2024/25', 76.6, 'Q4 2023/24', null, null],
  ['cic-health-assessments', 80.6, 'Q1 2024/25', 76.3, 'Q4 2023/24', null, null],
  ['feee-2-year-olds', 66.0, 'Summer Term 2024', 71.2, 'Spring Term 2024', null, null],
  ['feee-3-year-olds', 92.9, 'Summer Term 2024', 89.8, 'Spring Term 2024', null, null],
  ['feee-high-quality', 98.2, 'Summer Term 2024', 97.3, 'Spring Term 2024', null, null],
  ['primary-schools-good-outstanding', 90.3, 'Q1 2024/25', 90.3, 'Q4 2023/24', 'amber', 3],
  ['secondary-schools-good-outstanding', 77.8, 'Q1 2024/25', 77.8, 'Q4 2023/24', 'red', 4],
  ['pupils-good-outstanding-schools', 85.4, 'Q1 2024/25', 85.9, 'Q4 2023/24', 'red', 4],
  ['primary-first-preference', 95.0, '2024', 94.3, '2023', 'amber', 2],
  ['secondary-first-preference', 91.5, '2024', 90.7, '2023', 'green', 1],
  ['elective-home-education', 1279, 'Q1 2024/25', 1128, 'Q1 2023/24', null, null],
  ['neet-16-17', 0.9, 'Q1 2024/25', 0.8, 'Q4 2023/24', 'green', 1],
  ['permanent-exclusions', 0.07, '2022/23', 0.02, '2021/22', 'amber', 2],
  ['suspensions', 3.16, '2022/23', 2.5, '2021/22', 'amber', 2],
  ['children-mainstream-ehcp', 2674, 'Summer Term 2024', 2522, 'Spring Term 2024', null, null],
  ['children-mainstream-sen-support', 13374, 'Summer Term 2024', 12968, 'Spring Term 2024', null, null],
] as const;

interface OpenIndicator {
  id: string;
  latest: { period: string; value: number | null };
  previous: { period: string; value: number | null } | null;
  direction: string | null;
  rag: string | null;
  quartile: number | null;
  statisticalNeighbourAverage: number | null;
  englandAverage: number | null;
}

describe('the published site', () => {
  let build: BuildResult;
  let q1: { quarter: { id: string; label: string }; indicators: OpenIndicator[] };
  let q1Html: string;
  beforeAll(() => {
    build = buildSite();
    q1 = JSON.parse(readFileSync(join(build.outDir, 'data/2024-25-q1.json'), 'utf8'));
    q1Html = readFileSync(join(build.outDir, '2024-25/q1/index.html'), 'utf8');
  }, 240_000);

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('publishes all 22 Q1 2024/25 indicators in the JSON, each once', () => {
    expect(q1.quarter).toMatchObject({ id: '2024-25-q1', label: 'Q1 2024/25' });
    expect(q1.indicators.map((i) => i.id).sort()).toEqual(Q1_FIGURES.map(([id]) => id).sort());
  });

  describe.each(Q1_FIGURES)('%s', (id, latest, latestPeriod, previous, previousPeriod, rag, quartile) => {
    it('has the seed figures in the JSON, as numbers', () => {
      const indicator = q1.indicators.find((i) => i.id === id)!;
      expect(indicator.latest).toEqual({ period: latestPeriod, value: latest });
      expect(indicator.previous).toEqual({ period: previousPeriod, value: previous });
      expect(indicator.rag).toBe(rag);
      expect(indicator.quartile).toBe(quartile);
    });

    it('shows them on its card, which a link can point at', () => {
      const card = textOfElement(q1Html, 'article', id);
      expect(card, `no card with id="${id}"`).not.toBeNull();
      expect(card).toContain(`in ${latestPeriod}`);
      expect(card).toContain(`Compared with`);
      expect(card).toContain(`in ${previousPeriod}`);
      expect(card).toMatch(rag ? new RegExp(`RAG rating: ${rag}`, 'i') : /RAG rating: Not rated/);
    });
  });

  it('shows care leavers EET as in paragraph 19: 47.3%, down from 63.3%, bottom quartile, a worse result', () => {
    const card = textOfElement(q1Html, 'article', 'care-leavers-eet')!;
    expect(card).toContain('47.3% in Q1 2024/25');
    expect(card).toContain('Compared with 63.3% in Q4 2023/24: down 16.0 percentage points, a worse result.');
    expect(card).toContain('Direction of travel: Worse');
    expect(card).toContain('bottom quartile nationally');
    expect(card).toContain('>54.0%');
  });

  it('carries the England and statistical-neighbour averages the narrative quotes (paragraphs 25-27, 33-34)', () => {
    const averages = Object.fromEntries(q1.indicators.map((i) => [i.id, [i.statisticalNeighbourAverage, i.englandAverage]]));
    expect(averages['primary-schools-good-outstanding']).toEqual([91.9, 91.6]);
    expect(averages['secondary-schools-good-outstanding']).toEqual([86.1, 83.8]);
    expect(averages['pupils-good-outstanding-schools']).toEqual([90.4, 89.7]);
    expect(averages['permanent-exclusions']).toEqual([0.11, 0.11]);
    expect(averages['suspensions']).toEqual([3.41, 3.61]);
  });

  it('summarises Q1 2024/25 as paragraph 5 does: 14 benchmarked, 3 / 4 / 3 / 4 by quartile', () => {
    const quartiles = [1, 2, 3, 4].map((q) => q1.indicators.filter((i) => i.quartile === q).length);
    expect(quartiles).toEqual([3, 4, 3, 4]);
    const summary = textOfElement(q1Html, 'section', 'summary') ?? q1Html;
    expect(summary).toContain('Of 22 measures, 14 have a national benchmark: three in the top quartile, four in the second, three in the third and four in the bottom.');
  });

  it('judges direction from values and polarity, not from the export’s Trend column', () => {
    const q3 = JSON.parse(readFileSync(join(build.outDir, 'data/2023-24-q3.json'), 'utf8')) as { indicators: OpenIndicator[] };
    expect(q3.indicators).toHaveLength(29);
    // Seed 004 labels 90.2% → 90.3% "Decline"; higher is better, so it improved.
    expect(q3.indicators.find((i) => i.id === 'primary-schools-good-outstanding')!.direction).toBe('improved');
    expect(build.output).toMatch(/2023-24-q3\/data\.tsv:17:11[\s\S]*Decline/);
  });

  it('publishes the CSV with one row per indicator and the same values', () => {
    const csv = readFileSync(join(build.outDir, 'data/2024-25-q1.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(23);
    expect(csv.find((line) => line.startsWith('care-leavers-eet,'))).toContain(',Q1 2024/25,47.3,Q4 2023/24,63.3,worse,>54.0%,red,4,,');
  });

  it('publishes the commentary with its figures printed from the data', () => {
    const figures = [...q1Html.matchAll(/<data class="figure" value="([^"]*)" data-indicator="([^"]+)" data-period="(latest|previous)"/g)];
    expect(figures.length).toBeGreaterThan(10);
    for (const [, value, id, period] of figures) {
      const indicator = q1.indicators.find((i) => i.id === id)!;
      const observation = period === 'latest' ? indicator.latest : indicator.previous!;
      expect(Number(value), `${id} ${period}`).toBe(observation.value);
    }
    expect(q1Html).toContain('class="commentary"');
  });

  it('lists both quarters on the home page, newest first', () => {
    const home = readFileSync(join(build.outDir, 'index.html'), 'utf8');
    expect(home.indexOf('Q1 2024/25')).toBeGreaterThan(-1);
    expect(home.lastIndexOf('Q1 2024/25')).toBeLessThan(home.lastIndexOf('Q3 2023/24'));
  });
});

describe('corrections in the open', () => {
  it('shows a logged correction on the quarter page, the card and the indicator page', () => {
    const content = copyOfContent();
    const file = join(content, 'quarters/2024-25-q1/commentary.mdx');
    const correction = 'corrections:\n  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    oldValue: "46.9%"\n    newValue: "47.3%"\n    reason: Two late returns were added to the count.\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('corrections: []\n', correction));
    const build = buildSite({ contentDir: content });
    expect(build.status, build.output).toBe(0);
    const quarter = readFileSync(join(build.outDir, '2024-25/q1/index.html'), 'utf8');
    expect(textOfElement(quarter, 'section', 'corrections')).toContain('Care leavers EET corrected from 46.9% to 47.3%. Two late returns were added to the count.');
    expect(textOfElement(quarter, 'article', 'care-leavers-eet')).toContain('Corrected');
    expect(textOfElement(quarter, 'article', 'cp-reviews-in-timescale')).not.toContain('Corrected');
    const indicator = readFileSync(join(build.outDir, 'indicators/care-leavers-eet/index.html'), 'utf8');
    expect(indicator).toContain('corrected a figure from 46.9% to 47.3%');
  }, 240_000);

  it('stops the build when the corrected figure is not the one in the data', () => {
    const content = copyOfContent();
    const file = join(content, 'quarters/2024-25-q1/commentary.mdx');
    const correction = 'corrections:\n  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    oldValue: "46.9%"\n    newValue: "48.0%"\n    reason: Two late returns were added to the count.\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('corrections: []\n', correction));
    const build = buildSite({ contentDir: content });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/commentary\.mdx[\s\S]*found "48\.0%", expected in corrections, item 1, newValue to be the figure now in the data file for care-leavers-eet/i);
  }, 240_000);
});

describe('bad content stops the build', () => {
  it('names the commentary file, line and character of an unknown id, with the closest ids', () => {
    const content = copyOfContent();
    const file = join(content, 'quarters/2024-25-q1/commentary.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe rate was <Value of="care-leaver-eet" />.\n`);
    const build = buildSite({ contentDir: content });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/2024-25-q1\/commentary\.mdx:\d+:14\n\s+Line \d+, character 14: found "<Value of="care-leaver-eet">", expected an indicator id from content\/indicators\.csv/);
    expect(build.output).toContain('Did you mean "care-leavers-eet"');
  }, 240_000);

  it('names line 32 (shifted row) and line 34 (stray text) of the raw seed 004 file', () => {
    const content = copyOfContent();
    mkdirSync(join(content, 'quarters/2023-24-q4'));
    copyFileSync(join(ROOT, 'seeds/004_139f309df1e465b3.txt'), join(content, 'quarters/2023-24-q4/data.tsv'));
    const build = buildSite({ contentDir: content });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/2023-24-q4\/data\.tsv:32:1\n\s+Line 32, column A \(Topic\): found "NEET young people aged 16-17"/);
    expect(build.output).toMatch(/shifted 2 columns to the left/);
    expect(build.output).toMatch(/2023-24-q4\/data\.tsv:34\n\s+Line 34: found "This page is intentionally left blank"/);
  }, 240_000);

  it('names the cell of an unknown indicator and suggests the closest', () => {
    const content = copyOfContent();
    const file = join(content, 'quarters/2024-25-q1/data.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Care leavers EET', 'Care leaver EET'));
    const build = buildSite({ contentDir: content });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/2024-25-q1\/data\.tsv:\d+:3\n\s+Line \d+, column C \(Indicator\): found "Care leaver EET", expected an indicator named in content\/indicators\.csv/);
    expect(build.output).toContain('Did you mean "Care leavers EET"');
  }, 240_000);
});
