/**
 * Two builds of the same content give byte-identical sites, so a published
 * site can be checked against its source: rebuild and compare. The builds go
 * to different output folders and the second runs in another time zone and
 * locale, as another machine would; a file that differs names what leaked in
 * (the output path, the build time, the machine's zone or language).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, sharedSite, type BuildResult } from '../helpers/build';
import { filesUnder } from '../helpers/html';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the build is reproducible', () => {
  let first: BuildResult;
  let second: BuildResult;
  beforeAll(() => {
    first = sharedSite();
    second = buildSite({ env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
  }, 480_000);

  it('builds twice', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(first.outDir).not.toBe(second.outDir);
  });

  it('writes the same files, byte for byte', () => {
    const a = filesUnder(first.outDir);
    const b = filesUnder(second.outDir);
    expect(a.length).toBeGreaterThan(10);
    expect(b, 'the two builds wrote different sets of files').toEqual(a);
    const differing = a.filter((file) => sha256(join(first.outDir, file)) !== sha256(join(second.outDir, file)));
    expect(differing, `files that differ between ${first.outDir} and ${second.outDir}`).toEqual([]);
  });

  it('embeds no path of the build machine (output folder, project folder, temp folder)', () => {
    const leaks: string[] = [];
    for (const file of filesUnder(first.outDir)) {
      const text = readFileSync(join(first.outDir, file), 'latin1');
      for (const path of [first.outDir, ROOT, '/tmp/', '/home/']) if (text.includes(path)) leaks.push(`${file}: ${path}`);
    }
    expect(leaks).toEqual([]);
  });
});
