/**
 * The editor's configuration (Sveltia CMS, the Netlify/Decap format), generated
 * from the project's own sources so nothing is written twice:
 * - the commentary's fields from its zod schema (src/schemas/commentary.ts),
 *   walked field by field; WIDGETS below only says which string is a date or an
 *   indicator, and a test fails when a schema field has no editor field;
 * - content/site.yaml's fields from its schema (src/schemas/site.ts);
 * - the indicator choices from the catalogue (content/indicators.csv), by title;
 * - the quarters the release calendar announces, as help on the period field;
 * - the new quarter's starting text from src/ingest/quarter-template.ts, which
 *   `npm run new-quarter` writes too.
 *
 * Pure: no file system, no Astro.
 */
import type { z } from 'astro/zod';
import { commentarySchema } from '../schemas/commentary.ts';
import { siteSettingsSchema } from '../schemas/site.ts';
import { NEW_QUARTER_BODY, newQuarterDefaults } from '../ingest/quarter-template.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { SUMMARY_COMPONENTS } from '../ingest/commentary-body.ts';
import { QUARTERS_FOLDER, UPLOAD_ACCEPT, UPLOAD_FIELD } from './upload-field.ts';
import type { EditorBackend } from '../core/editor-backend.ts';

/** A quarter's folder name, as parseQuarterId (src/core/periods.ts) reads it. */
export const QUARTER_FOLDER_PATTERN = '^\\d{4}-\\d{2}-q[1-4]$';

/** One field of the editor's configuration. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: readonly (string | { label: string; value: string })[];
  multiple?: boolean;
  max?: number;
  pattern?: [string, string];
  fields?: CmsField[];
  field?: CmsField;
  [option: string]: unknown;
}

export interface EditorSources {
  /** The catalogue's indicators, in catalogue order. */
  indicators: readonly { id: string; title: string }[];
  site: SiteSettings;
  /** Quarters the release calendar announces ("Q2 2024/25" and the day). */
  releases: readonly { quarterLabel: string; date: string }[];
  /** The git host the editor saves to (editorBackendFromEnv); local mode needs none but the CMS wants one named. */
  backend: EditorBackend;
}

/** A date picker that writes YYYY-MM-DD, the form every date in content is written in. */
const DATE = { widget: 'datetime', time_format: false, date_format: 'YYYY-MM-DD', format: 'YYYY-MM-DD', picker_utc: true } as const;

/**
 * Which strings are more than strings, by path in the schema (list items by
 * the list's name). Every other field's widget follows from its zod type.
 */
export function widgetOverrides(sources: EditorSources): Record<string, Partial<CmsField>> {
  const indicator = {
    widget: 'select',
    options: sources.indicators.map((entry) => ({ label: entry.title, value: entry.id })),
  };
  const announced = sources.releases.map((release) => `${release.quarterLabel} (figures out ${release.date})`);
  return {
    'commentary.meetingDate': DATE,
    // Text, not a date picker: a past quarter's "not recorded" must survive being opened and saved (a picker drops it).
    'commentary.publishedDate': {
      widget: 'string',
      pattern: ['^(\\d{4}-\\d{2}-\\d{2}|not recorded)$', 'Expected the publication date written YYYY-MM-DD, such as 2024-09-03'],
      hint: 'The day the page goes public, written YYYY-MM-DD such as 2024-09-03 (needed to publish). A past quarter whose papers give no date keeps "not recorded".',
    },
    'commentary.period': {
      hint: `Exactly this quarter, written like "Q1 2024/25".${announced.length ? ` Announced in the release calendar: ${announced.join('; ')}.` : ''}`,
    },
    'commentary.summary': {
      widget: 'markdown',
      minimal: true,
      buttons: [],
      editor_components: SUMMARY_COMPONENTS,
      hint: 'One or two sentences. Put figures in with Insert (Value, Change…), never typed.',
    },
    'commentary.headlines': { ...indicator, multiple: true, max: 6 },
    'commentary.corrections.date': DATE,
    'commentary.corrections.indicator': indicator,
    'commentary.revisions.indicator': indicator,
  };
}


/** "publishedDate" -> "Published date". */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The zod type under .optional() and .default(), with whether it may be left out and its default. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaultValue: unknown } {
  let inner = schema as z.ZodType;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = (inner as unknown as { def: { type: string; innerType?: z.ZodType; defaultValue?: unknown } }).def;
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
    } else break;
    inner = def.innerType!;
  }
  return { inner, optional, defaultValue };
}

/** The schema's own pattern, when a string field has exactly one, so the editor refuses what the check refuses. */
function patternOf(schema: z.ZodType): [string, string] | undefined {
  const checks = (schema as unknown as { def: { checks?: { _zod: { def: { check: string; pattern?: RegExp; error?: () => unknown } } }[] } }).def.checks ?? [];
  const regex = checks.map((check) => check._zod.def).find((def) => def.check === 'string_format' && def.pattern);
  if (!regex?.pattern) return undefined;
  const issue = (regex as { error?: (issue: unknown) => unknown }).error?.({});
  const message = typeof issue === 'string' ? issue : 'written as the hint says';
  return [regex.pattern.source, `Expected ${message}`];
}

/** The editor field for one schema field: widget from its zod type, unless WIDGETS says more. */
export function fieldFor(name: string, schema: z.ZodType, path: string, overrides: Record<string, Partial<CmsField>>): CmsField {
  const { inner, optional, defaultValue } = unwrap(schema);
  const def = (inner as unknown as { def: { type: string; entries?: Record<string, string>; element?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
  const base: CmsField = { name, label: labelOf(name), widget: 'string' };
  if (optional) base.required = false;
  if (def.type === 'enum') {
    base.widget = 'select';
    base.options = Object.values(def.entries!);
  } else if (def.type === 'object') {
    base.widget = 'object';
    base.fields = objectFields((inner as z.ZodObject).shape, path, overrides);
  } else if (def.type === 'array') {
    const element = unwrap(def.element!).inner as z.ZodType;
    const elementDef = (element as unknown as { def: { type: string } }).def;
    base.widget = 'list';
    if (elementDef.type === 'object') base.fields = objectFields((element as z.ZodObject).shape, path, overrides);
    else base.field = { name: 'item', label: labelOf(name), widget: 'string' };
    if (Array.isArray(defaultValue)) base.default = defaultValue;
  } else if (def.type === 'string') {
    const pattern = patternOf(inner);
    if (pattern) base.pattern = pattern;
    const format = (inner as unknown as { format?: string }).format;
    if (format === 'email' || format === 'url') base.type = format;
  }
  const override = overrides[path];
  if (!override) return base;
  // A widget named by WIDGETS replaces what the zod type suggested, with its own options.
  if (override.widget && override.widget !== base.widget) {
    delete base.pattern;
    delete base.field;
    delete base.type;
  }
  return { ...base, ...override };
}

function objectFields(shape: Record<string, z.ZodType>, path: string, overrides: Record<string, Partial<CmsField>>): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => fieldFor(name, schema, `${path}.${name}`, overrides));
}

/** The commentary's frontmatter fields, in the schema's order (the order the files are written in). */
export function commentaryFields(sources: EditorSources): CmsField[] {
  const defaults = newQuarterDefaults(sources.site) as Record<string, unknown>;
  return objectFields(commentarySchema.shape, 'commentary', widgetOverrides(sources)).map((field) =>
    defaults[field.name] === undefined ? field : withDefault(field, defaults[field.name]),
  );
}

function withDefault(field: CmsField, value: unknown): CmsField {
  if (field.widget !== 'object' || typeof value !== 'object' || value === null) return { ...field, default: value };
  const values = value as Record<string, unknown>;
  return { ...field, fields: field.fields!.map((sub) => (values[sub.name] === undefined ? sub : { ...sub, default: values[sub.name] })) };
}

/** content/site.yaml's fields. */
export function siteFields(): CmsField[] {
  return objectFields(siteSettingsSchema.shape, 'site', { 'site.accessibility.prepared': DATE, 'site.accessibility.reviewed': DATE, 'site.accessibility.tested': DATE });
}

/** The whole configuration, as config.yml would hold it. */
export function cmsConfig(sources: EditorSources): Record<string, unknown> {
  return {
    backend: { ...sources.backend, squash_merges: true },
    // Changes become branches and pull/merge requests, so the pipeline's check and drafts preview run before anything goes live.
    publish_mode: 'editorial_workflow',
    // A field left empty is left out, as the terminal route's files do: "meetingDate: ''" is not a date.
    output: { omit_empty_optional_fields: true, encode_file_path: false },
    // The data file sits beside the commentary, in the quarter's own folder.
    media_folder: QUARTERS_FOLDER,
    // Files come from the officer's computer only: no stock photo services, no web addresses.
    media_libraries: { stock_assets: { providers: [] } },
    collections: [
      {
        name: 'quarters',
        label: 'Quarters',
        label_singular: 'Quarter',
        description: 'One folder per quarter: the commentary, and the dashboard export beside it (data.xlsx, data.csv or data.tsv).',
        folder: QUARTERS_FOLDER,
        path: '{{slug}}/commentary',
        extension: 'mdx',
        format: 'yaml-frontmatter',
        create: true,
        // The folder name, such as 2024-25-q2: typed when a quarter is created, never saved in the file, never changed after.
        slug: {
          editable: ['create'],
          pattern: [QUARTER_FOLDER_PATTERN, 'The folder name is the financial year and the quarter, such as 2024-25-q2'],
          hint: 'The folder name: the financial year and the quarter, such as 2024-25-q2.',
        },
        identifier_field: 'title',
        summary: '{{period}} ({{status}})',
        sortable_fields: ['title', 'period', 'status'],
        media_folder: '',
        public_folder: '',
        fields: [
          ...commentaryFields(sources),
          {
            name: UPLOAD_FIELD,
            label: 'Dashboard export',
            widget: 'file',
            required: false,
            // Also how admin.ts tells this field's file choosers from any other, to name the file (upload-field.ts).
            accept: UPLOAD_ACCEPT,
            choose_url: false,
            media_folder: '',
            public_folder: '',
            hint: 'The quarter’s dashboard export (.xlsx, .csv or .tsv): press Browse, then Upload. It is saved in the quarter’s folder as data.xlsx, data.csv or data.tsv, the names the site reads, whatever it is called on your computer. A folder holds one data file: replace the old one when the editor asks, or delete it under Assets if it is of another type.',
          },
          {
            name: 'body',
            label: 'Commentary',
            widget: 'markdown',
            default: NEW_QUARTER_BODY,
            hint: 'Headings start with ###. Put every figure from the data file in with Insert (Value, Change, Chart…), never typed. Replace each FILL IN before publishing.',
          },
        ],
      },
      {
        name: 'settings',
        label: 'Site settings',
        files: [{ name: 'site', label: 'Council, contact, areas and glossary', file: 'content/site.yaml', format: 'yaml', fields: siteFields() }],
      },
    ],
  };
}

/** The schema fields with no editor field, by path ("corrections.date"): the drift test's measure. */
export function fieldsMissing(schema: z.ZodObject, fields: readonly CmsField[]): string[] {
  const present = new Set(fieldPaths(fields));
  return schemaPaths(schema).filter((path) => !present.has(path));
}

/** Every field path, for the drift test's other direction (an editor field the schema would refuse). */
export function fieldPaths(fields: readonly CmsField[], path = ''): string[] {
  return fields.flatMap((field) => {
    const where = path ? `${path}.${field.name}` : field.name;
    return [where, ...fieldPaths(field.fields ?? [], where)];
  });
}

/** Every field path of a zod object, nested objects and list items included. */
export function schemaPaths(schema: z.ZodObject, path = ''): string[] {
  return Object.entries(schema.shape).flatMap(([name, child]) => {
    const where = path ? `${path}.${name}` : name;
    const inner = unwrap(child as z.ZodType).inner as unknown as { def: { type: string; element?: z.ZodType } };
    const element = inner.def.type === 'array' ? (unwrap(inner.def.element!).inner as unknown as { def: { type: string } }) : undefined;
    const nested = inner.def.type === 'object' ? (inner as unknown as z.ZodObject) : element?.def.type === 'object' ? (element as unknown as z.ZodObject) : undefined;
    return [where, ...(nested ? schemaPaths(nested, where) : [])];
  });
}
