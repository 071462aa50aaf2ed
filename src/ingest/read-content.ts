/**
 * Reads a content folder from disk into the files the validation stage checks.
 * The only part of validation that touches the file system.
 *
 * Content is read from regular files inside the content folder only: a
 * symbolic link (to a file or to a quarter folder) is refused with its path,
 * never followed, since it can publish a file from outside the repository or
 * make a quarter vanish from the check while the build still sees it.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Problem } from '../core/problems.ts';
import { RELEASES_FILE } from './releases.ts';
import { DATA_NAMES, type ContentFiles, type QuarterFolder, type SourceFile } from './validate.ts';

/** A path as the person editing content sees it: relative to where they run the command. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path).split('\\').join('/') || '.';
}

const statOf = (path: string): Stats | null => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

/** The problem with a path that is not what content may be (a regular file, or a real folder), or null. */
function notPlain(path: string, stats: Stats, want: 'file' | 'folder'): Problem | null {
  if (stats.isSymbolicLink()) {
    let target = '';
    try {
      target = readlinkSync(path);
    } catch {
      // The target is only for the message.
    }
    return {
      file: shownPath(path),
      found: target ? `a symbolic link to ${target}` : 'a symbolic link',
      expected: `a real ${want} inside the content folder: a link is never followed, since what it points to is not part of the content that was checked in`,
      hint: `Delete the link and put the ${want} itself here (copy it in).`,
    };
  }
  if (want === 'file' ? !stats.isFile() : !stats.isDirectory()) {
    return { file: shownPath(path), expected: `a ${want}, but this is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}`, hint: `Replace it with the ${want} itself.` };
  }
  return null;
}

/** A content file if it is there: its bytes, or the problem of a link or an odd file in its place. */
function readIfThere(path: string, problems: Problem[]): SourceFile | null {
  const stats = statOf(path);
  if (!stats) return null;
  const problem = notPlain(path, stats, 'file');
  if (problem) {
    problems.push(problem);
    return null;
  }
  return { file: shownPath(path), bytes: readFileSync(path) };
}

export function readContentFiles(contentDir: string): ContentFiles {
  const root = resolve(contentDir);
  const problems: Problem[] = [];
  const quartersDir = join(root, 'quarters');
  const quartersStats = statOf(quartersDir);
  const quartersProblem = quartersStats && notPlain(quartersDir, quartersStats, 'folder');
  if (quartersProblem) problems.push(quartersProblem);
  const entries = quartersStats && !quartersProblem ? readdirSync(quartersDir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.')) : [];
  const quarters: QuarterFolder[] = entries
    // A link among the quarter folders is a quarter too, refused below: it must not vanish from the check.
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const path = join(quartersDir, name);
      const folderProblem = notPlain(path, lstatSync(path), 'folder');
      if (folderProblem) return { name, path: shownPath(path), dataFiles: [], commentary: null, problems: [folderProblem] };
      const folderProblems: Problem[] = [];
      // Matched without regard to case: a workbook saved as Data.XLSX is still the data file.
      const dataFiles = readdirSync(path)
        .filter((file) => DATA_NAMES.includes(file.toLowerCase()))
        .sort()
        .flatMap((file) => readIfThere(join(path, file), folderProblems) ?? []);
      const commentary = readIfThere(join(path, 'commentary.mdx'), folderProblems);
      return { name, path: shownPath(path), dataFiles, commentary, ...(folderProblems.length ? { problems: folderProblems } : {}) };
    });
  const cataloguePath = join(root, 'indicators.csv');
  const settingsPath = join(root, 'site.yaml');
  return {
    releases: readIfThere(join(root, RELEASES_FILE), problems),
    settings: readIfThere(settingsPath, problems),
    settingsPath: shownPath(settingsPath),
    catalogue: readIfThere(cataloguePath, problems),
    cataloguePath: shownPath(cataloguePath),
    quarters,
    ...(problems.length ? { problems } : {}),
  };
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
