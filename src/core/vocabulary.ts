/**
 * The domain's closed word lists, written once as zod enums with their types:
 * the readers, schemas, open data, templates and generators all import these.
 */
import { z } from 'astro/zod';

/** RAG rating against target, worst first (the order headlines and counts use). */
export const ragSchema = z.enum(['red', 'amber', 'green']);
export type Rag = z.infer<typeof ragSchema>;
/** The word a reader sees for each rating. Defined once. */
export const RAG_LABELS: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** National quartile: 1 is the top quarter of councils. */
export const quartileSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Quartile = z.infer<typeof quartileSchema>;

/** Which way is better; "neither" for figures of demand or size, whose direction is not judged. */
export const polaritySchema = z.enum(['higher is better', 'lower is better', 'neither']);
export type Polarity = z.infer<typeof polaritySchema>;

/** What a figure counts: a percentage, a number of children, or a score (Progress 8). */
export const unitSchema = z.enum(['percent', 'count', 'score']);
export type Unit = z.infer<typeof unitSchema>;

/** How often a new figure is published. */
export const frequencySchema = z.enum(['quarterly', 'termly', 'annual']);
export type Frequency = z.infer<typeof frequencySchema>;

/** How the council's dashboard export writes polarity, unit and frequency: the new-quarter template and the benchmark generator write these. */
export const EXPORT_WORDS = {
  polarity: { 'higher is better': 'High = Good', 'lower is better': 'Low = Good', neither: 'N/A' },
  valueType: { percent: 'Percent', count: 'Number', score: 'Number' },
  frequency: { quarterly: 'Quarter', termly: 'Term', annual: 'Annual' },
} as const satisfies { polarity: Record<Polarity, string>; valueType: Record<Unit, string>; frequency: Record<Frequency, string> };
