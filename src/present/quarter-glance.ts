/**
 * The meaning of a quarter first (#23): the key points in words, written by the
 * site from the officer's summary and the headline figures, and the "at a glance"
 * list of every indicator linking to its full card. Pure, so both are unit-tested;
 * src/pages/[year]/[quarter].astro renders them before the full cards.
 */
import type { Card } from '../model/cards.ts';
import { DIRECTION_LABELS, unjudgedLabel } from '../core/direction.ts';
import { RAG_LABELS } from '../core/vocabulary.ts';
import { formatFigure } from '../core/format.ts';
import type { QuarterView } from '../model/model.ts';
import { renderSummaryParts, summaryIndicators, type SummaryPart } from '../model/figure-text.ts';

/** "Early Help" → "area-early-help": the fragment of an area's heading, stable while the area's name is. */
export function areaSlug(area: string): string {
  return `area-${area.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}


export interface GlanceRow {
  id: string;
  /** The plain title (never the dashboard's abbreviated name). */
  title: string;
  /** The latest figure as published, and its period. */
  value: string;
  period: string;
  /** "Worse", "Improved", "No change", "Up (not judged)", "No comparison". */
  direction: string;
  directionKey: NonNullable<Card['direction']> | 'not-judged';
  /** "Red rating", "Not rated". */
  rating: string;
  ratingKey: NonNullable<Card['record']['rag']> | 'none';
}

export interface GlanceGroup {
  area: string;
  /** The fragment of the area's heading in the list (the full cards' area headings keep areaSlug). */
  slug: string;
  rows: GlanceRow[];
}

/** The direction of travel in one or two words, as the card's badge says it. */
export function directionWord(card: Pick<Card, 'direction' | 'movement'>): string {
  if (card.direction) return DIRECTION_LABELS[card.direction];
  if (card.movement) return unjudgedLabel(card.movement);
  return 'No comparison';
}

export function glanceRow(card: Card): GlanceRow {
  const rag = card.record.rag;
  return {
    id: card.indicator.id,
    title: card.indicator.title,
    value: formatFigure(card.record.latest.figure, card.indicator),
    period: card.record.latest.period.label,
    direction: directionWord(card),
    directionKey: card.direction ?? 'not-judged',
    rating: rag ? `${RAG_LABELS[rag]} rating` : 'Not rated',
    ratingKey: rag ?? 'none',
  };
}

/** Every indicator of the quarter, area by area in the page's order. */
export function glance(quarter: Pick<QuarterView, 'areas'>): GlanceGroup[] {
  return quarter.areas.map((group) => ({ area: group.area, slug: `glance-${areaSlug(group.area).slice('area-'.length)}`, rows: group.cards.map(glanceRow) }));
}

/** One key point: its words in pieces (figures marked), and the card it is about (linked), when it is about one. */
export interface KeyPoint {
  parts: SummaryPart[];
  card?: { id: string; title: string };
}

/** Text of a key point, for tests and descriptions. */
export const pointText = (point: KeyPoint) => point.parts.map((part) => part.text).join('');

/**
 * Pieces split into sentences: after a full stop, question or exclamation mark in plain words, followed by
 * a space and a capital letter. A figure's own text ("2.8") is never split.
 */
export function sentences(parts: readonly SummaryPart[]): SummaryPart[][] {
  const out: SummaryPart[][] = [[]];
  for (const part of parts) {
    if (part.figure) {
      out.at(-1)!.push(part);
      continue;
    }
    const pieces = part.text.split(/(?<=[.!?])\s+(?=[A-Z‘“"(])/);
    pieces.forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece) out.at(-1)!.push({ text: piece, figure: false });
    });
  }
  return out
    .map((sentence) => sentence.map((part, i) => ({ ...part, text: i === 0 ? part.text.trimStart() : i === sentence.length - 1 ? part.text.trimEnd() : part.text })))
    .filter((sentence) => sentence.some((part) => part.text.trim() !== ''));
}

/** "Care leavers in education, work or training: 47.3% in Q1 2024/25, down 16.0 percentage points since Q4 2023/24 (worse). The council’s rating: red." */
export function headlinePoint(card: Card): KeyPoint {
  const row = glanceRow(card);
  const since = card.record.previous && card.change ? `, ${card.change.replace(/, (an improvement|a worse result)$/, '')} since ${card.record.previous.period.label}` : '';
  const judged = card.direction === 'improved' ? ' (better)' : card.direction === 'worse' ? ' (worse)' : '';
  const rating = card.record.rag ? `The council’s rating: ${RAG_LABELS[card.record.rag].toLowerCase()}.` : 'Not rated.';
  return {
    parts: [
      { text: `${row.title}: `, figure: false },
      { text: row.value, figure: true },
      { text: ` in ${row.period}${since}${judged}. ${rating}`, figure: false },
    ],
    card: { id: row.id, title: row.title },
  };
}

/**
 * The key points of a quarter, for its first screen: the summary's sentences (their figures filled in from
 * the data by figure tags, as on the home page), then the headline figures the summary does not name, then
 * the counts. At most `limit` headline figures, so the points stay short on a phone.
 */
export function keyPoints(quarter: Pick<QuarterView, 'cards' | 'commentary' | 'summary'>, headlines: readonly Card[], limit = 3): KeyPoint[] {
  const summary = quarter.commentary?.summaryTree ?? [];
  const named = new Set(summaryIndicators(summary));
  const points: KeyPoint[] = sentences(renderSummaryParts(summary, { cards: quarter.cards, summary: quarter.summary })).map((parts) => ({ parts }));
  for (const card of headlines.filter((each) => !named.has(each.indicator.id)).slice(0, limit)) points.push(headlinePoint(card));
  const { total, direction, rag } = quarter.summary;
  const n = (count: number) => ({ text: String(count), figure: true });
  const t = (text: string) => ({ text, figure: false });
  points.push({
    parts: [
      t('Of '), n(total), t(' indicators, '), n(direction.improved), t(' improved and '), n(direction.worse), t(' got worse since the previous figure. The council rated '),
      n(rag.green), t(' green, '), n(rag.amber), t(' amber and '), n(rag.red), t(' red'),
      ...(rag.none ? [t('; '), n(rag.none), t(` ${rag.none === 1 ? 'has' : 'have'} no rating.`)] : [t('.')]),
    ],
  });
  return points;
}

/**
 * "Percentage points" explained once on the page, with the quarter's own first example (#23):
 * "A change in percentage points is the gap between two percentages: from 63.3% to 47.3% is down 16.0 percentage points."
 * Null when no card's change is in percentage points.
 */
export function percentagePointsNote(cards: readonly Card[]): string | null {
  const card = cards.find((each) => each.record.previous && each.change?.includes('percentage points'));
  if (!card) return null;
  const from = formatFigure(card.record.previous?.figure ?? null, card.indicator);
  const to = formatFigure(card.record.latest.figure, card.indicator);
  const change = card.change!.replace(/, (an improvement|a worse result)$/, '');
  return `A change in percentage points is the gap between two percentages: from ${from} to ${to} is ${change}, not a change of ${change.replace(/^(up|down) /, '').replace(' percentage points', '')} per cent of ${from}.`;
}
