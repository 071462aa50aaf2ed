/**
 * What the commentary components need: the quarter being rendered and the
 * model, set by the quarter page in Astro.locals, and the card for an id.
 * The loader already checked every id; this is the backstop at render time.
 */
import { closestNames } from '../core/names';

export function commentaryQuarter(locals: App.Locals) {
  const context = locals.commentary;
  if (!context) throw new Error('Commentary components can only be used in a quarter’s commentary.mdx.');
  const quarter = context.model.quarterById.get(context.quarterId);
  if (!quarter) throw new Error(`${context.file}: no published quarter "${context.quarterId}".`);
  return { model: context.model, quarter, file: context.file };
}

export function commentaryCard(locals: App.Locals, id: string | undefined, component: string) {
  const { model, quarter, file } = commentaryQuarter(locals);
  const card = quarter.cards.find((c) => c.indicator.id === id);
  if (!card) {
    const suggestions = closestNames(id ?? '', quarter.cards.map((c) => c.indicator.id));
    throw new Error(
      `${file}: <${component} of="${id ?? ''}" /> names no indicator in the ${quarter.label} data.` +
        (suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''),
    );
  }
  return { model, quarter, card };
}
