/**
 * npm run build:admin
 * Builds the editor into dist/admin/ (its own output, after `npm run build`:
 * never one of the public pages, in no sitemap, budget or public test):
 *   index.html    the page, with /admin/'s own Content Security Policy
 *   sveltia-cms.js  Sveltia CMS from npm, its three CDN fonts pointed at fonts/
 *   fonts/        those fonts, from the @fontsource packages
 *   init.js, editor.js  manual start; figure-tag components; the configuration
 *                 generated from the schemas, site.yaml, the catalogue and the release calendar
 *   chunks/       the preview's check (src/editor/preview-model.ts), loaded when a preview opens,
 *                 with satteri's WebAssembly parser (scripts/wasm-parser.ts says where it comes from)
 *   content.json  the content folder the preview's check starts from: the quarters the public site shows, and only
 *                 what the check reads of their files (src/editor/public-copy.ts); content the build refuses builds no editor
 *   site.css      the site's stylesheet, for the preview
 *
 * The git host comes from the environment (docs/EDITING.md, "For the web team"):
 *   EDITOR_BACKEND  github | gitlab | gitea            (default github)
 *   EDITOR_REPO     owner/name of the site's repository (needed to sign in; local mode works without)
 *   EDITOR_BRANCH   the branch the site is built from   (default main)
 *   EDITOR_API_ROOT a self-managed GitLab or Gitea address
 *   EDITOR_AUTH_URL the OAuth client's address (GitHub; Gitea)
 *   EDITOR_APP_ID   the OAuth application id (GitLab PKCE sign-in, Gitea)
 * OUT_DIR sets the output folder (default dist); CONTENT_DIR the content folder. Content the public build refuses
 * builds no editor, unless EDITOR_LOCAL=1 (npm run editor's local mode, never deployed).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { formatFileProblems, groupByFile } from '../src/core/problems.ts';
import { cmsConfig } from '../src/editor/cms-config.ts';
import { adminCsp } from '../src/hosting/admin-csp.ts';
import { editorBackendFromEnv, EditorEnvironmentError, type EditorBackend } from '../src/core/editor-backend.ts';
import { readContentFiles } from '../src/ingest/read-content.ts';
import { publicContent, snapshotOf } from '../src/editor/preview-model.ts';
import { blockingProblems, validateContent } from '../src/ingest/validate.ts';
import { publicCopy, PublicCopyError } from '../src/editor/public-copy.ts';
import { readBuildClock } from '../src/core/release-time.ts';
import { SNAPSHOT_FILE } from '../src/editor/preview.ts';
import { WASM_PACKAGE, wasmParserPackage } from './wasm-parser.ts';

/** A file inside an installed package (these packages do not export their dist and font files). */
const packageFile = (path: string) => join(dirname(new URL(import.meta.url).pathname), '../node_modules', path);
const contentDir = process.env.CONTENT_DIR || 'content';
const outDir = join(process.env.OUT_DIR || 'dist', 'admin');
// A fresh folder, before anything can stop the build: the chunks' names change with their contents, and an old one
// left behind would be served too; a build that stops (content with problems) leaves no editor, old or new, to deploy.
rmSync(outDir, { recursive: true, force: true });

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** The fonts Sveltia CMS would fetch from cdn.jsdelivr.net, and the npm file that is the same font. */
export const CDN_FONTS = [
  { cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2', file: '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2' },
  { cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2', file: '@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2' },
  {
    cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    file: '@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2',
  },
] as const;

// The one reading of the EDITOR_* variables, which the site build's host files (/admin/'s headers) also make.
function backendFromEnv(): EditorBackend {
  try {
    return editorBackendFromEnv(process.env);
  } catch (error) {
    if (error instanceof EditorEnvironmentError) fail(error.message);
    throw error;
  }
}
const backend = backendFromEnv();

// What the preview's check starts from: the content folder as read now, with only the quarters the public site shows,
// and only what the check reads of their files. Content the public build refuses builds no editor to deploy: a folder
// the check cannot read counts as published, and must never reach the copy /admin/ serves. `npm run editor` (local
// mode, never deployed) builds it anyway, so an officer can open the editor to fix the problems: its copy still
// carries no quarter with a problem (publicContent).
const contentFiles = readContentFiles(contentDir);
const report = await validateContent(contentFiles, { clock: readBuildClock(process.env) });
const refused = blockingProblems(report, { includeDrafts: false });
if (refused.length || !report.settings) {
  const problems = [...groupByFile(refused)].map(([file, list]) => formatFileProblems(file, list)).join('\n');
  if (process.env.EDITOR_LOCAL !== '1') fail(`The content has problems, so the editor was not built (npm run build stops on them too):\n\n${problems}`);
  console.warn(`\nThe content has problems (npm run check lists them); the editor's preview leaves out the quarters that have them:\n\n${problems}`);
}
let snapshot: string;
try {
  snapshot = JSON.stringify(snapshotOf(await publicCopy(publicContent(contentFiles, report))));
} catch (error) {
  if (error instanceof PublicCopyError) fail(`The editor's copy of the content could not be made, so the editor was not built: ${error.message}.`);
  throw error;
}
// The configuration from the same reading: the settings, the catalogue and the release calendar as the check read them.
const site = report.settings;
if (!site || report.catalogueProblems.length) fail([...groupByFile(report.catalogueProblems)].map(([file, list]) => formatFileProblems(file, list)).join('\n'));
const indicators = report.catalogue.map((indicator) => ({ id: indicator.id, title: indicator.title }));
const config = { load_config_file: false, ...cmsConfig({ indicators, site, releases: report.releases.map((release) => ({ quarterLabel: release.quarter.label, date: release.date })), backend }) };

mkdirSync(join(outDir, 'fonts'), { recursive: true });

// Sveltia CMS, with its CDN fonts pointed at our copies; a new version that fetches others stops the build here.
let cms = readFileSync(packageFile('@sveltia/cms/dist/sveltia-cms.js'), 'utf8');
for (const font of CDN_FONTS) {
  if (!cms.includes(font.cdn)) fail(`Sveltia CMS no longer loads ${font.cdn}: update CDN_FONTS in scripts/build-admin.ts to the fonts it now loads.`);
  const name = font.file.split('/').at(-1)!;
  cms = cms.replaceAll(font.cdn, `fonts/${name}`);
  copyFileSync(packageFile(font.file), join(outDir, 'fonts', name));
}
// Immutable.js, which the CMS fetches from unpkg.com for event listeners such as preSave (src/editor/admin.ts): its own npm copy, beside it.
const immutableLoad = /[A-Za-z_$][\w$]*\(`immutable`,`dist\/immutable\.es\.js`\)/g;
if ((cms.match(immutableLoad) ?? []).length !== 1) fail('Sveltia CMS no longer loads Immutable.js the way scripts/build-admin.ts expects: update the pattern there.');
cms = cms.replace(immutableLoad, 'import(`./immutable.es.js`)');
copyFileSync(packageFile('immutable/dist/immutable.es.js'), join(outDir, 'immutable.es.js'));
// Its own interface wording, which it fetches from unpkg.com for the browser's language (en-GB for most officers): its npm copy, beside it.
// Blocked, it would retry for ever and never start.
const localesBase = /([A-Za-z_$][\w$]*)=`\$\{[A-Za-z_$][\w$]*\}@\$\{[A-Za-z_$][\w$]*\}\/locales`/g;
if ((cms.match(localesBase) ?? []).length !== 1) fail('Sveltia CMS no longer loads its locales the way scripts/build-admin.ts expects: update the pattern there.');
cms = cms.replace(localesBase, '$1=`locales`');
mkdirSync(join(outDir, 'locales'), { recursive: true });
for (const name of readdirSync(packageFile('@sveltia/cms/locales'))) copyFileSync(packageFile(`@sveltia/cms/locales/${name}`), join(outDir, 'locales', name));
const leftover = cms.match(/https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^\s`"')]+/);
if (leftover) fail(`Sveltia CMS loads a font this build does not serve: ${leftover[0]}. Add it to CDN_FONTS in scripts/build-admin.ts.`);
writeFileSync(join(outDir, 'sveltia-cms.js'), cms);

// React, which the CMS loads for a custom preview from chunks/ beside itself (else from unpkg.com, which the policy blocks).
mkdirSync(join(outDir, 'chunks'), { recursive: true });
copyFileSync(packageFile('@sveltia/cms/dist/chunks/react-dom.js'), join(outDir, 'chunks/react-dom.js'));
if (!cms.includes('chunks/${e}.js')) fail('Sveltia CMS no longer loads its React chunk from chunks/ beside itself: update scripts/build-admin.ts.');

// Manual start, so the figure components and the preview are registered before the CMS reads the configuration.
writeFileSync(join(outDir, 'init.js'), 'window.CMS_MANUAL_INIT = true;\n');
const here = dirname(new URL(import.meta.url).pathname);
const wasmParser = wasmParserPackage();
await build({
  entryPoints: { editor: join(here, '../src/editor/admin.ts'), site: join(here, '../src/styles/global.css') },
  bundle: true,
  // Modules, so the preview's check is a chunk loaded when a preview first opens.
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  conditions: ['browser'],
  target: 'es2022',
  minify: true,
  outdir: outDir,
  alias: { [WASM_PACKAGE]: join(wasmParser, 'satteri_napi.wasi-browser.js') },
  nodePaths: [join(here, '../node_modules')],
  define: { EDITOR_CONFIG: JSON.stringify(config), EDITOR_INDICATORS: JSON.stringify(indicators) },
  logLevel: 'warning',
});
// The parser's WebAssembly, beside the chunk that loads it (new URL('./…wasm', import.meta.url)).
copyFileSync(join(wasmParser, 'satteri_napi.wasm32-wasi.wasm'), join(outDir, 'chunks/satteri_napi.wasm32-wasi.wasm'));
writeFileSync(join(outDir, SNAPSHOT_FILE), snapshot);

writeFileSync(
  join(outDir, 'index.html'),
  `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="${adminCsp(backend)}">
<meta name="robots" content="noindex, nofollow">
<title>Edit the quarters – ${site.shortTitle}</title>
<script src="init.js"></script>
<script src="sveltia-cms.js"></script>
<script type="module" src="editor.js"></script>
</head>
<body></body>
</html>
`,
);
console.log(`Editor built into ${outDir}/ (open /admin/ on the site; local mode: npm run editor).`);
