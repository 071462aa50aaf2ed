/**
 * Publication at the announced time (#21) and dates that must be possible (#20):
 * London time arithmetic across both clock changes, the one clock reading
 * (BUILD_TIME), and the validation stage with a fixed clock: a published
 * quarter whose time has not come is scheduled (off the public site, due in the
 * release calendar), every impossible date stops at its file and line, and the
 * real content passes.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clockAt, fromLondon, londonOffset, londonTime, parseBuildTime, publicationInstant, readBuildClock } from '../src/core/release-time';
import { readContentFiles } from '../src/ingest/read-content';
import { blockingProblems, validateContent, type ContentReport } from '../src/ingest/validate';
import type { Problem } from '../src/core/problems';
import { ROOT } from './helpers/build';
import { readIn, replaceIn, writeIn } from './helpers/content';

describe('London time', () => {
  it.each([
    // [London date, time, the instant in UTC]: summer time (+01:00) and winter (GMT), each side of both 2024 clock changes.
    ['2024-09-03', '09:30', '2024-09-03T08:30:00.000Z'],
    ['2024-12-03', '09:30', '2024-12-03T09:30:00.000Z'],
    ['2024-03-30', '09:30', '2024-03-30T09:30:00.000Z'],
    ['2024-03-31', '09:30', '2024-03-31T08:30:00.000Z'],
    ['2024-10-26', '09:30', '2024-10-26T08:30:00.000Z'],
    ['2024-10-27', '09:30', '2024-10-27T09:30:00.000Z'],
    ['2025-03-04', '07:00', '2025-03-04T07:00:00.000Z'],
  ])('%s %s London is %s', (date, time, utc) => {
    const instant = fromLondon(date, time);
    expect(instant.toISOString()).toBe(utc);
    expect(londonTime(instant)).toBe(`${date} ${time}`);
  });

  it('defaults a publication to 09:30 and gives the offset', () => {
    expect(publicationInstant('2024-09-03', undefined).toISOString()).toBe('2024-09-03T08:30:00.000Z');
    expect(publicationInstant('2024-09-03', '12:00').toISOString()).toBe('2024-09-03T11:00:00.000Z');
    expect(londonOffset(new Date('2024-09-03T08:30:00Z'))).toBe('+01:00');
    expect(londonOffset(new Date('2024-12-03T09:30:00Z'))).toBe('+00:00');
  });

  it.each([
    ['2024-09-03T09:29', '2024-09-03T08:29:00.000Z'],
    ['2024-09-03 09:30', '2024-09-03T08:30:00.000Z'],
    ['2024-09-03T08:29:00Z', '2024-09-03T08:29:00.000Z'],
    ['2024-09-03T09:29:00+01:00', '2024-09-03T08:29:00.000Z'],
  ])('reads BUILD_TIME %s', (text, utc) => {
    expect(parseBuildTime(text)?.toISOString()).toBe(utc);
    expect(readBuildClock({ BUILD_TIME: text })).toMatchObject({ instant: utc, source: 'BUILD_TIME' });
  });

  it.each(['3/9/2024 09:30', '2024-09-03', '2024-02-30T09:30', 'tomorrow', '2024-09-03T25:00'])('refuses BUILD_TIME %s in plain words, never falling back to the real clock', (text) => {
    expect(parseBuildTime(text)).toBeNull();
    expect(() => readBuildClock({ BUILD_TIME: text })).toThrow(/^BUILD_TIME is ".*": expected a time such as 2024-09-03T09:30/);
  });

  it('reads the machine clock only when BUILD_TIME is not set', () => {
    const before = Date.now();
    const clock = readBuildClock({});
    expect(clock.source).toBe('clock');
    expect(new Date(clock.instant).getTime()).toBeGreaterThanOrEqual(before);
  });
});

// ---- the validation stage with a fixed clock ----

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const Q1_COMMENTARY = 'quarters/2024-25-q1/commentary.mdx';
const Q3_COMMENTARY = 'quarters/2023-24-q3/commentary.mdx';

/** A copy of content/ whose accessibility statement is dated before Q1's release, so a 2024 clock finds no future date there. */
function copy(change: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfs-time-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  replaceIn(dir, 'site.yaml', /(prepared|reviewed|tested): "2026-11-23"/g, '$1: "2024-08-01"');
  change(dir);
  return dir;
}

async function at(dir: string, london: string): Promise<{ report: ContentReport; problems: Problem[]; shown: (path: string) => string }> {
  const report = await validateContent(readContentFiles(dir), { clock: clockAt(parseBuildTime(london)!) });
  return { report, problems: blockingProblems(report, { includeDrafts: false }), shown: (path) => relative(process.cwd(), join(dir, path)) };
}

const lineOf = (dir: string, file: string, start: string) => readIn(dir, file).split('\n').findIndex((line) => line.startsWith(start)) + 1;

describe('a published quarter before and after its time', () => {
  it('is scheduled until 09:30 London time on its publishedDate, and published from then', async () => {
    const dir = copy();
    const before = await at(dir, '2024-09-03T09:29');
    const q1 = () => before.report.quarters.find((quarter) => quarter.id === '2024-25-q1')!;
    expect(before.problems).toEqual([]);
    expect(q1().publication).toBe('scheduled');
    // The model sees a scheduled quarter as not yet public: the drafts preview shows it, the public build does not.
    expect(q1().quarter).toMatchObject({ publication: 'draft', scheduledFor: '09:30 on 3 September 2024 (UK time)' });
    expect(q1().notes.join('\n')).toContain('Scheduled: goes public at 09:30 on 3 September 2024 (UK time).');
    // The release calendar announces it, from its commentary, though releases.csv does not exist.
    expect(before.report.releases.map((release) => [release.quarterId, release.date, release.time])).toEqual([['2024-25-q1', '2024-09-03', '09:30']]);

    const after = await at(dir, '2024-09-03T09:30');
    expect(after.problems).toEqual([]);
    expect(after.report.quarters.map((quarter) => [quarter.id, quarter.publication, quarter.quarter?.publication])).toEqual([
      ['2023-24-q3', 'published', 'published'],
      ['2024-25-q1', 'published', 'published'],
    ]);
    expect(after.report.releases).toEqual([]);
  });

  it('honours a publishedTime, and a scheduled quarter’s problems still stop the check', async () => {
    const dir = copy((d) => replaceIn(d, Q1_COMMENTARY, 'publishedDate: "2024-09-03"\n', 'publishedDate: "2024-09-03"\npublishedTime: "07:00"\n'));
    expect((await at(dir, '2024-09-03T06:59')).report.quarters[1]!.publication).toBe('scheduled');
    expect((await at(dir, '2024-09-03T07:00')).report.quarters[1]!.publication).toBe('published');
    replaceIn(dir, Q1_COMMENTARY, 'status: published', 'status: published\nheadlines: [no-such-indicator]');
    const broken = await at(dir, '2024-09-03T06:59');
    expect(broken.report.quarters[1]!.publication).toBe('scheduled');
    expect(broken.problems.length).toBeGreaterThan(0);
  });
});

describe('dates that must be possible (#20)', () => {
  const correction = (date: string) => `corrections:\n  - date: "${date}"\n    indicator: care-leavers-eet\n    figure: latest\n    oldValue: "46.9%"\n    newValue: "47.3%"\n    reason: Two late returns were added to the count.\n`;
  it.each([
    // [what, change, file, line-start, expected]
    ['a meeting date with day and month swapped (in the quarter)', (d: string) => replaceIn(d, Q1_COMMENTARY, 'meetingDate: "2024-09-03"', 'meetingDate: "2024-03-09"'), Q1_COMMENTARY, 'meetingDate:', /^a meeting date after Q1 2024\/25 ends on 30 June 2024/],
    ['a publication date in the quarter it reports', (d: string) => replaceIn(d, Q1_COMMENTARY, 'publishedDate: "2024-09-03"', 'publishedDate: "2024-05-11"'), Q1_COMMENTARY, 'publishedDate:', /^a publication date after Q1 2024\/25 ends on 30 June 2024/],
    ['"not recorded" for a quarter not made from past papers', (d: string) => replaceIn(d, Q1_COMMENTARY, 'publishedDate: "2024-09-03"', 'publishedDate: not recorded'), Q1_COMMENTARY, 'publishedDate:', /"not recorded" is only for a quarter made from past papers/],
    ['"not recorded" once site.yaml no longer lists the quarter', (d: string) => replaceIn(d, 'site.yaml', 'fromPastPapers:\n  - 2023-24-q3\n', 'fromPastPapers: []\n'), Q3_COMMENTARY, 'publishedDate:', /only for a quarter made from past papers/],
    ['a correction dated before publication', (d: string) => replaceIn(d, Q1_COMMENTARY, 'corrections: []\n', correction('2024-09-01')), Q1_COMMENTARY, '  - date:', /^in corrections, item 1, a date on or after the quarter's publication on 3 September 2024/],
    ['a correction dated after the build', (d: string) => replaceIn(d, Q1_COMMENTARY, 'corrections: []\n', correction('2024-10-02')), Q1_COMMENTARY, '  - date:', /^in corrections, item 1, a date no later than today \(1 October 2024\)/],
    ['an accessibility test date after the build', (d: string) => replaceIn(d, 'site.yaml', 'tested: "2024-08-01"', 'tested: "2024-10-05"'), 'site.yaml', '  tested:', /^a date no later than today \(1 October 2024\)/],
    ['a publication time that is not HH:MM', (d: string) => replaceIn(d, Q1_COMMENTARY, 'publishedDate: "2024-09-03"\n', 'publishedDate: "2024-09-03"\npublishedTime: "9.30am"\n'), Q1_COMMENTARY, 'publishedTime:', /HH:MM/],
    ['a release calendar that disagrees with the quarter', (d: string) => writeIn(d, 'releases.csv', 'date,quarter\n2024-09-04,2024-25-q1\n'), Q1_COMMENTARY, 'publishedDate:', /^the release the calendar announces for Q1 2024\/25: 09:30 on 4 September 2024 \(.*releases\.csv, line 2\)/],
  ])('%s stops at its line', async (_name, change, file, start, expected) => {
    const dir = copy(change);
    const { problems, shown } = await at(dir, '2024-10-01T12:00');
    expect(problems.map((problem) => [problem.file, problem.line])).toEqual([[shown(file), lineOf(dir, file, start)]]);
    expect(problems[0]!.expected).toMatch(expected);
  });

  it('controls: the real dates, a correction on the day of the build, a calendar that agrees, all pass', async () => {
    const dir = copy((d) => {
      replaceIn(d, Q1_COMMENTARY, 'corrections: []\n', correction('2024-10-01'));
      writeIn(d, 'releases.csv', 'date,quarter,time\n2024-09-03,2024-25-q1,09:30\n2024-12-03,2024-25-q2,\n');
    });
    expect((await at(dir, '2024-10-01T00:00')).problems).toEqual([]);
  });

  it('the real content passes on the real clock: no accessibility date in the future, Q3 2023/24 listed as from past papers', async () => {
    const report = await validateContent(readContentFiles(join(ROOT, 'content')), { clock: readBuildClock({}) });
    expect(blockingProblems(report, { includeDrafts: true })).toEqual([]);
  });
});
