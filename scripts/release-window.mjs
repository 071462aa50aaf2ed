/**
 * The London-time guard of the scheduled rebuild. GitHub's and Azure's
 * schedules are in UTC with no time zone, so each pipeline runs at 08:30 and
 * 09:30 UTC: one of them is 09:30 in London whatever the season. This says
 * whether a run should go ahead: not before 09:30 London time (the winter run
 * at 08:30 UTC is 08:30 in London). A run that starts late still goes ahead;
 * rebuilding twice on a summer day is harmless, since the build itself leaves
 * out any quarter whose time has not come.
 *
 *   node scripts/release-window.mjs          prints run=true or run=false (for $GITHUB_OUTPUT) and why
 *   NOW=2024-09-03T08:30:00Z node scripts/release-window.mjs   (tests)
 */
import { appendFileSync } from 'node:fs';

/** London wall-clock "HH:MM" at an instant. */
export function londonClock(instant) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** Whether a scheduled rebuild at this instant should run: from 09:30 London time. */
export function releaseWindowOpen(instant) {
  return londonClock(instant) >= '09:30';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const now = process.env.NOW ? new Date(process.env.NOW) : new Date();
  const open = releaseWindowOpen(now);
  console.log(`London time is ${londonClock(now)}: ${open ? 'release time has come, rebuilding' : 'before 09:30, this is the other season\u2019s schedule: nothing to do'}.`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `run=${open}\n`);
  // Azure Pipelines reads a variable from this logging command.
  if (process.env.TF_BUILD) console.log(`##vso[task.setvariable variable=releaseWindowOpen;isOutput=true]${open}`);
}
