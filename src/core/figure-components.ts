/**
 * THE list of figure components a commentary.mdx may use, with their props.
 * The commentary validator, the editing guide and editor help all read this
 * list, so a component or prop added here is documented and checked at once.
 *
 * Pure data and small helpers: no Astro, no file system, no code evaluation.
 */

/** A prop naming an indicator: an id from content/indicators.csv that the quarter's data file reports. */
export interface IndicatorProp {
  readonly name: string;
  readonly kind: 'indicator';
  readonly required: true;
  readonly description: string;
}

/** A prop taking one of a fixed set of words. */
export interface EnumProp {
  readonly name: string;
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly required: boolean;
  /** The value used when the prop is left out (optional props only). */
  readonly default?: string;
  readonly description: string;
}

export type FigureProp = IndicatorProp | EnumProp;

export interface FigureComponent {
  readonly name: string;
  /** One line for the editing guide and editor help. */
  readonly description: string;
  /**
   * 'block': renders a card or chart, which cannot sit inside a sentence, so
   * the tag must stand on a line of its own. 'inline': may sit in a sentence.
   */
  readonly placement: 'inline' | 'block';
  readonly props: readonly FigureProp[];
  /** A worked example, exactly as a commentary would write it. */
  readonly example: string;
}

const of: IndicatorProp = {
  name: 'of',
  kind: 'indicator',
  required: true,
  description: 'The indicator’s id, from the first column of content/indicators.csv (such as care-leavers-eet).',
};

const period: EnumProp = {
  name: 'period',
  kind: 'enum',
  values: ['latest', 'previous'],
  required: false,
  default: 'latest',
  description: 'Which figure: the latest one, or the previous one it is compared with.',
};

/** What <Count of="..." /> can count: the quarter's summary counts. */
export const COUNT_OF_VALUES = [
  'indicators',
  'green',
  'amber',
  'red',
  'not-rated',
  'improved',
  'worse',
  'no-change',
  'not-judged',
  'quartile-1',
  'quartile-2',
  'quartile-3',
  'quartile-4',
  'no-benchmark',
] as const;

export const FIGURE_COMPONENTS = [
  {
    name: 'Value',
    description: 'The figure itself, formatted with its unit (such as 47.3%).',
    placement: 'inline',
    props: [of, period],
    example: '<Value of="care-leavers-eet" period="previous" />',
  },
  {
    name: 'Period',
    description: 'The period that figure is for (such as Q1 2024/25).',
    placement: 'inline',
    props: [of, { ...period, description: 'Which period: the latest one, or the previous one it is compared with.' }],
    example: '<Period of="care-leavers-eet" />',
  },
  {
    name: 'Change',
    description: 'The change since the previous figure, in words and units, and whether it is better (such as "up 4.8 percentage points, an improvement").',
    placement: 'inline',
    props: [of],
    example: '<Change of="care-leavers-eet" />',
  },
  {
    name: 'Direction',
    description: 'Whether the figure improved, got worse or did not change.',
    placement: 'inline',
    props: [of],
    example: '<Direction of="care-leavers-eet" />',
  },
  {
    name: 'Target',
    description: 'The target in words, or whether it is met.',
    placement: 'inline',
    props: [
      of,
      {
        name: 'show',
        kind: 'enum',
        values: ['value', 'status'],
        required: false,
        default: 'value',
        description: 'value: the target itself; status: whether the latest figure meets it.',
      },
    ],
    example: '<Target of="care-leavers-eet" show="status" />',
  },
  {
    name: 'Rag',
    description: 'The red, amber or green rating.',
    placement: 'inline',
    props: [of],
    example: '<Rag of="care-leavers-eet" />',
  },
  {
    name: 'Quartile',
    description: 'Where the council stands nationally, in words (such as "in the top quartile").',
    placement: 'inline',
    props: [of],
    example: '<Quartile of="care-leavers-eet" />',
  },
  {
    name: 'Average',
    description: 'The average of similar councils (statistical neighbours) or of England.',
    placement: 'inline',
    props: [
      of,
      {
        name: 'group',
        kind: 'enum',
        values: ['neighbours', 'england'],
        required: true,
        description: 'neighbours: the statistical-neighbour average; england: the England average.',
      },
    ],
    example: '<Average of="care-leavers-eet" group="england" />',
  },
  {
    name: 'Indicator',
    description: 'A small card for the indicator: its figure, rating and trend.',
    placement: 'block',
    props: [of],
    example: '<Indicator of="care-leavers-eet" />',
  },
  {
    name: 'Chart',
    description: 'The indicator’s chart over time.',
    placement: 'block',
    props: [of],
    example: '<Chart of="care-leavers-eet" />',
  },
  {
    name: 'Count',
    description: 'One of the quarter’s summary counts (such as how many indicators were rated red).',
    placement: 'inline',
    props: [
      {
        name: 'of',
        kind: 'enum',
        values: COUNT_OF_VALUES,
        required: true,
        description: 'What to count: all indicators, a rating, a direction, a national quartile or those with no benchmark.',
      },
    ],
    example: '<Count of="red" />',
  },
  {
    name: 'QuarterSummary',
    description: 'The quarter’s summary sentence: quartiles, ratings and directions in a few words.',
    placement: 'inline',
    props: [],
    example: '<QuarterSummary />',
  },
] as const satisfies readonly FigureComponent[];

export type FigureComponentName = (typeof FIGURE_COMPONENTS)[number]['name'];

export const FIGURE_COMPONENT_NAMES: readonly FigureComponentName[] = FIGURE_COMPONENTS.map((component) => component.name);

const byName = new Map<string, FigureComponent>(FIGURE_COMPONENTS.map((component) => [component.name, component]));


/** The component with exactly this name (case matters, as it does in MDX), or undefined. */
export function figureComponent(name: string): FigureComponent | undefined {
  return byName.get(name);
}

/** The component's prop with exactly this name, or undefined. */
export function figureProp(component: FigureComponent, name: string): FigureProp | undefined {
  return component.props.find((prop) => prop.name === name);
}


/** The props in words, for hints: of="..." and, optionally period="latest" or "previous". */
export function propsInWords(component: FigureComponent): string {
  if (component.props.length === 0) return `<${component.name}> takes no props: write <${component.name} />`;
  const words = component.props.map((prop) => {
    const value = prop.kind === 'indicator' ? `${prop.name}="..."` : oneOf(prop.values.map((value) => `${prop.name}="${value}"`));
    return prop.required ? value : `optionally ${value}${prop.default ? ` (${prop.default} if left out)` : ''}`;
  });
  return `<${component.name}> takes ${oneOf(words, 'and')}`;
}

/** "a", "a or b", "a, b or c". */
export function oneOf(items: readonly string[], joiner = 'or'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}` : (items[0] ?? '');
}

/** The written props completed with the defaults of the optional ones left out. */
export function withDefaults(component: FigureComponent, props: Readonly<Record<string, string>>): Record<string, string> {
  const complete: Record<string, string> = {};
  for (const prop of component.props) {
    const value = props[prop.name] ?? (prop.kind === 'enum' ? prop.default : undefined);
    if (value !== undefined) complete[prop.name] = value;
  }
  return complete;
}

/**
 * The string an attribute expression such as {"care-leavers-eet"} stands for,
 * or undefined when it is anything but one double-quoted string. It is read as
 * JSON (a data format), never run: {`...`}, {'...'}, {a + b} all give undefined.
 */
export function readStringLiteral(expression: string): string | undefined {
  const text = expression.trim();
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
