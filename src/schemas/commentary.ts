import { z } from 'astro/zod';

const isoDate = (what: string) => z.string({ error: `${what} as a date written YYYY-MM-DD, in quotes, such as "2024-09-03"` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what} written YYYY-MM-DD, such as "2024-09-03"`);

/** A correction to a figure this quarter's report published. */
export const correctionSchema = z.object({
  /** When the correction was made. */
  date: isoDate('the date of the correction'),
  /** Catalogue id of the corrected indicator. */
  indicator: z.string({ error: 'the id of the corrected indicator, such as care-leavers-eet' }),
  /** The figure as first published, exactly as it was written (such as "47.3%"). */
  oldValue: z.string({ error: 'the figure as first published, in quotes, such as "47.3%"' }),
  /** The corrected figure; must equal the figure now in the data file. */
  newValue: z.string({ error: 'the corrected figure, in quotes, such as "47.8%"' }),
  /** Why it changed, in a sentence. */
  reason: z.string({ error: 'a sentence saying why the figure changed' }).min(10, 'a sentence saying why the figure changed'),
});

/** Frontmatter of content/quarters/<quarter>/commentary.mdx. */
export const commentarySchema = z.object({
  /** Heading of the commentary, such as "Quarter 1 2024/25 performance report". */
  title: z.string({ error: 'a title, such as "Quarter 1 2024/25 performance report"' }).min(5, 'a title of a few words'),
  /** The reporting period, exactly as the folder's quarter: "Q1 2024/25". */
  period: z.string({ error: 'the reporting period, such as "Q1 2024/25"' }).regex(/^Q[1-4] \d{4}\/\d{2}$/, 'the reporting period written like "Q1 2024/25"'),
  /** The committee the report went to. */
  committee: z.string({ error: 'the committee’s name' }),
  /** The date of the committee meeting; leave out when not known. */
  meetingDate: isoDate('the meeting date').optional(),
  /** The date this page is published; leave out when not known. */
  publishedDate: isoDate('the publication date').optional(),
  /** draft: only shown by `npm run dev`; published: on the public site. */
  status: z.enum(['draft', 'published'], { error: 'draft or published' }),
  /** One or two sentences for the home page and link previews. */
  summary: z
    .string({ error: 'a summary of one or two sentences' })
    .min(40, 'a summary of one or two full sentences')
    .max(400, 'a summary of at most 400 characters (one or two sentences)'),
  /** The year of the national figures the quartiles compare with, such as "2022/23". */
  benchmarkYear: z.string({ error: 'the year of the national benchmarks, such as "2022/23"' }).regex(/^\d{4}\/\d{2}$/, 'a year written like "2022/23"'),
  /** Links to the committee papers. */
  papers: z
    .array(z.object({ title: z.string({ error: 'the paper’s title' }), url: z.url({ error: 'a full web address starting https://' }) }), {
      error: 'a list of papers, each with a title and a url',
    })
    .default([]),
  /** Who to contact about the report. */
  contact: z.object({
    name: z.string({ error: 'a contact name' }),
    role: z.string().optional(),
    email: z.email({ error: 'a contact email address' }),
    phone: z.string().optional(),
  }, { error: 'a contact with a name and an email' }),
  /** Corrections made after publication, shown on the quarter and indicator pages. */
  corrections: z.array(correctionSchema, { error: 'a list of corrections' }).default([]),
});

export type Commentary = z.infer<typeof commentarySchema>;
export type CommentaryInput = z.input<typeof commentarySchema>;
export type Correction = z.infer<typeof correctionSchema>;
