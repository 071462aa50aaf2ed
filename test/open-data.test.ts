/**
 * The open data others build on, from the real content through the pure
 * modules: every file's licence, each indicator's every published figure,
 * the CSVW metadata against the CSV it describes (headers exactly, values
 * of the stated datatypes), the schema.org Dataset, and CSV cells that a
 * spreadsheet would run as formulas escaped while numbers stay numbers.
 */
import { netlifyHeaders } from '../src/hosting/hosts';
import { editorBackendFromEnv } from '../src/core/editor-backend';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import DatasetJsonLd from '../src/components/DatasetJsonLd.astro';
import { jsonLdText, quarterDataset, siteDataset, type DatasetJsonLd as Dataset } from '../src/present/jsonld';
import type { SiteModel } from '../src/model/model';
import {
  allObservationsCsv,
  byteLength,
  csvMetadata,
  FORMULA_START,
  formatBytes,
  indicatorCsv,
  indicatorJson,
  INDICATOR_CSV_COLUMNS,
  lastModified,
  LICENCE,
  OBSERVATION_COLUMNS,
  openDataFiles,
  QUARTER_CSV_COLUMNS,
  quarterCsv,
  quarterJson,
  toCsv,
  type OpenDataContext,
} from '../src/present/open-data';
import { checkCsvAgainstMetadata, schemaOf, type CsvwTableGroup } from './fixtures/releases/csvw';
import { ROOT } from './helpers/build';
import { modelFromContent } from './helpers/model';

const context: OpenDataContext = {
  council: 'Leicestershire County Council',
  department: 'Children and Family Services',
  title: 'Children and Family Services performance',
  committee: 'Children and Family Services Overview and Scrutiny Committee',
  absolute: (path) => new URL(path, 'https://example.org/').href,
};

const model = await modelFromContent();

describe('the licence', () => {
  it('is stated in each JSON file’s metadata, with the publisher and a date from the content', () => {
    const q1 = model.quarterById.get('2024-25-q1')!;
    const files = [quarterJson(q1, context), ...model.quarters.map((quarter) => quarterJson(quarter, context)), indicatorJson(model, 'care-leavers-eet', context)];
    for (const file of files) {
      expect(file.metadata.license).toEqual({ name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' });
      expect(file.metadata.publisher).toBe('Leicestershire County Council, Children and Family Services');
      expect(file.metadata.documentation).toBe('https://example.org/data/');
    }
    expect(quarterJson(q1, context).metadata.dateModified).toBe('2024-09-03');
    // Q3 2023/24's papers record no date: none is made up.
    expect(quarterJson(model.quarterById.get('2023-24-q3')!, context).metadata.dateModified).toBeNull();
  });

  it('is in the CSVW metadata for the CSV files, which cannot carry it', () => {
    const metadata = csvMetadata(model, context);
    expect(metadata['dc:license']).toEqual({ '@id': LICENCE.url });
    expect(metadata['@context'][0]).toBe('http://www.w3.org/ns/csvw');
  });

  it('keeps the quarter JSON’s fields where they were', () => {
    const json = quarterJson(model.quarterById.get('2024-25-q1')!, context);
    expect(Object.keys(json)).toEqual(['metadata', 'quarter', 'indicators']);
    expect(json.indicators.find((i) => i.id === 'care-leavers-eet')!.latest).toEqual({ period: 'Q1 2024/25', figure: { value: 47.3, decimals: 1 } });
  });
});

describe('each indicator’s file', () => {
  it('has every figure every report published for it, once, with its period, report, role and published decimals', () => {
    for (const indicator of model.catalogue) {
      const json = indicatorJson(model, indicator.id, context);
      const expected = model.quarters.flatMap((quarter) => {
        const record = quarter.cards.find((card) => card.indicator.id === indicator.id)?.record;
        if (!record) return [];
        return (['latest', 'previous'] as const).flatMap((role) => {
          const observation = record[role];
          if (!observation) return [];
          return [{ key: `${quarter.id}|${role}`, quarterLabel: quarter.label, period: observation.period, figure: observation.figure }];
        });
      });
      expect(json.figures.map((f) => `${f.publishedIn.quarterId}|${f.role}`).sort(), indicator.id).toEqual(expected.map((e) => e.key).sort());
      for (const figure of json.figures) {
        const source = expected.find((e) => e.key === `${figure.publishedIn.quarterId}|${figure.role}`)!;
        expect(figure.publishedIn.quarterLabel).toBe(source.quarterLabel);
        expect(figure.period.start).toBe(source.period.start);
        expect(figure.period.end).toBe(source.period.end);
        expect(figure.figure).toEqual(source.figure);
      }
      expect(json.indicator).toMatchObject({ id: indicator.id, name: indicator.name, unit: indicator.unit });
    }
  });

  it('says whether a later report revised a figure, and which', () => {
    for (const indicator of model.catalogue) {
      const json = indicatorJson(model, indicator.id, context);
      for (const figure of json.figures) {
        const end = model.quarterById.get(figure.publishedIn.quarterId)!.period.end;
        const later = json.figures.filter(
          (other) => other.period.start === figure.period.start && other.period.end === figure.period.end && model.quarterById.get(other.publishedIn.quarterId)!.period.end > end,
        );
        const revised = figure.figure !== null && later.some((other) => other.figure !== null && other.figure.value !== figure.figure!.value);
        expect(figure.revisedLater, `${indicator.id} ${figure.period.label} in ${figure.publishedIn.quarterId}`).toBe(revised);
        expect(figure.revisedIn !== null).toBe(revised);
      }
    }
  });

  it('CSV gives the same figures as the JSON, as published: 47.3 and -0.76 as they were written', () => {
    for (const id of ['care-leavers-eet', 'ks4-progress-8-fsm']) {
      const rows = Papa.parse<Record<string, string>>(indicatorCsv(model, id), { header: true, skipEmptyLines: 'greedy' }).data;
      const json = indicatorJson(model, id, context);
      expect(rows.map((row) => row.value)).toEqual(json.figures.map((f) => (f.figure ? f.figure.value.toFixed(f.figure.decimals) : '')));
      expect(rows.map((row) => row.decimals)).toEqual(json.figures.map((f) => (f.figure ? String(f.figure.decimals) : '')));
    }
    expect(indicatorCsv(model, 'ks4-progress-8-fsm')).toMatch(/,2022\/23 \(final\),2022-09-01,2023-08-31,2023-24-q3,Q3 2023\/24,latest,-0\.76,2,score,no,\n/);
  });
});

describe('csv-metadata.json (CSV on the Web)', () => {
  const files = openDataFiles(model, context);
  const metadata = csvMetadata(model, context, files) as unknown as CsvwTableGroup;
  const byUrl = new Map(files.map((file) => [file.path.replace(/^\/data\//, ''), file]));

  it('describes every CSV file the site publishes, and nothing else', () => {
    const csvs = files.filter((file) => file.format === 'CSV').map((file) => file.path.replace(/^\/data\//, ''));
    expect(metadata.tables.map((table) => table.url)).toEqual(csvs);
    expect(csvs).toEqual(expect.arrayContaining(['all-observations.csv', '2024-25-q1.csv', '2023-24-q3.csv', 'indicators/care-leavers-eet.csv']));
    expect(csvs).toHaveLength(1 + model.quarters.length + model.catalogue.length);
  });

  it('has columns that match each CSV’s header exactly, and datatypes its every value fits', () => {
    expect(checkCsvAgainstMetadata(metadata, (url) => byUrl.get(url)!.body())).toEqual([]);
  });

  it('is generated from the same definitions as the data dictionary, with a unit for every measured number', () => {
    const quarterTable = schemaOf(metadata, metadata.tables.find((table) => table.url === '2024-25-q1.csv')!);
    expect(quarterTable.columns.map((column) => [column.name, column['dc:description']])).toEqual(QUARTER_CSV_COLUMNS.map((column) => [column.name, column.meaning]));
    for (const columns of [QUARTER_CSV_COLUMNS, OBSERVATION_COLUMNS, INDICATOR_CSV_COLUMNS]) {
      for (const column of columns) {
        if (column.datatype.base === 'decimal') expect(column.unit, column.name).toMatch(/percent/);
      }
    }
    const latest = quarterTable.columns.find((column) => column.name === 'latest_value')!;
    expect(latest).toMatchObject({ datatype: 'decimal', required: false });
    expect(latest['schema:unitText']).toContain('percent');
    expect(quarterTable.columns.find((column) => column.name === 'quartile')!.datatype).toEqual({ base: 'integer', minimum: 1, maximum: 4 });
  });

  it('catches a CSV that drifts from it (so its passing means something)', () => {
    const broken = (url: string) => byUrl.get(url)!.body().replace('latest_value', 'latest');
    expect(checkCsvAgainstMetadata(metadata, broken).some((problem) => problem.includes('header'))).toBe(true);
    const badValue = (url: string) => byUrl.get(url)!.body().replace(',47.3,', ',47.3%,');
    expect(checkCsvAgainstMetadata(metadata, badValue).some((problem) => problem.includes('"47.3%" is not'))).toBe(true);
  });
});

describe('formula injection', () => {
  const roundTrip = (cells: (string | number | null)[]) =>
    Papa.parse<string[]>(toCsv(cells.map((cell, i) => ({ name: `c${i}`, meaning: '', datatype: { base: 'string' as const }, required: false, unit: null, cell: () => cell })), [{}]), { skipEmptyLines: 'greedy' }).data[1]!;

  it('escapes a text cell starting =, +, -, @, tab or CR with an apostrophe', () => {
    expect(roundTrip(['=HYPERLINK("http://x","y")', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=1\n=2'])).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
      "'=1\n=2",
    ]);
  });

  it('leaves numbers as they are, negative ones too, and ordinary text', () => {
    expect(roundTrip(['-0.76', '-5', '47.30', -0.09, 0, 'Care leavers EET', '>54.0%', ''])).toEqual(['-0.76', '-5', '47.30', '-0.09', '0', 'Care leavers EET', '>54.0%', '']);
    // papaparse's own `escapeFormulae: true` would turn -0.76 into '-0.76: that is why the site passes its own pattern.
    expect(Papa.unparse([['-0.76']], { escapeFormulae: true })).not.toBe('-0.76');
    expect(FORMULA_START.test('-0.76')).toBe(false);
    expect(FORMULA_START.test('-0.76x')).toBe(true);
  });

  it('in the real files: negative figures intact, and a formula in a catalogue name escaped', () => {
    const q3 = model.quarterById.get('2023-24-q3')!;
    const line = quarterCsv(q3).split('\n').find((row) => row.startsWith('ks4-progress-8-fsm,'))!;
    expect(line).toContain(',2022/23 (final),-0.76,2021/22 (final),-0.64,worse,Decline,,amber,3,-0.79,');
    expect(allObservationsCsv(model)).toContain(',-0.76,score,2023-24-q3,latest,');

    const hostile: SiteModel = {
      ...model,
      quarters: [
        {
          ...q3,
          cards: q3.cards.map((card) => (card.indicator.id === 'ks4-progress-8-fsm' ? { ...card, indicator: { ...card.indicator, name: '=HYPERLINK("http://evil.example","Click")', outcome: '@SUM(1)' } } : card)),
        },
      ],
    };
    const row = Papa.parse<Record<string, string>>(quarterCsv(hostile.quarters[0]!), { header: true, skipEmptyLines: 'greedy' }).data.find((r) => r.indicator_id === 'ks4-progress-8-fsm')!;
    expect(row.name).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(row.outcome).toBe("'@SUM(1)");
    expect(row.latest_value).toBe('-0.76');
    expect(row.statistical_neighbour_average).toBe('-0.79');
  });
});

describe('the schema.org Dataset (JSON-LD)', () => {
  const parsed = (data: Dataset) => JSON.parse(jsonLdText(data)) as Dataset;

  it('describes the whole site’s data for the data page: name, description, licence, coverage, each file, publisher, date', () => {
    const dataset = parsed(siteDataset(model, context));
    expect(dataset['@context']).toBe('https://schema.org');
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset.name).toBe('Children and Family Services performance: open data');
    expect(dataset.description.length).toBeGreaterThanOrEqual(50);
    expect(dataset.license).toBe(LICENCE.url);
    expect(dataset.publisher).toEqual({ '@type': 'GovernmentOrganization', name: 'Leicestershire County Council' });
    expect(dataset.url).toBe('https://example.org/data/');
    // The earliest period start and latest period end of every figure in the files.
    const periods = model.quarters.flatMap((quarter) => quarter.cards.flatMap((card) => [card.record.latest.period, ...(card.record.previous ? [card.record.previous.period] : [])]));
    expect(dataset.temporalCoverage).toBe(`${periods.map((p) => p.start).sort()[0]}/${periods.map((p) => p.end).sort().at(-1)}`);
    // From the content (the latest recorded publication or correction), never the build clock.
    expect(dataset.dateModified).toBe('2024-09-03');
    expect(dataset.dateModified).toBe(lastModified(model.quarters));
    // Q3 2023/24's date is not recorded, so the first publication date is not known.
    expect(dataset.datePublished).toBeUndefined();
    const files = openDataFiles(model, context);
    expect(dataset.distribution.map((d) => d.contentUrl)).toEqual(files.map((file) => `https://example.org${file.path}`));
    for (const [index, download] of dataset.distribution.entries()) {
      expect(download['@type']).toBe('DataDownload');
      expect(download.encodingFormat).toBe(files[index]!.mediaType);
      expect(download.contentSize).toBe(`${byteLength(files[index]!.body())} B`);
    }
    expect(new Set(dataset.distribution.map((d) => d.encodingFormat))).toEqual(new Set(['text/csv', 'application/json', 'application/csvm+json']));
  });

  it('describes one quarter’s data for its page', () => {
    const q1 = model.quarterById.get('2024-25-q1')!;
    const dataset = parsed(quarterDataset(model, q1, context, '/2024-25/q1/'));
    expect(dataset.name).toBe('Children and Family Services performance: Q1 2024/25');
    expect(dataset.url).toBe('https://example.org/2024-25/q1/');
    expect(dataset.distribution.map((d) => [d.encodingFormat, d.contentUrl])).toEqual([
      ['text/csv', 'https://example.org/data/2024-25-q1.csv'],
      ['application/json', 'https://example.org/data/2024-25-q1.json'],
    ]);
    expect(dataset.dateModified).toBe('2024-09-03');
    expect(dataset.datePublished).toBe('2024-09-03');
    expect(dataset.temporalCoverage).toMatch(/^\d{4}-\d{2}-\d{2}\/2024-\d{2}-\d{2}$/);
    const q3 = parsed(quarterDataset(model, model.quarterById.get('2023-24-q3')!, context, '/2023-24/q3/'));
    expect(q3.dateModified).toBeUndefined();
  });

  it('cannot end its script element, whatever the content says', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script> & <!--' });
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script> & <!--');
  });

  it('renders as a JSON-LD script from the component', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(DatasetJsonLd, { props: { model, quarter: model.quarterById.get('2024-25-q1') } });
    const json = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const dataset = JSON.parse(json) as Dataset;
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset.distribution.map((d) => d.contentUrl.replace(/^https?:\/\/[^/]+/, ''))).toEqual(['/data/2024-25-q1.csv', '/data/2024-25-q1.json']);
  });
});

describe('download sizes', () => {
  it('reads as a person expects', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(2458)).toBe('2.4 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(byteLength('café')).toBe(5);
  });
});

describe('_headers for the open data (generated from src/hosting/headers.ts)', () => {
  const rules = new Map<string, Map<string, string>>();
  let path = '';
  for (const line of netlifyHeaders('/', editorBackendFromEnv({})).split('\n')) {
    // Comments, and Cloudflare's "! Name" lines (the /admin/ rule detaching the site-wide headers: test/host-files.test.ts).
    if (line.trim() === '' || line.trim().startsWith('#') || line.trim().startsWith('!')) continue;
    if (!/^\s/.test(line)) rules.set((path = line.trim()), rules.get(line.trim()) ?? new Map());
    else {
      const [, name, value] = /^\s+([\w-]+):\s*(.*)$/.exec(line)!;
      rules.get(path)!.set(name!.toLowerCase(), value!.trim());
    }
  }

  it('lets any site fetch the data files', () => {
    expect(rules.get('/data/*')?.get('access-control-allow-origin')).toBe('*');
  });

  it('points CSV files to their CSVW metadata', () => {
    expect(rules.get('/data/*.csv')?.get('link')).toBe('</data/csv-metadata.json>; rel="describedby"; type="application/csvm+json"');
  });

  it('caches Astro’s content-hashed files for a year, as immutable', () => {
    const cache = rules.get('/_astro/*')?.get('cache-control') ?? '';
    expect(cache).toMatch(/\bmax-age=31536000\b/);
    expect(cache).toMatch(/\bimmutable\b/);
    expect(cache).toMatch(/\bpublic\b/);
  });

  it('serves calendar files as text/calendar', () => {
    expect(rules.get('/*.ics')?.get('content-type')).toBe('text/calendar; charset=utf-8');
  });
});
