import { z } from 'astro/zod';

/** A real calendar date written YYYY-MM-DD: 2024-02-30 and 2024-13-45 are refused, not rolled over or made "Invalid Date". */
const isoDate = (what: string) =>
  z
    .string({ error: `${what} as a date written YYYY-MM-DD, in quotes, such as "2024-09-03"` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} written YYYY-MM-DD, such as "2024-09-03"`)
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
    }, `${what} that exists on the calendar (check the month is 01 to 12 and the day is in that month)`);

/** A web address a reader can safely follow: https only, so commentary cannot send readers to a script or an unencrypted page. */
const httpsUrl = (what: string) =>
  z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: `${what} as a full web address starting https://` });

/** Which of a card's two figures a correction or revision is about. */
export const figureRoleSchema = z.enum(['latest', 'previous'], { error: 'latest or previous: which of the two figures on the card' });

/** A correction to a figure this quarter's report published. */
export const correctionSchema = z.strictObject({
  /** When the correction was made. */
  date: isoDate('the date of the correction'),
  /** Catalogue id of the corrected indicator. */
  indicator: z.string({ error: 'the id of the corrected indicator, such as care-leavers-eet' }),
  /** Which figure on the card was corrected: the latest or the previous one. */
  figure: figureRoleSchema,
  /** The figure as first published, exactly as it was written (such as "47.3%"). */
  oldValue: z.string({ error: 'the figure as first published, in quotes, such as "47.3%"' }),
  /** The corrected figure; must equal the figure the card now shows. */
  newValue: z.string({ error: 'the corrected figure, in quotes, such as "47.8%"' }),
  /** Why it changed, in a sentence. */
  reason: z.string({ error: 'a sentence saying why the figure changed' }).min(10, 'a sentence saying why the figure changed'),
});

/**
 * A figure an earlier quarter's report published that this quarter's report
 * gives differently (a restatement). Every such difference must be listed here,
 * so a revision is always announced, never silent.
 */
export const revisionSchema = z.strictObject({
  /** Catalogue id of the revised indicator. */
  indicator: z.string({ error: 'the id of the revised indicator, such as care-leavers-eet' }),
  /** The period whose figure changed, as this quarter's data file writes it ("Q4 2023/24"). */
  period: z.string({ error: 'the period whose figure changed, in quotes, such as "Q4 2023/24"' }),
  /** The figure the earlier report published, as written there. */
  oldValue: z.string({ error: 'the figure the earlier report published, in quotes, such as "47.3%"' }),
  /** The figure this quarter's report gives. */
  newValue: z.string({ error: 'the figure this report gives, in quotes, such as "47.8%"' }),
  /** Why it changed, in a sentence. */
  reason: z.string({ error: 'a sentence saying why the figure changed' }).min(10, 'a sentence saying why the figure changed'),
});

/** Frontmatter of content/quarters/<quarter>/commentary.mdx. */
export const commentarySchema = z.strictObject({
  /** Heading of the commentary, such as "Quarter 1 2024/25 performance report". */
  title: z.string({ error: 'a title, such as "Quarter 1 2024/25 performance report"' }).min(5, 'a title of a few words'),
  /** The reporting period, exactly as the folder's quarter: "Q1 2024/25". */
  period: z.string({ error: 'the reporting period, such as "Q1 2024/25"' }).regex(/^Q[1-4] \d{4}\/\d{2}$/, 'the reporting period written like "Q1 2024/25"'),
  /** The committee the report went to. */
  committee: z.string({ error: 'the committee’s name' }),
  /** The date of the committee meeting; leave out when not known. */
  meetingDate: isoDate('the meeting date').optional(),
  /**
   * The date the report was published; required to publish. "not recorded" is
   * for a past quarter whose source documents give no date: a date is never invented.
   */
  publishedDate: z.union([z.literal('not recorded'), isoDate('the publication date')], { error: 'the publication date written YYYY-MM-DD, in quotes, such as "2024-09-03" (or "not recorded" for a past quarter whose papers give none)' }).optional(),
  /**
   * The time of day the page goes public on publishedDate, UK time, written HH:MM; 09:30 (the
   * Code of Practice for Statistics' release time) when left out.
   */
  publishedTime: z
    .string({ error: 'the time of day written HH:MM, in quotes, such as "09:30"' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'the time of day written HH:MM on the 24-hour clock, in quotes, such as "09:30"')
    .optional(),
  /** draft: shown only in previews; published: on the public site. */
  status: z.enum(['draft', 'published'], { error: 'draft or published' }),
  /**
   * One or two sentences for the home page, link previews and the feed. Figures
   * are written as figure tags (<Value of="..." />), never typed, so the summary
   * cannot disagree with a card.
   */
  summary: z
    .string({ error: 'a summary of one or two sentences' })
    .min(40, 'a summary of one or two full sentences')
    .max(600, 'a summary of at most 600 characters (one or two sentences)'),
  /** Up to six indicator ids to show as the home page's headline figures, in this order; leave out for the site's balanced choice. */
  headlines: z.array(z.string(), { error: 'a list of indicator ids, such as [care-leavers-eet, cp-reviews-in-timescale]' }).max(6, 'at most six headline indicators').default([]),
  /** The year of the national figures the quartiles compare with, such as "2022/23". */
  benchmarkYear: z.string({ error: 'the year of the national benchmarks, such as "2022/23"' }).regex(/^\d{4}\/\d{2}$/, 'a year written like "2022/23"'),
  /** Links to the committee papers. */
  papers: z
    .array(z.strictObject({ title: z.string({ error: 'the paper’s title' }), url: httpsUrl('the paper’s address') }), {
      error: 'a list of papers, each with a title and a url',
    })
    .default([]),
  /** Who to contact about the report. */
  contact: z.strictObject(
    {
      name: z.string({ error: 'a contact name' }),
      role: z.string().optional(),
      email: z.email({ error: 'a contact email address, such as performance@example.gov.uk' }),
      phone: z.string().optional(),
    },
    { error: 'a contact with a name and an email' },
  ),
  /** Corrections made after publication, shown on the quarter and indicator pages. */
  corrections: z.array(correctionSchema, { error: 'a list of corrections' }).default([]),
  /** Figures of earlier quarters that this quarter's report restates, each with its reason. */
  revisions: z.array(revisionSchema, { error: 'a list of revisions' }).default([]),
});

export type Commentary = z.infer<typeof commentarySchema>;
export type CommentaryInput = z.input<typeof commentarySchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type RevisionNote = z.infer<typeof revisionSchema>;
