/**
 * The commentary `summary` (home page, link previews, the feed). It states
 * figures only through figure tags, filled in at build from the quarter's data,
 * so it can never show a figure that disagrees with a card: a typed figure is
 * refused. Read with the MDX parser the build uses.
 */
import { mdxToMdast } from 'satteri';
import { checkCommentaryBody } from './commentary-body.ts';
import { parsePeriod } from '../core/periods.ts';
import type { Problem } from '../core/problems.ts';

/** Figure components that print words or numbers, and so can sit in a sentence of plain text. */
export const SUMMARY_COMPONENTS = ['Value', 'Period', 'Change', 'Direction', 'Target', 'Rag', 'Quartile', 'Average', 'Count'];

export interface SummaryNode {
  type: string;
  value?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: SummaryNode[];
}
type Node = SummaryNode;

/** The summary read with the MDX parser the build uses; null when it cannot be read (the check reports why). */
export function parseSummary(summary: string): Node | null {
  try {
    return mdxToMdast(summary) as unknown as Node;
  } catch {
    return null;
  }
}

/**
 * A word with a digit that is not part of a period or year ("2024", "2024/25",
 * "Q1 2024/25") is a typed figure.
 */
function typedFigures(text: string): string[] {
  const words = text.split(/\s+/).map((word) => word.replace(/^[("'‘“]+|[.,;:!?)"'’”]+$/g, ''));
  return words.filter((word, index) => {
    if (!/\d/.test(word)) return false;
    if (parsePeriod(word).ok) return false;
    if (/^Q[1-4]$/i.test(word) && parsePeriod(`${word} ${words[index + 1] ?? ''}`).ok) return false;
    return true;
  });
}

export function checkSummary(summary: string, file: string, line: number | undefined, quarterIds: readonly string[]): Problem[] {
  const at = { file, line };
  const tree = parseSummary(summary);
  const body = checkCommentaryBody(summary, file, { catalogueIds: quarterIds, quarterIds, quarterLabel: 'this quarter' });
  // Positions inside the summary are not the file's: report them at the summary's line.
  const problems: Problem[] = body.problems.map((problem) => ({ ...problem, ...at, column: undefined, expected: `in the summary, ${problem.expected}` }));
  if (!tree) return problems.length ? problems : [{ ...at, expected: 'a summary the MDX reader understands' }];
  const visit = (node: Node) => {
    if (node.type === 'text') {
      for (const figure of typedFigures(node.value ?? '')) {
        problems.push({
          ...at,
          found: figure,
          expected: 'figures in the summary written as figure tags, such as <Value of="care-leavers-eet" />, never typed',
          hint: 'A typed figure could disagree with the card; a figure tag always shows the published figure. Write small numbers as words.',
        });
      }
      return;
    }
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      if (node.name && !SUMMARY_COMPONENTS.includes(node.name) && !problems.some((problem) => problem.found?.includes(node.name!))) {
        problems.push({ ...at, found: `<${node.name}>`, expected: `in the summary, only text and the figure tags ${SUMMARY_COMPONENTS.map((name) => `<${name}>`).join(', ')}` });
      }
      return;
    }
    if (node.type === 'root' || node.type === 'paragraph') {
      node.children?.forEach(visit);
      return;
    }
    if (['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'].includes(node.type)) return; // reported by the body check
    problems.push({ ...at, found: node.type, expected: 'in the summary, plain sentences without headings, links, lists or emphasis' });
  };
  visit(tree);
  return problems;
}
