/**
 * The release calendar: content/releases.csv read and checked line by line,
 * what is upcoming and what is past decided by the content (never the clock),
 * and each announced release as an iCalendar file a strict reader accepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import NextUpdate from '../src/components/NextUpdate.astro';
import { formatFileProblems } from '../src/core/problems';
import {
  checkReleaseCalendar,
  escapeIcsText,
  foldIcsLine,
  nextRelease,
  parseReleaseCalendar,
  pastReleases,
  releaseIcs,
  upcomingReleases,
  type Release,
} from '../src/ingest/releases';
import { htmlToText, ROOT } from './helpers/build';
import { attr, byTag, parseHtmlFragment, textOf } from './helpers/html';
import { modelFromContent, reportOf } from './helpers/model';
import { only, parseIcs, textValue, zonedValue } from './fixtures/releases/strict-ics';

const FILE = 'content/releases.csv';
const FIXTURE = join(ROOT, 'test/fixtures/releases/releases.csv');
const parse = (text: string) => parseReleaseCalendar(text, FILE);

describe('reading releases.csv', () => {
  it('reads the fixture calendar, soonest first, committee as written or null', () => {
    const { releases, problems } = parse(readFileSync(FIXTURE, 'utf8'));
    expect(problems).toEqual([]);
    expect(releases.map((release) => [release.date, release.quarterId, release.line])).toEqual([
      ['2024-09-03', '2024-25-q1', 2],
      ['2024-12-03', '2024-25-q2', 4],
      ['2025-03-04', '2024-25-q3', 3],
    ]);
    expect(releases[0]!.committee).toBe('Children and Family Services Overview and Scrutiny Committee, 3 September 2024');
    expect(releases[2]!.committee).toBeNull();
    expect(releases[1]!.quarter).toMatchObject({ label: 'Q2 2024/25', months: 'July to September 2024' });
  });

  it('accepts what spreadsheets save: a BOM, CRLF, tabs, headings in any case, no committee column', () => {
    expect(parse('\uFEFFDate,Quarter,Committee\r\n2024-12-03,2024-25-q2,Scrutiny\r\n').releases).toHaveLength(1);
    expect(parse('date\tquarter\n2024-12-03\t2024-25-q2\n').releases[0]).toMatchObject({ date: '2024-12-03', committee: null });
    expect(parse('date,quarter,committee\n').releases).toEqual([]);
  });

  it('is optional: no file, no problem and no date', async () => {
    expect(checkReleaseCalendar(null)).toEqual({ releases: [], problems: [] });
    // The real content announces no date; a date is never invented.
    expect(existsSync(join(ROOT, 'content/releases.csv'))).toBe(false);
    expect((await reportOf(join(ROOT, 'content'))).releases).toEqual([]);
  });

  it.each([
    ['a date that is not on the calendar', '2025-02-30,2024-25-q3,', 2, 1, /^a release date that exists on the calendar/],
    ['a date written another way', '04/03/2025,2024-25-q3,', 2, 1, /^the release date written YYYY-MM-DD/],
    ['a month 13', '2025-13-01,2024-25-q3,', 2, 1, /exists on the calendar/],
    ['a quarter that is not a folder name', '2025-03-04,Q3 2024/25,', 2, 2, /^a quarter written like a quarter folder’s name, such as 2024-25-q2/],
    ['a quarter q5', '2025-03-04,2024-25-q5,', 2, 2, /such as 2024-25-q2/],
    ['years that do not follow on', '2025-03-04,2024-26-q3,', 2, 2, /such as 2024-25-q2/],
    ['a date before the quarter ends', '2024-12-01,2024-25-q3,', 2, 1, /^a date after Q3 2024\/25 ends on 31 December 2024/],
    ['a date on the last day of the quarter', '2024-12-31,2024-25-q3,', 2, 1, /^a date after Q3 2024\/25 ends/],
  ])('names the line and column of %s', (_, row, line, column, expected) => {
    const { releases, problems } = parse(`date,quarter,committee\n${row}\n`);
    expect(releases).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line, column });
    expect(problems[0]!.expected).toMatch(expected);
  });

  it('refuses a quarter announced twice, pointing at both lines', () => {
    const { problems } = parse('date,quarter,committee\n2024-12-03,2024-25-q2,\n\n2024-12-10,2024-25-q2,\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, column: 2, found: '2024-25-q2' });
    expect(problems[0]!.expected).toContain('line 2 already announces Q2 2024/25');
  });

  it('reports every bad line at once, as a message that leads to the cell', () => {
    const { problems } = parse('date,quarter,committee\n2025-02-30,2024-25-q3,\n2025-03-04,2024-25-q9,\n');
    const message = formatFileProblems(FILE, problems);
    expect(message).toContain('content/releases.csv has 2 problems');
    expect(message).toContain('content/releases.csv:2:1\n  Line 2, column A (date): found "2025-02-30"');
    expect(message).toContain('content/releases.csv:3:2\n  Line 3, column B (quarter): found "2024-25-q9"');
  });

  it('refuses a file with no header it knows, an empty file and a file that is not text', () => {
    expect(parse('when,which\n2024-12-03,2024-25-q2\n').problems[0]!.expected).toMatch(/^a header row with the column headings|^a column headed "date"/);
    expect(parse('').problems[0]!.expected).toMatch(/^a header row "date,quarter,committee"/);
    expect(checkReleaseCalendar({ file: FILE, bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]) }).problems[0]!.expected).toMatch(/text file/);
  });
});

describe('upcoming and past releases', async () => {
  const model = await modelFromContent();
  const { releases } = parse(readFileSync(FIXTURE, 'utf8'));

  it('are decided by what is published, never the clock: a published quarter’s row is past', () => {
    expect(upcomingReleases(releases, model.quarters).map((release) => release.quarterId)).toEqual(['2024-25-q2', '2024-25-q3']);
    expect(nextRelease(releases, model.quarters)?.date).toBe('2024-12-03');
    expect(nextRelease([], model.quarters)).toBeNull();
  });

  it('a draft quarter is still to come', () => {
    const withDraft = model.quarters.map((quarter) => ({ ...quarter, publication: quarter.id === '2024-25-q1' ? ('draft' as const) : quarter.publication }));
    expect(nextRelease(releases, withDraft)?.quarterId).toBe('2024-25-q1');
  });

  it('past releases are the published quarters with the publication date their commentary records', () => {
    expect(pastReleases(model.quarters).map((release) => [release.quarterId, release.publishedDate])).toEqual([
      ['2024-25-q1', '2024-09-03'],
      // seeds/004 records no date: "not recorded", never a made-up one.
      ['2023-24-q3', null],
    ]);
    for (const quarter of model.quarters) {
      const recorded = quarter.commentary?.publishedDate;
      expect(pastReleases([quarter])[0]!.publishedDate).toBe(recorded === 'not recorded' ? null : recorded);
    }
  });
});

describe('an announced release as iCalendar', () => {
  const { releases } = parse(readFileSync(FIXTURE, 'utf8'));
  const options = (release: Release) => ({
    council: 'Leicestershire County Council',
    title: 'Children and Family Services performance',
    calendarUrl: 'https://example.org/releases/',
    uid: `tag:leics.gov.uk,2023:children-and-family-services:release:${release.quarterId}`,
  });
  const q2 = releases.find((release) => release.quarterId === '2024-25-q2')!;
  const q3 = releases.find((release) => release.quarterId === '2024-25-q3')!;

  it('is accepted by a strict reader: CRLF, folded at 75 octets, one VCALENDAR with one VEVENT', () => {
    for (const release of [q2, q3]) {
      const ics = releaseIcs(release, options(release));
      const calendar = parseIcs(ics);
      expect(calendar.components.map((component) => component.name)).toEqual(['VTIMEZONE', 'VEVENT']);
      expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    }
  });

  it('is an event at the release time in Europe/London on the announced date, with its quarter and committee in words', () => {
    const calendar = parseIcs(releaseIcs(q2, options(q2)));
    const event = calendar.components.find((component) => component.name === 'VEVENT')!;
    expect(zonedValue(only(event, 'DTSTART'), calendar)).toEqual({ tzid: 'Europe/London', date: '2024-12-03', time: '09:30' });
    expect(zonedValue(only(event, 'DTEND'), calendar)).toEqual({ tzid: 'Europe/London', date: '2024-12-03', time: '10:00' });
    const other = parseIcs(releaseIcs({ ...q2, time: '07:00' }, options(q2)));
    expect(zonedValue(only(other.components[1]!, 'DTSTART'), other).time).toBe('07:00');
    expect(textValue(only(event, 'SUMMARY'))).toBe('Q2 2024/25 Children and Family Services performance figures published');
    const description = textValue(only(event, 'DESCRIPTION'));
    expect(description).toContain('figures for Q2 2024/25 (July to September 2024) at 09:30 UK time on 3 December 2024.');
    // The committee's comma, semicolon and non-ASCII characters survive escaping and folding.
    expect(description).toContain(`Reported to: ${q2.committee}.`);
    expect(only(event, 'URL').value).toBe('https://example.org/releases/');
    // A tag URI from content: the same UID wherever the site is hosted, so a calendar never holds the release twice.
    expect(only(event, 'UID').value).toBe('tag:leics.gov.uk,2023:children-and-family-services:release:2024-25-q2');
  });

  it('is dated from the content, not the clock: the same bytes every time, DTSTAMP the day after the quarter ends', () => {
    const ics = releaseIcs(q2, options(q2));
    expect(releaseIcs(q2, options(q2))).toBe(ics);
    expect(only(parseIcs(ics).components[1]!, 'DTSTAMP').value).toBe('20241001T000000Z');
    expect(only(parseIcs(releaseIcs(q3, options(q3))).components[1]!, 'DTSTAMP').value).toBe('20250101T000000Z');
  });

  it('gives each release its own UID', () => {
    const uids = [q2, q3].map((release) => only(parseIcs(releaseIcs(release, options(release))).components[1]!, 'UID').value);
    expect(new Set(uids).size).toBe(2);
  });

  it('escapes TEXT and folds by octets, never inside a character', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const line = `DESCRIPTION:${'é'.repeat(100)}😀${'x'.repeat(80)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part.isWellFormed()).toBe(true);
    }
    expect(parts.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
    expect(foldIcsLine('SHORT:line')).toBe('SHORT:line');
  });

  it('the strict reader refuses bare LF, long lines and unescaped commas (so its acceptance means something)', () => {
    const ics = releaseIcs(q2, options(q2));
    expect(() => parseIcs(ics.replace(/\r\n/g, '\n'))).toThrow(/CRLF/);
    expect(() => parseIcs(ics.replace('\r\n ', ''))).toThrow(/octets/);
    expect(() => parseIcs(ics.replace('SUMMARY:Q2 2024/25', 'SUMMARY:Q2,2024/25'))).toThrow(/unescaped/);
    expect(() => parseIcs(ics.replace('DTSTART;TZID=Europe/London:20241203', 'DTSTART;TZID=Europe/London:20241232'))).toThrow(/local date-time/);
    expect(() => parseIcs(ics.replace('DTSTART;TZID=Europe/London', 'DTSTART;TZID=Europe/Paris'))).toThrow(/no VTIMEZONE/);
    expect(() => parseIcs(ics.replace('T100000', 'T090000'))).toThrow(/DTEND is not after/);
    expect(() => parseIcs(ics.replace('END:VEVENT\r\n', ''))).toThrow(/does not close/);
  });
});

describe('NextUpdate', async () => {
  const container = await AstroContainer.create();
  const { releases } = parse(readFileSync(FIXTURE, 'utf8'));
  const text = async (props: Record<string, unknown>) => htmlToText(await container.renderToString(NextUpdate, { props }));

  it('gives the next announced date, linking to the release calendar', async () => {
    const html = await container.renderToString(NextUpdate, { props: { release: releases[1] } });
    expect(htmlToText(html)).toBe('Next update: 3 December 2024 (Q2 2024/25 figures; release calendar)');
    // The link to the calendar opens with the date, machine-readable.
    const [link] = byTag(parseHtmlFragment(html), 'a');
    expect(attr(link!, 'href')).toBe('/releases/');
    const [time] = link!.childNodes;
    expect([time?.nodeName, attr(time!, 'datetime'), textOf(time!)]).toEqual(['time', '2024-12-03', '3 December 2024']);
  });

  it('says no date has been announced, never inventing one', async () => {
    expect(await text({ release: null })).toBe('Next update: no date has been announced yet (release calendar)');
  });
});
