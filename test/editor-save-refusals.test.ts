/** Saves the editor refuses before writing (src/editor/save-refusals.ts): a quarter in a folder its Period does not name. */
import { describe, expect, it } from 'vitest';
import { folderPeriodProblem, refuseSave } from '../src/editor/save-refusals';

describe('a quarter is saved only in the folder its Period names', () => {
  it.each([
    { path: 'content/quarters/2024-25-q3/commentary.mdx', period: 'Q2 2024/25', says: /folder 2024-25-q3, which is Q3 2024\/25, but its Period says Q2 2024\/25.*\(Slug\) 2024-25-q2/ },
    { path: 'content/quarters/2025-26-q1/commentary.mdx', period: 'Q1 2024/25', says: /2025-26-q1.*Q1 2024\/25.*2024-25-q1/ },
    { path: 'content/quarters/q2/commentary.mdx', period: 'Q4 2024/25', says: /folder q2, but its Period says Q4 2024\/25.*2024-25-q4/ },
  ])('$period in $path: refused', ({ path, period, says }) => {
    expect(folderPeriodProblem(path, period)).toMatch(says);
    expect(() => refuseSave(folderPeriodProblem(path, period))).toThrow('saving_failed');
  });

  it.each([
    { path: 'content/quarters/2024-25-q2/commentary.mdx', period: 'Q2 2024/25' },
    { path: 'content/quarters/2024-25-q4/commentary.mdx', period: 'q4 2024/25' },
    // Not a quarter: the check names the Period's own problem, at its line.
    { path: 'content/quarters/2024-25-q2/commentary.mdx', period: 'Q2 2024-25' },
    { path: 'content/quarters/2024-25-q2/commentary.mdx', period: undefined },
  ])('$period in $path: saved', ({ path, period }) => {
    expect(folderPeriodProblem(path, period)).toBeUndefined();
    expect(() => refuseSave(folderPeriodProblem(path, period))).not.toThrow();
  });
});
