/**
 * A copy of the content whose published Q1 2024/25 holds, in every place a file
 * can, words the site never shows, each marked SECRET: for the tests of what
 * /admin/ carries (test/editor-public-copy.test.ts, test/admin-build.test.ts).
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from '@cj-tech-master/excelts';
import type { ContentFiles } from '../../src/ingest/validate';
import { ROOT } from './build';
import { replaceIn } from './content';

const Q1 = 'quarters/2024-25-q1';

/** The real Q1 2024/25 workbook (it publishes what data.tsv does), with a cell note and an author the site never shows. */
async function workbookWithNotes(): Promise<Uint8Array> {
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(join(ROOT, 'test/fixtures/workbooks/q1.xlsx')));
  Object.assign(workbook, { creator: 'SECRET-AUTHOR', lastModifiedBy: 'SECRET-AUTHOR' });
  workbook.worksheets[0]!.getCell(3, 10).note = 'SECRET-CELL-NOTE: figure disputed by the service';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every place a published quarter's files can hold words the site never shows, each marked SECRET. */
export async function plantNotes(content: string): Promise<void> {
  appendFileSync(join(content, 'site.yaml'), '# SECRET-SITE: the web team’s own note\n');
  replaceIn(content, `${Q1}/commentary.mdx`, 'status: published\n', 'status: published # SECRET-TRAILING\n# SECRET-FRONTMATTER: checked with the director\n');
  replaceIn(content, `${Q1}/commentary.mdx`, /\n### Social care\n/, '\n{/* SECRET-BODY: do not mention the inspection until it is announced */}\n\n### Social care\n');
  replaceIn(content, `${Q1}/commentary.mdx`, 'The share of child protection cases', 'The share {/* SECRET-INLINE */} of child protection cases');
  const catalogue = readFileSync(join(content, 'indicators.csv'), 'utf8').split('\n');
  writeFileSync(join(content, 'indicators.csv'), catalogue.map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'internal owner' : 'SECRET-OWNER'}`)).join('\n'));
  writeFileSync(join(content, 'releases.csv'), 'date,quarter,committee,notes\n2024-09-03,2024-25-q1,Children and Family Services Overview and Scrutiny Committee,SECRET-RELEASE-NOTE\n');
  rmSync(join(content, `${Q1}/data.tsv`));
  writeFileSync(join(content, `${Q1}/data.xlsx`), await workbookWithNotes());
}

export const decoded = (files: ContentFiles) =>
  [files.settings, files.catalogue, files.releases, ...files.quarters.flatMap((folder) => [folder.commentary, ...folder.dataFiles])].flatMap((file) => (file ? [{ file: file.file, text: new TextDecoder().decode(file.bytes) }] : []));

