/**
 * When a quarter may be public, and dates that must be possible.
 *
 * A published quarter goes public at its publishedDate and publishedTime
 * (09:30 UK time by default): until the build's clock reaches it, the public
 * build leaves it out (it is "scheduled"), the release calendar shows it as
 * due, and the drafts preview shows it. The check says when it will appear.
 *
 * Dates must be possible: a meeting or publication after the quarter ends; a
 * correction after publication and not after the build; "not recorded" only
 * for a quarter site.yaml lists as made from past papers; the release calendar
 * and a quarter's publication date agree; no accessibility date in the future.
 * Pure: the clock is passed in.
 */
import type { Commentary } from '../schemas/commentary.ts';
import type { ReportingQuarter } from '../core/periods.ts';
import type { Problem } from '../core/problems.ts';
import { formatDate } from '../core/format.ts';
import { DEFAULT_PUBLISHED_TIME, describeLondon, londonDate, publicationInstant, type BuildClock } from '../core/release-time.ts';
import type { Release } from './releases.ts';
import { parseQuarterId } from '../core/periods.ts';

type LineOf = (path: (string | number)[]) => number | undefined;

export interface PublicationCheck {
  problems: Problem[];
  /** The instant the quarter goes public (ISO, UTC), or null when its date is not recorded or missing. */
  releaseAt: string | null;
  /** True when the quarter is published but its time has not arrived on the build's clock. */
  scheduled: boolean;
  /** When a scheduled quarter goes public, in words ("09:30 on 3 September 2024 (UK time)"); null otherwise. */
  scheduledFor: string | null;
  notes: string[];
}

/** The dates in a commentary, checked against its quarter, the build's clock and the list of quarters made from past papers. */
export function checkPublicationDates(
  commentary: Commentary,
  reporting: ReportingQuarter,
  at: { file: string; lineOf: LineOf },
  clock: BuildClock,
  fromPastPapers: readonly string[],
  published: boolean,
): PublicationCheck {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const end = reporting.period.end;
  const today = londonDate(new Date(clock.instant));
  const place = (path: (string | number)[]) => ({ file: at.file, line: at.lineOf(path) ?? at.lineOf([path[0]!]) });

  if (commentary.meetingDate && commentary.meetingDate <= end) {
    problems.push({
      ...place(['meetingDate']),
      found: `meetingDate: "${commentary.meetingDate}"`,
      expected: `a meeting date after ${reporting.label} ends on ${formatDate(end)}: a committee meets on a quarter's figures after the quarter`,
      hint: 'Check the date is written year-month-day (a day and month swapped gives a date in the quarter).',
    });
  }

  const recorded = commentary.publishedDate && commentary.publishedDate !== 'not recorded' ? commentary.publishedDate : null;
  if (recorded && recorded <= end) {
    problems.push({
      ...place(['publishedDate']),
      found: `publishedDate: "${recorded}"`,
      expected: `a publication date after ${reporting.label} ends on ${formatDate(end)}: figures are published after the quarter they cover`,
      hint: 'Check the date is written year-month-day (a day and month swapped gives a date in the quarter).',
    });
  }
  if (commentary.publishedDate === 'not recorded' && !fromPastPapers.includes(reporting.id)) {
    problems.push({
      ...place(['publishedDate']),
      found: 'publishedDate: not recorded',
      expected: `the date ${reporting.label} goes public, such as publishedDate: "2024-09-03": "not recorded" is only for a quarter made from past papers that give no date (listed under fromPastPapers in site.yaml)`,
      hint: 'Write the day the page goes public; it appears on the site from 09:30 that day.',
    });
  }
  if (commentary.publishedTime && !recorded) {
    problems.push({ ...place(['publishedTime']), found: `publishedTime: "${commentary.publishedTime}"`, expected: 'a publishedTime only beside a publishedDate written YYYY-MM-DD' });
  }

  const releaseAt = recorded ? publicationInstant(recorded, commentary.publishedTime) : null;
  const scheduled = published && releaseAt !== null && releaseAt.getTime() > new Date(clock.instant).getTime();
  const scheduledFor = scheduled ? describeLondon(releaseAt!, formatDate) : null;
  if (scheduled) {
    notes.push(`Scheduled: goes public at ${scheduledFor}. Until then the public build leaves it out and the release calendar shows it as due; the drafts preview shows it.`);
  }

  commentary.corrections.forEach((correction, index) => {
    const where = place(['corrections', index, 'date']);
    if (recorded && correction.date < recorded) {
      problems.push({ ...where, found: correction.date, expected: `in corrections, item ${index + 1}, a date on or after the quarter's publication on ${formatDate(recorded)}: a correction follows publication` });
    } else if (!recorded && correction.date <= end) {
      problems.push({ ...where, found: correction.date, expected: `in corrections, item ${index + 1}, a date after ${reporting.label} ends on ${formatDate(end)}` });
    } else if (correction.date > today) {
      problems.push({ ...where, found: correction.date, expected: `in corrections, item ${index + 1}, a date no later than today (${formatDate(today)}): a correction is recorded once it is made` });
    }
  });
  return { problems, releaseAt: releaseAt?.toISOString() ?? null, scheduled, scheduledFor, notes };
}

/**
 * The release calendar and the quarters must agree: an announced release of a
 * quarter whose commentary gives a publication date must announce that day and time.
 */
export function checkCalendarAgainstQuarters(
  releases: readonly Release[],
  quarters: readonly { id: string; commentary: { data: Commentary; file: string; lineOf: LineOf } | null }[],
  calendarFile: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const release of releases) {
    const quarter = quarters.find((candidate) => candidate.id === release.quarterId);
    const commentary = quarter?.commentary;
    const date = commentary?.data.publishedDate;
    if (!commentary || !date || date === 'not recorded') continue;
    const time = commentary.data.publishedTime ?? DEFAULT_PUBLISHED_TIME;
    const announced = `${release.date} ${release.time}`;
    if (announced !== `${date} ${time}`) {
      problems.push({
        file: commentary.file,
        line: commentary.lineOf(['publishedDate']),
        found: `publishedDate: "${date}"${commentary.data.publishedTime ? `, publishedTime: "${time}"` : ''}`,
        expected: `the release the calendar announces for ${release.quarter.label}: ${release.time} on ${formatDate(release.date)} (${calendarFile}, line ${release.line})`,
        hint: 'Change whichever is wrong, so readers are told the right day and time.',
      });
    }
  }
  return problems;
}

/** The accessibility statement's dates cannot be later than the build's day. */
export function checkSettingsDates(accessibility: Record<string, string>, file: string, lineOf: LineOf, clock: BuildClock): Problem[] {
  const today = londonDate(new Date(clock.instant));
  return Object.entries(accessibility)
    .filter(([, date]) => date > today)
    .map(([key, date]) => ({
      file,
      line: lineOf(['accessibility', key]),
      found: `${key}: "${date}"`,
      expected: `a date no later than today (${formatDate(today)}): the statement says what has been done`,
    }));
}

/**
 * The releases to announce: the calendar's, and every scheduled quarter the
 * calendar does not list (its commentary gives the day and time), soonest first.
 */
export function scheduledReleases(
  calendar: readonly Release[],
  quarters: readonly { id: string; publication: string; commentaryRead?: { data: Commentary } | undefined }[],
): Release[] {
  const listed = new Set(calendar.map((release) => release.quarterId));
  const added: Release[] = [];
  for (const report of quarters) {
    const data = report.commentaryRead?.data;
    const quarter = parseQuarterId(report.id);
    if (report.publication !== 'scheduled' || listed.has(report.id) || !data?.publishedDate || data.publishedDate === 'not recorded' || !quarter) continue;
    added.push({ line: 0, date: data.publishedDate, time: data.publishedTime ?? DEFAULT_PUBLISHED_TIME, quarterId: report.id, quarter, committee: data.committee });
  }
  return [...calendar, ...added].sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || a.quarterId.localeCompare(b.quarterId));
}
