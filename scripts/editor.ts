/**
 * npm run editor
 * The editor in local mode, for trying it out with no git host: builds /admin/
 * into .editor/ and serves it at http://localhost:4322/admin/. Open that in
 * Chrome or Edge (they have the File System Access API local mode needs), press
 * "Work with Local Repository" and choose this project's folder: the editor then
 * reads and saves the files in content/ directly. Nothing is committed: review
 * with git and `npm run check` as usual. Stop with Ctrl+C.
 */
import { spawnSync } from 'node:child_process';
import { startServer } from './serve-dist.mjs';

const port = Number(process.env.PORT || 4322);
const built = spawnSync(process.execPath, ['scripts/build-admin.ts'], { stdio: 'inherit', env: { ...process.env, OUT_DIR: '.editor', EDITOR_LOCAL: '1' } });
if (built.status !== 0) process.exit(built.status ?? 1);
const server = await startServer({ root: '.editor', port, basePath: '/' });
console.log(`
The editor is at  http://localhost:${port}/admin/
Open it in Chrome or Edge, press "Work with Local Repository" and choose this folder:
  ${process.cwd()}
Saving writes the files in content/ directly. Check them with  npm run check  . Stop with Ctrl+C.
`);
process.on('SIGINT', async () => {
  await server.close();
  process.exit(0);
});
