/**
 * The W3C Nu HTML Checker (vnu-jar, run with Debian's Java) over every built page, beside html-validate:
 * it catches what html-validate accepts, such as a script after </html>.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DIST } from './lib/site';

const require = createRequire(import.meta.url);

describe('W3C Nu HTML Checker', () => {
  it('finds no errors in any page of the build', () => {
    const jar = String(require('vnu-jar'));
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', DIST], { encoding: 'utf8', timeout: 120_000 });
    expect(result.error, 'java not found: install Debian’s default-jre-headless (.ci/run does)').toBeUndefined();
    // vnu writes its JSON report to stderr.
    const report = JSON.parse(result.stderr || result.stdout) as { messages: { type: string; url: string; lastLine?: number; message: string }[] };
    const errors = report.messages.filter((message) => message.type === 'error').map((m) => `${m.url.replace(/^file:.*?\/dist\//, 'dist/')}:${m.lastLine ?? ''} ${m.message}`);
    expect(errors).toEqual([]);
  });
});
