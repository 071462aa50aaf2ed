import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a person running the build sees them. */
  output: string;
  outDir: string;
}

/** Runs `astro build` as `npm run build` would, into a fresh output folder. */
export function buildSite(options: { contentDir?: string; env?: Record<string, string> } = {}): BuildResult {
  // Inside the project, so Astro's intermediate files stay in this build's own folder.
  mkdirSync(join(ROOT, '.astro/test-builds'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, '.astro/test-builds/dist-'));
  // Vitest puts Vite's variables (BASE_URL, MODE, DEV...) in process.env; a child build must not inherit them.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'ASSETS_PREFIX', 'SITE'].includes(key) && !key.startsWith('VITEST')),
  );
  const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...inherited, ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}), ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A scratch copy of the real content folder, to add or break files in. */
export function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfs-content-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** The text of an element with the given id, tags stripped and spaces collapsed. */
export function textOfElement(html: string, tag: string, id: string): string | null {
  const match = new RegExp(`<${tag}[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  return match ? htmlToText(match[1]!) : null;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
