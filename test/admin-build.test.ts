/**
 * /admin/ is served with the public site, so it must carry no quarter the site
 * does not show: for each planted state of a copy of the content, `astro build`
 * and scripts/build-admin.ts with one clock (BUILD_TIME), compared. Content the
 * public build refuses builds no editor (a folder the check cannot read counts
 * as published, so that it stops the build: it must not reach content.json).
 * What the copy keeps of each file: test/editor-public-copy.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesOf, snapshotOf, type ContentSnapshot } from '../src/editor/preview-model';
import { readContentFiles } from '../src/ingest/read-content';
import { buildSite, copyOfContent, outputTexts, removeScratch, ROOT } from './helpers/build';
import { replaceIn } from './helpers/content';
import { decoded, plantNotes } from './helpers/planted-notes';

afterAll(removeScratch);

const BUILD_TIME = '2026-12-05T12:00:00Z';
const Q1 = 'quarters/2024-25-q1';

/** The public build and the editor's build of one content folder, with one clock. */
function buildBoth(content: string, local = false) {
  const site = buildSite({ contentDir: content, env: { BUILD_TIME } });
  const outDir = mkdtempSync(join(tmpdir(), 'cfs-admin-'));
  // An editor left from an earlier build, carrying the quarter: a build that stops must not leave it to be deployed.
  mkdirSync(join(outDir, 'admin'));
  writeFileSync(join(outDir, 'admin/content.json'), JSON.stringify(snapshotOf(readContentFiles(join(ROOT, 'content')))));
  const admin = spawnSync(process.execPath, ['scripts/build-admin.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, BUILD_TIME, EDITOR_LOCAL: local ? '1' : '' } });
  const snapshotPath = join(outDir, 'admin/content.json');
  const snapshot = existsSync(snapshotPath) ? filesOf(JSON.parse(readFileSync(snapshotPath, 'utf8')) as ContentSnapshot) : null;
  // Every file /admin/ would serve, as text (the page, the configuration in editor.js, the chunks, the copy of the content decoded).
  const adminTexts = existsSync(join(outDir, 'admin')) ? [...outputTexts(join(outDir, 'admin')).values(), ...decoded(snapshot!).map((file) => file.text)].join('\n') : '';
  const shown = ['2023-24/q3', '2024-25/q1'].filter((path) => existsSync(join(site.outDir, path, 'index.html')));
  rmSync(outDir, { recursive: true, force: true });
  const siteTexts = [...outputTexts(site.outDir).values()].join('\n');
  return { siteTexts, adminTexts, site: { status: site.status, shown }, admin: { status: admin.status, output: `${admin.stdout}${admin.stderr}`, carried: snapshot?.quarters.map((folder) => folder.name) ?? null, snapshot } };
}

describe('/admin/ carries no quarter the public site does not show', () => {
  it.each([
    { state: 'the content as it is (the control)', plant: () => {}, site: 0, shown: ['2023-24/q3', '2024-25/q1'], admin: 0, carried: ['2023-24-q3', '2024-25-q1'] },
    { state: 'Q1 a draft', plant: (dir: string) => replaceIn(dir, `${Q1}/commentary.mdx`, 'status: published', 'status: draft'), site: 0, shown: ['2023-24/q3'], admin: 0, carried: ['2023-24-q3'] },
    {
      state: 'Q1 a draft whose data file is a symbolic link (the check counts the folder as published, so that it stops the build)',
      plant: (dir: string) => {
        replaceIn(dir, `${Q1}/commentary.mdx`, 'status: published', 'status: draft');
        rmSync(join(dir, `${Q1}/data.tsv`));
        symlinkSync(join(ROOT, 'content', Q1, 'data.tsv'), join(dir, `${Q1}/data.tsv`));
      },
      site: 1,
      shown: [],
      admin: 1,
      carried: null,
    },
    {
      state: 'Q1 embargoed till tomorrow, with a misspelt field (unread, its date cannot make it scheduled)',
      plant: (dir: string) => replaceIn(dir, `${Q1}/commentary.mdx`, 'publishedDate: "2024-09-03"', 'publishedDate: "2026-12-06"\npublishedTme: "09:30"'),
      site: 1,
      shown: [],
      admin: 1,
      carried: null,
    },
  ])('$state: the site shows $shown, /admin/ carries $carried', ({ plant, site, shown, admin, carried }) => {
    const content = copyOfContent();
    // A sentence only Q1's commentary has, to look for in everything /admin/ serves.
    replaceIn(content, `${Q1}/commentary.mdx`, 'This page sums up the report', 'SECRET-Q1-WORDS. This page sums up the report');
    plant(content);
    const built = buildBoth(content);
    expect(built.adminTexts.includes('SECRET-Q1-WORDS')).toBe((carried ?? []).includes('2024-25-q1'));
    expect(built.site).toEqual({ status: site, shown: site === 0 ? shown : built.site.shown });
    expect({ status: built.admin.status, carried: built.admin.carried }, built.admin.output).toEqual({ status: admin, carried });
    if (admin) expect(built.admin.output).toMatch(/The content has problems, so the editor was not built/);
    // npm run editor (local mode, never deployed) builds the editor to let the problems be fixed: still without the quarter.
    if (admin) {
      const local = buildBoth(content, true);
      expect({ status: local.admin.status, carried: local.admin.carried }, local.admin.output).toEqual({ status: 0, carried: ['2023-24-q3'] });
      expect(local.adminTexts).not.toContain('SECRET-Q1-WORDS');
    }
  }, 240_000);

  it('a published quarter’s notes, workbook notes and ignored columns are in neither the site nor /admin/', async () => {
    const content = copyOfContent();
    await plantNotes(content);
    const built = buildBoth(content);
    expect(built.site).toEqual({ status: 0, shown: ['2023-24/q3', '2024-25/q1'] });
    expect(built.admin.status, built.admin.output).toBe(0);
    expect(built.siteTexts).toContain('The share  of child protection cases');
    expect(built.siteTexts).not.toMatch(/SECRET/);
    for (const file of decoded(built.admin.snapshot!)) expect(file.text, file.file).not.toMatch(/SECRET/);
  }, 240_000);
});
