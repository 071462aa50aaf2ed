/**
 * html-validate over every built page (config: .htmlvalidate.json at the repo
 * root, extending html-validate:recommended). Zero errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtmlValidate, type Message } from 'html-validate';
import { DIST, ROOT, discoverPages } from './lib/site';

const config = JSON.parse(readFileSync(path.join(ROOT, '.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate({ ...config, root: true });
const pages = discoverPages();

const format = (file: string, m: Message) => `dist/${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`;

describe('html-validate', () => {
  it('there are built pages to check', () => {
    expect(pages.length, `no .html files in ${DIST}`).toBeGreaterThan(0);
  });

  it.each(pages.map((p) => [p.route, p.file]))('%s is valid HTML', async (_route, file) => {
    const report = await validator.validateFile(path.join(DIST, file));
    const errors = report.results.flatMap((r) => r.messages).filter((m) => m.severity === 2);
    expect(errors.map((m) => format(file, m)), `html-validate errors in dist/${file}`).toEqual([]);
  });
});
