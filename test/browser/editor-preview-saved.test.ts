/**
 * The preview's check is of what the editor will save (test/editor-preview-saved.test.ts
 * says so for the writer's model): here in the editor itself, Sveltia CMS in local mode,
 * each preview compared with `npm run check` on the files the editor then saved.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfContent, removeScratch, ROOT } from '../helpers/build';
import { openLocalEditor, scrollTo } from './lib/editor';

afterAll(removeScratch);

/** `npm run check` on a content folder, its output on one line per message. */
function check(contentDir: string) {
  const result = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\n\s+/g, ' ') };
}

/** The preview's problems once the check has run on what the form holds now. */
async function previewProblems(page: import('playwright-core').Page, expected: number): Promise<string[]> {
  const preview = page.frameLocator('iframe').first();
  const items = preview.locator('[data-preview-list=problems] > li');
  if (expected === 0) await preview.locator('[data-preview-status=ready]').waitFor({ timeout: 90_000 });
  else await items.nth(expected - 1).waitFor({ timeout: 90_000 });
  // The check runs again on every change: let the last run finish.
  await page.waitForTimeout(2000);
  return items.allTextContents();
}

/** Chooses a file in the Dashboard export field, as an officer does, and waits until the field holds it under the name it will be saved as. */
async function chooseExport(page: import('playwright-core').Page, path: string, savedAs: string) {
  await scrollTo(page, page.getByText('Browse', { exact: true }));
  await page.getByText('Browse', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Select File' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /Upload/ }).click();
  await (await chooser).setFiles(path);
  await dialog.getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('textbox', { name: 'Dashboard export' }).filter({ hasText: savedAs }).first().waitFor();
}

describe('the preview says what `npm run check` will say of the saved files', () => {
  it('a misspelt field the file had is named, as the check names it; a paper added in the editor is no problem, and none once saved', async () => {
    const start = copyOfContent();
    const q1 = join(start, 'quarters/2024-25-q1/commentary.mdx');
    writeFileSync(q1, readFileSync(q1, 'utf8').replace('status: published\n', 'status: published\npublishedTme: "10:00"\n'));
    const editor = await openLocalEditor(start);
    try {
      const { page } = editor;
      await page.getByText('Q1 2024/25').filter({ visible: true }).first().click();
      const misspelt = await previewProblems(page, 1);
      expect(misspelt).toEqual([expect.stringMatching(/^Published tme Found "publishedTme", expected a field the site reads: .*Did you mean "publishedTime"\?/)]);

      // A paper added through the form: the editor keeps its own item id in the form, and never writes it.
      await page.getByRole('button', { name: /Add.*Papers/ }).click();
      await page.getByRole('textbox', { name: 'Title' }).last().fill('Committee report');
      await page.getByRole('textbox', { name: 'Url' }).last().fill('https://www.example.gov.uk/report.pdf');
      const title = page.getByRole('textbox', { name: 'Title' }).first();
      await title.fill(`${await title.inputValue()} (edited)`);
      expect(await previewProblems(page, 1)).toEqual(misspelt);

      await page.getByRole('button', { name: /^Save/ }).click();
      await editor.waitForFile('content/quarters/2024-25-q1/commentary.mdx', '(edited)');
      const saved = await editor.savedContent();
      const written = readFileSync(join(saved, 'quarters/2024-25-q1/commentary.mdx'), 'utf8');
      expect(written).toContain('url: https://www.example.gov.uk/report.pdf');
      expect(written).toContain('publishedTme');
      const checked = check(saved);
      expect(checked.status).toBe(1);
      // The preview names the field where the terminal names the line; the sentence is the same.
      expect(checked.output).toContain(misspelt[0]!.replace(/^Published tme /, '').slice(1, 120));
      expect(checked.output).toMatch(/Not valid: 1 problem would stop the build/);
    } finally {
      await editor.close();
    }
  }, 300_000);

  it('a workbook saved under a .csv name: checked by its name, as the check reads it, before it is saved', async () => {
    const upload = join(mkdtempSync(join(tmpdir(), 'cfs-upload-')), 'CFS dashboard export.csv');
    copyFileSync(join(ROOT, 'test/fixtures/quarter/workbook-saved-as.csv'), upload);
    const start = copyOfContent();
    // Q1 with no data file of its own, so the chosen one is the only one.
    rmSync(join(start, 'quarters/2024-25-q1/data.tsv'));
    const editor = await openLocalEditor(start);
    try {
      const { page } = editor;
      await page.getByText('Q1 2024/25').filter({ visible: true }).first().click();
      await previewProblems(page, 1);
      await chooseExport(page, upload, 'data.csv');
      const shown = await previewProblems(page, 1);
      expect(shown).toEqual([expect.stringMatching(/^Dashboard export \(data\.csv\).*Excel workbook/)]);
      const title = page.getByRole('textbox', { name: 'Title' }).first();
      await title.fill(`${await title.inputValue()} (edited)`);
      await page.getByRole('button', { name: /^Save/ }).click();
      await editor.waitForFile('content/quarters/2024-25-q1/data.csv');
      const checked = check(await editor.savedContent());
      expect(checked.status).toBe(1);
      // The same sentence (the preview puts its hint on a line of its own).
      expect(checked.output).toContain(shown[0]!.replace(/^Dashboard export \(data\.csv\)\s*/, '').slice(1, 60));
    } finally {
      await editor.close();
    }
  }, 300_000);

  it('an export chosen beside the folder’s own data file: checked before it is saved, and the two files refused, as the check refuses them', async () => {
    const upload = join(mkdtempSync(join(tmpdir(), 'cfs-upload-')), 'data.xlsx');
    copyFileSync(join(ROOT, 'test/fixtures/workbooks/q1.xlsx'), upload);
    const editor = await openLocalEditor(copyOfContent());
    try {
      const { page } = editor;
      await page.getByText('Q1 2024/25').filter({ visible: true }).first().click();
      expect(await previewProblems(page, 0)).toEqual([]);
      await chooseExport(page, upload, 'data.xlsx');
      const shown = await previewProblems(page, 1);
      expect(shown).toEqual([expect.stringMatching(/Found "data\.tsv and data\.xlsx", expected exactly one data file/)]);
      // Nothing saved yet: the preview read the chosen file from the editor's own copy.
      expect(await editor.hasFile('content/quarters/2024-25-q1/data.xlsx')).toBe(false);

      const title = page.getByRole('textbox', { name: 'Title' }).first();
      await title.fill(`${await title.inputValue()} (edited)`);
      await page.getByRole('button', { name: /^Save/ }).click();
      await editor.waitForFile('content/quarters/2024-25-q1/commentary.mdx', '(edited)');
      await editor.waitForFile('content/quarters/2024-25-q1/data.xlsx');
      const saved = await editor.savedContent();
      expect(readdirSync(join(saved, 'quarters/2024-25-q1')).sort()).toEqual(['commentary.mdx', 'data.tsv', 'data.xlsx']);
      const checked = check(saved);
      expect(checked.status).toBe(1);
      expect(checked.output).toContain('Found "data.tsv and data.xlsx", expected exactly one data file');
    } finally {
      await editor.close();
    }
  }, 300_000);
});
