/**
 * The editor's preview (src/editor/preview-model.ts): the check the build runs, on
 * the content with the quarter being edited in place, its problems placed where an
 * officer sees them (a field, a line of the Commentary box, a row of the export).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../src/ingest/read-content';
import { splitCommentary } from '../src/ingest/commentary-file';
import { readFrontmatter } from '../src/ingest/yaml-file';
import { clockAt } from '../src/core/release-time';
import { commentaryText, dataFileName, filesOf, previewQuarter, publicContent, snapshotOf, type QuarterEdit } from '../src/editor/preview-model';
import { validateContent, type ContentFiles } from '../src/ingest/validate';
import { figureText } from '../src/model/figure-text';
import { ROOT } from './helpers/build';

const clock = clockAt(new Date('2026-12-05T12:00:00Z'));
const files = readContentFiles(join(ROOT, 'content'));
/** What the editor's form holds for a quarter: its frontmatter as parsed, and its body. */
function formOf(id: string): Record<string, unknown> {
  const path = join(ROOT, 'content/quarters', id, 'commentary.mdx');
  const { parts } = splitCommentary(readFileSync(path, 'utf8'), path);
  const body = parts!.body.split('\n').slice(parts!.bodyLine - 1).join('\n');
  return { ...(readFrontmatter(parts!.frontmatter, path).data as Record<string, unknown>), body };
}
const edit = (form: Record<string, unknown>, folder = '2024-25-q1', dataFile?: QuarterEdit['dataFile']): QuarterEdit => ({ folder, commentary: commentaryText(form), ...(dataFile ? { dataFile } : {}) });

describe('the preview checks what the form holds, with the check the build runs', () => {
  it('the snapshot the editor is built with reads back byte for byte', () => {
    const back = filesOf(JSON.parse(JSON.stringify(snapshotOf(files))));
    expect(back.quarters.map((folder) => folder.name)).toEqual(files.quarters.map((folder) => folder.name));
    for (const [i, folder] of files.quarters.entries()) {
      expect(Buffer.from(back.quarters[i]!.dataFiles[0]!.bytes).equals(Buffer.from(folder.dataFiles[0]!.bytes))).toBe(true);
      expect(Buffer.from(back.quarters[i]!.commentary!.bytes).equals(Buffer.from(folder.commentary!.bytes))).toBe(true);
    }
  });

  /** The content with Q1 2024/25's commentary changed as given. */
  const withQ1 = (change: (text: string) => string): ContentFiles => ({
    ...files,
    quarters: files.quarters.map((folder) =>
      folder.name === '2024-25-q1' ? { ...folder, commentary: { ...folder.commentary!, bytes: new TextEncoder().encode(change(new TextDecoder().decode(folder.commentary!.bytes))) } } : folder,
    ),
  });
  it.each([
    { quarter: 'a draft', content: withQ1((text) => text.replace('status: published', 'status: draft')), clock, carried: ['2023-24-q3'] },
    { quarter: 'one published but before its time (embargoed)', content: withQ1((text) => text.replace('publishedDate: "2024-09-03"', 'publishedDate: "2026-12-06"')), clock, carried: ['2023-24-q3'] },
    { quarter: 'one published at its time (the control)', content: withQ1((text) => text.replace('publishedDate: "2024-09-03"', 'publishedDate: "2026-12-05"')), clock, carried: ['2023-24-q3', '2024-25-q1'] },
  ])('the snapshot served at /admin/ never carries $quarter', async ({ content, clock, carried }) => {
    const report = await validateContent(content, { clock });
    expect(publicContent(content, report).quarters.map((folder) => folder.name)).toEqual(carried);
  });

  it.each(['2023-24-q3', '2024-25-q1'])('%s as published: no problems, and its page model with every figure filled from its data', async (id) => {
    const view = await previewQuarter(files, edit(formOf(id), id), clock);
    expect({ problems: view.problems, elsewhere: view.elsewhere, publication: view.publication }).toEqual({ problems: [], elsewhere: [], publication: 'published' });
    expect(view.quarter?.id).toBe(id);
    const card = view.quarter!.cards[0]!;
    expect(figureText('Value', { of: card.indicator.id }, view.quarter!)).toMatch(/\d/);
  });

  const q1 = formOf('2024-25-q1');
  const body = q1.body as string;
  /** The line of the Commentary box (the body) holding the text. */
  const firstLine = (needle: string, text: string) => text.replace(needle.replace(/s$/, ''), needle).split('\n').findIndex((line) => line.includes(needle)) + 1;
  it.each([
    { mistake: 'a figure typed into the summary', form: { ...q1, summary: 'Care leavers in education, employment or training were at 49.1% in June.' }, place: 'Summary', says: /Found "49\.1%".*never typed/s },
    { mistake: 'no publication date on a published quarter', form: { ...q1, publishedDate: '' }, place: 'Status', says: /publishedDate/ },
    { mistake: 'a period that is not this quarter', form: { ...q1, period: 'Q2 2024/25' }, place: 'Period', says: /Q1 2024\/25/ },
    {
      mistake: 'an indicator one letter out in the commentary',
      form: { ...q1, body: body.replace('<Change of="children-mainstream-ehcp" />', '<Change of="children-mainstream-ehcps" />') },
      place: `Commentary, line ${firstLine('children-mainstream-ehcps', body)}: “In mainstream schools, <Value of="children-mainstream-ehc…”`,
      says: /expected an indicator id.*Did you mean "children-mainstream-ehcp"\?/,
    },
    { mistake: 'FILL IN left in the commentary', form: { ...q1, body: `${body}\nFILL IN: write about schools here.\n` }, place: /^Commentary, line \d+: “FILL IN: write about schools here\.”$/, says: /FILL IN/ },
  ])('$mistake: at "$place", in the check’s words, and no page', async ({ form, place, says }) => {
    const view = await previewQuarter(files, edit(form), clock);
    expect(view.quarter).toBeNull();
    const message = view.problems.find((problem) => (typeof place === 'string' ? problem.place === place : place.test(problem.place)));
    expect(message, JSON.stringify(view.problems, null, 1)).toBeDefined();
    expect(`${message!.text} ${message!.hint ?? ''}`).toMatch(says);
  });

  it('a new quarter with the export uploaded under the officer’s own file name: checked as the data file, modelled as its draft page, the FILL IN left named', async () => {
    const exportBytes = readFileSync(join(ROOT, 'test/fixtures/journey/data.xlsx'));
    expect(dataFileName('CFS KPI dashboard Q2.xlsx')).toBe('data.xlsx');
    const form = {
      ...q1,
      title: 'Quarter 2 2024/25 performance report',
      period: 'Q2 2024/25',
      meetingDate: '2024-12-03',
      publishedDate: '2024-12-03',
      status: 'draft',
      summary: 'Care leavers in education, employment or training were at <Value of="care-leavers-eet" />.',
      body: 'FILL IN: write about social care here.\n',
    };
    const view = await previewQuarter(files, edit(form, '2024-25-q2', { name: 'CFS KPI dashboard Q2.xlsx', bytes: exportBytes }), clock);
    expect(view.problems, JSON.stringify(view.problems, null, 1)).toEqual([]);
    expect(view.publication).toBe('draft');
    expect(view.notes.join(' ')).toMatch(/FILL IN/);
    expect(view.quarter?.summaryText).toMatch(/^Care leavers in education, employment or training were at \d+(\.\d)?%\.$/);
    // Published, the same form is refused for the FILL IN, at its line in the Commentary box.
    const published = await previewQuarter(files, edit({ ...form, status: 'published' }, '2024-25-q2', { name: 'data.xlsx', bytes: exportBytes }), clock);
    expect(published.problems.map((problem) => problem.place)).toContain('Commentary, line 1: “FILL IN: write about social care here.”');
    expect(published.quarter).toBeNull();
  });

  it('a broken export is named as the export, at its row', async () => {
    const broken = new TextEncoder().encode('Indicator\tLatest Value\nNot an indicator\t12\n');
    const view = await previewQuarter(files, edit({ ...q1, status: 'draft' }, '2024-25-q1', { name: 'data.tsv', bytes: broken }), clock);
    expect(view.problems.some((problem) => problem.place === 'Dashboard export (data.tsv)')).toBe(true);
  });
});
