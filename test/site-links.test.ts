/**
 * A link in a commentary to a page of this site must lead to a page the build
 * makes, and work under a sub-path. The list of pages the check uses
 * (sitePages in src/core/routes.ts) is held to the pages Astro really wrote.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sitePages } from '../src/core/routes';
import { formatProblem } from '../src/core/problems';
import { buildSite, copyOfContent, removeScratch, sharedSite, stoppingProblems } from './helpers/build';
import { attr, elements, filesUnder, parseHtml } from './helpers/html';
import { modelFromContent } from './helpers/model';

const COMMENTARY = 'quarters/2024-25-q1/commentary.mdx';

function contentWithLinks(...links: string[]): string {
  const dir = copyOfContent();
  const file = join(dir, COMMENTARY);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nSee ${links.map((link, index) => `[link ${index + 1}](${link})`).join(', ')}.\n`);
  return dir;
}

afterAll(removeScratch);

describe('links to pages of this site', () => {
  it.each([
    ['/2024-25-q1/', '/2024-25/q1/'],
    ['/2023-24-q3', '/2023-24/q3/'],
    ['/indicator/care-leavers-eet/', '/indicators/care-leavers-eet/'],
    ['/2024-25/q2/', null],
    ['/data/2024-25-q2.csv', null],
  ])('%s is refused at its line, with the right address offered', async (link, suggestion) => {
    const problems = await stoppingProblems(contentWithLinks(link));
    expect(problems).toHaveLength(1);
    const text = formatProblem(problems[0]!);
    expect(problems[0]!.file).toMatch(/2024-25-q1\/commentary\.mdx$/);
    expect(problems[0]!.line).toBeGreaterThan(90);
    expect(text).toContain(`found "${link}"`);
    if (suggestion) expect(text).toContain(`Did you mean ${suggestion}?`);
  });

  it('accepts every kind of page and file the build makes, with or without the closing slash and with a fragment (the control)', async () => {
    const links = ['/', '/2023-24/q3/', '/2024-25/q1/#care-leavers-eet', '/indicators/care-leavers-eet', '/data/', '/data/2024-25-q1.csv', '/data/indicators/care-leavers-eet.json', '/about/', '/releases/', '/feed.xml'];
    expect(await stoppingProblems(contentWithLinks(...links))).toEqual([]);
  });

  it('under a sub-path, the published link carries the base, and the build stops on a broken one as the check does', async () => {
    const good = contentWithLinks('/indicators/care-leavers-eet/', '/2023-24/q3/#summary-heading');
    const result = buildSite({ contentDir: good, env: { BASE_PATH: '/performance/', SITE_URL: 'https://example.org' } });
    expect(result.status, result.output).toBe(0);
    const page = parseHtml(readFileSync(join(result.outDir, '2024-25/q1/index.html'), 'utf8'));
    const hrefs = elements(page, (node) => node.tagName === 'a').map((node) => attr(node, 'href'));
    expect(hrefs).toContain('/performance/indicators/care-leavers-eet/');
    expect(hrefs).toContain('/performance/2023-24/q3/#summary-heading');
    const bad = contentWithLinks('/2024-25-q1/');
    const stopped = buildSite({ contentDir: bad });
    expect(stopped.status).not.toBe(0);
    expect(stopped.output).toContain('Did you mean /2024-25/q1/?');
  }, 480_000);
});

describe('the pages the check knows are the pages Astro builds', () => {
  it('sitePages lists exactly the HTML pages of the shared build (but the 404 page)', async () => {
    const model = await modelFromContent();
    const built = filesUnder(sharedSite().outDir, /\.html$/)
      .filter((file) => file !== '404.html')
      .map((file) => `/${file.replace(/index\.html$/, '')}`);
    const listed = sitePages({ quarters: model.quarters, indicatorIds: model.catalogue.map((indicator) => indicator.id) });
    expect([...listed].sort()).toEqual([...built].sort());
  });
});
