/**
 * `npm run check` as a comms officer runs it: the same verdict as the build, grouped by file, plain words and no
 * stack trace; exit code 1 only when the build would stop; `--watch` checks again when a file is saved.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOfContent, expectPlainMessage, removeScratch, ROOT } from './helpers/build';

afterAll(removeScratch);

const NODE = join(ROOT, 'node_modules/.bin/node');
const check = (contentDir: string, ...args: string[]) =>
  spawnSync(NODE, ['scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1' }, timeout: 60_000 });

/** `npm run check -- --watch` on a folder, and a wait for words in what it printed since it started (or since clear()). */
function watching(contentDir: string) {
  const child = spawn(NODE, ['scripts/check.ts', '--watch'], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 300 && !pattern.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    return pattern.test(output);
  };
  return { child, waitFor, clear: () => (output = '') };
}

describe('npm run check', () => {
  it('says valid and exits 0 on the real content, within 10 seconds', () => {
    const started = Date.now();
    const result = check('content');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Valid: npm run build will publish 2 quarters\.$/m);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('lists a problem under its file, in plain words, and exits 1', () => {
    const dir = copyOfContent();
    const data = join(dir, 'quarters/2024-25-q1/data.tsv');
    writeFileSync(data, readFileSync(data, 'utf8').replace('\t47.3%\t', '\t44 93%\t'));
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2024-25-q1 (published): 1 problem.');
    expect(result.stdout).toMatch(/data\.tsv:22:10\n\s+Line 22, column J \(Latest Value\): found "44 93%", expected one number with no spaces inside it/);
    expect(result.stdout).toMatch(/^Not valid: 1 problem would stop the build\./m);
    expectPlainMessage(result.stdout + result.stderr);
  });

  it('--watch checks again when a file is saved', async () => {
    const dir = copyOfContent();
    const { child, waitFor } = watching(dir);
    try {
      expect(await waitFor(/Watching for changes/)).toBe(true);
      const data = join(dir, 'quarters/2024-25-q1/data.tsv');
      writeFileSync(data, readFileSync(data, 'utf8').replace('\t47.3%\t', '\t4x7.3%\t'));
      expect(await waitFor(/Not valid: 1 problem would stop the build/)).toBe(true);
    } finally {
      child.kill();
    }
  }, 90_000);

  it('--watch checks again when an editor or git replaces a file by a rename, both ways', async () => {
    const dir = copyOfContent();
    const { child, waitFor, clear } = watching(dir);
    const data = join(dir, 'quarters/2024-25-q1/data.tsv');
    const good = readFileSync(data, 'utf8');
    /** Writes a new file beside it and renames it over the old one, as a safe save does. */
    const saveByRename = (text: string) => {
      writeFileSync(`${data}.tmp`, text);
      renameSync(`${data}.tmp`, data);
    };
    try {
      expect(await waitFor(/Watching for changes/)).toBe(true);
      saveByRename(good.replace('\t47.3%\t', '\t4x7.3%\t'));
      expect(await waitFor(/Not valid: 1 problem would stop the build/)).toBe(true);
      clear();
      saveByRename(good);
      expect(await waitFor(/^Valid: npm run build will publish 2 quarters\.$/m)).toBe(true);
    } finally {
      child.kill();
    }
  }, 90_000);
});
