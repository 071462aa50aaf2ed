import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Result } from 'axe-core';

// The project's own axe-core (newer than the one @axe-core/playwright bundles), so the rules are the latest.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The WCAG 2.0/2.1/2.2 A and AA rules over the whole document, run by Deque's own Playwright integration. */
export async function runAxe(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(AXE_TAGS).analyze();
  return results.violations;
}

/** Violations as readable text: rule, impact, help, and each node's selector and summary. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const summary = (n.failureSummary ?? '').split('\n').map((l) => `        ${l.trim()}`).join('\n');
          return `    - ${n.target.join(' ')}\n      ${n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html}\n${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    ... and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}
