/**
 * A build depends only on its own content folder. Another folder (a copy of
 * content/ with a changed figure and a draft quarter) is built, then deleted,
 * then content/ is built: that second build succeeds and has none of the
 * changed figure, which the first build's output did have. Astro keeps its
 * content data store in its cache folder, which astro.config.mjs separates per
 * content folder; this proves nothing of one build reaches the next.
 *
 * Two builds, in this order.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyOfContent, outputTexts, removeScratch, ROOT, type BuildResult } from './helpers/build';

afterAll(removeScratch);

/** Care leavers EET in Q1 2024/25: 47.3% as published, changed in the other folder to a figure nowhere in the real site. */
const PUBLISHED = { line: 'Care leavers EET\tPercent\tHigh = Good\tQuarter\tQ4 2023/24\t63.3%\tQ1 2024/25\t47.3%', value: 47.3, decimals: 1 };
const CHANGED = { text: '41.86', value: 41.86, decimals: 2 };
/** Text of the other folder's draft quarter. */
const DRAFT_MARKER = 'DRAFT-MARKER';

interface Open {
  indicators: { id: string; latest: { period: string; figure: { value: number; decimals: number } | null } }[];
}

const careLeaversEet = (build: BuildResult) =>
  (JSON.parse(readFileSync(join(build.outDir, 'data/2024-25-q1.json'), 'utf8')) as Open).indicators.find((indicator) => indicator.id === 'care-leavers-eet')!.latest;

describe('a build of another content folder, deleted, then a build of content/', () => {
  let other: BuildResult;
  let otherTexts: Map<string, string>;
  let real: BuildResult;
  let realTexts: Map<string, string>;

  beforeAll(() => {
    const folder = copyOfContent();
    const data = join(folder, 'quarters/2024-25-q1/data.tsv');
    const text = readFileSync(data, 'utf8');
    if (!text.includes(PUBLISHED.line)) throw new Error('content/quarters/2024-25-q1/data.tsv no longer has the Care leavers EET row this test changes');
    writeFileSync(data, text.replace(PUBLISHED.line, PUBLISHED.line.replace(/47\.3%$/, `${CHANGED.text}%`)));
    // A draft quarter (status: draft), broken as a half-written one is.
    cpSync(join(ROOT, 'test/fixtures/build/draft'), join(folder, 'quarters/2024-25-q2'), { recursive: true });

    other = buildSite({ contentDir: folder });
    otherTexts = outputTexts(other.outDir);
    rmSync(folder, { recursive: true, force: true });
    real = buildSite();
    realTexts = outputTexts(real.outDir);
  }, 480_000);

  it('builds the other folder, with its changed figure', () => {
    expect(other.status, other.output).toBe(0);
    expect(careLeaversEet(other)).toStrictEqual({ period: 'Q1 2024/25', figure: { value: CHANGED.value, decimals: CHANGED.decimals } });
    expect(otherTexts.get('2024-25/q1/index.html')).toContain(`${CHANGED.text}%`);
    expect([...otherTexts.values()].some((text) => text.includes(DRAFT_MARKER))).toBe(false);
  });

  it('then builds content/ after that folder is gone', () => {
    expect(real.status, real.output).toBe(0);
    expect(careLeaversEet(real)).toStrictEqual({ period: 'Q1 2024/25', figure: { value: PUBLISHED.value, decimals: PUBLISHED.decimals } });
    expect(realTexts.get('2024-25/q1/index.html')).toContain('47.3%');
  });

  it('has none of the other folder’s changed figure, anywhere', () => {
    const found = [...realTexts].filter(([, text]) => text.includes(CHANGED.text)).map(([path]) => path);
    expect(found).toEqual([]);
    // The control: the other build wrote it on its quarter page, its data files and its charts.
    const foundInOther = [...otherTexts].filter(([, text]) => text.includes(CHANGED.text)).map(([path]) => path);
    expect(foundInOther).toEqual(expect.arrayContaining(['2024-25/q1/index.html', 'data/2024-25-q1.json', 'data/2024-25-q1.csv', 'data/all-observations.csv']));
  });

  it('publishes the same pages and files as the other build, less nothing and plus nothing', () => {
    expect([...realTexts.keys()].filter((path) => !path.startsWith('_astro/'))).toEqual([...otherTexts.keys()].filter((path) => !path.startsWith('_astro/')));
  });

  it('mentions neither the other folder nor its draft', () => {
    for (const [path, text] of realTexts) {
      expect(text.includes(DRAFT_MARKER), `${path} has the draft's text`).toBe(false);
      expect(/cfs-content-/.test(text), `${path} names the other folder`).toBe(false);
    }
    expect(real.output).not.toMatch(/cfs-content-/);
  });
});
