/**
 * A private copy of the project to build the benchmark from: its own root,
 * so that nothing it writes is shared with builds and tests running in the
 * real project at the same time.
 *
 * Why a copy and not `astro build` in the project: Astro writes build state
 * into the project, not only into --outDir. With an --outDir outside the
 * working directory the prerender chunks go to <cwd>/.astro/.prerender/ and
 * are deleted when the build ends (so two builds at once delete each other's
 * chunks: ERR_MODULE_NOT_FOUND .astro/.prerender/chunks/...); generated types
 * go to <root>/.astro/ and Vite's dependency cache to Astro's cacheDir
 * (node_modules/.astro by default). Here src/,
 * public/ and the configuration are copied, node_modules is a symlink, and a
 * wrapper configuration moves the cache into the copy.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COPIED = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'];
export const BENCH_CONFIG = 'astro.bench.config.mjs';

export function prepareSiteRoot(dir, repoRoot) {
  mkdirSync(dir, { recursive: true });
  for (const name of COPIED) {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, BENCH_CONFIG),
    `// The project's configuration, with Astro's cache kept inside this copy (not in the symlinked node_modules).
import config from './astro.config.mjs';
export default { ...config, cacheDir: ${JSON.stringify(join(dir, '.cache'))} };
`,
  );
  return dir;
}

/** Forgets what the last build left (.astro, the cache), so each build starts cold, as on a fresh clone. */
export function resetSiteRoot(dir) {
  rmSync(join(dir, '.astro'), { recursive: true, force: true });
  rmSync(join(dir, '.cache'), { recursive: true, force: true });
}
