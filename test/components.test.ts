/**
 * The commentary components, rendered with Astro's container API against the
 * real content, as they appear in a quarter's commentary. Expected words are
 * read off the data files (content/quarters/…/data.tsv) and the seeds, not
 * from the code that prints them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Chart from '../src/components/commentary/Chart.astro';
import CommentaryInlines from '../src/components/commentary/CommentaryInlines.astro';
import Indicator from '../src/components/commentary/Indicator.astro';
import { COUNT_OF_VALUES, FIGURE_COMPONENTS, figureComponent, withDefaults } from '../src/core/figure-components';
import type { SiteModel } from '../src/model/model';
import { htmlToText, ROOT } from './helpers/build';
import { byId, parseHtmlFragment } from './helpers/html';
import { modelFromContent } from './helpers/model';

/** A figure tag as a commentary writes it: its name (the tree renderer draws it from the checked tree). */
type Component = string;
const [Value, Period, Change, Direction, Target, Rag, Quartile, Average, Count, QuarterSummary] = ['Value', 'Period', 'Change', 'Direction', 'Target', 'Rag', 'Quartile', 'Average', 'Count', 'QuarterSummary'] as const;
const BLOCKS: Record<string, Parameters<AstroContainer['renderToString']>[0]> = { Indicator, Chart };

let container: AstroContainer;
let model: SiteModel;
beforeAll(async () => {
  container = await AstroContainer.create();
  model = await modelFromContent();
});

/** A tag rendered as the quarter page renders it: a block tag by its component, an inline one inside the commentary's inline renderer. */
const html = (component: Component, props: Record<string, unknown> = {}, quarterId = '2024-25-q1') => {
  const quarter = model.quarterById.get(quarterId)!;
  const block = BLOCKS[component];
  if (block) return container.renderToString(block, { props: { ...props, quarter } });
  const tag = { kind: 'figure', component, props: withDefaults(figureComponent(component)!, props as Record<string, string>), line: 1, column: 1 };
  return container.renderToString(CommentaryInlines, { props: { inlines: [tag], quarter } });
};
const render = async (component: Component, props: Record<string, unknown> = {}, quarterId = '2024-25-q1') => htmlToText(await html(component, props, quarterId));

describe.each([
  // Seed 000: paragraph 19 (care leavers EET), 14 (CP reviews), 30 (EHE), 33 (exclusions).
  ['care-leavers-eet', 'latest', '47.3%', '47.3'],
  ['care-leavers-eet', 'previous', '63.3%', '63.3'],
  ['cp-reviews-in-timescale', 'latest', '92.2%', '92.2'],
  ['elective-home-education', 'latest', '1,279', '1279'],
  ['elective-home-education', 'previous', '1,128', '1128'],
  ['permanent-exclusions', 'latest', '0.07%', '0.07'],
  // Published with two decimals ("94.30%") and with one ("2.5"): shown exactly so, never trimmed or padded.
  ['primary-first-preference', 'previous', '94.30%', '94.3'],
  ['suspensions', 'previous', '2.5%', '2.5'],
  ['suspensions', 'latest', '3.16%', '3.16'],
])('<Value of="%s" period="%s" />', (id, period, expected, value) => {
  it(`prints ${expected}, with the number as its machine-readable value`, async () => {
    const out = await html(Value, { of: id, period });
    expect(htmlToText(out)).toBe(expected);
    expect(out).toContain(`value="${value}"`);
    expect(out).toContain(`data-period="${period}"`);
  });
});

it('<Value /> without a period prints the latest figure', async () => {
  expect(await render(Value, { of: 'care-leavers-eet' })).toBe('47.3%');
});

describe.each([
  ['care-leavers-eet', 'down 16.0 percentage points, a worse result'],
  ['cp-reviews-in-timescale', 'up 4.8 percentage points, an improvement'],
  ['cpp-second-time', 'down 1.7 percentage points, an improvement'],
  ['primary-schools-good-outstanding', 'no change'],
  ['elective-home-education', 'up 151'],
  // 2.5 → 3.16: to the finer of the two published figures, so 0.66, not 0.7.
  ['suspensions', 'up 0.66 percentage points, a worse result'],
])('<Change of="%s" />', (id, expected) => {
  it(`prints "${expected}"`, async () => {
    expect(await render(Change, { of: id })).toBe(expected);
  });
});

/** A text figure component's output: the words, in a span saying which component and indicator it is. */
async function expectFigure(component: Component, name: string, props: Record<string, string>, expected: string, quarterId = '2024-25-q1') {
  const out = await html(component, props, quarterId);
  expect(htmlToText(out)).toBe(expected);
  expect(out).toContain(`data-figure="${name}"`);
  if (name !== 'Count') expect(out).toContain(`data-indicator="${props.of}"`);
}

describe('<Period />', () => {
  it.each([
    ['care-leavers-eet', undefined, 'Q1 2024/25'],
    ['care-leavers-eet', 'latest', 'Q1 2024/25'],
    ['care-leavers-eet', 'previous', 'Q4 2023/24'],
    // Compared with a year earlier (seed 000 paragraph 30).
    ['elective-home-education', 'previous', 'Q1 2023/24'],
    // Termly and annual figures keep their own periods.
    ['feee-3-year-olds', 'latest', 'Summer Term 2024'],
    ['feee-3-year-olds', 'previous', 'Spring Term 2024'],
    ['permanent-exclusions', 'previous', '2021/22'],
    ['primary-first-preference', 'latest', '2024'],
  ])('of="%s" period=%j prints %j', async (of, period, expected) => {
    await expectFigure(Period, 'Period', period ? { of, period } : { of }, expected);
  });

  it('prints the Q3 2023/24 periods on that quarter’s page', async () => {
    await expectFigure(Period, 'Period', { of: 'cp-reviews-in-timescale', period: 'previous' }, 'Q4 2022/23', '2023-24-q3');
    await expectFigure(Period, 'Period', { of: 'ks4-progress-8', period: 'latest' }, '2022/23 (final)', '2023-24-q3');
  });
});

describe('<Direction />', () => {
  it.each([
    // 63.3% → 47.3%, higher is better.
    ['care-leavers-eet', 'got worse'],
    // 87.4% → 92.2%, higher is better.
    ['cp-reviews-in-timescale', 'improved'],
    // 26.9% → 25.2%, lower is better: a fall is an improvement.
    ['cpp-second-time', 'improved'],
    // 24.1% → 24.9%, lower is better.
    ['re-referrals-12-months', 'got worse'],
    // 90.3% → 90.3%.
    ['primary-schools-good-outstanding', 'did not change'],
    // No better direction (polarity N/A).
    ['elective-home-education', 'not judged'],
  ])('of="%s" prints %j', async (of, expected) => {
    await expectFigure(Direction, 'Direction', { of }, expected);
  });
});

describe('<Target />', () => {
  it.each([
    ['cp-reviews-in-timescale', undefined, 'above 97.2%'],
    ['cp-reviews-in-timescale', 'value', 'above 97.2%'],
    ['cpp-second-time', 'value', 'below 20.8%'],
    ['care-leavers-eet', 'value', 'above 54.0%'],
    // A bare target is read by polarity: higher is better, so "at least".
    ['primary-first-preference', 'value', 'at least 93.7%'],
    ['elective-home-education', 'value', 'no target'],
  ])('of="%s" show=%j prints %j', async (of, show, expected) => {
    await expectFigure(Target, 'Target', show ? { of, show } : { of }, expected);
  });

  it.each([
    // 92.2% against >97.2%.
    ['cp-reviews-in-timescale', 'not met'],
    // 47.3% against >54.0%.
    ['care-leavers-eet', 'not met'],
    // 0.9% against <2.1%, lower is better.
    ['neet-16-17', 'met'],
    // 93.5% against >92.0%.
    ['care-leavers-suitable-accommodation', 'met'],
    // 95.0% against a bare 93.7%, higher is better.
    ['primary-first-preference', 'met'],
    ['elective-home-education', 'not judged against a target'],
  ])('of="%s" show="status" prints %j', async (of, expected) => {
    await expectFigure(Target, 'Target', { of, show: 'status' }, expected);
  });
});

describe('<Rag />', () => {
  it.each([
    ['care-leavers-eet', 'red'],
    ['cp-reviews-in-timescale', 'amber'],
    ['neet-16-17', 'green'],
    ['elective-home-education', 'not rated'],
  ])('of="%s" prints %j', async (of, expected) => {
    await expectFigure(Rag, 'Rag', { of }, expected);
  });

  it('prints the Q3 2023/24 rating on that quarter’s page', async () => {
    await expectFigure(Rag, 'Rag', { of: 'care-leavers-eet' }, 'green', '2023-24-q3');
  });
});

describe('<Quartile />', () => {
  it.each([
    ['neet-16-17', 'top quartile'],
    ['cp-reviews-in-timescale', 'second quartile'],
    ['cpp-second-time', 'third quartile'],
    ['care-leavers-eet', 'bottom quartile'],
    ['elective-home-education', 'no national benchmark'],
  ])('of="%s" prints %j', async (of, expected) => {
    await expectFigure(Quartile, 'Quartile', { of }, expected);
  });
});

describe('<Average />', () => {
  it.each([
    // Seed 000 paragraph 26.
    ['secondary-schools-good-outstanding', 'neighbours', '86.1%'],
    ['secondary-schools-good-outstanding', 'england', '83.8%'],
    // Published without a % sign and with two decimals: shown with both.
    ['suspensions', 'neighbours', '3.41%'],
    ['suspensions', 'england', '3.61%'],
    ['permanent-exclusions', 'england', '0.11%'],
    ['care-leavers-eet', 'neighbours', 'no figure'],
    ['care-leavers-eet', 'england', 'no figure'],
  ])('of="%s" group="%s" prints %j', async (of, group, expected) => {
    await expectFigure(Average, 'Average', { of, group }, expected);
  });

  it('prints the Q3 2023/24 neighbours’ average with a true minus sign', async () => {
    await expectFigure(Average, 'Average', { of: 'ks4-progress-8-fsm', group: 'neighbours' }, '\u22120.79', '2023-24-q3');
  });
});

describe('<Count />', () => {
  // Q1 2024/25, from the seed 000 dashboard: RAG 3 green, 7 amber, 4 red, 8 not rated; progress 7 improved, 10 worse,
  // 2 no change, 3 not judged; paragraph 5: 3, 4, 3 and 4 in the four quartiles, 8 without a benchmark.
  const expected: Record<(typeof COUNT_OF_VALUES)[number], string> = {
    indicators: '22',
    green: '3',
    amber: '7',
    red: '4',
    'not-rated': '8',
    improved: '7',
    worse: '10',
    'no-change': '2',
    'not-judged': '3',
    'quartile-1': '3',
    'quartile-2': '4',
    'quartile-3': '3',
    'quartile-4': '4',
    'no-benchmark': '8',
  };

  it('has an expected count for every value figure-components.ts lists', () => {
    expect(Object.keys(expected).sort()).toEqual([...COUNT_OF_VALUES].sort());
  });

  it.each(Object.entries(expected))('of="%s" prints %s', async (of, count) => {
    await expectFigure(Count, 'Count', { of }, count);
  });

  it('counts the Q3 2023/24 quarter on its own page', async () => {
    // Counted by hand from seed 004's Status RAG column (lines 4-32).
    await expectFigure(Count, 'Count', { of: 'indicators' }, '29', '2023-24-q3');
    await expectFigure(Count, 'Count', { of: 'amber' }, '14', '2023-24-q3');
  });
});

describe('<Indicator />', () => {
  it('renders the card without taking the grid card’s anchor', async () => {
    const out = await html('Indicator', { of: 'care-leavers-eet' });
    expect(byId(parseHtmlFragment(out), 'care-leavers-eet')).toBeUndefined();
    // A line linking to the full card, not a second card: its name and judgement are said once on the page (#23).
    expect(htmlToText(out)).toContain('Care leavers in education, work or training : 47.3% in Q1 2024/25 Direction of travel: Worse The council’s RAG rating: Red');
    expect(out).toContain('href="#care-leavers-eet"');
    expect(out).not.toMatch(/<h[1-6]/);
  });
});

describe('<Chart />', () => {
  it('describes the series as this quarter’s report published it, with each figure as published, and carries its table', async () => {
    const text = await render('Chart', { of: 'cp-reviews-in-timescale' });
    expect(text).toContain('Better: 92.2% in Q1 2024/25, up 4.8 percentage points from 87.4% in Q4 2023/24.');
    expect(text).toContain('the target of above 97.2%');
    // 75.71% keeps its two decimals where the others have one.
    expect(text).toContain('The lowest was 75.71%, in Q4 2022/23.');
    expect(text).toContain('Period Figure Q4 2022/23 75.71% Q3 2023/24 82.6% Q4 2023/24 87.4% Q1 2024/25 92.2%');
  });

  it('on the Q3 2023/24 page, stops at Q3 2023/24: later figures never reach an earlier report’s chart', async () => {
    const text = await render('Chart', { of: 'cp-reviews-in-timescale' }, '2023-24-q3');
    expect(text).toContain('Better: 82.6% in Q3 2023/24, up 6.89 percentage points from 75.71% in Q4 2022/23.');
    expect(text).toContain('Period Figure Q4 2022/23 75.71% Q3 2023/24 82.6%');
    expect(text).not.toContain('87.4%');
    expect(text).not.toContain('92.2%');
  });
});

describe('<QuarterSummary />', () => {
  it('states the quartile counts as paragraph 5 does, then the ratings and directions', async () => {
    expect(await render(QuarterSummary)).toBe(
      'Of 22 measures, 14 have a national benchmark. Three are in the top quartile, four in the second, three in the third and four in the bottom. ' +
        'Of all 22, 3 rated green, 7 amber and 4 red; 8 have no rating. ' +
        'Compared with the previous figures, 7 improved, 10 got worse and 2 did not change; 3 are not judged, because neither a higher nor a lower figure is better, or there is no earlier figure.',
    );
  });
});

describe('an id not in the quarter', () => {
  it('fails naming the MDX file and the closest id', async () => {
    await expect(render(Value, { of: 'care-leaver-eet' })).rejects.toThrow('content/quarters/2024-25-q1/commentary.mdx: <Value> names nothing in the Q1 2024/25 data.');
    await expect(render('Chart', { of: 'care-leaver-eet' })).rejects.toThrow('content/quarters/2024-25-q1/commentary.mdx: <Chart of="care-leaver-eet" /> names no indicator in the Q1 2024/25 data.');
  });

  it.each([
    [Period, 'Period', { of: 'care-leaver-eet' }],
    [Direction, 'Direction', { of: 'care-leaver-eet' }],
    [Target, 'Target', { of: 'care-leaver-eet', show: 'status' }],
    [Rag, 'Rag', { of: 'care-leaver-eet' }],
    [Quartile, 'Quartile', { of: 'care-leaver-eet' }],
    [Average, 'Average', { of: 'care-leaver-eet', group: 'england' }],
    [Count, 'Count', { of: 'purple' }],
  ] as const)('<%s> fails naming the MDX file and the quarter', async (component, name, props) => {
    await expect(render(component, props)).rejects.toThrow(`content/quarters/2024-25-q1/commentary.mdx: <${name}> names nothing in the Q1 2024/25 data.`);
  });

  it('an indicator of the catalogue that the quarter does not report is refused too', async () => {
    // Reported in Q3 2023/24 (seed 004) but not in Q1 2024/25 (seed 000).
    await expect(render(Rag, { of: 'ks4-progress-8' })).rejects.toThrow(/names nothing in the Q1 2024\/25 data/);
  });
});

// src/core/figure-components.ts is the one list: the validator, the docs and the renderer must all follow it.
describe('the renderer and figure-components.ts', () => {
  const dir = join(ROOT, 'src/components/commentary');

  it('has a component file for each block tag, and nothing else a commentary could reach', () => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.astro')).map((file) => file.replace(/\.astro$/, ''));
    const blocks = FIGURE_COMPONENTS.filter((component) => component.placement === 'block').map((component) => component.name);
    expect(files.sort()).toEqual(['CommentaryBlocks', 'CommentaryInlines', ...blocks].sort());
    expect(Object.keys(BLOCKS).sort()).toEqual([...blocks].sort());
  });

  it.each(FIGURE_COMPONENTS.filter((component) => component.placement === 'block').map((component) => [component.name, component.props.map((prop) => prop.name)] as const))(
    '<%s> declares exactly the props figure-components.ts lists (%j), and the quarter',
    (name, props) => {
      const source = readFileSync(join(dir, `${name}.astro`), 'utf8');
      const block = /interface Props \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
      const declared = [...block.matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1]);
      expect(declared.sort()).toEqual([...props, 'quarter'].sort());
    },
  );

  it('every enum value figure-components.ts allows renders for a real card', async () => {
    for (const component of FIGURE_COMPONENTS) {
      // Indicator props name a real card; each required word prop starts at its first value.
      const base: Record<string, string> = {};
      for (const prop of component.props) {
        if (prop.kind === 'indicator') base[prop.name] = 'secondary-schools-good-outstanding';
        else if (prop.required) base[prop.name] = prop.values[0]!;
      }
      const variants = [base, ...component.props.flatMap((prop) => (prop.kind === 'enum' ? prop.values.map((value) => ({ ...base, [prop.name]: value })) : []))];
      for (const props of variants) {
        const text = await render(component.name, props);
        expect(text, `<${component.name} ${JSON.stringify(props)} />`).not.toBe('');
      }
    }
  });
});
