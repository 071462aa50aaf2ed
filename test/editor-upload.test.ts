/**
 * The editor's Dashboard export field (src/editor/upload-field.ts): an upload is
 * saved under a name the check reads, whatever it was called; a save that would
 * write another name is refused with what to do. The browser journey
 * (test/browser/editor.test.ts) does both in the editor itself.
 */
import { describe, expect, it } from 'vitest';
import { DATA_NAMES } from '../src/ingest/validate';
import { dataNameFor, refuseMisnamedUpload, UPLOAD_ACCEPT, UPLOAD_EXTENSIONS, uploadProblem } from '../src/editor/upload-field';

describe('the Dashboard export field', () => {
  it('saves under exactly the names the check reads (DATA_NAMES), and its chooser offers exactly those types', () => {
    expect(UPLOAD_EXTENSIONS.map((extension) => `data.${extension}`).sort()).toEqual([...DATA_NAMES].sort());
    expect(UPLOAD_ACCEPT).toBe('.xlsx,.csv,.tsv');
  });

  it.each([
    ['CFS KPI dashboard Q2.xlsx', 'data.xlsx'],
    ['CFS KPI dashboard Q2.XLSX', 'data.xlsx'],
    ['export.2024-09.csv', 'data.csv'],
    ['data.tsv', 'data.tsv'],
    ['Data.TSV', 'data.tsv'],
    ['data-1.xlsx', 'data.xlsx'],
    ['export.xls', undefined],
    ['export.pdf', undefined],
    ['xlsx', undefined],
    ['folder.xlsx/export', undefined],
  ])('names the chosen file %j as %j', (chosen, saved) => {
    expect(dataNameFor(chosen)).toBe(saved);
  });

  it.each([undefined, null, '', 'data.xlsx', 'data.csv', 'data.tsv', 'Data.XLSX'])('lets the entry be saved with %j in the field', (value) => {
    expect(uploadProblem(value)).toBeUndefined();
    expect(() => refuseMisnamedUpload(value)).not.toThrow();
  });

  it.each([
    ['CFS KPI dashboard Q2.xlsx', 'would be saved as "CFS KPI dashboard Q2.xlsx", but the site reads only data.xlsx, data.csv or data.tsv', 'name it data.xlsx'],
    ['data-1.xlsx', 'would be saved as "data-1.xlsx"', 'replace it when the editor asks'],
    ['data (1).csv', 'would be saved as "data (1).csv"', 'name it data.csv'],
    ['/content/quarters/2024-25-q1/data.tsv', 'is in another folder', 'upload the export again'],
    ['blob:http://127.0.0.1/0f0e', 'is no longer in the editor', 'upload the export again'],
  ])('refuses to save %j, saying why and what to do', (value, why, fix) => {
    expect(uploadProblem(value)).toContain(why);
    expect(uploadProblem(value)).toContain(fix);
    // The form Sveltia CMS shows in its Error dialog: the cause's message of an error named saving_failed.
    let thrown: unknown;
    try {
      refuseMisnamedUpload(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe('saving_failed');
    expect(((thrown as Error).cause as Error).message).toBe(uploadProblem(value));
  });
});
