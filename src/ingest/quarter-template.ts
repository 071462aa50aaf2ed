/**
 * What a new quarter starts with, written once: `npm run new-quarter` writes it
 * to disk and the editor at /admin/ offers it when a quarter is created there.
 * FILL IN placeholders keep the quarter a draft until they are replaced.
 */
import { PLACEHOLDER } from './placeholders.ts';
import type { SiteSettings } from '../schemas/site.ts';

/**
 * For the terminal route only, before the body: how to write it. The editor shows this as the body's hint
 * instead, and its rich-text editor would escape a comment's asterisks, which then is no comment.
 */
export const TERMINAL_BODY_NOTE = `
{/* Write the commentary below. Start headings with ###. Put every figure from the data file in with a figure tag
    (the figure reference page in npm run dev lists them, ready to copy), never typed by hand. */}
`;

/** The commentary's body: the quarter's summary sentence and one section to fill in. */
export const NEW_QUARTER_BODY = `
<QuarterSummary />

### Social care

${PLACEHOLDER}: write about social care here.
`;

export const SUMMARY_PLACEHOLDER = `${PLACEHOLDER}: one or two sentences that sum up this quarter's performance for residents.`;
export const CONTACT_NAME_PLACEHOLDER = `${PLACEHOLDER}: a name or team`;

/** The frontmatter values that do not depend on which quarter it is. */
export function newQuarterDefaults(site: Pick<SiteSettings, 'committee' | 'contact'>) {
  return {
    committee: site.committee,
    status: 'draft',
    summary: SUMMARY_PLACEHOLDER,
    papers: [],
    contact: { name: CONTACT_NAME_PLACEHOLDER, email: site.contact.email },
    corrections: [],
    revisions: [],
  } as const;
}
