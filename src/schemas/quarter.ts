import { z } from 'astro/zod';

/** A published figure: the period as the council labels it and the value in the published unit. */
export const observationSchema = z.object({
  /** Period label as published: "Q1 2024/25", "Summer Term 2024", "2022/23". */
  period: z.string(),
  /** The value in the indicator's unit (47.3 for 47.3%); null when no figure was published. */
  value: z.number().nullable(),
  /** Decimal places as published, so a figure is never shown rounded beyond them. */
  decimals: z.number().int().nullable(),
});

/** One indicator as a quarter's data file reports it, checked against the catalogue. */
export const quarterIndicatorSchema = z.object({
  /** Catalogue id. */
  id: z.string(),
  /** Line of the data file the row came from, for tracing a figure back. */
  line: z.number().int(),
  /** The name as this file spells it. */
  publishedName: z.string(),
  latest: observationSchema,
  previous: observationSchema.nullable(),
  /** Target as published (">97.2%") with how to compare against it. */
  target: z
    .object({
      text: z.string(),
      comparison: z.enum(['above', 'below', 'at least', 'at most']).nullable(),
      value: z.number(),
    })
    .nullable(),
  rag: z.enum(['green', 'amber', 'red']).nullable(),
  /** National quartile, 1 = top. */
  quartile: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  statisticalNeighbourAverage: z.number().nullable(),
  englandAverage: z.number().nullable(),
});

/** A reporting quarter: one folder in content/quarters. */
export const quarterSchema = z.object({
  /** "Q1 2024/25". */
  label: z.string(),
  /** URL segments: "2024-25" and "q1". */
  year: z.string(),
  quarter: z.string(),
  /** "April to June 2024". */
  months: z.string(),
  /** Period dates, ISO. */
  start: z.string(),
  end: z.string(),
  /** Data file path relative to the project. */
  file: z.string(),
  indicators: z.array(quarterIndicatorSchema),
});

export type Observation = z.infer<typeof observationSchema>;
export type QuarterIndicator = z.infer<typeof quarterIndicatorSchema>;
export type Quarter = z.infer<typeof quarterSchema>;
