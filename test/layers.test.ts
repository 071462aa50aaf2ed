/**
 * The folders of src/ are floors a figure travels up: content is read and
 * checked (ingest), modelled (model), turned into what pages show (present),
 * and rendered (components, layouts, pages). A file may import only its own
 * floor or lower ones, and no files may import each other in a loop. Imports
 * are read with es-module-lexer (in .astro files, from the frontmatter).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build';
import { filesUnder, importsOf } from './helpers/html';

/** Each folder's floor: the lower, the more basic. Browser code (client) stands apart, on top of what it draws with. */
const FLOORS: Record<string, number> = {
  core: 1,
  schemas: 2,
  ingest: 3,
  model: 4,
  present: 5,
  hosting: 5,
  loaders: 6,
  'site.config.ts': 7,
  integrations: 7,
  client: 7,
  // The editor at /admin/ (its configuration and browser script): apart from the site, on top of what it reads.
  editor: 7,
  components: 8,
  layouts: 9,
  pages: 10,
};

const SRC = join(ROOT, 'src');
const files = filesUnder(SRC, /\.(ts|mjs|astro)$/).filter((file) => !file.endsWith('.d.ts'));

function floorOf(file: string): number {
  const top = file.split('/')[0]!;
  const floor = FLOORS[top];
  if (floor === undefined) throw new Error(`src/${file}: its folder has no floor in test/layers.test.ts`);
  return floor;
}

/** The code of a module: an .astro file's frontmatter, or the whole file. */
function codeOf(file: string): string {
  const text = readFileSync(join(SRC, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  return lines[0] === '---' && close > 0 ? lines.slice(1, close).join('\n') : '';
}

/** The files of src/ a file imports, as paths relative to src/. */
function localImports(file: string): string[] {
  return importsOf(codeOf(file))
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const path = relative(SRC, normalize(join(SRC, dirname(file), specifier)));
      const candidates = [path, `${path}.ts`, `${path}.astro`, `${path}/index.ts`];
      return candidates.find((candidate) => files.includes(candidate)) ?? path;
    })
    .filter((path) => !path.startsWith('..') && !path.endsWith('.css'));
}

const graph = new Map(files.map((file) => [file, localImports(file)]));

/** Each loop of imports, as the files in it. */
function circlesOf(imports: ReadonlyMap<string, readonly string[]>): string[] {
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const next of imports.get(file) ?? []) if (imports.has(next)) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of imports.keys()) visit(file, []);
  return circles;
}

describe('the import graph of src/', () => {
  it('reads a real graph: every folder has files, and pages import components, layouts and present', () => {
    expect(files.length).toBeGreaterThan(80);
    for (const folder of Object.keys(FLOORS)) expect(files.some((file) => file.split('/')[0] === folder), folder).toBe(true);
    const pageImports = files.filter((file) => file.startsWith('pages/')).flatMap((file) => graph.get(file)!);
    for (const folder of ['components', 'layouts', 'present']) expect(pageImports.some((path) => path.startsWith(`${folder}/`)), folder).toBe(true);
  });

  it('has no import that runs up a floor', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.filter((path) => files.includes(path) && floorOf(path) > floorOf(file)).map((path) => `src/${file} -> src/${path}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no circle', () => {
    expect(circlesOf(graph)).toEqual([]);
  });

  it('would see an upward import and a circle if there were one (the checks can fail)', () => {
    const planted = new Map(graph);
    planted.set('core/format.ts', [...graph.get('core/format.ts')!, 'present/urls.ts']);
    const upward = [...planted].flatMap(([file, imports]) => imports.filter((path) => files.includes(path) && floorOf(path) > floorOf(file)));
    expect(upward).toEqual(['present/urls.ts']);
    planted.set('core/periods.ts', [...graph.get('core/periods.ts')!, 'core/format.ts']);
    planted.set('core/format.ts', [...graph.get('core/format.ts')!, 'core/periods.ts']);
    expect(circlesOf(planted)).toHaveLength(1);
    expect(circlesOf(planted)[0]).toMatch(/^core\/(format|periods)\.ts -> core\/(format|periods)\.ts -> core\/(format|periods)\.ts$/);
  });
});
