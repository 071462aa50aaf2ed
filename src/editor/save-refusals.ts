/**
 * Saves the editor refuses before anything is written, from its preSave
 * listener (admin.ts), for mistakes the preview cannot see: it is not told
 * the folder a new quarter is being created in.
 */
import { parsePeriod, parseQuarterId, quarterIdOf } from '../core/periods.ts';

/**
 * Refuses the save with a message. Sveltia CMS shows the cause's message of an
 * error named saving_failed in its "Error" dialog and keeps the draft; any
 * other error it shows with no message.
 */
export function refuseSave(problem: string | undefined): void {
  if (problem) throw new Error('saving_failed', { cause: new Error(problem) });
}

/**
 * Why a quarter may not be saved in the folder it is going to (path such as
 * content/quarters/2024-25-q3/commentary.mdx) with the Period it has; undefined
 * when they agree, or when the Period is not a quarter (the check says why).
 */
export function folderPeriodProblem(path: unknown, period: unknown): string | undefined {
  if (typeof path !== 'string' || typeof period !== 'string') return undefined;
  const folder = path.split('/').at(-2) ?? '';
  const parsed = parsePeriod(period);
  const wanted = parsed.ok ? quarterIdOf(parsed.period) : null;
  if (!wanted || wanted === folder) return undefined;
  const folderQuarter = parseQuarterId(folder);
  return (
    `This quarter is being saved in the folder ${folder}${folderQuarter ? `, which is ${folderQuarter.label}` : ''}, but its Period says ${parsed.ok ? parsed.period.label : period}. ` +
    `Correct the Period, or, for a new quarter, press Cancel Editing and create it again with the folder name (Slug) ${wanted}.`
  );
}
