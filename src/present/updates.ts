/**
 * The updates log, as official statistics keep one: each quarter's
 * publication, every correction with its reason, and every figure a later
 * report revised, dated and newest first. Per quarter (on its page) and for the
 * whole site (on the release calendar page). Dates come from the content.
 */
import { formatDate, formatFigure, recordedDate } from '../core/format.ts';
import type { QuarterView, SiteModel } from '../model/model.ts';
import { cardOf } from '../model/cards.ts';

export interface Update {
  /** ISO date, or null when the source papers give none ("not recorded"). */
  date: string | null;
  kind: 'published' | 'corrected' | 'revised';
  quarterId: string;
  /** One plain sentence. */
  text: string;
}

const recorded = recordedDate;

/** A quarter's updates: its publication, its corrections, and the revisions later reports made to its figures. */
export function quarterUpdates(model: SiteModel, quarter: QuarterView): Update[] {
  const updates: Update[] = [];
  if (quarter.publication === 'published') {
    const date = recorded(quarter.commentary?.publishedDate);
    updates.push({ date, kind: 'published', quarterId: quarter.id, text: `${quarter.label} figures published.${date ? '' : ' The source papers do not give the date.'}` });
  }
  for (const correction of quarter.commentary?.corrections ?? []) {
    const card = cardOf(quarter, correction.indicator);
    updates.push({
      date: correction.date,
      kind: 'corrected',
      quarterId: quarter.id,
      text: `${card?.indicator.title ?? correction.indicator}: the ${correction.figure} figure corrected from ${correction.oldValue} to ${correction.newValue}. ${correction.reason}`,
    });
  }
  for (const card of quarter.cards) {
    for (const point of quarter.trends.get(card.indicator.id) ?? []) {
      for (const later of point.laterRevisions) {
        const reviser = model.quarterById.get(later.quarterId);
        updates.push({
          date: recorded(reviser?.commentary?.publishedDate),
          kind: 'revised',
          quarterId: quarter.id,
          text: `${card.indicator.title}: the ${point.period.label} figure shown here, ${formatFigure(point.figure, card.indicator)}, was revised in ${later.quarterLabel}'s report to ${formatFigure(later?.figure ?? null, card.indicator)}.`,
        });
      }
    }
  }
  return sortUpdates(updates);
}

/** Every quarter's updates together, newest first. */
export function siteUpdates(model: SiteModel): Update[] {
  return sortUpdates(model.quarters.flatMap((quarter) => quarterUpdates(model, quarter)));
}

/** Newest first; undated entries last, in quarter order. */
function sortUpdates(updates: Update[]): Update[] {
  return [...updates].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.quarterId.localeCompare(a.quarterId));
}

/** "3 September 2024", or "Date not recorded". */
export function updateDate(update: Update): string {
  return update.date ? formatDate(update.date) : 'Date not recorded';
}
