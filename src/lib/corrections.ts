/**
 * Corrections listed in a quarter's commentary frontmatter, checked against
 * the data: the indicator must be in the quarter and the new value must be
 * the figure the data file now holds, so the log can never disagree with the page.
 */
import type { Correction } from '../schemas/commentary';
import type { Card } from './cards';
import { readNumber } from './cells';
import { formatValue } from './format';
import type { Problem } from './problems';

export function checkCorrections(corrections: readonly Correction[], cards: readonly Card[], file: string): Problem[] {
  const problems: Problem[] = [];
  corrections.forEach((correction, index) => {
    const where = { file, expected: '' };
    const card = cards.find((c) => c.indicator.id === correction.indicator);
    const label = `corrections, item ${index + 1}`;
    if (!card) {
      problems.push({ ...where, found: correction.indicator, expected: `in ${label}, the id of an indicator this quarter reports` });
      return;
    }
    const oldValue = readNumber(correction.oldValue);
    const newValue = readNumber(correction.newValue);
    const figures = [card.record.latest, card.record.previous].filter((o) => o !== null);
    if (!newValue.ok || newValue.value === null || !figures.some((o) => o.value === newValue.value!.value)) {
      problems.push({
        ...where,
        found: correction.newValue,
        expected: `in ${label}, newValue to be the figure now in the data file for ${card.indicator.id} (${figures.map((o) => `${formatValue(o.value, card.indicator)} for ${o.period}`).join(' or ')})`,
      });
    }
    if (!oldValue.ok || oldValue.value === null) {
      problems.push({ ...where, found: correction.oldValue, expected: `in ${label}, oldValue to be the figure as first published, such as "47.3%"` });
    } else if (newValue.ok && newValue.value && oldValue.value.value === newValue.value.value) {
      problems.push({ ...where, found: correction.oldValue, expected: `in ${label}, an oldValue different from the newValue` });
    }
  });
  return problems;
}
