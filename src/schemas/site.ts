import { z } from 'astro/zod';
import { unitSchema, type Unit } from '../core/vocabulary.ts';
import { basePathProblem, siteUrlProblem } from '../core/site-address.ts';
import { parseQuarterId } from '../core/periods.ts';

const isoDate = z
  .string({ error: 'a date written YYYY-MM-DD, in quotes' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD, in quotes')
  .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text, 'a date that exists on the calendar');

/** content/site.yaml: who publishes the site and how it describes itself; nothing about a council is written in the code. */
export const siteSettingsSchema = z.strictObject({
  /** The publishing council, such as "Anyshire County Council". */
  council: z.string({ error: 'the council’s name' }).min(3),
  /** The department whose performance the site reports. */
  department: z.string({ error: 'the department’s name' }).min(3),
  /** The site's name, the home page heading. */
  title: z.string({ error: 'the site’s title' }).min(3),
  /** The end of every page title. */
  shortTitle: z.string({ error: 'a short title for the end of page titles' }).min(3),
  /** One or two sentences for search results and link previews. */
  description: z.string({ error: 'a description of one or two sentences' }).min(20, 'a description of one or two sentences'),
  /** The committee the reports go to. */
  committee: z.string({ error: 'the committee’s name' }).min(3),
  /** Who answers questions about the figures. */
  contact: z.strictObject({
    team: z.string({ error: 'the team’s name' }),
    email: z.email({ error: 'an email address' }),
    phone: z.string({ error: 'a telephone number' }),
    /** A team mailbox for accessibility requests, when the council has one. */
    mailbox: z.email({ error: 'a team email address' }).optional(),
  }),
  /** The service areas, in the order pages show them; each indicator names one. */
  areas: z.array(z.string().min(1), { error: 'a list of the service areas' }).min(1, 'at least one area'),
  /** How each unit of measurement is described in words. */
  units: z.strictObject(Object.fromEntries(unitSchema.options.map((unit) => [unit, z.string({ error: `how to describe a ${unit} in words` })])) as Record<Unit, z.ZodString>),
  /** The accessibility statement's dates. */
  accessibility: z.strictObject({ prepared: isoDate, reviewed: isoDate, tested: isoDate }),
  /**
   * The public address, such as https://www.example.gov.uk (the host alone); leave out until it is known.
   * SITE_URL overrides it for one build. Without one the site builds without what needs an absolute address.
   */
  siteUrl: z
    .string({ error: 'the site’s address, such as https://www.example.gov.uk' })
    .trim()
    .superRefine((text, context) => {
      const problem = siteUrlProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((text) => new URL(text).origin)
    .optional(),
  /** The sub-path the site is served under, such as /performance/; / (the default) for the domain root. BASE_PATH overrides it. */
  basePath: z
    .string({ error: 'a path such as /performance/' })
    .trim()
    .superRefine((text, context) => {
      const problem = basePathProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /**
   * Quarters whose pages were made later from their past papers, which record no publication date:
   * only these may say `publishedDate: not recorded`. Written like the quarter folders, such as 2023-24-q3.
   */
  fromPastPapers: z
    .array(
      z.string().refine((id) => parseQuarterId(id) !== null, 'a quarter written like its folder’s name, such as 2023-24-q3'),
      { error: 'a list of quarters, such as [2023-24-q3]' },
    )
    .default([]),
  /** Abbreviations explained on the About page. */
  glossary: z.array(z.strictObject({ term: z.string(), meaning: z.string() })).default([]),
  /** Residents' words for what the indicators name otherwise: searching for `term` also finds any of `means`. */
  synonyms: z
    .array(
      z.strictObject({
        term: z.string({ error: 'the word or phrase a resident might search for' }).min(2),
        means: z.array(z.string().min(2), { error: 'a list of the words or phrases it also finds' }).min(1, 'at least one word or phrase it also finds'),
      }),
    )
    .default([]),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
