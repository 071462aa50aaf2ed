import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndicatorMatcher, parseCatalogue } from '../../src/lib/catalogue';
import { buildModel, type SiteModel } from '../../src/lib/model';
import { parseQuarterId } from '../../src/lib/periods';
import { parseQuarterFile } from '../../src/lib/quarter-file';
import { ROOT } from './build';

/** The site model built from the real content by the pure modules, as the loaders do, without Astro. */
export function modelFromContent(quarterIds = ['2023-24-q3', '2024-25-q1']): SiteModel {
  const catalogue = parseCatalogue(readFileSync(join(ROOT, 'content/indicators.csv'), 'utf8'), 'content/indicators.csv').map((e) => e.indicator);
  const matcher = new IndicatorMatcher(catalogue);
  const quarters = quarterIds.map((id) => {
    const file = `content/quarters/${id}/data.tsv`;
    const { indicators } = parseQuarterFile(readFileSync(join(ROOT, file), 'utf8'), file, matcher);
    const q = parseQuarterId(id)!;
    return { id, data: { label: q.label, year: q.year, quarter: q.quarter, months: q.months, start: q.period.start, end: q.period.end, file, indicators } };
  });
  return buildModel(catalogue, quarters);
}
