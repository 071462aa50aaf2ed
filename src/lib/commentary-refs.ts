/**
 * Finds the figure components in commentary (<Value of="..."/> and friends)
 * and checks each id against the catalogue and the quarter's data, so a
 * mistyped id stops the build pointing at the line and column in the MDX file.
 */
import { closestNames } from './names';
import type { Problem } from './problems';

export const FIGURE_COMPONENTS = ['Value', 'Change', 'Indicator', 'Chart'] as const;

export interface Reference {
  component: string;
  /** The `of` attribute, or null when missing. */
  id: string | null;
  period: string | null;
  line: number;
  column: number;
}

const TAG = new RegExp(`<(${FIGURE_COMPONENTS.join('|')})\\b([^>]*?)\\/?>`, 'g');

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["']([^"']*)["']\\s*\\})`).exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

export function findReferences(source: string): Reference[] {
  const references: Reference[] = [];
  for (const match of source.matchAll(TAG)) {
    const before = source.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    references.push({ component: match[1]!, id: attribute(match[2]!, 'of'), period: attribute(match[2]!, 'period'), line, column });
  }
  return references;
}

export function checkReferences(source: string, file: string, catalogueIds: readonly string[], quarterIds: readonly string[], quarterLabel: string): Problem[] {
  const problems: Problem[] = [];
  for (const ref of findReferences(source)) {
    const at = { file, line: ref.line, column: ref.column };
    if (ref.id === null) {
      problems.push({ ...at, found: `<${ref.component}>`, expected: `an indicator id, written <${ref.component} of="care-leavers-eet" />` });
      continue;
    }
    if (!quarterIds.includes(ref.id)) {
      const known = catalogueIds.includes(ref.id);
      const suggestions = closestNames(ref.id, quarterIds);
      problems.push({
        ...at,
        found: `<${ref.component} of="${ref.id}">`,
        expected: known
          ? `an indicator in the ${quarterLabel} data: "${ref.id}" is in the catalogue but this quarter's data file does not report it`
          : `an indicator id from content/indicators.csv`,
        hint: suggestions.length ? `Did you mean ${suggestions.map((id) => `"${id}"`).join(' or ')}?` : undefined,
      });
    }
    if (ref.period !== null && ref.period !== 'latest' && ref.period !== 'previous') {
      problems.push({ ...at, found: `period="${ref.period}"`, expected: 'period="latest" or period="previous"' });
    }
  }
  return problems;
}
