/**
 * The release calendar: `content/releases.csv` (optional) announces the day a
 * quarter's figures will be published, as official statistics are
 * pre-announced. Without the file, or without a row for a quarter not yet
 * published, no date has been announced: a date is never invented.
 *
 * Also the iCalendar (RFC 5545) file for each announced release. Nothing here
 * reads the clock: a build of the same content gives the same bytes.
 */
import { releaseRowSchema } from '../schemas/release.ts';
import { cellsByKey, decodeText, mapColumns, readTable, type ColumnSpec } from './delimited.ts';
import { formatDate, recordedDate } from '../core/format.ts';
import { parseQuarterId, type ReportingQuarter } from '../core/periods.ts';
import { parseWithFriendlyErrors, type Problem } from '../core/problems.ts';

/** The calendar's file name in the content folder. */
export const RELEASES_FILE = 'releases.csv';

export const RELEASE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'date', header: 'date', required: true, alsoMatches: ['release date'] },
  { key: 'quarter', header: 'quarter', required: true },
  { key: 'time', header: 'time', required: false, alsoMatches: ['release time'] },
  { key: 'committee', header: 'committee', required: false, alsoMatches: ['committee meeting', 'meeting'] },
];

/** One announced release. */
export interface Release {
  /** Line of releases.csv it was read from. */
  line: number;
  /** The day the figures will be published (YYYY-MM-DD). */
  date: string;
  /** The time of day, UK time: "09:30" unless the calendar says otherwise. */
  time: string;
  /** The quarter whose figures are released: "2024-25-q2". */
  quarterId: string;
  quarter: ReportingQuarter;
  /** The committee meeting, as written; null when not named. */
  committee: string | null;
}

export interface ReleaseCalendar {
  releases: Release[];
  problems: Problem[];
}

/** The day after an ISO date, as an ISO date. */
export function dayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Parses and checks the release calendar's text, returning every problem by
 * line and column (and no releases when there is any). Rows are in date order.
 */
export function parseReleaseCalendar(text: string, file: string): ReleaseCalendar {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { releases: [], problems: [{ file, expected: 'a header row "date,quarter,committee", then one row per announced release, but the file is empty', hint: `Delete ${file} if no date has been announced.` }] };
  }
  const table = readTable(text, file);
  if (!table.ok) return { releases: [], problems: table.problems };
  const columns = mapColumns(table.table.header, RELEASE_COLUMNS, file);
  if (!columns.ok) return { releases: [], problems: columns.problems };

  const problems: Problem[] = [];
  const releases: Release[] = [];
  const lineOfQuarter = new Map<string, number>();
  for (const row of table.table.rows) {
    const cells = cellsByKey(row, columns.map, RELEASE_COLUMNS);
    const parsed = parseWithFriendlyErrors(releaseRowSchema, { file, line: row.line, columns: columns.map.columns, cells });
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { date, time, quarter: quarterId, committee } = parsed.data;
    const quarter = parseQuarterId(quarterId)!;
    const at = (key: 'date' | 'quarter') => ({ file, line: row.line, column: columns.map.columns[key]?.column, columnName: columns.map.columns[key]?.name, found: cells[key] });
    const seen = lineOfQuarter.get(quarterId);
    if (seen !== undefined) {
      problems.push({ ...at('quarter'), expected: `each quarter listed once, but line ${seen} already announces ${quarter.label}`, hint: 'If the date has changed, change it on that line and delete this one.' });
      continue;
    }
    lineOfQuarter.set(quarterId, row.line);
    if (date <= quarter.period.end) {
      problems.push({ ...at('date'), expected: `a date after ${quarter.label} ends on ${formatDate(quarter.period.end)}: figures are published after the quarter they cover` });
      continue;
    }
    releases.push({ line: row.line, date, time, quarterId, quarter, committee });
  }
  if (problems.length) return { releases: [], problems };
  return { releases: releases.sort((a, b) => a.date.localeCompare(b.date) || a.quarterId.localeCompare(b.quarterId)), problems };
}

/**
 * For the validation stage: the calendar file as read from disk (null when the
 * content folder has none, which is allowed) checked from its bytes.
 */
export function checkReleaseCalendar(source: { file: string; bytes: Uint8Array } | null): ReleaseCalendar {
  if (!source) return { releases: [], problems: [] };
  const decoded = decodeText(source.bytes, source.file);
  if (!decoded.ok) return { releases: [], problems: [decoded.problem] };
  return parseReleaseCalendar(decoded.text, source.file);
}


/** Announced releases of quarters not yet published, soonest first. What is upcoming is decided by the content, never the clock. */
export function upcomingReleases(releases: readonly Release[], quarters: readonly { id: string; publication: 'published' | 'draft' }[]): Release[] {
  const published = new Set(quarters.filter((quarter) => quarter.publication === 'published').map((quarter) => quarter.id));
  return releases.filter((release) => !published.has(release.quarterId));
}

/** The next announced release, or null when no date has been announced. */
export function nextRelease(releases: readonly Release[], quarters: readonly { id: string; publication: 'published' | 'draft' }[]): Release | null {
  return upcomingReleases(releases, quarters)[0] ?? null;
}

export interface PastRelease {
  quarterId: string;
  label: string;
  months: string;
  year: string;
  quarter: string;
  /** The date the report was published; null when the quarter's papers record none ("not recorded"). */
  publishedDate: string | null;
  /** Dates of corrections made since, oldest first. */
  corrections: string[];
}

/** The published quarters, newest first, with the publication date the commentary records. */
export function pastReleases(
  quarters: readonly { id: string; label: string; months: string; year: string; quarter: string; publication: 'published' | 'draft'; commentary: { publishedDate?: string; corrections: { date: string }[] } | null }[],
): PastRelease[] {
  return quarters
    .filter((quarter) => quarter.publication === 'published')
    .map((quarter) => ({
      quarterId: quarter.id,
      label: quarter.label,
      months: quarter.months,
      year: quarter.year,
      quarter: quarter.quarter,
      publishedDate: recordedDate(quarter.commentary?.publishedDate),
      corrections: [...new Set((quarter.commentary?.corrections ?? []).map((correction) => correction.date))].sort(),
    }));
}


// ---------------------------------------------------------------------------
// iCalendar (RFC 5545)

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 3.1): CRLF and a space before each continuation, never inside a character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; each continuation's leading space is one of its 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (isoDate: string) => isoDate.replace(/-/g, '');

export interface ReleaseIcsOptions {
  /** Who publishes the figures: the product identifier and the description name them. */
  council: string;
  /** The site's title, such as "Children and Family Services performance". */
  title: string;
  /** URL of the release calendar page (absolute when the site has an address). */
  calendarUrl: string;
  /** The event's UID: a tag URI from content (src/core/site-address.ts), the same wherever the site is hosted. */
  uid: string;
}

/** Europe/London's rules (since 1996: last Sunday of March at 01:00 UTC, last Sunday of October at 01:00 UTC), for TZID references. */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** "09:30" → "093000"; the end of the event is half an hour later, the same day. */
const icsTime = (time: string) => `${time.replace(':', '')}00`;
function halfHourLater(time: string): string {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const total = Math.min(hours * 60 + minutes + 30, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * One announced release as an iCalendar file: an event at the release time,
 * Europe/London (a calendar shows it at 09:30 UK time wherever its reader is).
 * DTSTAMP is the day after the quarter ends, the earliest its release can be
 * announced: read from the content, so every build gives the same bytes.
 */
export function releaseIcs(release: Release, options: ReleaseIcsOptions): string {
  const { quarter } = release;
  const description = [
    `${options.council} will publish the ${options.title} figures for ${quarter.label} (${quarter.months}) at ${release.time} UK time on ${formatDate(release.date)}.`,
    release.committee ? `Reported to: ${release.committee}.` : null,
    `Release calendar: ${options.calendarUrl}`,
  ]
    .filter(Boolean)
    .join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcsText(`-//${options.council}//${options.title}//EN`)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${options.uid}`,
    `DTSTAMP:${icsDate(dayAfter(quarter.period.end))}T000000Z`,
    `DTSTART;TZID=Europe/London:${icsDate(release.date)}T${icsTime(release.time)}`,
    `DTEND;TZID=Europe/London:${icsDate(release.date)}T${icsTime(halfHourLater(release.time))}`,
    `SUMMARY:${escapeIcsText(`${quarter.label} ${options.title} figures published`)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    ...(/^https?:/.test(options.calendarUrl) ? [`URL:${options.calendarUrl}`] : []),
    'TRANSP:TRANSPARENT',
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldIcsLine(line)}\r\n`).join('');
}
