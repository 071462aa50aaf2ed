/**
 * The editor at /admin/ in local mode, as an officer meets it, in Debian's
 * Chromium: /admin/ built by scripts/build-admin.ts from a content folder (as
 * npm run editor builds it, EDITOR_LOCAL=1: content with problems still opens) and
 * served on loopback; the "choose your project folder" dialog answered by an
 * init script with an Origin Private File System folder holding a copy of that
 * content (Chromium's File System Access API, which Sveltia CMS's local mode
 * uses, works on OPFS handles without a person picking a folder).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../../scripts/serve-dist.mjs';
import { ROOT } from '../../helpers/build';
import { launchBrowser, type TestBrowser } from './browser';

export interface LocalEditor {
  page: Page;
  /** Console errors, page errors and failed requests, other than the CMS's update and status checks the CSP blocks on purpose. */
  problems: string[];
  /** Every request the page made to another origin (all must have been blocked). */
  offsite: string[];
  /** Waits until the editor has written a file of the project folder (such as content/quarters/2024-25-q2/commentary.mdx), holding some text when given. */
  waitForFile(path: string, containing?: string): Promise<void>;
  /** Whether the project folder holds a file now. */
  hasFile(path: string): Promise<boolean>;
  /** The project folder as the editor left it, written out to a new folder on disk; returns its content/ path. */
  savedContent(): Promise<string>;
  close(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What the CMS fetches on its own and /admin/'s CSP blocks by design: the new-version check and GitHub's status page. */
const EXPECTED_BLOCKS = [/unpkg\.com\/@sveltia\/cms\/package\.json/, /githubstatus\.com/];

export async function openLocalEditor(contentDir: string): Promise<LocalEditor> {
  const outDir = mkdtempSync(join(tmpdir(), 'cfs-admin-'));
  const built = spawnSync(process.execPath, ['scripts/build-admin.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OUT_DIR: outDir, CONTENT_DIR: contentDir, EDITOR_LOCAL: '1' } });
  if (built.status !== 0) throw new Error(`build-admin failed:\n${built.stdout}\n${built.stderr}`);
  const server = await startServer({ root: outDir, basePath: '/' });
  let browser: TestBrowser | undefined;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('project', { create: true });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const offsite: string[] = [];
    const origin = new URL(server.url).origin;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (['http:', 'https:'].includes(url.protocol) && url.origin !== origin) offsite.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_BLOCKS.some((pattern) => pattern.test(message.text()))) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));

    await page.goto(`${origin}/admin/`, { waitUntil: 'domcontentloaded' });
    // The project folder: content/ as given, and a .git folder, as a clone has.
    const files = filesUnder(contentDir).map((path) => ({ path: `content/${relative(contentDir, path).split('\\').join('/')}`, base64: readFileSync(path).toString('base64') }));
    await page.evaluate(async (files) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('project', { create: true });
      await root.getDirectoryHandle('.git', { create: true });
      for (const file of files) {
        const parts = file.path.split('/');
        let dir = root;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0)));
        await writable.close();
      }
    }, files);
    await page.getByRole('button', { name: 'Work with Local Repository' }).click();
    // The quarters list: the site is loaded from the folder.
    await page.getByText('Q1 2024/25').first().waitFor();

    /** A file of the project folder as the editor left it, or null when it is not there. */
    const fileText = (path: string) =>
      page.evaluate(async (path) => {
        try {
          let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('project');
          const parts = path.split('/');
          for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
          return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
        } catch {
          return null;
        }
      }, path);

    return {
      page,
      problems,
      offsite,
      async waitForFile(path: string, containing = '') {
        // Polled from here, not with page.waitForFunction: that takes the Promise an async check returns as a
        // truthy answer, so it returned at once whether the file was there or not.
        const deadline = Date.now() + 30_000;
        for (;;) {
          const text = await fileText(path);
          if (text && text.includes(containing)) return;
          if (Date.now() > deadline) throw new Error(`The editor did not write ${path}${containing ? ` holding "${containing}"` : ''} within 30 s.`);
          await page.waitForTimeout(250);
        }
      },
      async hasFile(path: string) {
        return (await fileText(path)) !== null;
      },
      async savedContent() {
        // A file the editor is still writing can vanish mid-walk (Chromium writes through a temporary file).
        const walkProject = () => page.evaluate(async () => {
          const out: { path: string; base64: string }[] = [];
          const walk = async (dir: FileSystemDirectoryHandle, path: string) => {
            for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
              if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${path}${name}/`);
              else {
                const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
                let binary = '';
                for (const byte of bytes) binary += String.fromCharCode(byte);
                out.push({ path: `${path}${name}`, base64: btoa(binary) });
              }
            }
          };
          await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('project'), '');
          return out;
        });
        let saved: Awaited<ReturnType<typeof walkProject>> | undefined;
        for (let attempt = 1; !saved; attempt++) {
          try {
            saved = await walkProject();
          } catch (error) {
            if (attempt === 5) throw error;
            await page.waitForTimeout(500);
          }
        }
        const project = mkdtempSync(join(tmpdir(), 'cfs-saved-'));
        for (const file of saved) {
          mkdirSync(dirname(join(project, file.path)), { recursive: true });
          writeFileSync(join(project, file.path), Buffer.from(file.base64, 'base64'));
        }
        return join(project, 'content');
      },
      async close() {
        await browser?.close();
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** Scrolls the editor's form until a lazily drawn part of it is there. */
export async function scrollTo(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  await page.mouse.move(200, 500);
  for (let i = 0; i < 40 && !(await locator.count()); i++) {
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(100);
  }
  await locator.first().scrollIntoViewIfNeeded();
}

/** Inserts a figure tag through its component: Insert, the tag, then the indicator by its title and any other prop. */
export async function insertFigure(page: Page, editor: 'first' | 'last', tag: string, indicatorTitle: string): Promise<void> {
  // The new component's indicator picker: the combobox that was not there before.
  await page.evaluate(() => document.querySelectorAll('[role=combobox]').forEach((element) => element.setAttribute('data-before', '')));
  await page.getByRole('button', { name: /Insert/ })[editor]().click();
  await page.getByRole('menuitem', { name: tag, exact: true }).click();
  const combo = page.locator('[role=combobox]:not([data-before])').first();
  await combo.click();
  await page.getByRole('option', { name: indicatorTitle, exact: true }).first().click();
}
