/**
 * The words of a commentary `summary` (home page, link previews, the feed). It
 * states figures only through figure tags, filled in at build from the
 * quarter's data, so it can never show a figure that disagrees with a card: a
 * typed figure is refused. The summary is read by the same parser and rules as
 * the body (readSummary in ./commentary-body.ts); this checks its text.
 */
import type { Inline } from '../core/commentary-tree.ts';
import { parsePeriod } from '../core/periods.ts';
import type { Problem } from '../core/problems.ts';

/**
 * A word with a digit that is not part of a period or year ("2024", "2024/25",
 * "Q1 2024/25") is a typed figure.
 */
function typedFigures(text: string): string[] {
  const words = text.split(/\s+/).map((word) => word.replace(/^[("'‘“]+|[.,;:!?)"'’”]+$/g, ''));
  return words.filter((word, index) => {
    if (!/\d/.test(word)) return false;
    if (parsePeriod(word).ok) return false;
    if (/^Q[1-4]$/i.test(word) && parsePeriod(`${word} ${words[index + 1] ?? ''}`).ok) return false;
    return true;
  });
}

/** Problems of the summary's words: typed figures in its text, at the summary's line. */
export function checkSummaryText(inlines: readonly Inline[], file: string, line: number | undefined): Problem[] {
  const text = inlines.map((node) => (node.kind === 'text' ? node.value : ' ')).join('');
  return typedFigures(text).map((figure) => ({
    file,
    line,
    found: figure,
    expected: 'figures in the summary written as figure tags, such as <Value of="care-leavers-eet" />, never typed',
    hint: 'A typed figure could disagree with the card; a figure tag always shows the published figure. Write small numbers as words.',
  }));
}
