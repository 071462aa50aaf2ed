/**
 * Reads a content folder from disk into the files the validation stage checks.
 * The only part of validation that touches the file system.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RELEASES_FILE } from './releases.ts';
import { DATA_NAMES, type ContentFiles, type QuarterFolder, type SourceFile } from './validate.ts';

/** A path as the person editing content sees it: relative to where they run the command. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path).split('\\').join('/') || '.';
}

function readIfThere(path: string): SourceFile | null {
  return existsSync(path) ? { file: shownPath(path), bytes: readFileSync(path) } : null;
}

export function readContentFiles(contentDir: string): ContentFiles {
  const root = resolve(contentDir);
  const quartersDir = join(root, 'quarters');
  const folders = existsSync(quartersDir)
    ? readdirSync(quartersDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
    : [];
  const quarters: QuarterFolder[] = folders.map((name) => {
    const path = join(quartersDir, name);
    const names = readdirSync(path);
    return {
      name,
      path: shownPath(path),
      // Matched without regard to case: a workbook saved as Data.XLSX is still the data file.
      dataFiles: names.filter((file) => DATA_NAMES.includes(file.toLowerCase())).sort().map((file) => readIfThere(join(path, file))!),
      commentary: readIfThere(join(path, 'commentary.mdx')),
    };
  });
  const cataloguePath = join(root, 'indicators.csv');
  const settingsPath = join(root, 'site.yaml');
  return { releases: readIfThere(join(root, RELEASES_FILE)), settings: readIfThere(settingsPath), settingsPath: shownPath(settingsPath), catalogue: readIfThere(cataloguePath), cataloguePath: shownPath(cataloguePath), quarters };
}

/**
 * What the content folder is now: every entry's path, size, time and inode,
 * without reading a byte. Changes when a file is saved in place, replaced by a
 * rename (as editors and git do), added or removed; cheap enough to take on
 * every request of the dev server and twice a second in `npm run check -- --watch`.
 */
export function contentSignature(contentDir: string): string {
  const root = resolve(contentDir);
  if (!existsSync(root)) return '';
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const stat = lstatSync(path, { throwIfNoEntry: false });
      return `${relative(root, path)}:${stat?.size}:${stat?.mtimeMs}:${stat?.ino}`;
    })
    .sort()
    .join('|');
}
