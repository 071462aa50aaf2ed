import { z } from 'astro/zod';
import { parseQuarterId } from '../core/periods.ts';

/** A real calendar date written YYYY-MM-DD: 2025-02-30 and 2025-13-01 are refused, never rolled over. */
const calendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'the release date written YYYY-MM-DD, such as 2025-03-04')
  .refine((text) => {
    // A date not written YYYY-MM-DD has its one problem already.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return true;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'a release date that exists on the calendar (check the month is 01 to 12 and the day is in that month)');

/**
 * One row of `content/releases.csv`, the release calendar: the date a
 * quarter's figures will be published, announced in advance. The file is
 * optional; without it no date has been announced.
 */
export const releaseRowSchema = z.object({
  /** The day the figures will be published. */
  date: calendarDate,
  /** The reporting quarter whose figures are released, as its folder is named: 2024-25-q2. */
  quarter: z
    .string()
    .trim()
    .refine((id) => parseQuarterId(id) !== null, 'a quarter written like a quarter folder’s name, such as 2024-25-q2 (financial year, then q1 to q4)'),
  /** The time of day, UK time, HH:MM; blank or absent for 09:30, the usual release time. */
  time: z
    .string()
    .trim()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, 'the release time written HH:MM on the 24-hour clock, such as 09:30, or blank for 09:30')
    .optional()
    .transform((text) => (text ? text : '09:30')),
  /** The committee meeting the report goes to, in words; blank when not named. */
  committee: z
    .string()
    .trim()
    .max(200, 'the committee meeting in a few words (at most 200 characters)')
    .transform((text) => (text === '' ? null : text)),
});

export type ReleaseRow = z.output<typeof releaseRowSchema>;
