import { readBuildClock } from '../../src/core/release-time';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, inject } from 'vitest';
import { formatFileProblems, formatProblem, groupByFile, type Problem } from '../../src/core/problems';
import { readContentFiles } from '../../src/ingest/read-content';
import { blockingProblems, validateContent, type ContentReport } from '../../src/ingest/validate';
import { attr, elements, filesUnder, parseHtml, parseHtmlFragment, plainText } from './html';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a person running the build sees them. */
  output: string;
  outDir: string;
  /** Where Astro kept this build's cache (its content data store): astro.config.mjs's cacheDir for the build's content folder. */
  cacheDir: string;
}

/** Everything this test file made (scratch content folders, build output, the Astro caches of scratch content), for removeScratch(). */
const scratch = new Set<string>();

/**
 * The cache folder astro.config.mjs gives a build of `contentDir` (with or
 * without drafts). Only a scratch content folder's own cache is ever removed:
 * the default one (content/, public) is `npm run build`'s.
 */
export function cacheDirOf(contentDir: string | undefined, drafts: boolean): string {
  const folder = resolve(ROOT, contentDir || 'content');
  const variant = `${folder}|${drafts ? 'drafts' : 'public'}`;
  if (variant === `${resolve(ROOT, 'content')}|public`) return join(ROOT, 'node_modules/.astro');
  return join(ROOT, 'node_modules/.astro-builds', createHash('sha256').update(variant).digest('hex').slice(0, 16));
}

/**
 * The address test builds are given unless a test says otherwise (`SITE_URL: ''` builds with none, as the real
 * content does): tests that check the sitemap, canonical links and the feed's absolute links need one. Only tests use it.
 */
export const TEST_SITE_URL = 'https://performance.example.gov.uk';

/** Runs `astro build` as `npm run build` would, into a fresh output folder. */
export function buildSite(options: { contentDir?: string; env?: Record<string, string> } = {}): BuildResult {
  // Inside the project, so Astro's intermediate files stay in this build's own folder.
  mkdirSync(join(ROOT, '.astro/test-builds'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.astro/test-builds/dist-'));
  scratch.add(outDir);
  // Vitest puts Vite's variables (BASE_URL, MODE, DEV...) in process.env; a child build must not inherit them.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'ASSETS_PREFIX', 'SITE', 'CONTENT_DIR', 'PREVIEW_DRAFTS'].includes(key) && !key.startsWith('VITEST'),
    ),
  );
  const env: Record<string, string | undefined> = { ...inherited, SITE_URL: TEST_SITE_URL, ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}), ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], { cwd: ROOT, encoding: 'utf8', env, timeout: 240_000 });
  const cacheDir = cacheDirOf(env.CONTENT_DIR, env.PREVIEW_DRAFTS === '1');
  if (options.contentDir && resolve(ROOT, options.contentDir) !== resolve(ROOT, 'content')) scratch.add(cacheDir);
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, cacheDir };
}

/** The one build of the real, unmodified site that read-only tests share (made by test/helpers/shared-build.ts). */
export function sharedSite(): BuildResult {
  return inject('sharedBuild');
}

/** A scratch copy of the real content folder, to add or break files in. */
export function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfs-content-'));
  scratch.add(dir);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** Removes what this file's builds and copies made (kept when KEEP_TEST_BUILDS=1, to look at after a failure). */
export function removeScratch() {
  if (process.env.KEEP_TEST_BUILDS === '1') return;
  for (const path of scratch) rmSync(path, { recursive: true, force: true });
  scratch.clear();
}

/** Every text file a build wrote (HTML, JSON, CSV, XML, text, CSS, JS), by path relative to the output folder. */
export function outputTexts(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(filesUnder(dir, /\.(html|json|csv|xml|txt|css|js|mjs|svg|webmanifest)$/i).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

/** The validation report of a content folder, from the one validation stage the loaders and `npm run check` call. */
export function validationOf(contentDir: string): Promise<ContentReport> {
  return validateContent(readContentFiles(contentDir), { clock: readBuildClock(process.env) });
}

/** The problems that stop a build of this folder (drafts' too when `includeDrafts`), as the loaders decide. */
export async function stoppingProblems(contentDir: string, includeDrafts = false): Promise<Problem[]> {
  return blockingProblems(await validationOf(contentDir), { includeDrafts });
}

/**
 * A build that a content problem stopped, checked against the pure stage: it
 * failed, published nothing, and printed ONE message announcing exactly the
 * problems the validation stage finds, each at its `file:line:column` with the
 * stage's words for what was found and expected, then what to do; no stack trace,
 * no "Location:" and no path inside the code (src/) or node_modules/.
 */
export function expectStoppedBy(build: BuildResult, problems: readonly Problem[]) {
  expect(build.status, build.output).not.toBe(0);
  expect(problems.length, 'the validation stage finds nothing to stop this build').toBeGreaterThan(0);
  const announced = [...build.output.matchAll(/The content has (\d+) problems?, so nothing was published\./g)];
  expect(announced.map((match) => Number(match[1])), build.output).toEqual([problems.length]);
  for (const [file, list] of groupByFile(problems)) {
    const count = list.length === 1 ? '1 problem' : `${list.length} problems`;
    expect(build.output).toContain(`\n${file} has ${count}:\n`);
  }
  // The position and the "found ..., expected ..." sentence of each problem (the hint after it is checked by expectWordForWord).
  for (const problem of problems) expect(build.output).toContain(formatProblem(problem).split('\n').slice(0, 2).join('\n'));
  expect(build.output).toMatch(/\nFix each problem above \(docs\/EDITING\.md explains every message\), then run npm run check\./);
  expectPlainMessage(build.output);
  // Nothing was published: the output folder is as the build found it, empty.
  expect(readdirSync(build.outDir, { recursive: true })).toEqual([]);
}

/** The build printed each file's problems word for word as the validation stage (and so `npm run check`) words them, hints included. */
export function expectWordForWord(build: BuildResult, problems: readonly Problem[]) {
  for (const [file, list] of groupByFile(problems)) expect(build.output).toContain(formatFileProblems(file, list));
}

/** Words for a person, not a program's insides: no stack trace, no "Location:", no path inside src/ or node_modules/. */
export function expectPlainMessage(output: string) {
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toContain('Location:');
  expect(output).not.toMatch(/(^|[^\w.-])src\//m);
  expect(output).not.toContain('node_modules/');
}

/** The text of the <tag id="id"> of a page, spaces collapsed, or null when it has none. */
export function textOfElement(html: string, tag: string, id: string): string | null {
  const element = elements(parseHtml(html), (node) => node.tagName === tag && attr(node, 'id') === id)[0];
  return element ? plainText(element) : null;
}

/** The text of a page or a piece of one, spaces collapsed: what a test compares words with. */
export function htmlToText(html: string): string {
  return plainText(parseHtmlFragment(html));
}
