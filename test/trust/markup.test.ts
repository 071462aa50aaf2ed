/**
 * Data strings are never interpreted as markup. A catalogue whose indicator
 * name, outcome and definition carry HTML and script, and a data file whose
 * Topic cell does, must either stop the build with a clear message or be
 * published as text: escaped in every page, intact in the JSON and CSV,
 * never a live element, attribute or script.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, filesUnder, parseHtml, textOf, walk, type Node } from '../helpers/html';
import { buildSite, copyOfContent, type BuildResult } from '../helpers/build';

const ID = 'care-leavers-eet';
const NAME = 'Care leavers <script>alert(1)</script> EET <img src=x onerror=alert(2)>';
const OUTCOME = '<b>bold</b> outcome & "quoted" \'single\' <svg onload=alert(4)>';
const DEFINITION =
  'Care leavers in education, employment or training. </script><script>alert(3)</script><!-- <a href="javascript:alert(5)">x</a> & more.';
const TOPIC = '<b>bold</b>';

function contentWithMarkup(): string {
  const dir = copyOfContent();
  const cataloguePath = join(dir, 'indicators.csv');
  const catalogue = Papa.parse<Record<string, string>>(readFileSync(cataloguePath, 'utf8'), { header: true, skipEmptyLines: 'greedy' });
  const row = catalogue.data.find((r) => r.id === ID)!;
  Object.assign(row, { name: NAME, title: NAME, outcome: OUTCOME, definition: DEFINITION });
  writeFileSync(cataloguePath, `${Papa.unparse(catalogue.data, { columns: catalogue.meta.fields, newline: '\n' })}\n`);
  const quarters = join(dir, 'quarters');
  for (const quarter of readdirSync(quarters)) {
    const path = join(quarters, quarter, 'data.tsv');
    const lines = readFileSync(path, 'utf8').split('\n');
    const header = lines.find((line) => line.trim() !== '')!.split('\t');
    const [topic, indicator] = [header.indexOf('Topic'), header.indexOf('Indicator')];
    const edited = lines.map((line) => {
      const cells = line.split('\t');
      if (cells[indicator] !== 'Care leavers EET') return line;
      cells[indicator] = NAME;
      cells[topic] = TOPIC;
      return cells.join('\t');
    });
    expect(edited, `${quarter} has no "Care leavers EET" row`).not.toEqual(lines);
    writeFileSync(path, edited.join('\n'));
  }
  return dir;
}


/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('data strings are shown as text, never run as markup', () => {
  let build: BuildResult;
  let pages: { file: string; html: string; document: Node }[];
  const failed = () => build.status !== 0;
  beforeAll(() => {
    build = buildSite({ contentDir: contentWithMarkup() });
    pages = failed()
      ? []
      : filesUnder(build.outDir, /\.html$/).map((file) => join(build.outDir, file)).map((path) => {
          const html = readFileSync(path, 'utf8');
          return { file: relative(build.outDir, path), html, document: parseHtml(html) };
        });
  }, 240_000);

  it('builds, or stops with a message naming the catalogue', () => {
    if (failed()) expect(build.output).toMatch(/indicators\.csv:\d+/);
    else expect(build.status, build.output).toBe(0);
  });

  it('has no live script, element or event handler from the data in any page', () => {
    if (failed()) return;
    for (const { file, html, document } of pages) {
      // Inside a quoted attribute value a "<" is only text (the parse below is the real check); outside one it must be escaped.
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      for (const raw of ['<script>alert', '<img src=x', '<svg onload', '<b>bold</b>']) {
        expect(outsideAttributes.includes(raw), `${file} contains ${raw} as markup`).toBe(false);
      }
      walk(document, (node) => {
        if (!node.tagName) return;
        const where = `${file}: <${node.tagName}>`;
        for (const { name, value } of node.attrs ?? []) {
          expect(name.startsWith('on'), `${where} has an ${name} attribute`).toBe(false);
          expect(/^\s*javascript:/i.test(value), `${where} has ${name}="${value}"`).toBe(false);
        }
        expect(node.tagName === 'img' && attr(node, 'src') === 'x', `${where} is the data's <img>`).toBe(false);
        expect(node.tagName === 'b' && textOf(node) === 'bold', `${where} is the data's <b>`).toBe(false);
        const outcome = attr(node, 'data-outcome');
        if (outcome?.includes('bold')) expect(outcome, `${where} data-outcome`).toBe(OUTCOME);
        if (node.tagName === 'script') {
          const type = attr(node, 'type');
          const code = textOf(node);
          if (type === undefined || type === 'module' || /javascript/.test(type)) expect(code, `${where} runs data`).not.toMatch(/alert\(/);
          if (type === 'application/json') {
            // The JSON is whole (nothing broke out of the element) and carries the strings intact.
            const strings = stringsIn(JSON.parse(code));
            for (const s of strings.filter((s) => s.includes('alert('))) {
              expect([NAME, OUTCOME, DEFINITION].some((original) => s.includes(original)), `${where}: ${s}`).toBe(true);
            }
          }
        }
      });
    }
  });

  it('shows the name, outcome and target as text on the quarter page and the indicator page', () => {
    if (failed()) return;
    const quarter = pages.find((p) => p.file === '2024-25/q1/index.html')!;
    const indicator = pages.find((p) => p.file === `indicators/${ID}/index.html`)!;
    let heading: string | undefined;
    let target: { shown: string; spoken: string } | undefined;
    walk(quarter.document, (node) => {
      if (attr(node, 'id') === `${ID}-name`) heading = textOf(node);
      if (attr(node, 'id') === ID) {
        walk(node, (inner) => {
          if (inner.tagName !== 'dd' || !textOf(inner).startsWith('>')) return;
          // The target as published for the eye, and in words for a screen reader (which reads ">" as "greater-than sign").
          const spans = (inner.childNodes ?? []).filter((child) => child.tagName === 'span');
          target = {
            shown: spans.filter((span) => attr(span, 'aria-hidden') === 'true').map(textOf).join(''),
            spoken: spans.filter((span) => attr(span, 'aria-hidden') !== 'true').map(textOf).join(''),
          };
        });
      }
    });
    expect(heading).toBe(NAME);
    expect(target).toEqual({ shown: '>54.0%', spoken: 'above 54.0%' });
    expect(quarter.html).toContain('Care leavers &lt;script&gt;alert(1)&lt;/script&gt; EET &lt;img src=x onerror=alert(2)&gt;');

    let h1: string | undefined;
    let title: string | undefined;
    walk(indicator.document, (node) => {
      if (node.tagName === 'h1') h1 ??= textOf(node);
      if (node.tagName === 'title') title = textOf(node);
    });
    expect(h1).toContain(NAME);
    expect(title).toContain(NAME);
    expect(textOf(indicator.document as Node)).toContain(DEFINITION);
  });

  it('keeps the strings intact in the JSON', () => {
    if (failed()) return;
    for (const quarter of ['2023-24-q3', '2024-25-q1']) {
      const json = JSON.parse(readFileSync(join(build.outDir, `data/${quarter}.json`), 'utf8'));
      const record = json.indicators.find((i: { id: string }) => i.id === ID);
      expect(record).toMatchObject({ name: NAME, outcome: OUTCOME });
      if (quarter === '2024-25-q1') expect(record.target).toBe('>54.0%');
    }
  });

  it('keeps the strings intact in the CSV files', () => {
    if (failed()) return;
    for (const [file, idColumn, nameColumn] of [
      ['data/2024-25-q1.csv', 'indicator_id', 'name'],
      ['data/2023-24-q3.csv', 'indicator_id', 'name'],
      ['data/all-observations.csv', 'indicator_id', 'indicator_name'],
    ] as const) {
      const csv = Papa.parse<Record<string, string>>(readFileSync(join(build.outDir, file), 'utf8'), { header: true, skipEmptyLines: 'greedy' });
      expect(csv.errors, file).toEqual([]);
      const rows = csv.data.filter((row) => row[idColumn] === ID);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const row of rows) expect(row[nameColumn], file).toBe(NAME);
      if (file !== 'data/all-observations.csv') expect(rows[0]!.outcome).toBe(OUTCOME);
    }
  });

  it('puts no markup from the data into the feed or sitemap', () => {
    if (failed()) return;
    for (const file of filesUnder(build.outDir, /\.xml$/)) {
      const xml = readFileSync(join(build.outDir, file), 'utf8');
      for (const raw of ['<script', '<img', '<svg', '<b>']) expect(xml.includes(raw), `${file} contains ${raw}`).toBe(false);
    }
  });
});
