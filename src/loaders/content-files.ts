/**
 * Content loaders for the catalogue and the quarter folders. They read the
 * files with the pure parsers in src/lib and stop the build, listing every
 * problem, when anything is wrong (unlike `file()`, which only logs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { IndicatorMatcher, parseCatalogue } from '../lib/catalogue';
import { decodeText } from '../lib/delimited';
import { checkReferences } from '../lib/commentary-refs';
import { parseQuarterId } from '../lib/periods';
import { ContentError, formatProblem, type Problem } from '../lib/problems';
import { parseQuarterFile } from '../lib/quarter-file';
import type { Quarter } from '../schemas/quarter';

const DATA_FILES = ['data.csv', 'data.tsv'];

/** A path as the person editing content sees it: relative to the project. */
const shown = (path: string) => relative(process.cwd(), path).split('\\').join('/');

function readText(path: string): string {
  const file = shown(path);
  if (!existsSync(path)) throw new ContentError(file, [{ file, expected: 'this file to exist' }]);
  const decoded = decodeText(readFileSync(path), file);
  if (!decoded.ok) throw new ContentError(file, [decoded.problem]);
  return decoded.text;
}

function catalogueAt(contentDir: string) {
  const path = resolve(contentDir, 'indicators.csv');
  return parseCatalogue(readText(path), shown(path));
}

/** Re-runs the load when a content file changes under `astro dev`. */
function watch(context: LoaderContext, contentDir: string, load: () => Promise<void>) {
  const root = resolve(contentDir);
  context.watcher?.add(root);
  context.watcher?.on('all', (_event, path) => {
    if (path.startsWith(root) && /\.(csv|tsv|mdx)$/.test(path)) load().catch((error) => context.logger.error(String(error.message ?? error)));
  });
}

/** Loads `indicators.csv`: one entry per indicator, keyed by its id. */
export function catalogueLoader(contentDir: string): Loader {
  return {
    name: 'cfs-catalogue',
    async load(context) {
      const load = async () => {
        const entries = catalogueAt(contentDir);
        context.store.clear();
        for (const { indicator, cells } of entries) {
          context.store.set({ id: indicator.id, data: await context.parseData({ id: indicator.id, data: { ...cells } }) });
        }
      };
      await load();
      watch(context, contentDir, load);
    },
  };
}

/** Loads every `quarters/<yyyy-yy>-q<n>/data.csv|tsv`: one entry per quarter, keyed by folder name. */
export function quartersLoader(contentDir: string): Loader {
  return {
    name: 'cfs-quarters',
    async load(context) {
      const load = async () => {
        const catalogue = catalogueAt(contentDir).map((entry) => entry.indicator);
        const matcher = new IndicatorMatcher(catalogue);
        const quartersDir = resolve(contentDir, 'quarters');
        const folders = existsSync(quartersDir)
          ? readdirSync(quartersDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
          : [];
        const failures: ContentError[] = [];
        const quarters: { id: string; data: Quarter }[] = [];
        for (const folder of folders) {
          const folderPath = join(quartersDir, folder);
          const reporting = parseQuarterId(folder);
          const dataFiles = DATA_FILES.filter((name) => existsSync(join(folderPath, name)));
          const problems: Problem[] = [];
          if (!reporting) {
            problems.push({ file: shown(folderPath), found: folder, expected: 'a folder named like 2024-25-q1 (financial year, then the quarter q1 to q4)' });
          }
          if (dataFiles.length !== 1) {
            problems.push({
              file: shown(folderPath),
              found: dataFiles.length ? dataFiles.join(' and ') : 'no data file',
              expected: 'exactly one data file, named data.csv or data.tsv',
            });
          }
          if (problems.length || !reporting) {
            failures.push(new ContentError(shown(folderPath), problems));
            continue;
          }
          const path = join(folderPath, dataFiles[0]!);
          try {
            const { indicators, warnings } = parseQuarterFile(readText(path), shown(path), matcher);
            for (const warning of warnings) context.logger.warn(`Check this (the build carries on):\n${formatProblem(warning)}`);
            const commentaryPath = join(folderPath, 'commentary.mdx');
            if (existsSync(commentaryPath)) {
              const referenceProblems = checkReferences(
                readText(commentaryPath),
                shown(commentaryPath),
                catalogue.map((indicator) => indicator.id),
                indicators.map((indicator) => indicator.id),
                reporting.label,
              );
              if (referenceProblems.length) throw new ContentError(shown(commentaryPath), referenceProblems);
            }
            const { id, label, year, quarter, months, period } = reporting;
            quarters.push({ id, data: { label, year, quarter, months, start: period.start, end: period.end, file: shown(path), indicators } });
          } catch (error) {
            if (error instanceof ContentError) failures.push(error);
            else throw error;
          }
        }
        if (failures.length) throw new Error(`\n\n${failures.map((failure) => failure.message).join('\n')}`);
        context.logger.info(`All ${quarters.length} quarters valid.`);
        context.store.clear();
        for (const { id, data } of quarters) {
          context.store.set({ id, data: await context.parseData({ id, data }) });
        }
      };
      await load();
      watch(context, contentDir, load);
    },
  };
}
