/**
 * The preview checks the file the editor will save, not a file of its own: for
 * form data, the check on commentaryText (src/editor/preview-model.ts) says what
 * the check on Sveltia CMS's own writing of the same data says. Sveltia's writer
 * is modelled here from its bundle (the YAML options, which fields it leaves out,
 * which keys it drops), and the model is tied to the bundle, so a new Sveltia that
 * writes differently fails this test rather than the officer's next save.
 * The same goes for the folder's data files: an export chosen in this session
 * is checked beside the data files already in the folder, which stay there.
 * test/browser/editor-preview-saved.test.ts checks both in the editor itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../src/ingest/read-content';
import { splitCommentary } from '../src/ingest/commentary-file';
import { readFrontmatter } from '../src/ingest/yaml-file';
import { parseSiteSettings } from '../src/ingest/site-settings';
import { clockAt } from '../src/core/release-time';
import { describeProblem } from '../src/core/problems';
import { validateContent } from '../src/ingest/validate';
import { cmsConfig, type CmsField } from '../src/editor/cms-config';
import { commentaryText, previewQuarter, uploadedName, withEdit } from '../src/editor/preview-model';
import { tidyFigureTags } from '../src/editor/figure-tags';
import { UPLOAD_FIELD } from '../src/editor/upload-field';
import { ROOT } from './helpers/build';

const clock = clockAt(new Date('2026-12-05T12:00:00Z'));
const files = readContentFiles(join(ROOT, 'content'));
const site = parseSiteSettings(readFileSync(join(ROOT, 'content/site.yaml')), 'content/site.yaml').settings!;
const config = cmsConfig({ indicators: [], site, releases: [], backend: { name: 'github', repo: 'council/site', branch: 'main' } }) as { collections: { name: string; fields?: CmsField[] }[] };
const quarterFields = config.collections.find((collection) => collection.name === 'quarters')!.fields!;
const SVELTIA = readFileSync(join(ROOT, 'node_modules/@sveltia/cms/dist/sveltia-cms.js'), 'utf8');

/** Sveltia's "empty" (its _I): nothing, '', [] or {}; an optional field holding it is left out (omit_empty_optional_fields). */
const sveltiaEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length) || (typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.keys(value).length);

/** Sveltia's ordering and omission (hDe/r2): the configured fields in order, every other key after them, sorted; keys ending .__sc_* dropped. */
function sveltiaContent(value: unknown, fields: readonly CmsField[] | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => sveltiaContent(item, fields));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields ?? []) {
    if (!(field.name in record)) continue;
    if (field.required === false && sveltiaEmpty(record[field.name])) continue;
    out[field.name] = sveltiaContent(record[field.name], field.fields);
  }
  for (const key of Object.keys(record).sort()) {
    if (key in out || (fields ?? []).some((field) => field.name === key) || key.startsWith('__sc_')) continue;
    out[key] = sveltiaContent(record[key], undefined);
  }
  return out;
}

/** The commentary.mdx Sveltia CMS saves for form data, after the editor's preSave (src/editor/admin.ts). */
function sveltiaWrites(form: Record<string, unknown>): string {
  const data: Record<string, unknown> = { ...form };
  delete data[UPLOAD_FIELD];
  for (const name of ['summary', 'body']) if (typeof data[name] === 'string') data[name] = tidyFigureTags(data[name] as string);
  const body = typeof data.body === 'string' ? data.body : '';
  delete data.body;
  const yaml = stringify(sveltiaContent(data, quarterFields), null, { indent: 2, indentSeq: true, lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN', singleQuote: true }).trim();
  return `---\n${yaml}\n---\n${body ? `\n${body}\n` : ''}`;
}

function formOf(id: string): Record<string, unknown> {
  const path = join(ROOT, 'content/quarters', id, 'commentary.mdx');
  const { parts } = splitCommentary(readFileSync(path, 'utf8'), path);
  const body = parts!.body.split('\n').slice(parts!.bodyLine - 1).join('\n');
  return { ...(readFrontmatter(parts!.frontmatter, path).data as Record<string, unknown>), body };
}

/** What `npm run check` says of a commentary text in Q1's folder: its publication and its sentences (lines differ by writer). */
async function checkOf(text: string) {
  const report = await validateContent(withEdit(files, { folder: '2024-25-q1', commentary: { text, fields: [], bodyLine: 1 } }), { clock });
  const quarter = report.quarters.find((candidate) => candidate.id === '2024-25-q1')!;
  return { publication: quarter.publication, problems: quarter.problems.map((problem) => describeProblem({ ...problem, line: undefined, column: undefined }).text.replace(/["']/g, '"')) };
}

describe('the writer model is Sveltia CMS’s own', () => {
  it('its bundle writes YAML with these options, drops these keys and calls these values empty', () => {
    expect(SVELTIA).toContain('lineWidth:0,defaultKeyType:`PLAIN`,defaultStringType:o||a===`double`?`QUOTE_DOUBLE`:a===`single`?`QUOTE_SINGLE`:`PLAIN`,singleQuote:!(o||a===`double`)');
    expect(SVELTIA).toContain('=/\\.__sc_\\w+$/');
    expect(SVELTIA).toMatch(/=e=>e==null\|\|e===``\|\|Array\.isArray\(e\)&&!e\.length\|\|/);
  });
});

const q1 = formOf('2024-25-q1');
const contact = q1.contact as Record<string, unknown>;
const paper = { title: 'Committee report', url: 'https://www.example.gov.uk/report.pdf' };
describe('the preview checks what the editor will save', () => {
  it.each([
    { form: 'Q1 2024/25 as published (the control)', data: q1, problems: 0 },
    { form: 'a field the file had that the schema does not (a misspelt publishedTime)', data: { ...q1, publishedTme: '10:00' }, problems: 1 },
    { form: 'a misspelt field left empty (Sveltia still writes it)', data: { ...q1, note: '' }, problems: 1 },
    { form: 'a misspelt field inside contact', data: { ...q1, contact: { ...contact, telephone: '0116 000 0000' } }, problems: 1 },
    { form: 'a paper added in this session (the editor’s item id in the form)', data: { ...q1, papers: [{ ...paper, __sc_item_id: 'f6b1c0de-0000-4000-8000-000000000000' }] }, problems: 0 },
    { form: 'papers reordered (the original key path in the form)', data: { ...q1, papers: [{ ...paper, __sc_item_original_key_path: 'papers.0' }] }, problems: 0 },
    { form: 'the upload field', data: { ...q1, [UPLOAD_FIELD]: 'blob:https://example.gov.uk/1' }, problems: 0 },
    { form: 'empty optional fields', data: { ...q1, meetingDate: '', publishedTime: null, headlines: [], contact: { ...contact, role: '', phone: undefined } }, problems: 0 },
    { form: 'a summary starting with a quote', data: { ...q1, summary: `"Care" ${q1.summary}` }, problems: 0 },
    { form: 'a summary on two lines', data: { ...q1, summary: `${q1.summary}\nAnd more.` }, problems: 0 },
    { form: 'a summary with a line starting >', data: { ...q1, summary: `${q1.summary}\n> quoted` }, problems: 1 },
    { form: 'a title with a colon and a hash', data: { ...q1, title: 'Quarter 1: #1 performance report' }, problems: 0 },
  ])('$form: the same as the saved file', async ({ data, problems }) => {
    const previewed = await checkOf(commentaryText(data).text);
    const saved = await checkOf(sveltiaWrites(data));
    expect(previewed).toEqual(saved);
    expect(saved.problems, JSON.stringify(saved.problems)).toHaveLength(problems);
  });

  it('a misspelt field is named where the officer can find it, and stops the page, as it will stop the build', async () => {
    const view = await previewQuarter(files, { folder: '2024-25-q1', commentary: commentaryText({ ...q1, publishedTme: '10:00' }) }, clock);
    expect(view.problems.map((problem) => [problem.place, problem.hint])).toEqual([['Published tme', 'Did you mean "publishedTime"? A misspelt field would be ignored, so it is not allowed.']]);
    expect(view.quarter).toBeNull();
  });
});

describe('the preview checks the data files the folder will hold', () => {
  const q1Data = files.quarters.find((folder) => folder.name === '2024-25-q1')!.dataFiles[0]!.bytes;
  const workbook = readFileSync(join(ROOT, 'test/fixtures/workbooks/q1.xlsx'));
  const textOf = commentaryText(q1);
  it.each([
    { folder: 'the export chosen, the folder’s own data.tsv beside it', dataFile: { name: 'data.xlsx', bytes: workbook }, alsoInFolder: [{ name: 'content/quarters/2024-25-q1/data.tsv', bytes: q1Data }], refused: 'data.tsv and data.xlsx' },
    { folder: 'the export chosen under the name of the folder’s file, which it replaces (the control)', dataFile: { name: 'data.tsv', bytes: q1Data }, alsoInFolder: [{ name: 'content/quarters/2024-25-q1/data.tsv', bytes: workbook }], refused: null },
    { folder: 'the export alone (the control)', dataFile: { name: 'data.xlsx', bytes: workbook }, alsoInFolder: [], refused: null },
  ])('$folder', async ({ dataFile, alsoInFolder, refused }) => {
    const view = await previewQuarter(files, { folder: '2024-25-q1', commentary: textOf, dataFile, alsoInFolder }, clock);
    const folderProblems = view.problems.filter((problem) => /exactly one data file/.test(problem.text));
    expect(folderProblems.map((problem) => /Found "([^"]*)"/.exec(problem.text)?.[1] ?? null)).toEqual(refused ? [refused] : []);
    expect(view.quarter === null).toBe(refused !== null);
  });

  it.each([
    { upload: 'a workbook', bytes: readFileSync(join(ROOT, 'test/fixtures/workbooks/q1.xlsx')), type: '', name: 'data.xlsx' },
    { upload: 'a password-protected workbook (checked as one, and refused as one)', bytes: readFileSync(join(ROOT, 'test/fixtures/workbooks/password-protected.xlsx')), type: '', name: 'data.xlsx' },
    { upload: 'a tab-separated export', bytes: new TextEncoder().encode('Indicator\tLatest Value\n'), type: 'text/tab-separated-values', name: 'data.tsv' },
    { upload: 'a comma-separated export', bytes: new TextEncoder().encode('Indicator,Latest Value\n'), type: 'text/csv', name: 'data.csv' },
  ])('an export chosen in this session ($upload) is checked under the name its kind is read by', ({ bytes, type, name }) => {
    expect(uploadedName(new Uint8Array(bytes), type)).toBe(name);
  });
});
