/**
 * Content loaders. Each calls the one validation stage (src/ingest/validate.ts)
 * on the content folder and stops the build, listing every problem in plain
 * words, when the content the build publishes is wrong. The result of one
 * validation is shared by the loaders of a build (and re-made when a file
 * changes), so they cannot disagree with each other or with `npm run check`.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { readContentFiles } from '../ingest/read-content.ts';
import { formatFileProblems, groupByFile, type Problem } from '../core/problems.ts';
import { blockingProblems, validateContent, type ContentReport } from '../ingest/validate.ts';

export interface ContentOptions {
  contentDir: string;
  /** Draft quarters are built too (the dev server and `npm run preview:drafts`); the public build leaves them out. */
  includeDrafts: boolean;
}

let cached: { signature: string; report: Promise<ContentReport> } | undefined;

/** What changed on disk: every content file's name, size and time. Cheap enough to take on every request in dev. */
function signature(contentDir: string): string {
  const files = readContentFiles(contentDir);
  const parts = [files.releases, files.settings, files.catalogue, ...files.quarters.flatMap((q) => [q.commentary, ...q.dataFiles, { file: q.path, bytes: new Uint8Array() }])]
    .filter((file) => file !== null)
    .map((file) => {
      const stat = statSync(resolve(file.file), { throwIfNoEntry: false });
      return `${file.file}:${stat?.size}:${stat?.mtimeMs}`;
    });
  return parts.join('|');
}

/** The validation report for the folder as it is now. */
export function contentReport(contentDir: string): Promise<ContentReport> {
  const now = signature(contentDir);
  if (!cached || cached.signature !== now) cached = { signature: now, report: validateContent(readContentFiles(contentDir)) };
  return cached.report;
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

/** Problems that stop this build, or none. */
export async function problemsFor(options: ContentOptions): Promise<Problem[]> {
  return blockingProblems(await contentReport(options.contentDir), options);
}

/** Re-runs the load when a content file changes under `astro dev`. */
function watch(context: LoaderContext, contentDir: string, load: () => Promise<void>) {
  const root = resolve(contentDir);
  context.watcher?.add(root);
  context.watcher?.on('all', (_event, path) => {
    if (path.startsWith(root) && /\.(csv|tsv|xlsx|mdx|yaml)$/i.test(path)) load().catch(() => undefined);
  });
}

/**
 * Under `astro dev` a problem must not end the server: the pages show it
 * (src/loaders/site-model.ts throws it into Astro's error overlay) until it is fixed.
 * A build stops.
 */
async function stopOnProblems(context: LoaderContext, options: ContentOptions, dev: boolean): Promise<boolean> {
  const problems = await problemsFor(options);
  if (!problems.length) return false;
  if (!dev) throw contentError(problems);
  context.logger.warn(`${problems.length} content problem${problems.length === 1 ? '' : 's'}: the preview shows ${problems.length === 1 ? 'it' : 'them'} on every page until fixed.`);
  return true;
}

/** Loads `indicators.csv`: one entry per indicator, keyed by its id. */
export function catalogueLoader(options: ContentOptions, dev: boolean): Loader {
  return {
    name: 'cfs-catalogue',
    async load(context) {
      const load = async () => {
        if (await stopOnProblems(context, options, dev)) return;
        const report = await contentReport(options.contentDir);
        context.store.clear();
        for (const indicator of report.catalogue) {
          context.store.set({ id: indicator.id, data: await context.parseData({ id: indicator.id, data: { ...indicator } }) });
        }
      };
      await load();
      watch(context, options.contentDir, load);
    },
  };
}

/** Loads the validated quarters the build includes (published ones; drafts too in previews), keyed by folder name. */
export function quartersLoader(options: ContentOptions, dev: boolean): Loader {
  return {
    name: 'cfs-quarters',
    async load(context) {
      const load = async () => {
        if (await stopOnProblems(context, options, dev)) return;
        const report = await contentReport(options.contentDir);
        context.store.clear();
        for (const quarter of report.quarters) {
          if (!quarter.quarter || (quarter.publication === 'draft' && !options.includeDrafts)) continue;
          context.store.set({ id: quarter.id, data: await context.parseData({ id: quarter.id, data: quarter.quarter }) });
        }
      };
      await load();
      watch(context, options.contentDir, load);
    },
  };
}

/**
 * The commentary bodies, rendered by Astro's own MDX pipeline through `glob`,
 * for the quarters the build includes only: a draft's MDX is not even compiled
 * by the public build, so a half-written draft cannot stop it. The commentary
 * was validated (frontmatter, the MDX subset, figure references) by the stage.
 */
export function commentaryLoader(options: ContentOptions, dev: boolean): Loader {
  const base = `${options.contentDir}/quarters`;
  return {
    name: 'cfs-commentary',
    async load(context) {
      if (await stopOnProblems(context, options, dev)) return;
      const report = await contentReport(options.contentDir);
      const included = report.quarters.filter((quarter) => quarter.quarter?.commentary && (quarter.publication === 'published' || options.includeDrafts));
      // A pattern that matches nothing when no quarter is included (glob needs at least one pattern).
      const pattern = included.length ? included.map((quarter) => `${quarter.id}/commentary.mdx`) : ['.none/commentary.mdx'];
      await glob({ pattern, base, generateId: ({ entry }) => entry.split('/')[0]! }).load(context);
    },
  };
}
