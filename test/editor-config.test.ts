/**
 * The editor's configuration is generated from the project's own sources
 * (src/editor/cms-config.ts): every schema field has an editor field with the
 * right widget, and the editor has no field the schema would refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { commentarySchema } from '../src/schemas/commentary';
import { siteSettingsSchema } from '../src/schemas/site';
import { parseCatalogue } from '../src/ingest/catalogue';
import { parseSiteSettings } from '../src/ingest/site-settings';
import { SUMMARY_COMPONENTS } from '../src/ingest/commentary-body';
import { cmsConfig, commentaryFields, fieldPaths, fieldsMissing, schemaPaths, siteFields, widgetOverrides, type CmsField, type EditorSources } from '../src/editor/cms-config';
import { UPLOAD_FIELD } from '../src/editor/upload-field';
import { NEW_QUARTER_BODY, newQuarterDefaults } from '../src/ingest/quarter-template';
import { ROOT } from './helpers/build';

const site = parseSiteSettings(readFileSync(join(ROOT, 'content/site.yaml')), 'content/site.yaml').settings!;
const catalogue = parseCatalogue(readFileSync(join(ROOT, 'content/indicators.csv'), 'utf8'), 'content/indicators.csv', site.areas).entries.map((entry) => entry.indicator);
const sources: EditorSources = {
  indicators: catalogue.map((indicator) => ({ id: indicator.id, title: indicator.title })),
  site,
  releases: [{ quarterLabel: 'Q2 2024/25', date: '2024-12-03' }],
  backend: { name: 'github', repo: 'council/site', branch: 'main' },
};
const config = cmsConfig(sources) as { collections: { name: string; fields?: CmsField[]; files?: { fields: CmsField[] }[] }[] };
const quarterFields = config.collections.find((collection) => collection.name === 'quarters')!.fields!;
const settingsFields = config.collections.find((collection) => collection.name === 'settings')!.files![0]!.fields;

function field(fields: readonly CmsField[], path: string): CmsField {
  const [name, ...rest] = path.split('.');
  const found = fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no editor field ${path}`);
  return rest.length ? field(found.fields ?? [], rest.join('.')) : found;
}

describe('drift: the editor and the schemas', () => {
  it.each([
    ['commentary', commentarySchema, quarterFields],
    ['site.yaml', siteSettingsSchema, settingsFields],
  ] as const)('every %s schema field has an editor field', (_name, schema, fields) => {
    expect(fieldsMissing(schema, fields)).toEqual([]);
  });

  it.each([
    ['commentary', commentarySchema, quarterFields, ['body', UPLOAD_FIELD]],
    ['site.yaml', siteSettingsSchema, settingsFields, []],
  ] as const)('the %s editor has no field its schema would refuse (beyond the body and the upload)', (_name, schema, fields, extra) => {
    const known = new Set([...schemaPaths(schema), ...extra]);
    expect(fieldPaths(fields).filter((path) => !known.has(path))).toEqual([]);
  });

  it('every widget override names a field the schema has (a renamed field cannot keep a stale widget)', () => {
    const paths = new Set(schemaPaths(commentarySchema).map((path) => `commentary.${path}`));
    expect(Object.keys(widgetOverrides(sources)).filter((path) => !paths.has(path))).toEqual([]);
  });

  // Planted faults: the measure sees a field gone missing, in a nested list too, and a field the editor adds.
  it.each([
    ['a top-level field', (fields: CmsField[]) => fields.filter((candidate) => candidate.name !== 'benchmarkYear'), ['benchmarkYear']],
    [
      'a field of a list item',
      (fields: CmsField[]) => fields.map((candidate) => (candidate.name === 'corrections' ? { ...candidate, fields: candidate.fields!.filter((sub) => sub.name !== 'figure') } : candidate)),
      ['corrections.figure'],
    ],
  ] as const)('a planted fault, %s left out, is reported', (_name, plant, missing) => {
    expect(fieldsMissing(commentarySchema, plant(commentaryFields(sources)))).toEqual(missing);
  });

  it('a field added to the schema gets an editor field without a line of editor code', () => {
    const extended = commentarySchema.extend({ embargo: z.enum(['none', 'until-meeting']) });
    expect(fieldsMissing(extended, commentaryFields(sources))).toEqual(['embargo']);
  });
});

describe('widgets: each field as an officer should meet it', () => {
  const ids = catalogue.map((indicator) => indicator.id);
  it.each([
    ['status', { widget: 'select', options: commentarySchema.shape.status.options }],
    ['meetingDate', { widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, required: false }],
    ['corrections.date', { widget: 'datetime', format: 'YYYY-MM-DD', time_format: false }],
    ['corrections.figure', { widget: 'select', options: ['latest', 'previous'] }],
    ['revisions.period', { widget: 'string' }],
    ['contact.email', { widget: 'string', type: 'email' }],
    ['papers.url', { widget: 'string', type: 'url' }],
    ['summary', { widget: 'markdown', editor_components: SUMMARY_COMPONENTS }],
    ['corrections', { widget: 'list', required: false, default: [] }],
    ['revisions', { widget: 'list', required: false, default: [] }],
  ])('%s', (path, expected) => {
    expect(field(quarterFields, path)).toMatchObject(expected);
  });

  it.each(['corrections.indicator', 'revisions.indicator', 'headlines'])('%s is picked from the catalogue, by title', (path) => {
    const options = field(quarterFields, path).options as { label: string; value: string }[];
    expect(options.map((option) => option.value)).toEqual(ids);
    expect(options.map((option) => option.label)).toEqual(catalogue.map((indicator) => indicator.title));
  });

  it('the period and benchmark year carry the schema’s own patterns; the release calendar’s quarters are named', () => {
    for (const [path, good, bad] of [
      ['period', 'Q2 2024/25', 'Q2 2024-25'],
      ['benchmarkYear', '2022/23', '2022'],
    ] as const) {
      const pattern = new RegExp(field(quarterFields, path).pattern![0]);
      expect([pattern.test(good), pattern.test(bad)]).toEqual([true, false]);
    }
    expect(field(quarterFields, 'period').hint).toContain('Q2 2024/25 (figures out 2024-12-03)');
  });

  it('a published date keeps "not recorded": text with the schema’s two forms, not a date picker that would drop it', () => {
    const pattern = new RegExp(field(quarterFields, 'publishedDate').pattern![0]);
    expect(['2024-09-03', 'not recorded', '03/09/2024', 'unknown'].map((text) => pattern.test(text))).toEqual([true, true, false, false]);
  });

  it('a new quarter starts from the template new-quarter writes', () => {
    const defaults = newQuarterDefaults(site);
    expect(field(quarterFields, 'body').default).toBe(NEW_QUARTER_BODY);
    expect(field(quarterFields, 'summary').default).toBe(defaults.summary);
    expect(field(quarterFields, 'contact.name').default).toBe(defaults.contact.name);
    expect(field(quarterFields, 'contact.email').default).toBe(site.contact.email);
    expect(field(quarterFields, 'status').default).toBe('draft');
  });

  it('site.yaml: the areas are a list, the accessibility statement’s dates are dates', () => {
    expect(field(siteFields(), 'areas')).toMatchObject({ widget: 'list' });
    expect(field(siteFields(), 'accessibility').fields!.map((sub) => [sub.name, sub.widget])).toEqual([
      ['prepared', 'datetime'],
      ['reviewed', 'datetime'],
      ['tested', 'datetime'],
    ]);
  });
});
