/**
 * Publication times, in the UK's own clock. Official statistics are released at
 * a pre-announced time (09:30 on the day, the Code of Practice for Statistics),
 * so a quarter goes public at its `publishedDate` and `publishedTime`
 * (default 09:30) in Europe/London, and not before.
 *
 * The build reads the clock once (readBuildClock), as an explicit instant that
 * tests and reproducible builds fix with BUILD_TIME; everything else here is pure.
 */

export const LONDON = 'Europe/London';
/** The time of day a report goes public when its commentary gives none. */
export const DEFAULT_PUBLISHED_TIME = '09:30';

/** The build's one reading of the clock. */
export interface BuildClock {
  /** The instant, as an ISO timestamp in UTC. */
  instant: string;
  /** The same instant as a London wall-clock date and time: "2024-09-03 09:30". */
  london: string;
  /** Where it came from: the BUILD_TIME variable or the machine's clock. */
  source: 'BUILD_TIME' | 'clock';
}

const parts = (instant: Date) => {
  const formatted = new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => formatted.find((part) => part.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}`, seconds: get('second') };
};

/** An instant as London wall-clock time: "2024-09-03 09:30". */
export function londonTime(instant: Date): string {
  const { date, time } = parts(instant);
  return `${date} ${time}`;
}

/** The London calendar date of an instant: "2024-09-03". */
export function londonDate(instant: Date): string {
  return parts(instant).date;
}

/**
 * The instant a London wall-clock time names. 09:30 is never in a clock
 * change's gap or overlap (they happen at 01:00 and 02:00), so the answer is unique;
 * for those hours the later offset wins.
 */
export function fromLondon(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(guess.getTime())) return guess;
  // London is UTC or UTC+1: try both offsets, keep the one whose London reading is the time asked for.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(guess.getTime() - offsetHours * 3_600_000);
    if (londonTime(candidate) === `${date} ${time}`) return candidate;
  }
  return guess;
}

/** When a quarter goes public: its publication date at its time (default 09:30), London time. */
export function publicationInstant(publishedDate: string, publishedTime: string | undefined): Date {
  return fromLondon(publishedDate, publishedTime ?? DEFAULT_PUBLISHED_TIME);
}

/** The offset of London from UTC at an instant, as iCalendar and RFC 3339 write it: "+01:00". */
export function londonOffset(instant: Date): string {
  const { date, time, seconds } = parts(instant);
  const wall = new Date(`${date}T${time}:${seconds}Z`).getTime();
  const minutes = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as RFC 3339 in London's offset: "2024-09-03T09:30:00+01:00". */
export function londonTimestamp(instant: Date): string {
  const { date, time, seconds } = parts(instant);
  return `${date}T${time}:${seconds}${londonOffset(instant)}`;
}

/**
 * BUILD_TIME as written: an RFC 3339 timestamp with its offset ("2024-09-03T08:29:00Z"),
 * or a London wall-clock time without one ("2024-09-03T09:29" or "2024-09-03 09:29").
 */
export function parseBuildTime(text: string): Date | null {
  const trimmed = text.trim();
  const withOffset = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(trimmed);
  if (withOffset) {
    const date = new Date(trimmed.replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(trimmed);
  if (local) {
    const date = fromLondon(local[1]!, local[2]!);
    return Number.isNaN(date.getTime()) || new Date(`${local[1]}T00:00:00Z`).toISOString().slice(0, 10) !== local[1] || londonTime(date) !== `${local[1]} ${local[2]}` ? null : date;
  }
  return null;
}

/** A clock for a fixed instant (tests, and BUILD_TIME). */
export function clockAt(instant: Date, source: BuildClock['source'] = 'BUILD_TIME'): BuildClock {
  return { instant: instant.toISOString(), london: londonTime(instant), source };
}

/**
 * The one read of the clock a build or check makes: BUILD_TIME when set (a
 * mistyped one stops, rather than silently using the real clock), else now.
 */
export function readBuildClock(env: Record<string, string | undefined>): BuildClock {
  const fixed = env.BUILD_TIME;
  if (fixed !== undefined && fixed !== '') {
    const instant = parseBuildTime(fixed);
    if (!instant) {
      const error = new Error(`BUILD_TIME is "${fixed}": expected a time such as 2024-09-03T09:30 (London time) or 2024-09-03T08:30:00Z.`);
      error.name = 'Setting problem';
      error.stack = '';
      throw error;
    }
    return clockAt(instant, 'BUILD_TIME');
  }
  return clockAt(new Date(), 'clock');
}

/** "09:30 on 3 September 2024" style wording for messages and pages. */
export function describeLondon(instant: Date, formatDate: (isoDate: string) => string): string {
  const { date, time } = parts(instant);
  return `${time} on ${formatDate(date)} (UK time)`;
}
