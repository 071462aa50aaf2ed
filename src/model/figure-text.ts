/**
 * The words each text figure component prints, from the quarter's cards: the
 * same formatting as the cards (the council's own digits). Used by the
 * commentary components and to fill the figure tags of a summary, so a figure
 * reads the same wherever it appears.
 */
import type { Inline } from '../core/commentary-tree.ts';
import { cardOf, type Card } from './cards.ts';
import { formatFigure, quartileWords } from '../core/format.ts';
import type { QuarterSummary } from './summary.ts';
import { directionSentence, quartileSentence, ragSentence } from './summary.ts';

export interface FigureContext {
  cards: readonly Card[];
  summary: QuarterSummary;
}

const DIRECTION_TEXT = { improved: 'improved', worse: 'got worse', 'no-change': 'did not change' } as const;

/** "above 97.2%": the target in words, so a screen reader does not read ">" as "greater than sign". */
export function targetWords(card: Card): string {
  const target = card.record.target;
  if (!target) return 'no target';
  const figure = formatFigure(target, card.indicator);
  // A bare target on a measure where neither direction is better has no side: it is just the figure.
  if (!target.comparison && card.indicator.polarity === 'neither') return figure;
  const comparison = target.comparison ?? (card.indicator.polarity === 'lower is better' ? 'at most' : 'at least');
  return `${comparison} ${figure}`;
}

/** The summary counts a <Count of="..." /> can print. */
export function countOf(summary: QuarterSummary, what: string): number | null {
  const counts: Record<string, number> = {
    indicators: summary.total,
    green: summary.rag.green,
    amber: summary.rag.amber,
    red: summary.rag.red,
    'not-rated': summary.rag.none,
    improved: summary.direction.improved,
    worse: summary.direction.worse,
    'no-change': summary.direction['no-change'],
    'not-judged': summary.direction.none,
    'quartile-1': summary.quartile[1],
    'quartile-2': summary.quartile[2],
    'quartile-3': summary.quartile[3],
    'quartile-4': summary.quartile[4],
    'no-benchmark': summary.quartile.none,
  };
  return counts[what] ?? null;
}

/**
 * The text of a figure component with the given props, or null when the props
 * do not name something this quarter has (validation reports those first).
 */
export function figureText(component: string, props: Readonly<Record<string, string>>, context: FigureContext): string | null {
  if (component === 'QuarterSummary') {
    const { summary } = context;
    return `${quartileSentence(summary)} Of all ${summary.total}, ${ragSentence(summary)} Compared with the previous figures, ${directionSentence(summary)}`;
  }
  if (component === 'Count') {
    const count = countOf(context.summary, props.of ?? '');
    return count === null ? null : String(count);
  }
  const card = cardOf(context, props.of);
  if (!card) return null;
  const { record, indicator } = card;
  const observation = props.period === 'previous' ? record.previous : record.latest;
  switch (component) {
    case 'Value':
      return formatFigure(observation?.figure ?? null, indicator);
    case 'Period':
      return observation?.period.label ?? 'no earlier period';
    case 'Change':
      return card.change ?? 'no earlier figure to compare with';
    case 'Direction':
      return card.direction ? DIRECTION_TEXT[card.direction] : 'not judged';
    case 'Target':
      if (props.show === 'status') return card.targetMet === null ? 'not judged against a target' : card.targetMet ? 'met' : 'not met';
      return targetWords(card);
    case 'Rag':
      return record.rag ?? 'not rated';
    case 'Quartile':
      return record.quartile ? quartileWords(record.quartile) : 'no national benchmark';
    case 'Average': {
      const average = props.group === 'england' ? record.englandAverage : record.statisticalNeighbourAverage;
      return formatFigure(average, indicator);
    }
    default:
      return null;
  }
}

/** A piece of a summary: plain words, or the words a figure tag printed (marked, so a page can show them as figures). */
export interface SummaryPart {
  text: string;
  figure: boolean;
}

/** The summary in pieces, from the tree the check read, its figure tags filled in from the quarter's cards; whitespace runs become one space. */
export function renderSummaryParts(summary: readonly Inline[], context: FigureContext): SummaryPart[] {
  const parts: SummaryPart[] = [];
  const visit = (node: Inline) => {
    switch (node.kind) {
      case 'text':
      case 'code':
        parts.push({ text: node.value, figure: false });
        return;
      case 'break':
        parts.push({ text: ' ', figure: false });
        return;
      case 'figure':
        parts.push({ text: figureText(node.component, node.props, context) ?? '', figure: true });
        return;
      default:
        node.children.forEach(visit);
    }
  };
  summary.forEach(visit);
  const joined = parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
  if (joined[0]) joined[0].text = joined[0].text.trimStart();
  if (joined.at(-1)) joined.at(-1)!.text = joined.at(-1)!.text.trimEnd();
  return joined.filter((part) => part.text !== '');
}

/** The summary as plain text, from the tree the check read, its figure tags filled in from the quarter's cards. */
export function renderSummary(summary: readonly Inline[], context: FigureContext): string {
  return renderSummaryParts(summary, context)
    .map((part) => part.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The indicators a summary's figure tags name, in the order it first names them
 * (`<Value of="care-leavers-eet" />` → "care-leavers-eet"): the story the summary tells.
 */
export function summaryIndicators(summary: readonly Inline[]): string[] {
  const ids: string[] = [];
  const visit = (node: Inline) => {
    if (node.kind === 'figure') {
      const of = node.props.of;
      if (of && !ids.includes(of)) ids.push(of);
    } else if ('children' in node) node.children.forEach(visit);
  };
  summary.forEach(visit);
  return ids;
}
