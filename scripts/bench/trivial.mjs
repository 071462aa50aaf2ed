/**
 * A trivial Astro project of P static pages, the yardstick for the real
 * build: one src/pages/[slug].astro whose getStaticPaths returns P pages of
 * a heading and a paragraph. It uses this repository's node_modules through
 * a symlink, so it runs the same Astro, and has its own cache folder.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generateTrivialProject(dir, pages, repoRoot) {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Without its own cacheDir, Astro would write into the symlinked node_modules/.astro of the real project.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `export default { cacheDir: ${JSON.stringify(join(dir, '.cache'))}, build: { format: 'directory' } };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { slug: \`page-\${i + 1}\` }, props: { n: i + 1 } }));
}
const { n } = Astro.props;
---
<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><title>Page {n}</title></head>
  <body><h1>Page {n}</h1><p>A trivial page.</p></body>
</html>
`,
  );
}
