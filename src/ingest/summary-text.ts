/**
 * The words of a commentary `summary` (home page, link previews, the feed). It
 * states figures only through figure tags, filled in at build from the
 * quarter's data, so it can never show a figure that disagrees with a card: a
 * typed figure is refused. The summary is read by the same parser and rules as
 * the body (readSummary in ./commentary-body.ts); this checks its text.
 */
import type { Inline } from '../core/commentary-tree.ts';
import { typedFigures, typedFigureWords } from './typed-figures.ts';
import type { Problem } from '../core/problems.ts';

/** Problems of the summary's words: typed figures in its text (./typed-figures.ts), at the summary's line. `years`: those of the quarter's periods. */
export function checkSummaryText(inlines: readonly Inline[], file: string, line: number | undefined, years: ReadonlySet<number>): Problem[] {
  const text = inlines.map((node) => (node.kind === 'text' ? node.value : ' ')).join('');
  return typedFigures(text, { years }).map((figure) => ({
    file,
    line,
    found: typedFigureWords(figure),
    expected: 'figures in the summary written as figure tags, such as <Value of="care-leavers-eet" />, never typed',
    hint: 'A typed figure could disagree with the card; a figure tag always shows the published figure. Write counts up to nineteen as words ("three of the indicators"), or use <Count of="..." />.',
  }));
}
