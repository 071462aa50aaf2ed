/**
 * The embargo as built (#21): with the build's clock fixed (BUILD_TIME), Q1
 * 2024/25 (publishedDate 3 September 2024, 09:30 UK time by default) is absent
 * from every page, feed, sitemap and data file one minute before its time, and
 * present from its time; before it, the release calendar shows it as due and its
 * .ics event carries the same time in Europe/London; the drafts preview shows it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyOfContent, htmlToText, outputTexts, removeScratch, ROOT, type BuildResult } from './helpers/build';
import { replaceIn } from './helpers/content';
import { parseXml, xmlElements, xmlText } from './helpers/html';
import { only, parseIcs, zonedValue } from './fixtures/releases/strict-ics';

afterAll(removeScratch);

const BEFORE = '2024-09-03T09:29';
const AT = '2024-09-03T09:30';
/** What would show Q1 2024/25 on the site: its page's path, its data files, its id in the open data. */
const Q1_TRACES = ['2024-25/q1', '2024-25-q1'];

let content: string;
const builds: Record<'before' | 'at' | 'preview', BuildResult> = {} as never;

beforeAll(() => {
  content = relative(ROOT, copyOfContent());
  // The accessibility statement is dated 2026; on a 2024 clock that would be a date in the future, which the check refuses.
  replaceIn(join(ROOT, content), 'site.yaml', /(prepared|reviewed|tested): "2026-11-23"/g, '$1: "2024-08-01"');
  builds.before = buildSite({ contentDir: content, env: { BUILD_TIME: BEFORE } });
  builds.at = buildSite({ contentDir: content, env: { BUILD_TIME: AT } });
  builds.preview = buildSite({ contentDir: content, env: { BUILD_TIME: BEFORE, PREVIEW_DRAFTS: '1' } });
}, 600_000);

describe(`one minute before 09:30 on 3 September 2024 (BUILD_TIME=${BEFORE})`, () => {
  it('builds', () => expect(builds.before.status, builds.before.output).toBe(0));

  it('has no trace of Q1 2024/25 in any page, feed, sitemap or data file, except the release calendar announcing it', () => {
    const found: string[] = [];
    for (const [path, written] of outputTexts(builds.before.outDir)) {
      if (path === 'releases/index.html') continue;
      // The data dictionary's examples ("an id such as 2024-25-q1") are words about the format, not the quarter.
      const text = written.replace(/such as (2024-25-q1|Q1 2024\/25)/g, '');
      for (const trace of Q1_TRACES) if (path.includes(trace) || text.includes(trace)) found.push(`${path}: ${trace}`);
      // Its label may be announced on pages ("Next update: … (Q1 2024/25 figures)"), never in a data file, the feed or the sitemap.
      if (!path.endsWith('.html') && text.includes('Q1 2024/25')) found.push(`${path}: Q1 2024/25`);
    }
    expect(found).toEqual([]);
    const texts = outputTexts(builds.before.outDir);
    expect(xmlElements(parseXml(texts.get('feed.xml')!), 'entry').map((entry) => xmlText(entry, 'title'))).toEqual(['Q3 2023/24 performance']);
    expect(xmlElements(parseXml(texts.get('sitemap.xml')!), 'loc').map((loc) => loc.text).filter((loc) => /\/20\d\d-\d\d\/q\d\/$/.test(loc))).toEqual(['https://performance.example.gov.uk/2023-24/q3/']);
  });

  it('shows Q1 as due in the release calendar, at the time its .ics event gives in Europe/London', () => {
    const calendar = htmlToText(outputTexts(builds.before.outDir).get('releases/index.html')!);
    expect(calendar).toContain('09:30 on 3 September 2024 (UK time) Q1 2024/25');
    const ics = parseIcs(readFileSync(join(builds.before.outDir, 'releases/2024-25-q1.ics'), 'utf8'));
    const event = ics.components.find((component) => component.name === 'VEVENT')!;
    expect(zonedValue(only(event, 'DTSTART'), ics)).toEqual({ tzid: 'Europe/London', date: '2024-09-03', time: '09:30' });
  });
});

describe(`at 09:30 (BUILD_TIME=${AT})`, () => {
  it('builds, with Q1 2024/25 on its page, in the feed, the sitemap and the open data, and no longer due', () => {
    expect(builds.at.status, builds.at.output).toBe(0);
    const texts = outputTexts(builds.at.outDir);
    expect(texts.has('2024-25/q1/index.html')).toBe(true);
    expect(texts.has('data/2024-25-q1.csv')).toBe(true);
    expect(xmlElements(parseXml(texts.get('feed.xml')!), 'entry').map((entry) => xmlText(entry, 'title'))).toEqual(['Q1 2024/25 performance', 'Q3 2023/24 performance']);
    expect(xmlElements(parseXml(texts.get('sitemap.xml')!), 'loc').map((loc) => loc.text)).toContain('https://performance.example.gov.uk/2024-25/q1/');
    expect(existsSync(join(builds.at.outDir, 'releases/2024-25-q1.ics'))).toBe(false);
    expect(htmlToText(texts.get('releases/index.html')!)).not.toContain('09:30 on 3 September 2024 (UK time) Q1 2024/25');
  });
});

describe('the drafts preview before 09:30', () => {
  it('shows Q1 2024/25, marked as scheduled with its time', () => {
    expect(builds.preview.status, builds.preview.output).toBe(0);
    const page = htmlToText(outputTexts(builds.preview.outDir).get('2024-25/q1/index.html')!);
    expect(page).toContain('Scheduled – not yet published. This quarter goes public at 09:30 on 3 September 2024 (UK time)');
  });
});
