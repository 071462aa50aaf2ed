/**
 * Where the built site is, and which pages it has. Pages are discovered from
 * dist/ (every .html file), never from a hand-kept list.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from '../../../scripts/serve-dist.mjs';
import { filesUnder } from '../../helpers/html';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The build to test; BROWSER_TEST_DIST overrides it (for trying the harness on a fixture). */
export const DIST = path.resolve(ROOT, process.env.BROWSER_TEST_DIST || 'dist');
/** The sub-path the site is published under, "/" or "/something/". */
export const BASE: string = normaliseBase(process.env.BASE_PATH);
export const RESULTS = path.join(ROOT, 'test-results');

/** Every file under dist/, as paths relative to dist/ with "/" separators, sorted. */
export function distFiles(dir = DIST): string[] {
  return existsSync(dir) ? filesUnder(dir) : [];
}

export interface SitePage {
  /** Path of the html file relative to dist/, e.g. "2024-25/q1/index.html". */
  file: string;
  /** Site path without the base, e.g. "/2024-25/q1/" or "/404.html". */
  route: string;
}

/** dist-relative html file → site route ("index.html" → "/", "a/b/index.html" → "/a/b/"). */
export function fileToRoute(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Every .html page in dist/, home first then in path order. */
export function discoverPages(): SitePage[] {
  return distFiles()
    .filter((f) => /\.html?$/i.test(f))
    .map((file) => ({ file, route: fileToRoute(file) }))
    .sort((a, b) => (a.route === '/' ? -1 : b.route === '/' ? 1 : a.route.localeCompare(b.route)));
}

/** Site route → path on the server, under the base ("/2024-25/q1/" → "/performance/2024-25/q1/"). */
export function withBase(route: string): string {
  return BASE + route.replace(/^\//, '');
}

export function requireDist(): void {
  if (!existsSync(path.join(DIST))) {
    throw new Error(`No build at ${DIST}. Run \`npm run build\` first (\`npm run test:browser\` does).`);
  }
}
