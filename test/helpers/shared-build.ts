/**
 * Vitest global setup of the "build" project (vitest.config.ts): one build of
 * the real, unmodified site, shared by every test that only reads it
 * (sharedSite() in ./build.ts), instead of a build per test file. Tests that
 * plant faults or change settings build their own. The "unit" project has no
 * global setup, so a unit test file starts without building anything.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildResult } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedBuild: BuildResult;
  }
}

export default function setup(project: TestProject) {
  const build = buildSite();
  project.provide('sharedBuild', build);
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
