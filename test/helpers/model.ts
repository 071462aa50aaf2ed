import { readBuildClock } from '../../src/core/release-time';
import { buildModel, type SiteModel } from '../../src/model/model';
import { readContentFiles } from '../../src/ingest/read-content';
import { validateContent, type ContentReport } from '../../src/ingest/validate';
import { ROOT } from './build';
import { join } from 'node:path';

/** The validation report of a content folder (the real one by default), as the loaders and `npm run check` make it. */
export function reportOf(contentDir = join(ROOT, 'content')): Promise<ContentReport> {
  return validateContent(readContentFiles(contentDir), { clock: readBuildClock(process.env) });
}

/** The site model built from the real content by the pure modules, as the loaders do, without Astro. */
export async function modelFromContent(quarterIds = ['2023-24-q3', '2024-25-q1'], contentDir = join(ROOT, 'content')): Promise<SiteModel> {
  const report = await reportOf(contentDir);
  const quarters = report.quarters.filter((quarter) => quarterIds.includes(quarter.id) && quarter.quarter).map((quarter) => quarter.quarter!);
  return buildModel(report.catalogue, quarters, report.areas);
}
