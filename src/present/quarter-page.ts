/**
 * What a quarter page shows, computed from the model without Astro (as
 * Starlight computes route data), so it can be unit-tested without a build;
 * src/pages/[year]/[quarter].astro renders it.
 */
import { targetWords } from '../model/figure-text.ts';
import { formatDate, formatFigure, recordedDate } from '../core/format.ts';
import { RAG_LABELS } from '../core/vocabulary.ts';
import { leadingQuarter, type QuarterView, type SiteModel } from '../model/model.ts';
import { cardOf } from '../model/cards.ts';
import { quartileSentence, ragSentence } from '../model/summary.ts';
import type { CorrectionItem } from './page-parts.ts';
import { describeQuartiles, quartileSpec, type BarSpec } from './chart-spec.ts';
import { commentaryHeadingIds } from './commentary.ts';
import type { Block } from '../core/commentary-tree.ts';

import { areaSlug, glance, keyPoints, percentagePointsNote, type GlanceGroup, type KeyPoint } from './quarter-glance.ts';
import { chooseHeadlines } from './headlines.ts';

/** Fragment ids the quarter page gives its own parts, besides the contents entries and each card's indicator id. */
const PAGE_IDS = ['main', 'contents-heading', 'quartile-table-caption', 'key-points-heading', 'commentary-heading', 'summary-heading', 'corrections', 'filters-title'];

export interface ContentsEntry {
  /** The fragment on the page, without "#". */
  id: string;
  text: string;
  /** Sub-entries (the areas under "Indicators"). */
  children?: ContentsEntry[];
}

export interface PrintRow {
  id: string;
  name: string;
  area: string;
  latest: string;
  latestPeriod: string;
  previous: string;
  change: string;
  target: string;
  rag: string;
  quartile: string;
}

export interface QuarterPage {
  quarter: QuarterView;
  /** The newest published quarter, when this is not it: the page says so at the top. */
  latest: { id: string; label: string; year: string; quarter: string } | null;
  previous: QuarterView | null;
  next: QuarterView | null;
  /** The quarter and its publication date, for the printed page's margin. */
  printQuarter: { label: string; published: string | null };
  /** The meta description and link preview. */
  description: string;
  /** "Reported to the ... on 3 September 2024. Published 3 September 2024." */
  reported: string | null;
  contents: ContentsEntry[];
  /** The quarter's meaning in a few sentences, for the first screen (#23). */
  keyPoints: KeyPoint[];
  /** "Percentage points" explained once, with the first example on the page; null when none is used. */
  pointsNote: string | null;
  /** Every indicator in a line, area by area, each linking to its full card. */
  glance: GlanceGroup[];
  /** Each area's cards, with the fragment id of its heading. */
  areas: { area: string; slug: string; cards: QuarterView['cards'] }[];
  /** Corrections, newest first, each linking to its card on this page. */
  corrections: CorrectionItem[];
  /** One row per indicator for the printed committee paper's compact table. */
  printRows: PrintRow[];
  /** A citation per card id: indicator, figure, period, report, committee date and the card's permanent address. */
  citations: Map<string, string>;
  /** The national comparison chart: indicators by quartile, area by area, and its description. */
  quartiles: { spec: BarSpec; description: string };
  /** An id for each commentary heading that no card, area or section of the page uses. */
  commentaryHeadingIds: Map<Block, string>;
}

export { areaSlug };


export function quarterPage(
  model: SiteModel,
  id: string,
  options: { council: string; committee: string; title: string; cardUrl: (quarter: QuarterView, indicatorId: string) => string },
): QuarterPage {
  const quarter = model.quarterById.get(id);
  if (!quarter) throw new Error(`No quarter ${id} in the model`);
  const newest = leadingQuarter(model);
  const notes = quarter.commentary;
  const recorded = recordedDate(notes?.publishedDate);
  const reported = notes
    ? `Reported to the ${notes.committee}${notes.meetingDate ? ` on ${formatDate(notes.meetingDate)}` : ''}.${recorded ? ` Published ${formatDate(recorded)}.` : ''}`
    : null;
  const areas = quarter.areas.map((group) => ({ ...group, slug: areaSlug(group.area) }));
  const corrections = [...quarter.corrections.values()]
    .flat()
    .map((correction): CorrectionItem => ({
      date: correction.date,
      dateText: formatDate(correction.date),
      link: { path: `#${correction.indicator}`, text: cardOf(quarter, correction.indicator)?.indicator.name ?? correction.indicator },
      figure: correction.figure,
      oldValue: correction.oldValue,
      newValue: correction.newValue,
      reason: correction.reason,
    }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const glanceGroups = glance(quarter);
  const points = keyPoints(quarter, chooseHeadlines(quarter).cards);
  // The reader's route from the first screen: every indicator in a line, the full details, the commentary.
  const contents: ContentsEntry[] = [
    { id: 'glance-heading', text: `All ${quarter.cards.length} indicators at a glance`, children: glanceGroups.map((group) => ({ id: group.slug, text: `${group.area} (${group.rows.length})` })) },
    ...(notes ? [{ id: 'commentary-text', text: 'Commentary' }] : []),
    { id: 'indicators-heading', text: 'Full details' },
    { id: 'national-heading', text: 'National comparison' },
    ...(corrections.length ? [{ id: 'corrections-heading', text: 'Corrections' }] : []),
    { id: 'downloads-heading', text: 'Data' },
  ];
  const printRows: PrintRow[] = quarter.cards.map((card) => {
    const { record, indicator } = card;
    return {
      id: indicator.id,
      // The plain title, as on screen: a printed page has no glossary to hover over.
      name: indicator.title,
      area: indicator.area,
      latest: formatFigure(record.latest.figure, indicator),
      latestPeriod: record.latest.period.label,
      previous: record.previous ? `${formatFigure(record.previous?.figure ?? null, indicator)} (${record.previous.period.label})` : '',
      change: card.change ?? '',
      target: record.target ? targetWords(card) : '',
      rag: record.rag ? RAG_LABELS[record.rag] : '',
      quartile: record.quartile ? String(record.quartile) : '',
    };
  });
  const quartiles = quartileSpec(quarter.areas);
  const citations = new Map(
    quarter.cards.map((card) => [
      card.indicator.id,
      `${options.council}, ${options.title}: ${card.indicator.name}, ${formatFigure(card.record.latest.figure, card.indicator)} in ${card.record.latest.period.label}. ` +
        `${quarter.label} performance report${notes?.meetingDate ? `, ${options.committee}, ${formatDate(notes.meetingDate)}` : `, ${options.committee}`}. ` +
        options.cardUrl(quarter, card.indicator.id),
    ]),
  );
  return {
    quarter,
    latest: newest && newest.id !== quarter.id ? { id: newest.id, label: newest.label, year: newest.year, quarter: newest.quarter } : null,
    previous: quarter.previousId ? (model.quarterById.get(quarter.previousId) ?? null) : null,
    next: quarter.nextId ? (model.quarterById.get(quarter.nextId) ?? null) : null,
    printQuarter: { label: quarter.label, published: recorded ? formatDate(recorded) : null },
    description: quarter.summaryText ?? `${quarter.label} (${quarter.months}): ${quarter.summary.total} indicators; ${ragSentence(quarter.summary)} ${quartileSentence(quarter.summary)}`,
    reported,
    contents,
    keyPoints: points,
    pointsNote: percentagePointsNote([...points.flatMap((point) => quarter.cards.filter((card) => card.indicator.id === point.card?.id)), ...quarter.cards]),
    glance: glanceGroups,
    areas,
    corrections,
    printRows,
    citations,
    quartiles: { spec: quartiles, description: `${quartileSentence(quarter.summary)} By area: ${describeQuartiles(quartiles)}` },
    commentaryHeadingIds: commentaryHeadingIds(notes?.body ?? [], [
      ...PAGE_IDS,
      ...contents.flatMap((entry) => [entry.id, ...(entry.children ?? []).map((child) => child.id)]),
      ...areas.map((group) => group.slug),
      'updates-heading',
      ...quarter.cards.map((card) => card.indicator.id),
    ]),
  };
}
