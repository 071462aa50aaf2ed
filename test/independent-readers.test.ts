/**
 * The open data and the feed read by independent tools from Debian, as
 * re-users read them (#21): pandas reads every CSV with numeric columns as
 * numbers (an empty column too), feedparser reads the feed without complaint,
 * and every CSV finds CSVW metadata describing it at the specification's
 * default location (csv-metadata.json in its own folder). Skipped, saying so,
 * without python3-pandas and python3-feedparser (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, LICENCE } from '../src/present/open-data';
import { sharedSite } from './helpers/build';
import { filesUnder } from './helpers/html';

/** Debian's Python, where apt puts pandas and feedparser (a python3 earlier on PATH, such as pyenv's, has neither). */
const PYTHON = '/usr/bin/python3';
const python = (script: string, ...args: string[]) => spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
const has = (module: string) => python(`import ${module}`).status === 0;
const havePandas = has('pandas');
const haveFeedparser = has('feedparser');
if (!havePandas || !haveFeedparser) console.warn('independent-readers.test.ts: apt-get install python3-pandas python3-feedparser to run the independent readers');

const dist = () => sharedSite().outDir;

describe.skipIf(!havePandas)('pandas', () => {
  it('reads every CSV, with every column the metadata calls a decimal as numbers, even when it is empty', () => {
    const metadata = JSON.parse(readFileSync(join(dist(), 'data/csv-metadata.json'), 'utf8'));
    const decimalColumns = (table: { url: string; tableSchema?: { columns: { name: string; datatype: unknown }[] } }) =>
      (table.tableSchema ?? metadata.tableSchema).columns.filter((column: { datatype: unknown }) => column.datatype === 'decimal').map((column: { name: string }) => column.name);
    const checks = metadata.tables.map((table: { url: string }) => ({ file: join(dist(), 'data', table.url), numeric: decimalColumns(table) }));
    const script = `
import json, sys, pandas
out = {}
for check in json.loads(sys.argv[1]):
    frame = pandas.read_csv(check['file'])
    out[check['file']] = {name: str(frame[name].dtype) for name in check['numeric']}
print(json.dumps(out))`;
    const result = python(script, JSON.stringify(checks));
    expect(result.status, result.stderr).toBe(0);
    const dtypes: Record<string, Record<string, string>> = JSON.parse(result.stdout);
    const wrong = Object.entries(dtypes).flatMap(([file, columns]) => Object.entries(columns).filter(([, dtype]) => !/^(float|int)/.test(dtype)).map(([name, dtype]) => `${file} ${name}: ${dtype}`));
    expect(wrong).toEqual([]);
    // Q3 2023/24 has no England average for any indicator: pandas still reads the column as numbers.
    expect(dtypes[join(dist(), 'data/2023-24-q3.csv')]!.england_average).toBe('float64');
  });
});

describe.skipIf(!haveFeedparser)('feedparser', () => {
  it('reads the feed without complaint: tag URI ids, links to the quarter pages, dates', () => {
    const script = `
import json, sys, feedparser
feed = feedparser.parse(sys.argv[1])
print(json.dumps({'bozo': bool(feed.bozo), 'version': feed.version, 'id': feed.feed.get('id'), 'entries': [{'id': e.id, 'link': e.link, 'updated': e.updated} for e in feed.entries]}))`;
    const result = python(script, join(dist(), 'feed.xml'));
    expect(result.status, result.stderr).toBe(0);
    const feed = JSON.parse(result.stdout);
    expect(feed).toMatchObject({ bozo: false, version: 'atom10', id: 'tag:leics.gov.uk,2023:children-and-family-services:feed' });
    expect(feed.entries.map((entry: { id: string }) => entry.id)).toEqual([
      'tag:leics.gov.uk,2023:children-and-family-services:quarter:2024-25-q1',
      'tag:leics.gov.uk,2023:children-and-family-services:quarter:2023-24-q3',
    ]);
    expect(feed.entries.map((entry: { link: string }) => new URL(entry.link).pathname)).toEqual(['/2024-25/q1/', '/2023-24/q3/']);
  });
});

describe('CSVW default locations', () => {
  it('every CSV is described by csv-metadata.json in its own folder, with the licence and attribution', () => {
    const csvs = filesUnder(join(dist(), 'data'), /\.csv$/);
    expect(csvs.length).toBeGreaterThan(30);
    for (const csv of csvs) {
      const folder = dirname(csv) === '.' ? '' : `${dirname(csv)}/`;
      const metadata = JSON.parse(readFileSync(join(dist(), 'data', folder, 'csv-metadata.json'), 'utf8'));
      expect(metadata.tables.map((table: { url: string }) => table.url), csv).toContain(csv.slice(folder.length));
      expect(metadata['dc:license']).toEqual({ '@id': LICENCE.url });
      expect(metadata['dc:rights']).toBe(ATTRIBUTION);
    }
  });
});
