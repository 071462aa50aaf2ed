/**
 * One build of a fixture content folder: the real content, plus a release
 * calendar with fixture dates (test/fixtures/releases/releases.csv, never the
 * council's) and a correction to Q1 2024/25. Checks what a data user gets: the
 * release calendar page and its .ics files (strictly parsed), the next update,
 * the feed's dates against the commentary, the JSON-LD and CSVW metadata
 * against the files really built, and each download link's type and size.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes, LICENCE } from '../src/present/open-data';
import { checkCsvAgainstMetadata, type CsvwTableGroup } from './fixtures/releases/csvw';
import { only, parseIcs, textValue, zonedValue } from './fixtures/releases/strict-ics';
import { buildSite, copyOfContent, htmlToText, ROOT, type BuildResult } from './helpers/build';
import { attr, byId, byTag, elements, filesUnder, hasClass, linkedText, nextSibling, parseHtml, parseXml, plainText, textOf, xmlElements, xmlText, type Node } from './helpers/html';
import { reportOf } from './helpers/model';

const SITE = 'https://performance.example.gov.uk';
const CORRECTION = 'corrections:\n  - date: "2024-10-01"\n    indicator: care-leavers-eet\n    figure: latest\n    oldValue: "46.9%"\n    newValue: "47.3%"\n    reason: Two late returns were added to the count.\n';

let content: string;
let build: BuildResult;
const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
/** The open data files built (data/…), relative to data/. */
const dataFiles = (name: RegExp) => filesUnder(join(build.outDir, 'data'), name);
/** The <table> a caption's id names. */
const tableOf = (page: Node, captionId: string) => byTag(page, 'table').find((table) => byId(table, captionId))!;
/** The built file an absolute URL of the site points at. */
const fileOf = (url: string) => join(build.outDir, decodeURIComponent(new URL(url).pathname).replace(/\/$/, '/index.html'));

beforeAll(() => {
  content = copyOfContent();
  copyFileSync(join(ROOT, 'test/fixtures/releases/releases.csv'), join(content, 'releases.csv'));
  const commentary = join(content, 'quarters/2024-25-q1/commentary.mdx');
  writeFileSync(commentary, readFileSync(commentary, 'utf8').replace('corrections: []\n', CORRECTION));
  build = buildSite({ contentDir: content });
}, 240_000);

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  if (build.status === 0) rmSync(build.outDir, { recursive: true, force: true });
});

it('builds', () => {
  expect(build.status, build.output).toBe(0);
});

describe('the release calendar', () => {
  it('lists the announced releases of quarters not yet published, soonest first, each with its .ics', () => {
    const page = parseHtml(read('releases/index.html'));
    const upcoming = plainText(tableOf(page, 'upcoming-caption'));
    // Due at the announced time, UK time (09:30 when the calendar gives none).
    expect(upcoming.indexOf('09:30 on 3 December 2024 (UK time) Q2 2024/25')).toBeGreaterThan(-1);
    expect(upcoming.indexOf('09:30 on 4 March 2025 (UK time) Q3 2024/25')).toBeGreaterThan(upcoming.indexOf('3 December 2024'));
    expect(upcoming).not.toContain('Q1 2024/25');
    const links = elements(page, (element) => attr(element, 'href')?.endsWith('.ics') ?? false).map((link) => attr(link, 'href'));
    expect(links).toEqual(['/releases/2024-25-q2.ics', '/releases/2024-25-q3.ics']);
    // A published quarter's row is past: it gets no calendar file.
    expect(existsSync(join(build.outDir, 'releases/2024-25-q1.ics'))).toBe(false);
    expect(read('releases/index.html')).not.toContain('No date has been announced yet');
  });

  it('gives each calendar file’s type and size', () => {
    const page = htmlToText(read('releases/index.html'));
    for (const id of ['2024-25-q2', '2024-25-q3']) {
      expect(page).toContain(`${id}.ics (${id === '2024-25-q2' ? 'Q2' : 'Q3'} 2024/25 release) (iCalendar, ${formatBytes(statSync(join(build.outDir, `releases/${id}.ics`)).size)})`);
    }
  });

  it('lists the past releases with the dates their commentary records, and corrections', () => {
    const past = plainText(tableOf(parseHtml(read('releases/index.html')), 'past-caption'));
    expect(past).toContain('Q1 2024/25 (April to June 2024) 3 September 2024 1 October 2024');
    expect(past).toContain('Q3 2023/24 (October to December 2023) Date not recorded No corrections');
  });

  it('writes .ics files a strict iCalendar reader accepts, dated from the content', () => {
    for (const [id, date, stamp] of [
      ['2024-25-q2', '2024-12-03', '20241001T000000Z'],
      ['2024-25-q3', '2025-03-04', '20250101T000000Z'],
    ] as const) {
      const ics = read(`releases/${id}.ics`);
      const calendar = parseIcs(ics);
      const event = calendar.components.find((component) => component.name === 'VEVENT')!;
      expect(zonedValue(only(event, 'DTSTART'), calendar)).toEqual({ tzid: 'Europe/London', date, time: '09:30' });
      expect(only(event, 'DTSTAMP').value).toBe(stamp);
      // Named from content (the contact address's domain, the first report's year), never from the address it is served at.
      expect(only(event, 'UID').value).toBe(`tag:leics.gov.uk,2023:children-and-family-services:release:${id}`);
      expect(textValue(only(event, 'SUMMARY'))).toMatch(/^Q[23] 2024\/25 Children and Family Services performance figures published$/);
    }
  });

  it('shows the next update on the data page, linking to the calendar', () => {
    const data = parseHtml(read('data/index.html'));
    expect(plainText(data)).toContain('Next update: 3 December 2024');
    expect(linkedText(data)).toMatch(/Next update: \[3 December 2024[^\]]*\]\(\/releases\/\)/);
  });
});

describe('the feed', () => {
  it('dates each entry by its commentary: <published> its publication moment, <updated> its latest correction', async () => {
    const report = await reportOf(content);
    const entries = xmlElements(parseXml(read('feed.xml')), 'entry');
    const published = report.quarters.filter((quarter) => quarter.publication === 'published');
    expect(entries).toHaveLength(published.length);
    for (const quarter of published) {
      const commentary = quarter.quarter!.commentary!;
      const entry = entries.find((candidate) => xmlText(candidate, 'id') === `tag:leics.gov.uk,2023:children-and-family-services:quarter:${quarter.id}`)!;
      const recorded = commentary.publishedDate === 'not recorded' ? null : commentary.publishedDate!;
      // The moment the page went public: its day at its publication time, London time (09:30 unless it says otherwise).
      if (recorded) expect(xmlText(entry, 'published')).toMatch(new RegExp(`^${recorded}T${commentary.publishedTime ?? '09:30'}:00\\+0[01]:00$`));
      else expect(xmlElements(entry, 'published')).toEqual([]);
      const latest = [...commentary.corrections.map((correction) => correction.date)].sort().at(-1);
      expect(xmlText(entry, 'updated')).toBe(latest && latest > (recorded ?? '') ? `${latest}T00:00:00Z` : (xmlText(entry, 'published') ?? `${quarter.quarter!.period.end}T00:00:00Z`));
    }
    const q1 = entries.find((entry) => xmlText(entry, 'id')!.endsWith(':quarter:2024-25-q1'))!;
    expect(xmlText(q1, 'published')).toBe('2024-09-03T09:30:00+01:00');
    expect(xmlText(q1, 'updated')).toBe('2024-10-01T00:00:00Z');
    const [summary] = xmlElements(q1, 'summary');
    expect(summary!.attributes.type).toBe('text');
    expect(summary!.text.startsWith('Corrected on 1 October 2024: Care leavers EET, latest figure (Q1 2024/25), from 46.9% to 47.3%. Two late returns were added to the count. ')).toBe(true);
  });
});

describe('the open data as built', () => {
  it('describes every CSV file in csv-metadata.json, whose columns and datatypes fit the files exactly', () => {
    const metadata = JSON.parse(read('data/csv-metadata.json')) as CsvwTableGroup & { 'dc:license': { '@id': string } };
    const csvs = dataFiles(/\.csv$/);
    expect(metadata.tables.map((table) => table.url).sort()).toEqual(csvs.sort());
    expect(checkCsvAgainstMetadata(metadata, (url) => read(`data/${url}`))).toEqual([]);
    expect(metadata['dc:license']['@id']).toBe(LICENCE.url);
  });

  it('states the licence in every JSON file', () => {
    const jsons = dataFiles(/\.json$/).filter((path) => !path.endsWith('csv-metadata.json'));
    expect(jsons.length).toBeGreaterThan(2);
    for (const path of jsons) expect(JSON.parse(read(`data/${path}`)).metadata.license, path).toEqual({ ...LICENCE });
  });

  it('keeps negative figures as numbers in the CSV', () => {
    const rows = Papa.parse<Record<string, string>>(read('data/2023-24-q3.csv'), { header: true, skipEmptyLines: 'greedy' }).data;
    expect(rows.find((row) => row.indicator_id === 'ks4-progress-8-fsm')!.latest_value).toBe('-0.76');
    expect(read('data/all-observations.csv')).not.toMatch(/'-\d/);
  });

  it('describes the data page’s data as a schema.org Dataset whose every file exists, dated from the content', () => {
    const page = parseHtml(read('data/index.html'));
    const scripts = elements(page, (element) => element.tagName === 'script' && attr(element, 'type') === 'application/ld+json');
    expect(scripts).toHaveLength(1);
    const dataset = JSON.parse(textOf(scripts[0]!));
    expect(dataset).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Dataset',
      license: LICENCE.url,
      url: `${SITE}/data/`,
      publisher: { '@type': 'GovernmentOrganization', name: 'Leicestershire County Council' },
      // The correction's date: the latest the content records, not the day of the build.
      dateModified: '2024-10-01',
    });
    expect(dataset.name).toEqual(expect.any(String));
    expect(dataset.description.length).toBeGreaterThan(50);
    expect(dataset.temporalCoverage).toMatch(/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/);
    const built = dataFiles(/\.(csv|json)$/);
    expect(dataset.distribution).toHaveLength(built.length);
    for (const download of dataset.distribution as { contentUrl: string; encodingFormat: string; contentSize: string }[]) {
      const file = fileOf(download.contentUrl);
      expect(existsSync(file), download.contentUrl).toBe(true);
      expect(download.contentSize).toBe(`${statSync(file).size} B`);
      expect(download.encodingFormat).toBe(file.endsWith('.csv') ? 'text/csv' : file.endsWith('csv-metadata.json') ? 'application/csvm+json' : 'application/json');
    }
  });

  it('gives every download link on the data page its file type and true size', () => {
    const page = parseHtml(read('data/index.html'));
    // A download link is followed, nothing but spaces between, by <span class="muted">(type, size)</span>; a link in prose has no such note.
    const downloads = elements(page, (element) => element.tagName === 'a' && /^\/data\/.+\.(csv|json)$/.test(attr(element, 'href') ?? '')).flatMap((link) => {
      const note = nextSibling(link);
      return note?.tagName === 'span' && hasClass(note, 'muted') ? [{ href: attr(link, 'href')!, note: textOf(note) }] : [];
    });
    const built = dataFiles(/\.(csv|json)$/);
    expect(downloads).toHaveLength(built.length);
    for (const { href, note } of downloads) {
      const type = href.endsWith('.csv') ? 'CSV' : 'JSON';
      expect(note, href).toBe(`(${type}, ${formatBytes(statSync(join(build.outDir, href)).size)})`);
    }
    expect(plainText(page)).toContain('Open Government Licence v3.0');
    expect(elements(page, (element) => attr(element, 'href') === LICENCE.url)).not.toEqual([]);
  });
});
