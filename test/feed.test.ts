import { describe, expect, it } from 'vitest';
import { atomDate, atomFeed, escapeXml, quarterFeedEntries, robotsTxt, sitemapXml } from '../src/present/feed';
import { parseXml, xmlElements, xmlText } from './helpers/html';
import { modelFromContent } from './helpers/model';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Tom & Jerry's <b>"best"</b>`)).toBe('Tom &amp; Jerry&apos;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;');
  });

  it('escapes an ampersand once, leaving an existing entity visible as text', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML cannot carry, and keeps tab, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(escapeXml('Café 😀 – ’')).toBe('Café 😀 – ’');
  });
});

describe('atomDate', () => {
  it('turns an ISO date into midnight UTC', () => {
    expect(atomDate('2024-06-30')).toBe('2024-06-30T00:00:00Z');
  });
  it('passes an RFC 3339 timestamp through', () => {
    expect(atomDate('2024-06-30T12:00:00+01:00')).toBe('2024-06-30T12:00:00+01:00');
  });
  it('refuses anything else, rather than inventing a date', () => {
    expect(() => atomDate('30/06/2024')).toThrow(/not an ISO date/);
    expect(() => atomDate('')).toThrow();
  });
});

describe('atomFeed', () => {
  const feed = atomFeed({
    title: 'Children & Family Services performance',
    subtitle: 'Quarterly <figures>',
    id: 'tag:example.org,2023:feed',
    selfUrl: 'https://example.org/performance/feed.xml',
    homeUrl: 'https://example.org/performance/',
    author: 'A Council',
    entries: [
      { title: 'Q1 2024/25 performance', id: 'tag:example.org,2023:quarter:2024-25-q1', url: 'https://example.org/performance/2024-25/q1/', updated: '2024-06-30', summary: '4 red & 3 green.' },
      { title: 'Q3 2023/24 performance', id: 'tag:example.org,2023:quarter:2023-24-q3', url: 'https://example.org/performance/2023-24/q3/?a=1&b=2', updated: '2023-12-31', summary: 'Older.' },
    ],
  });

  it('is an Atom document with escaped text and links', () => {
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(feed).toContain('<title>Children &amp; Family Services performance</title>');
    expect(feed).toContain('<subtitle>Quarterly &lt;figures&gt;</subtitle>');
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/performance/feed.xml"/>');
    expect(feed).toContain('href="https://example.org/performance/2023-24/q3/?a=1&amp;b=2"');
    expect(feed).toContain('<summary type="text">4 red &amp; 3 green.</summary>');
    expect(feed).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('has one entry per item, each with its id, link and date', () => {
    const entries = xmlElements(parseXml(feed), 'entry');
    expect(entries).toHaveLength(2);
    // The id is the tag URI given, never the page's address: moving the site keeps every entry's id.
    expect(xmlText(entries[0]!, 'id')).toBe('tag:example.org,2023:quarter:2024-25-q1');
    expect(xmlText(entries[1]!, 'id')).toBe('tag:example.org,2023:quarter:2023-24-q3');
    expect(parseXml(feed).children.find((child) => child.name === 'id')!.text).toBe('tag:example.org,2023:feed');
    expect(xmlText(entries[0]!, 'updated')).toBe('2024-06-30T00:00:00Z');
    expect(xmlText(entries[1]!, 'updated')).toBe('2023-12-31T00:00:00Z');
  });

  it('dates the feed by its newest entry, whatever the order, never the build time', () => {
    // The feed's own <updated>: its child, not an entry's.
    const updated = (xml: string) => parseXml(xml).children.filter((child) => child.name === 'updated').map((child) => child.text);
    expect(parseXml(feed).children.map((child) => child.name)).toContain('author');
    expect(updated(feed)).toEqual(['2024-06-30T00:00:00Z']);
    const reversed = atomFeed({ title: 't', id: 'i', selfUrl: 's', homeUrl: 'h', author: 'a', entries: [
      { title: 'old', id: 'i1', url: 'u1', updated: '2023-12-31', summary: '' },
      { title: 'new', id: 'i2', url: 'u2', updated: '2024-06-30', summary: '' },
    ] });
    expect(updated(reversed)).toEqual(['2024-06-30T00:00:00Z']);
  });

  it('is still valid with no entries, and the same bytes every time', () => {
    const empty = atomFeed({ title: 't', id: 'i', selfUrl: 's', homeUrl: 'h', author: 'a', entries: [] });
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(empty).not.toContain('<entry>');
    expect(atomFeed({ title: 't', id: 'i', selfUrl: 's', homeUrl: 'h', author: 'a', entries: [] })).toBe(empty);
  });
});

describe('sitemapXml', () => {
  it('lists each URL once, escaped, in order', () => {
    const xml = sitemapXml(['https://example.org/a/', 'https://example.org/b/?x=1&y=2', 'https://example.org/a/']);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    // Read strictly: an & left unescaped would throw.
    expect(xmlElements(parseXml(xml), 'loc').map((loc) => loc.text)).toEqual(['https://example.org/a/', 'https://example.org/b/?x=1&y=2']);
  });
});

describe('robotsTxt', () => {
  it('allows everything and names the sitemap', () => {
    expect(robotsTxt('https://example.org/performance/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/performance/sitemap.xml\n');
  });
  it('has no Sitemap line when the site has no address (and so no sitemap)', () => {
    expect(robotsTxt(null)).toBe('User-agent: *\nAllow: /\n');
  });
});

// The feed's entry summary is the commentary summary with its figure tags filled in: plain text, the figures as the cards show them.
describe('a quarter’s summary in the feed', async () => {
  const model = await modelFromContent();
  const q1 = model.quarterById.get('2024-25-q1')!;
  const feed = atomFeed({
    title: 't',
    id: 'i',
    selfUrl: 'https://example.org/feed.xml',
    homeUrl: 'https://example.org/',
    author: 'a',
    entries: [{ title: `${q1.label} performance`, id: 'i1', url: 'https://example.org/2024-25/q1/', updated: '2024-09-03', summary: q1.summaryText! }],
  });
  const [summary] = xmlElements(parseXml(feed), 'summary');

  it('carries the figures, never the tags', () => {
    expect(summary!.attributes.type).toBe('text');
    expect(summary!.text).toContain('fell to 47.3%, while child protection cases reviewed on time rose to 92.2%.');
    expect(summary!.text).not.toMatch(/<|Value of=/);
  });

  it('is the whole summary, with nothing escaped twice', () => {
    expect(summary!.text.endsWith('the most the council has ever received.')).toBe(true);
    // Read as XML, once-escaped text has no & left; twice-escaped would keep "&amp;" as "&".
    expect(summary!.text).not.toContain('&');
  });
});

// Each quarter's entry is dated from its commentary: <published> its publishedDate, <updated> its latest correction, else publishedDate.
describe('the quarters’ entries', async () => {
  const model = await modelFromContent();
  const urlOf = (quarter: { year: string; quarter: string }) => `https://example.org/${quarter.year}/${quarter.quarter}/`;
  const idOf = (quarter: { id: string }) => `tag:example.org,2023:quarter:${quarter.id}`;
  const q1 = model.quarterById.get('2024-25-q1')!;
  const q3 = model.quarterById.get('2023-24-q3')!;
  const withCorrections = (quarter: typeof q1, corrections: NonNullable<typeof q1.commentary>['corrections']) => ({ ...quarter, commentary: { ...quarter.commentary!, corrections } });
  const correction = { date: '2024-10-01', indicator: 'care-leavers-eet', figure: 'latest' as const, oldValue: '46.9%', newValue: '47.3%', reason: 'Two late returns were added to the count' };

  it('carry the dates the commentary records, and no others', () => {
    const entries = quarterFeedEntries(model.quarters, urlOf, idOf);
    expect(entries.map((entry) => entry.url)).toEqual(['https://example.org/2024-25/q1/', 'https://example.org/2023-24/q3/']);
    for (const [index, quarter] of model.quarters.entries()) {
      const recorded = quarter.commentary!.publishedDate;
      // The moment the page went public: the day the papers give, at the publication time (09:30 London, summer time then).
      const published = recorded === 'not recorded' ? undefined : `${recorded}T09:30:00+01:00`;
      expect(entries[index]!.published).toBe(published);
      expect(quarter.commentary!.corrections).toEqual([]);
      expect(entries[index]!.updated).toBe(published ?? quarter.period.end);
    }
    expect(entries[0]).toMatchObject({ published: '2024-09-03T09:30:00+01:00', updated: '2024-09-03T09:30:00+01:00' });
    // Q3 2023/24's papers record no date: no <published>; <updated> (which Atom requires) is the quarter's end, the earliest it can have been.
    expect(entries[1]!.published).toBeUndefined();
    expect(entries[1]!.updated).toBe('2023-12-31');
  });

  it.each([
    { publishedTime: undefined, winter: false, published: '2024-09-03T09:30:00+01:00' },
    { publishedTime: '12:00', winter: false, published: '2024-09-03T12:00:00+01:00' },
    { publishedTime: undefined, winter: true, published: '2024-12-03T09:30:00+00:00' },
  ])('<published> is the moment the page went public: publishedTime $publishedTime, winter $winter', ({ publishedTime, winter, published }) => {
    const commentary = { ...q1.commentary!, ...(winter ? { publishedDate: '2024-12-03' } : {}), ...(publishedTime ? { publishedTime } : {}) };
    const [entry] = quarterFeedEntries([{ ...q1, commentary }], urlOf, idOf);
    expect(entry!.published).toBe(published);
    // A correction dated that day (no time) never puts <updated> before <published>; one dated the day after is <updated>.
    const correctedOn = (date: string) => quarterFeedEntries([{ ...q1, commentary: { ...commentary, corrections: [{ ...correction, date }] } }], urlOf, idOf)[0]!.updated;
    const day = published.slice(0, 10);
    expect(correctedOn(day)).toBe(published);
    const nextDay = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(correctedOn(nextDay)).toBe(nextDay);
  });

  it('are written as <published> and <updated>, <published> only when recorded', () => {
    const feed = atomFeed({ title: 't', id: 'i', selfUrl: 's', homeUrl: 'h', author: 'a', entries: quarterFeedEntries(model.quarters, urlOf, idOf) });
    const [first, second] = xmlElements(parseXml(feed), 'entry');
    expect(xmlText(first!, 'published')).toBe('2024-09-03T09:30:00+01:00');
    expect(xmlText(first!, 'updated')).toBe('2024-09-03T09:30:00+01:00');
    expect(xmlElements(second!, 'published')).toEqual([]);
    expect(xmlText(second!, 'updated')).toBe('2023-12-31T00:00:00Z');
  });

  it('announce a correction: <updated> is its date and the summary says what was corrected and why', () => {
    const corrected = withCorrections(q1, [correction, { ...correction, date: '2024-09-20', indicator: 'cp-reviews-in-timescale', oldValue: '92.0%', newValue: '92.2%', reason: 'A review held on time was recorded late.' }]);
    const [entry] = quarterFeedEntries([corrected], urlOf, idOf);
    expect(entry).toMatchObject({ published: '2024-09-03T09:30:00+01:00', updated: '2024-10-01' });
    expect(entry!.summary.startsWith('Corrected on 20 September 2024: ')).toBe(true);
    expect(entry!.summary).toContain('Corrected on 1 October 2024: Care leavers EET, latest figure (Q1 2024/25), from 46.9% to 47.3%. Two late returns were added to the count.');
    // The quarter's own summary follows.
    expect(entry!.summary).toContain(q1.summaryText!);
  });

  it('never include a draft', () => {
    const draft = { ...q1, publication: 'draft' as const };
    expect(quarterFeedEntries([draft, q3], urlOf, idOf).map((entry) => entry.url)).toEqual(['https://example.org/2023-24/q3/']);
    expect(quarterFeedEntries([draft], urlOf, idOf)).toEqual([]);
  });
});
