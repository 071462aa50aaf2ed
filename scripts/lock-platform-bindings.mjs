#!/usr/bin/env node
/**
 * The npm registry this project's machines reach has no copies of
 * @astrojs/compiler-binding's builds for other platforms, so `npm install`
 * cannot record them and `npm ci` then refuses the lock file. This adds them
 * to package-lock.json as the optional, platform-restricted entries npm would
 * write, so `npm ci` skips them on Linux and fetches them on a machine that
 * needs them. Run after `npm install` changes the lock file.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const binding = lock.packages['node_modules/@astrojs/compiler-binding'];
const platforms = {
  'android-arm64': { os: ['android'], cpu: ['arm64'] },
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'wasm32-wasi': { cpu: ['wasm32'] },
  'win32-arm64-msvc': { os: ['win32'], cpu: ['arm64'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
};
let added = 0;
for (const [name, version] of Object.entries(binding?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  const platform = platforms[name.replace('@astrojs/compiler-binding-', '')];
  if (lock.packages[key] || !platform) continue;
  lock.packages[key] = { version, license: 'MIT', optional: true, ...platform };
  added++;
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(`Added ${added} platform entries to package-lock.json.`);
