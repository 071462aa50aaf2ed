/**
 * The check's problems as review annotations (#21): GitHub's workflow commands and Azure's logging commands,
 * escaped as each system's own libraries escape them, and printed by `npm run check` only inside those systems.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotation, annotationSystem } from '../src/core/annotations';
import type { Problem } from '../src/core/problems';
import { copyOfContent, removeScratch, ROOT } from './helpers/build';

afterAll(removeScratch);

const problem: Problem = { file: 'content/quarters/2024-25-q1/commentary.mdx', line: 12, column: 5, found: 'a, b: 100%; c]', expected: 'a figure tag\non one line' };

describe('annotation', () => {
  it.each([
    ['github', '::error file=content/quarters/2024-25-q1/commentary.mdx,line=12,col=5,title=Content problem::Line 12, character 5: found "a, b: 100%25; c]", expected a figure tag%0Aon one line.'],
    ['azure', '##vso[task.logissue type=error;sourcepath=content/quarters/2024-25-q1/commentary.mdx;linenumber=12;columnnumber=5]Line 12, character 5: found "a, b: 100%AZP25%3B c%5D", expected a figure tag%0Aon one line.'],
  ] as const)('for %s, at the file and line, escaped', (system, expected) => {
    expect(annotation(problem, system)).toBe(expected);
  });

  it('escapes a path holding the systems’ separators, and leaves out what a problem has no place for', () => {
    expect(annotation({ file: 'content/a,b:c.csv', expected: 'x' }, 'github')).toBe('::error file=content/a%2Cb%3Ac.csv,title=Content problem::Expected x.');
    expect(annotation({ file: 'content/a;b].csv', line: 3, column: 2, expected: 'x' }, 'azure')).toBe('##vso[task.logissue type=error;sourcepath=content/a%3Bb%5D.csv;linenumber=3]Line 3, column B: expected x.');
  });

  it.each([
    [{ GITHUB_ACTIONS: 'true' }, 'github'],
    [{ TF_BUILD: 'True' }, 'azure'],
    [{}, null],
    [{ GITHUB_ACTIONS: 'false' }, null],
  ])('knows the system from %o', (env, expected) => {
    expect(annotationSystem(env)).toBe(expected);
  });
});

describe('npm run check in a pipeline', () => {
  const NODE = join(ROOT, 'node_modules/.bin/node');
  const dir = copyOfContent();
  const data = join(dir, 'quarters/2024-25-q1/data.tsv');
  writeFileSync(data, readFileSync(data, 'utf8').replace('\t47.3%\t', '\t44 93%\t'));
  const run = (env: Record<string, string>) =>
    spawnSync(NODE, ['scripts/check.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', TF_BUILD: '', ...env, CONTENT_DIR: dir, NO_COLOR: '1' } });

  it.each([
    [{ GITHUB_ACTIONS: 'true' }, /^::error file=[^,]*quarters\/2024-25-q1\/data\.tsv,line=22,title=Content problem::Line 22, column J \(Latest Value\): found "44 93%25"/m],
    [{ TF_BUILD: 'True' }, /^##vso\[task\.logissue type=error;sourcepath=[^;]*quarters\/2024-25-q1\/data\.tsv;linenumber=22\]Line 22, column J/m],
  ])('prints each blocking problem as an annotation (%o)', (env, expected) => {
    const result = run(env);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(expected);
  });

  it('prints none outside a pipeline', () => {
    const result = run({});
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/^(::error|##vso)/m);
  });
});
