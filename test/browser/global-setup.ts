/**
 * Starts the static server over dist/ (under BASE_PATH) once for the whole
 * browser run and hands its origin to the tests (inject('origin')).
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve-dist.mjs';
import { BASE, DIST, discoverPages } from './lib/site';
import { CHROMIUM_MISSING, CHROMIUM_PATH } from './lib/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(DIST)) throw new Error(`No build at ${DIST}: run \`npm run build\` first (\`npm run test:browser\` does).`);
  const server = await startServer({ root: DIST, basePath: BASE });
  project.provide('origin', server.origin);
  const pages = discoverPages();
  console.log(`[browser tests] serving ${DIST} at ${server.url} (${pages.length} html page${pages.length === 1 ? '' : 's'})`);
  if (!existsSync(CHROMIUM_PATH)) console.error(`\n[browser tests] ${CHROMIUM_MISSING}\n`);
  return async () => {
    await server.close();
  };
}
