/**
 * The address is content (#21): site.yaml's siteUrl and basePath, checked like
 * every field, overridden by SITE_URL and BASE_PATH; a build without one
 * succeeds, leaves out what needs an absolute address, says so in one line and
 * names no domain but the council's; a build with a sub-path from site.yaml
 * names only that address. Ids (feed, calendar) never depend on the address.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ADDRESS_NOTE, basePathProblem, firstReportYear, resolveSiteAddress, siteUrlProblem, tagPrefix } from '../src/core/site-address';
import { parseSiteSettings } from '../src/ingest/site-settings';
import { adminCspDirectives } from '../src/hosting/admin-csp';
import { editorBackendFromEnv } from '../src/core/editor-backend';
import { buildSite, copyOfContent, outputTexts, removeScratch, ROOT, type BuildResult } from './helpers/build';
import { replaceIn } from './helpers/content';
import { attr, elements, parseHtml, parseXml, xmlElements, xmlText } from './helpers/html';

afterAll(removeScratch);

describe('the address settings', () => {
  it.each([
    ['https://www.example.gov.uk', null],
    ['https://www.example.gov.uk/', null],
    ['http://www.example.gov.uk', /https:\/\//],
    ['www.example.gov.uk', /full web address/],
    ['https://www.example.gov.uk/performance/', /basePath/],
    ['https://www.example.gov.uk/?a=1', /without \? or #/],
    ['https://user:pw@www.example.gov.uk', /user name/],
    ['https://localhost', /full domain name/],
  ])('siteUrl %s', (text, expected) => {
    const problem = siteUrlProblem(text);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it.each([
    ['/', null],
    ['/performance/', null],
    ['/a/b-c_d.e/', null],
    ['performance/', /starting and ending/],
    ['/performance', /starting and ending/],
    ['/../', /plain words/],
    ['/a b/', /plain words/],
  ])('basePath %s', (text, expected) => {
    const problem = basePathProblem(text);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('takes site.yaml’s address unless SITE_URL or BASE_PATH says otherwise, and no address at all when none is given', () => {
    const settings = { siteUrl: 'https://www.example.gov.uk', basePath: '/performance/' };
    expect(resolveSiteAddress(settings, {})).toEqual({ site: 'https://www.example.gov.uk', base: '/performance/', from: { site: 'site.yaml', base: 'site.yaml' } });
    expect(resolveSiteAddress(settings, { SITE_URL: 'https://other.example.org/', BASE_PATH: 'stats' })).toMatchObject({ site: 'https://other.example.org', base: '/stats/' });
    expect(resolveSiteAddress({}, {})).toEqual({ site: undefined, base: '/', from: { site: 'none', base: 'default' } });
    expect(resolveSiteAddress({}, { SITE_URL: '' })).toMatchObject({ site: undefined });
    expect(() => resolveSiteAddress({}, { SITE_URL: 'http://insecure.example.org' })).toThrow(/^SITE_URL is "http:\/\/insecure.example.org": expected an address starting https:\/\//);
    expect(() => resolveSiteAddress({}, { BASE_PATH: '/a b/' })).toThrow(/^BASE_PATH is/);
  });

  it('refuses a bad siteUrl or basePath in site.yaml at its line', () => {
    const text = readFileSync(join(ROOT, 'content/site.yaml'), 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('fromPastPapers:'));
    for (const [key, value, expected] of [
      ['siteUrl', 'http://www.example.gov.uk', /https:\/\//],
      ['basePath', 'performance', /starting and ending with \//],
    ] as const) {
      const planted = [...lines.slice(0, at), `${key}: ${value}`, ...lines.slice(at)].join('\n');
      const { problems } = parseSiteSettings(new TextEncoder().encode(planted), 'content/site.yaml');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'content/site.yaml', line: at + 1 });
      expect(problems[0]!.expected).toMatch(expected);
    }
    // Control: the real file (no address) has no problem.
    expect(parseSiteSettings(new TextEncoder().encode(text), 'content/site.yaml').problems).toEqual([]);
  });

  it('names ids by tag URIs from content', () => {
    expect(tagPrefix('Emma.j.Jones@leics.gov.uk', '2023', 'Children and Family Services')).toBe('tag:leics.gov.uk,2023:children-and-family-services');
    expect(firstReportYear(['2024-06-30', '2023-12-31'])).toBe('2023');
    expect(firstReportYear([])).toBeNull();
  });
});

/** Every absolute http(s) address in a text, with the host it names. */
const addresses = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>)\\;]+/g)].map((match) => match[0]);

/**
 * Hosts a build may name without an address of its own: the council's (its contact domains, from site.yaml) and
 * the standards and licence the files cite. Anything else (a placeholder domain above all) is a fault.
 */
const STANDARD_HOSTS = new Set([
  'www.w3.org', 'www.sitemaps.org', 'schema.org', 'www.nationalarchives.gov.uk', 'purl.org', 'json-ld.org',
  // The advice services the accessibility statement must point readers to.
  'mcmw.abilitynet.org.uk', 'www.equalityadvisoryservice.com',
]);
/** The git host the editor at /admin/ reads and saves through, which its headers in the host configuration allow (the build's default, GitHub). */
const EDITOR_HOSTS = new Set(adminCspDirectives(editorBackendFromEnv({})).flatMap((directive) => directive.split(' ')).filter((word) => word.startsWith('https://')).map((origin) => new URL(origin).hostname));
const councilHost = (host: string) => host === 'leics.gov.uk' || host.endsWith('.leics.gov.uk');
const allowedHost = (host: string) => councilHost(host) || EDITOR_HOSTS.has(host);

describe('a build with no address (as the real content is)', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ env: { SITE_URL: '', BASE_PATH: '' } });
  }, 240_000);

  it('succeeds and says once, in one line, what it left out', () => {
    expect(build.status, build.output).toBe(0);
    const lines = build.output.split('\n').filter((line) => line.includes('No site address'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(NO_ADDRESS_NOTE);
  });

  it('leaves out the sitemap, canonical and og:url links, robots’ Sitemap line and the printed origin', () => {
    const texts = outputTexts(build.outDir);
    expect(texts.has('sitemap.xml')).toBe(false);
    expect(texts.get('robots.txt')).toBe('User-agent: *\nAllow: /\n');
    expect(texts.get('print.css')).toBe(':root { --site-origin: ""; }\n');
    for (const [path, text] of texts) {
      if (!path.endsWith('.html')) continue;
      const doc = parseHtml(text);
      expect(elements(doc, (node) => node.tagName === 'link' && attr(node, 'rel') === 'canonical'), path).toEqual([]);
      expect(elements(doc, (node) => node.tagName === 'meta' && attr(node, 'property') === 'og:url'), path).toEqual([]);
    }
  });

  it('names no domain that is not the council’s, a standard’s or the editor’s git host, in any file it wrote', () => {
    const foreign: string[] = [];
    for (const [path, text] of outputTexts(build.outDir)) {
      for (const address of addresses(text)) {
        const host = new URL(address).hostname;
        if (!allowedHost(host) && !STANDARD_HOSTS.has(host)) foreign.push(`${path}: ${address}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('keeps the feed valid, its links from the site’s root and its ids tag URIs', () => {
    const feed = parseXml(outputTexts(build.outDir).get('feed.xml')!);
    expect(xmlText(feed, 'id')).toBe('tag:leics.gov.uk,2023:children-and-family-services:feed');
    const entries = xmlElements(feed, 'entry');
    expect(entries.map((entry) => xmlText(entry, 'id'))).toEqual([
      'tag:leics.gov.uk,2023:children-and-family-services:quarter:2024-25-q1',
      'tag:leics.gov.uk,2023:children-and-family-services:quarter:2023-24-q3',
    ]);
    expect(entries.map((entry) => xmlElements(entry, 'link')[0]!.attributes.href)).toEqual(['/2024-25/q1/', '/2023-24/q3/']);
  });
});

describe('a build whose address and sub-path come from site.yaml', () => {
  let build: BuildResult;
  let content: string;
  const SITE = 'https://council.test';
  beforeAll(() => {
    content = copyOfContent();
    replaceIn(content, 'site.yaml', 'fromPastPapers:', `siteUrl: ${SITE}\nbasePath: /performance/\nfromPastPapers:`);
    build = buildSite({ contentDir: relative(ROOT, content), env: { SITE_URL: '', BASE_PATH: '' } });
  }, 240_000);

  it('uses it for canonical links, the sitemap and robots.txt, under the sub-path', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).not.toContain('No site address');
    const texts = outputTexts(build.outDir);
    const home = parseHtml(texts.get('index.html')!);
    expect(elements(home, (node) => node.tagName === 'link' && attr(node, 'rel') === 'canonical').map((node) => attr(node, 'href'))).toEqual([`${SITE}/performance/`]);
    const locs = xmlElements(parseXml(texts.get('sitemap.xml')!), 'loc').map((loc) => loc.text);
    expect(locs).toContain(`${SITE}/performance/2024-25/q1/`);
    for (const loc of locs) expect(loc.startsWith(`${SITE}/performance/`), loc).toBe(true);
    expect(texts.get('robots.txt')).toContain(`Sitemap: ${SITE}/performance/sitemap.xml`);
  });

  it('names no other domain, and the feed ids are those of a build with no address', () => {
    const foreign: string[] = [];
    for (const [path, text] of outputTexts(build.outDir)) {
      for (const address of addresses(text)) {
        const host = new URL(address).hostname;
        if (host !== 'council.test' && !allowedHost(host) && !STANDARD_HOSTS.has(host)) foreign.push(`${path}: ${address}`);
      }
    }
    expect(foreign).toEqual([]);
    const feed = parseXml(outputTexts(build.outDir).get('feed.xml')!);
    expect(xmlText(feed, 'id')).toBe('tag:leics.gov.uk,2023:children-and-family-services:feed');
  });
});
