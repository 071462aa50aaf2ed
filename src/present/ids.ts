/**
 * Ids that must not change when the site moves host or address: the feed's and
 * each entry's Atom id, and each calendar event's UID. Tag URIs (RFC 4151) from
 * content: the domain of the council's contact address and the year of its
 * first report (src/core/site-address.ts).
 */
import { firstReportYear, tagPrefix } from '../core/site-address.ts';

export interface IdSources {
  contact: { email: string };
  department: string;
}

/** The tag prefix for this site, from the settings and the quarters and releases it knows (earliest quarter's year). */
export function siteTag(settings: IdSources, quarterEnds: readonly string[]): string | null {
  const year = firstReportYear(quarterEnds);
  return year ? tagPrefix(settings.contact.email, year, settings.department) : null;
}

export const ids = {
  feed: (tag: string) => `${tag}:feed`,
  /** The whole site's open data, as a schema.org Dataset. */
  dataset: (tag: string) => `${tag}:open-data`,
  quarter: (tag: string, quarterId: string) => `${tag}:quarter:${quarterId}`,
  release: (tag: string, quarterId: string) => `${tag}:release:${quarterId}`,
};
