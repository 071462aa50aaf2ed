/**
 * The commentary components, rendered with Astro's container API against the
 * real content, as they appear in a quarter's commentary.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Change from '../src/components/commentary/Change.astro';
import Chart from '../src/components/commentary/Chart.astro';
import Indicator from '../src/components/commentary/Indicator.astro';
import QuarterSummary from '../src/components/commentary/QuarterSummary.astro';
import Value from '../src/components/commentary/Value.astro';
import { htmlToText } from './helpers/build';
import { modelFromContent } from './helpers/model';

const locals = { commentary: { quarterId: '2024-25-q1', file: 'content/quarters/2024-25-q1/commentary.mdx', model: modelFromContent() } };
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown> = {}) =>
  htmlToText(await container.renderToString(component, { props, locals }));

describe.each([
  // Seed 000: paragraph 19 (care leavers EET), 14 (CP reviews), 30 (EHE), 33 (exclusions).
  ['care-leavers-eet', 'latest', '47.3%'],
  ['care-leavers-eet', 'previous', '63.3%'],
  ['cp-reviews-in-timescale', 'latest', '92.2%'],
  ['elective-home-education', 'latest', '1,279'],
  ['elective-home-education', 'previous', '1,128'],
  ['permanent-exclusions', 'latest', '0.07%'],
])('<Value of="%s" period="%s" />', (id, period, expected) => {
  it(`prints ${expected}`, async () => {
    expect(await render(Value, { of: id, period })).toBe(expected);
  });
});

describe.each([
  ['care-leavers-eet', 'down 16.0 percentage points, a worse result'],
  ['cp-reviews-in-timescale', 'up 4.8 percentage points, an improvement'],
  ['cpp-second-time', 'down 1.7 percentage points, an improvement'],
  ['primary-schools-good-outstanding', 'no change'],
  ['elective-home-education', 'up 151'],
])('<Change of="%s" />', (id, expected) => {
  it(`prints "${expected}"`, async () => {
    expect(await render(Change, { of: id })).toBe(expected);
  });
});

describe('<Indicator />', () => {
  it('renders the card without taking the grid card’s anchor', async () => {
    const html = await container.renderToString(Indicator, { props: { of: 'care-leavers-eet' }, locals });
    expect(html).not.toMatch(/id="care-leavers-eet"/);
    expect(htmlToText(html)).toContain('Care leavers EET 47.3% in Q1 2024/25 Compared with 63.3% in Q4 2023/24');
  });
});

describe('<Chart />', () => {
  it('describes the series up to this quarter and carries its table', async () => {
    const text = await render(Chart, { of: 'cp-reviews-in-timescale' });
    expect(text).toContain('Rose from 75.7% in Q4 2022/23 to 92.2% in Q1 2024/25');
    expect(text).toContain('the target is above 97.2%');
    expect(text).toMatch(/Q3 2023\/24 82\.6%/);
  });
});

describe('<QuarterSummary />', () => {
  it('states the quartile counts as paragraph 5 does', async () => {
    expect(await render(QuarterSummary)).toContain('Of 22 measures, 14 have a national benchmark: three in the top quartile, four in the second, three in the third and four in the bottom.');
  });
});

describe('an id not in the quarter', () => {
  it('fails naming the MDX file and the closest id', async () => {
    await expect(render(Value, { of: 'care-leaver-eet' })).rejects.toThrow(/commentary\.mdx: <Value of="care-leaver-eet" \/> names no indicator in the Q1 2024\/25 data\. Did you mean "care-leavers-eet"/);
  });
});
