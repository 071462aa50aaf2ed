/**
 * What the figure reference page shows for a quarter (previews only): every
 * indicator the quarter reports with its ready-to-copy figure tags and what
 * each prints, generated from the one list of figure components, so the page
 * can never offer a tag the validator would refuse.
 */
import { FIGURE_COMPONENTS, type FigureComponent, type FigureProp } from '../core/figure-components.ts';
import { figureText, type FigureContext } from '../model/figure-text.ts';

export interface ReferenceTag {
  /** The tag exactly as a commentary writes it. */
  tag: string;
  /** What it prints for this quarter, or what it shows for a block component. */
  prints: string;
}

export interface ReferenceIndicator {
  id: string;
  name: string;
  area: string;
  tags: ReferenceTag[];
}

/** Every combination of a component's word-list props (indicator props fixed to `id`), optional ones first left out. */
function variants(component: FigureComponent, id: string | null): Record<string, string>[] {
  let results: Record<string, string>[] = [{}];
  for (const prop of component.props as readonly FigureProp[]) {
    if (prop.kind === 'indicator') {
      if (id === null) return [];
      results = results.map((props) => ({ ...props, [prop.name]: id }));
      continue;
    }
    const values = prop.required ? [...prop.values] : [undefined, ...prop.values.filter((value) => value !== prop.default)];
    results = results.flatMap((props) => values.map((value) => (value === undefined ? props : { ...props, [prop.name]: value })));
  }
  return results;
}

const tagOf = (name: string, props: Record<string, string>) =>
  `<${name}${Object.entries(props).map(([key, value]) => ` ${key}="${value}"`).join('')} />`;

function usesIndicator(component: FigureComponent): boolean {
  return (component.props as readonly FigureProp[]).some((prop) => prop.kind === 'indicator');
}

function tagsFor(components: readonly FigureComponent[], id: string | null, context: FigureContext): ReferenceTag[] {
  return components.flatMap((component) =>
    variants(component, id).map((props) => ({
      tag: tagOf(component.name, props),
      prints: component.placement === 'block' ? `(shows the indicator's ${component.name === 'Chart' ? 'chart' : 'card'}, on a line of its own)` : (figureText(component.name, props, context) ?? ''),
    })),
  );
}

export function figureReference(context: FigureContext & { cards: FigureContext['cards'] }): { indicators: ReferenceIndicator[]; quarterTags: ReferenceTag[] } {
  const components = FIGURE_COMPONENTS as readonly FigureComponent[];
  const perIndicator = components.filter(usesIndicator);
  return {
    indicators: context.cards.map((card) => ({
      id: card.indicator.id,
      name: card.indicator.name,
      area: card.indicator.area,
      tags: tagsFor(perIndicator, card.indicator.id, context),
    })),
    quarterTags: tagsFor(components.filter((component) => !usesIndicator(component)), null, context),
  };
}
