/**
 * The one seam between Astro and the domain. The content folder is read and
 * validated once per build (src/ingest/validate.ts, the same function
 * `npm run check` calls), and everything a page shows comes from that result:
 * the site settings, the model of every quarter (built straight from the
 * validated quarters, with no store or second schema in between) and the
 * release calendar. A content problem stops the build here, in plain words.
 * Under `astro dev` the folder is checked again whenever a file changes, so an
 * edit that breaks a file shows its problems in the browser.
 */
import { buildModel, type SiteModel } from '../model/model.ts';
import type { Release } from '../ingest/releases.ts';
import { contentSignature, readContentFiles } from '../ingest/read-content.ts';
import { blockingProblems, validateContent, type ContentReport } from '../ingest/validate.ts';
import { formatFileProblems, groupByFile, type Problem } from '../core/problems.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { readBuildClock, type BuildClock } from '../core/release-time.ts';

export interface SiteData {
  settings: SiteSettings;
  model: SiteModel;
  releases: Release[];
  report: ContentReport;
}

export interface ContentOptions {
  contentDir: string;
  /** Draft quarters are built too (the dev server and `npm run preview:drafts`); the public build leaves them out. */
  includeDrafts: boolean;
}

/**
 * The content folder and whether drafts are built, from the environment: CONTENT_DIR points the build at another
 * folder (another council, benchmarks, tests); drafts are part of the dev server and `npm run preview:drafts` only.
 */
export function contentOptions(dev: boolean): ContentOptions {
  return { contentDir: process.env.CONTENT_DIR || 'content', includeDrafts: dev || process.env.PREVIEW_DRAFTS === '1' };
}

/**
 * One validation per build, kept on globalThis: the content-check integration
 * (which stops a build before Astro writes anything) and the pages run in one
 * process but load this module separately, and must share the one read.
 */
const CACHE = Symbol.for('cfs-performance.site-data');
type Cache = { key: string; data: Promise<SiteData> } | undefined;
const CLOCK = Symbol.for('cfs-performance.build-clock');
const store = globalThis as typeof globalThis & { [CACHE]?: Cache; [CLOCK]?: BuildClock };

/**
 * The build's one reading of the clock (BUILD_TIME fixes it), shared like the validation: which published
 * quarters' publication time has come. Read once per process, so every page of a build agrees.
 */
export function buildClock(): BuildClock {
  store[CLOCK] ??= readBuildClock(process.env);
  return store[CLOCK];
}

/**
 * The problems as one message: grouped by file, at most 50 a file, no stack
 * trace and no path inside the code. A plain Error, not an AstroError: Astro
 * reads an AstroError's message and hint as Markdown, which would eat the
 * brackets and asterisks of a message that quotes what the editor wrote.
 */
export function contentError(problems: readonly Problem[], where: 'build' | 'preview' = 'build'): Error {
  const groups = [...groupByFile(problems)];
  const outcome = where === 'build' ? ', so nothing was published' : ': fix it and save, and this page comes back';
  const message = `The content has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}${outcome}.\n\n${groups
    .map(([file, list]) => formatFileProblems(file, list))
    .join('\n')}\nFix each problem above (docs/EDITING.md explains every message), then run npm run check.`;
  const error = new Error(message);
  error.name = 'Content problem';
  // Astro prints the stack of an error that has one; a content problem is not a fault in the code.
  error.stack = '';
  return error;
}

async function load(options: ContentOptions, dev: boolean): Promise<SiteData> {
  const report = await validateContent(readContentFiles(options.contentDir), { clock: buildClock() });
  const problems = blockingProblems(report, options);
  if (problems.length || !report.settings) throw contentError(problems, dev ? 'preview' : 'build');
  // A scheduled quarter (published, its time not yet come) is left out like a draft: only previews show it.
  const included = report.quarters.flatMap((quarter) => (quarter.quarter && (quarter.publication === 'published' || options.includeDrafts) ? [quarter.quarter] : []));
  return { settings: report.settings, model: buildModel(report.catalogue, included, report.areas), releases: report.releases, report };
}

/** The site's data for this content folder: validated and modelled once, again only when a file changes. */
export function siteData(options: ContentOptions, dev = false): Promise<SiteData> {
  // The signature is only taken under the dev server, where files change while it runs.
  const key = `${options.contentDir}|${options.includeDrafts}|${dev ? contentSignature(options.contentDir) : ''}`;
  const cached = store[CACHE];
  if (cached && cached.key === key) return cached.data;
  const data = load(options, dev);
  store[CACHE] = { key, data };
  return data;
}
