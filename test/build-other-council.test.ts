/**
 * The site is content: a second council's content folder (test/fixtures/other-council, synthetic) builds a
 * correct site with no code change, and none of the real site's council, department, committee, areas or
 * contacts appear in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from './helpers/build';
import { filesUnder } from './helpers/html';

describe('another council’s content folder', () => {
  let build: BuildResult;
  let text: string;
  beforeAll(() => {
    build = buildSite({ contentDir: 'test/fixtures/other-council' });
    text = filesUnder(build.outDir, /\.(html|json|csv|xml|txt)$/)
      .map((file) => readFileSync(join(build.outDir, file), 'utf8'))
      .join('\n');
  }, 240_000);

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('names its own council, department, committee and areas', () => {
    for (const words of ['Anyshire County Council', 'Public Health performance', 'Health Scrutiny Panel', 'Healthy Weight', 'Stop Smoking', 'publichealth@anyshire.example']) {
      expect(text).toContain(words);
    }
    expect(readFileSync(join(build.outDir, '2025-26/q2/index.html'), 'utf8')).toContain('54.8%');
  });

  it.each(['Leicestershire', 'Children and Family Services', 'Overview and Scrutiny', 'Early Years', 'Social Care', 'SEND', 'leics.gov.uk', 'Business Intelligence Service'])(
    'has nothing of the real site: %s',
    (words) => {
      expect(text).not.toContain(words);
    },
  );
});
