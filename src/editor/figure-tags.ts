/**
 * The editor's figure-tag components, one per tag in src/ingest/figure-components.ts:
 * the indicator picked from the catalogue's titles, every other prop from its
 * allowed values. What a component writes is a tag the check accepts, and a tag
 * read back is written back byte for byte: props are kept in the order written,
 * and an optional prop left out stays out (it is not filled with its default).
 *
 * Pure: runs in the build (tests) and in the browser (the editor).
 */
import { FIGURE_COMPONENTS, type FigureComponent } from '../core/figure-components.ts';

export interface IndicatorChoice {
  id: string;
  title: string;
}

/** Sveltia CMS / Decap CMS editor component options. */
export interface EditorComponent {
  id: string;
  label: string;
  fields: { name: string; label: string; widget: 'select'; options: { label: string; value: string }[]; required: boolean; hint: string }[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  toBlock: (data: Record<string, unknown>) => string;
  toPreview: (data: Record<string, unknown>) => string;
}

/** A tag's props as the check accepts them: name="value", one space apart, values without quotes or braces. */
const PROP = /([A-Za-z]+)="([^"{}<>]*)"/g;

/** The tag as written: <Name prop="value" ... />. Anything else (braces, single quotes, children) is left as text for the check to report. */
export function tagPattern(component: FigureComponent): RegExp {
  const props = component.props.length ? `((?: (?:${component.props.map((prop) => prop.name).join('|')})="[^"{}<>]*")*)` : '()';
  return new RegExp(`<${component.name}${props} />`);
}

export function readProps(written: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const match of written.matchAll(PROP)) props[match[1]!] = match[2]!;
  return props;
}

export function writeTag(component: FigureComponent, data: Record<string, unknown>): string {
  const props = component.props
    .map((prop) => [prop.name, data[prop.name]] as const)
    .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  return `<${component.name}${props} />`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function editorComponents(indicators: readonly IndicatorChoice[]): EditorComponent[] {
  const titles = new Map(indicators.map((indicator) => [indicator.id, indicator.title]));
  return FIGURE_COMPONENTS.map((component: FigureComponent) => ({
    id: component.name,
    label: component.name === 'QuarterSummary' ? 'Quarter summary' : component.name,
    fields: component.props.map((prop) => ({
      name: prop.name,
      label: prop.kind === 'indicator' ? 'Indicator' : prop.name.charAt(0).toUpperCase() + prop.name.slice(1),
      widget: 'select' as const,
      options:
        prop.kind === 'indicator'
          ? indicators.map((indicator) => ({ label: indicator.title, value: indicator.id }))
          : prop.values.map((value) => ({ label: value, value })),
      required: prop.required,
      hint:
        prop.kind === 'indicator'
          ? 'The indicator, by its title in the catalogue (content/indicators.csv).'
          : !prop.required && prop.default
            ? `${prop.description} (None) means ${prop.default}.`
            : prop.description,
    })),
    pattern: tagPattern(component),
    fromBlock: (match: RegExpMatchArray) => readProps(match[1] ?? ''),
    toBlock: (data: Record<string, unknown>) => writeTag(component, data),
    toPreview: (data: Record<string, unknown>) => {
      const described = component.props
        .map((prop) => {
          const value = data[prop.name];
          return typeof value === 'string' && value ? (prop.kind === 'indicator' ? (titles.get(value) ?? value) : value) : '';
        })
        .filter(Boolean)
        .join(', ');
      return `<span class="figure-tag">[${escapeHtml(component.name)}${described ? `: ${escapeHtml(described)}` : ''}]</span>`;
    },
  }));
}

const namesWhere = (placement: 'inline' | 'block') => FIGURE_COMPONENTS.filter((component) => component.placement === placement).map((component) => component.name);
const tagOf = (names: readonly string[]) => `<(?:${names.join('|')})(?: [A-Za-z]+="[^"{}<>]*")* />`;
/** An inline tag the editor left at a paragraph's end, with the rest of its sentence as the next paragraph. */
const SPLIT_SENTENCE = new RegExp(`(${tagOf(namesWhere('inline'))})\\n\\n(?=[ ,.;:!?)])`, 'g');
/** A card or chart the editor put straight after a paragraph's text, or with text straight after it. */
const BLOCK_AFTER_TEXT = new RegExp(`(?<=[^\\n])(${tagOf(namesWhere('block'))})`, 'g');
const TEXT_AFTER_BLOCK = new RegExp(`(${tagOf(namesWhere('block'))})(?=[^\\n])`, 'g');

/**
 * The editor inserts every component as a block, at the cursor: a figure tag
 * put into a sentence ends its paragraph (the rest of the sentence becomes a
 * paragraph of its own), and a card or chart inserted at a paragraph's end is
 * glued to its last word. This puts the sentence back together and gives a card
 * or chart its own paragraph, as the check requires. Only those shapes are
 * touched: a paragraph never starts with a space or a punctuation mark in text
 * written any other way (Markdown would drop the space), and a card or chart
 * sharing a line with text is refused by the check, so other text keeps its bytes.
 */
export function tidyFigureTags(text: string): string {
  return text.replace(SPLIT_SENTENCE, '$1').replace(BLOCK_AFTER_TEXT, '\n\n$1').replace(TEXT_AFTER_BLOCK, '$1\n\n');
}
