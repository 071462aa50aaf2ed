import { z } from 'astro/zod';
import { readPolarity } from '../core/cells.ts';
import { cell } from './cell.ts';
import { frequencySchema, polaritySchema, unitSchema } from '../core/vocabulary.ts';


/** One row of `content/indicators.csv`: what an indicator is and how to read it. */
export const indicatorSchema = z.object({
  /** Stable id used in URLs, card anchors and commentary: lower-case words joined by hyphens. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id of lower-case letters, digits and hyphens, such as care-leavers-eet'),
  /** The indicator's published name. */
  name: z.string().trim().min(1, 'the indicator name as published'),
  /** A plain-English title a resident understands, shown as the heading; the dashboard's own name is shown beside it as such. */
  title: z.string().trim().min(5, 'a plain-English title a resident understands, such as "Care leavers in education, work or training"'),
  /** Other spellings exports use for it, separated by "|". */
  aliases: z.string().transform((text) =>
    text
      .split('|')
      .map((alias) => alias.trim())
      .filter(Boolean),
  ),
  /** Service area the dashboard groups it under. */
  area: z.string({ error: 'the service area, one of the areas in site.yaml' }).trim().min(1, 'the service area, one of the areas in site.yaml'),
  /** The strategic-plan outcome it measures progress towards. */
  outcome: z.string().trim().min(1, 'the strategic-plan outcome'),
  /** What the numbers count: a percentage, a number of children, or a score (Progress 8). */
  unit: z.enum(unitSchema.options, { error: 'percent, count or score' }),
  /** Which way is better. Blank is an error here: the catalogue must say "neither" outright. */
  polarity: z
    .string()
    .trim()
    .min(1, 'higher is better, lower is better or neither')
    .pipe(cell(readPolarity))
    .pipe(polaritySchema),
  /** How often a new figure is published. */
  frequency: z.enum(frequencySchema.options, { error: 'quarterly, termly or annual' }),
  /** One or two plain-English sentences a resident understands, acronyms spelled out. */
  definition: z.string().trim().min(20, 'a plain-English definition of one or two sentences'),
});

/** A catalogue entry once validated, as the indicators collection stores it. */
export const indicatorEntrySchema = indicatorSchema.extend({
  aliases: z.array(z.string()),
  polarity: polaritySchema,
});

export type { Frequency } from '../core/vocabulary.ts';
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;
