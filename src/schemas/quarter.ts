import { z } from 'astro/zod';
import { commentarySchema } from './commentary.ts';
import { quartileSchema, ragSchema } from '../core/vocabulary.ts';

/** The kinds of period the council's reports use. */
export const periodKindSchema = z.enum(['quarter', 'term', 'academic-year', 'calendar-year']);

/**
 * A reporting period, kept as an object from the parser to the pages so
 * figures are matched by the period they belong to, never by label text.
 */
export const periodSchema = z.object({
  /** The label exactly as published, tidied of extra spaces: "Q1 2024/25", "Summer Term 2024". */
  label: z.string(),
  kind: periodKindSchema,
  /** First and last day, ISO dates (YYYY-MM-DD). */
  start: z.string(),
  end: z.string(),
  /** True for annual figures the export marks "Final". */
  final: z.boolean(),
});

/** A number as the council published it, with the decimal places it was written with. */
export const figureSchema = z.object({
  value: z.number(),
  decimals: z.number().int(),
});

/** A published figure for a period; value and decimals are null when the report gave no figure. */
export const observationSchema = z.object({
  period: periodSchema,
  /** The value in the indicator's unit (47.3 for 47.3%); null when no figure was published. */
  value: z.number().nullable(),
  /** Decimal places as published, so a figure is never shown rounded beyond them or padded past them. */
  decimals: z.number().int().nullable(),
});

/** One indicator as a quarter's data file reports it, checked against the catalogue. */
export const quarterIndicatorSchema = z.object({
  /** Catalogue id. */
  id: z.string(),
  /** Line (or workbook row) of the data file the row came from, for tracing a figure back. */
  line: z.number().int(),
  /** The name as this file spells it. */
  publishedName: z.string(),
  latest: observationSchema,
  previous: observationSchema.nullable(),
  /** Target as published (">97.2%") with how to compare against it. */
  target: figureSchema
    .extend({
      text: z.string(),
      comparison: z.enum(['above', 'below', 'at least', 'at most']).nullable(),
      percentSign: z.boolean(),
    })
    .nullable(),
  rag: ragSchema.nullable(),
  /** National quartile, 1 = top. */
  quartile: quartileSchema.nullable(),
  statisticalNeighbourAverage: figureSchema.nullable(),
  englandAverage: figureSchema.nullable(),
});

/** Where a quarter stands: on the public site, or still a draft (no commentary, or commentary marked draft). */
export const publicationSchema = z.enum(['published', 'draft']);

/** A reporting quarter: one folder in content/quarters, validated as a whole (data, commentary, corrections). */
export const quarterSchema = z.object({
  /** "Q1 2024/25". */
  label: z.string(),
  /** URL segments: "2024-25" and "q1". */
  year: z.string(),
  quarter: z.string(),
  /** "April to June 2024". */
  months: z.string(),
  /** The reporting quarter as a period. */
  period: periodSchema,
  /** Data file path relative to the project. */
  file: z.string(),
  publication: publicationSchema,
  indicators: z.array(quarterIndicatorSchema),
  /** The commentary's validated frontmatter and where it is, when the quarter has commentary. */
  commentary: commentarySchema.extend({ file: z.string() }).nullable(),
});

export type PeriodKind = z.infer<typeof periodKindSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type QuarterIndicator = z.infer<typeof quarterIndicatorSchema>;
export type Publication = z.infer<typeof publicationSchema>;
export type Quarter = z.infer<typeof quarterSchema>;
