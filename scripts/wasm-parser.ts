/**
 * The check's Markdown parser (satteri) for the browser: its WebAssembly build,
 * @bruits/satteri-wasm32-wasi, which the editor's preview runs. npm installs
 * only the build for the machine's own processor, so `npm ci` on Linux, macOS
 * or Windows never installs this one; it is fetched here from the npm registry
 * (npm pack, through npm's own cache and settings) at the version satteri names,
 * and accepted only if its bytes match the integrity package-lock.json records
 * for it. Unpacked into node_modules/.cache, so it is fetched once per install.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const WASM_PACKAGE = '@bruits/satteri-wasm32-wasi';
const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

/** The version satteri itself asks for, and the integrity the lock file recorded for it. */
export function expectedWasmPackage(): { version: string; integrity: string } {
  const satteri = JSON.parse(readFileSync(join(ROOT, 'node_modules/satteri/package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
  const version = satteri.optionalDependencies?.[WASM_PACKAGE];
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
  const locked = lock.packages[`node_modules/${WASM_PACKAGE}`];
  if (!version || !locked?.integrity || locked.version !== version) {
    throw new Error(`package-lock.json has no ${WASM_PACKAGE}@${version ?? '?'} with an integrity to check it against: run npm install, then node scripts/lock-platform-bindings.mjs.`);
  }
  return { version, integrity: locked.integrity };
}

/** The folder holding the package's files (its browser glue and the .wasm), fetched and checked if not yet here. */
export function wasmParserPackage(): string {
  const { version, integrity } = expectedWasmPackage();
  const folder = join(ROOT, 'node_modules/.cache', `satteri-wasm32-wasi-${version}`, 'package');
  if (existsSync(join(folder, 'package.json'))) return folder;
  const work = mkdtempSync(join(tmpdir(), 'satteri-wasm-'));
  try {
    // npm_execpath is the npm running this script (npm run build:admin); else the npm on the PATH.
    const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
    const packed = spawnSync(npm[0]!, [...npm.slice(1), 'pack', `${WASM_PACKAGE}@${version}`, '--pack-destination', work, '--json', '--silent'], { encoding: 'utf8', shell: npm[0] === 'npm' && process.platform === 'win32' });
    if (packed.status !== 0) throw new Error(`npm could not fetch ${WASM_PACKAGE}@${version} from the registry:\n${packed.stderr}`);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    const tarball = readFileSync(join(work, filename));
    const [algorithm, expected] = integrity.split(/-(.*)/s) as [string, string];
    const actual = createHash(algorithm).update(tarball).digest('base64');
    if (actual !== expected) throw new Error(`${WASM_PACKAGE}@${version} from the registry is not the one package-lock.json recorded (${algorithm} differs): not used.`);
    mkdirSync(dirname(folder), { recursive: true });
    const unpacked = spawnSync('tar', ['-xzf', join(work, filename), '-C', dirname(folder)], { encoding: 'utf8' });
    if (unpacked.status !== 0) throw new Error(`tar could not unpack ${filename}: ${unpacked.stderr}`);
    return folder;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
