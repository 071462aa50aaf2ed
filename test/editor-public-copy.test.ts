/**
 * /admin/ is served with the public site, so what it carries must be what the
 * site shows and nothing else: dist/admin/content.json holds only the quarters
 * the public build publishes (none when the public build would stop), and of
 * their files only what the check reads (src/editor/public-copy.ts): no note to
 * other editors, no workbook's cell notes or author, no column the check ignores.
 * test/admin-build.test.ts builds planted content both ways and compares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from '@cj-tech-master/excelts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../src/ingest/read-content';
import { validateContent, type ContentFiles, type ContentReport } from '../src/ingest/validate';
import { clockAt } from '../src/core/release-time';
import { publicCopy, withoutCommentaryNotes } from '../src/editor/public-copy';
import { copyOfContent, removeScratch, ROOT } from './helpers/build';
import { decoded, plantNotes } from './helpers/planted-notes';

afterAll(removeScratch);

const BUILD_TIME = '2026-12-05T12:00:00Z';
const clock = clockAt(new Date(BUILD_TIME));

/** What the check makes of a content folder, without the file names (a workbook's copy is data.tsv) and sheet names. */
function reading(report: ContentReport) {
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, inner) => (key === 'file' || key === 'sheet' ? undefined : typeof inner === 'string' ? inner.replace(/data\.(xlsx|tsv)/g, 'data') : inner)));
  return strip({
    settings: report.settings,
    catalogue: report.catalogue,
    releases: report.releases,
    problems: [...report.catalogueProblems, ...report.releaseProblems],
    quarters: report.quarters.map((quarter) => ({ id: quarter.id, publication: quarter.publication, quarter: quarter.quarter, problems: quarter.problems, warnings: quarter.warnings, notes: quarter.notes, references: quarter.references })),
  });
}

describe('the copy of a published quarter’s files carries what the check reads, and nothing else', () => {
  let planted: string;
  beforeAll(async () => {
    planted = copyOfContent();
    await plantNotes(planted);
  });

  it.each([
    { content: 'the real content (the control)', dir: () => join(ROOT, 'content') },
    { content: 'notes in every file, a workbook with a cell note and an author, columns the check ignores', dir: () => planted },
  ])('$content: the check reads the copy exactly as it reads the files', async ({ dir }) => {
    const files = readContentFiles(dir());
    const copy = await publicCopy(files);
    expect(reading(await validateContent(copy, { clock }))).toEqual(reading(await validateContent(files, { clock })));
    expect(copy.quarters.map((folder) => folder.name)).toEqual(files.quarters.map((folder) => folder.name));
  });

  it('no note, cell note, author or ignored column reaches the copy; they were in the files', async () => {
    const files = readContentFiles(planted);
    const markers = ['SECRET-SITE', 'SECRET-TRAILING', 'SECRET-FRONTMATTER', 'SECRET-BODY', 'SECRET-INLINE', 'SECRET-OWNER', 'SECRET-RELEASE-NOTE'];
    const original = decoded(files).map((file) => file.text).join('\n');
    for (const marker of markers) expect(original).toContain(marker);
    const workbook = new Workbook();
    await workbook.xlsx.load(files.quarters.find((folder) => folder.name === '2024-25-q1')!.dataFiles[0]!.bytes);
    expect([workbook.creator, String(workbook.worksheets[0]!.getCell(3, 10).note)]).toEqual(['SECRET-AUTHOR', expect.stringContaining('SECRET-CELL-NOTE')]);

    const copy = await publicCopy(files);
    expect(copy.quarters.find((folder) => folder.name === '2024-25-q1')!.dataFiles.map((file) => file.file)).toEqual([expect.stringMatching(/2024-25-q1\/data\.tsv$/)]);
    for (const file of decoded(copy)) expect(file.text, file.file).not.toMatch(/SECRET/);
  });

  it.each([
    { text: '---\ntitle: "A # is no note" # note\n---\nText.\n', kept: '---\ntitle: "A # is no note" #     \n---\nText.\n' },
    { text: '---\nsummary: |-\n  one\n  # FILL IN is the summary’s own line\n---\n', kept: '---\nsummary: |-\n  one\n  # FILL IN is the summary’s own line\n---\n' },
    { text: '---\r\n# a note é\r\nstatus: draft\r\n---\r\nA {/* 😀 */} B {/* two\r\nlines */}\r\n', kept: '---\r\n#         \r\nstatus: draft\r\n---\r\nA {/*    */} B {/*    \r\n      */}\r\n' },
    { text: '---\nstatus: draft\n---\nNo note, `{/* code */}` and \\{/* escaped */\\}.\n', kept: '---\nstatus: draft\n---\nNo note, `{/* code */}` and \\{/* escaped */\\}.\n' },
  ])('a note’s words become spaces, its marks and every position stay: $text', ({ text, kept }) => {
    expect(withoutCommentaryNotes(text, 'commentary.mdx')).toBe(kept);
  });
});

