/**
 * Pure helpers for the machine-readable files: the Atom feed of quarters,
 * the sitemap and robots.txt. Pages pass in absolute URLs; nothing here
 * reads the clock, so a build of the same content gives the same bytes.
 */
import type { QuarterView } from '../model/model.ts';
import { cardOf } from '../model/cards.ts';
import { formatDate, recordedDate } from '../core/format.ts';
import { londonTimestamp, publicationInstant } from '../core/release-time.ts';
import { directionSentence, quartileSentence, ragSentence } from '../model/summary.ts';

/** Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, LF and CR; lone surrogates; U+FFFE/U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An ISO date ("2024-06-30") as an RFC 3339 timestamp at midnight UTC, as Atom requires; full timestamps pass through. */
export function atomDate(isoDate: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return `${isoDate}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(isoDate)) return isoDate;
  throw new Error(`"${isoDate}" is not an ISO date (YYYY-MM-DD)`);
}

export interface FeedEntry {
  title: string;
  /** Its id: a tag URI from content, the same wherever the site is hosted (src/present/ids.ts). */
  id: string;
  /** URL of the page the entry is about: absolute when the site has an address, else from the site's root. */
  url: string;
  /** ISO date or RFC 3339 timestamp: the latest correction's, else the publication date. */
  updated: string;
  /** When the page went public (RFC 3339, London time); left out when the papers record no date. */
  published?: string;
  summary: string;
}

export interface Feed {
  title: string;
  subtitle?: string;
  /** The feed's id: a tag URI from content. */
  id: string;
  /** URL of the feed itself (absolute when the site has an address). */
  selfUrl: string;
  /** URL of the site's home page. */
  homeUrl: string;
  author: string;
  entries: FeedEntry[];
}

/** Before any quarter is published the feed still needs an <updated>. */
const NO_ENTRIES_UPDATED = '1970-01-01T00:00:00Z';

/** An Atom 1.0 document (RFC 4287). The feed's <updated> is its newest entry's, never the build time. */
export function atomFeed(feed: Feed): string {
  const updated = feed.entries.map((entry) => atomDate(entry.updated)).sort().at(-1) ?? NO_ENTRIES_UPDATED;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...feed.entries.flatMap((entry) => [
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <id>${escapeXml(entry.id)}</id>`,
      ...(entry.published ? [`    <published>${atomDate(entry.published)}</published>`] : []),
      `    <updated>${atomDate(entry.updated)}</updated>`,
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The feed's entries: one per published quarter, newest first; drafts never.
 * <published> is when the page went public: the commentary's publishedDate at its publishedTime
 * (09:30 London unless it says otherwise), the moment the build lets it out; left out when "not recorded";
 * <updated> is the latest correction's date, else the publication date, and
 * for a quarter whose papers record no date, the end of the quarter (the
 * earliest it can have been published; Atom requires a date). A corrected
 * quarter's summary opens with what was corrected and why, so readers of the
 * feed are told of the correction, not just shown a new date.
 */
export function quarterFeedEntries(quarters: readonly QuarterView[], urlOf: (quarter: QuarterView) => string, idOf: (quarter: QuarterView) => string): FeedEntry[] {
  return quarters
    .filter((quarter) => quarter.publication === 'published')
    .map((quarter) => {
      const commentary = quarter.commentary;
      const publishedDate = recordedDate(commentary?.publishedDate) ?? undefined;
      const published = publishedDate && londonTimestamp(publicationInstant(publishedDate, commentary?.publishedTime));
      const corrections = [...(commentary?.corrections ?? [])].sort((a, b) => a.date.localeCompare(b.date));
      const summary = quarter.summaryText ?? `${quarter.months}: ${quarter.summary.total} indicators. ${ragSentence(quarter.summary)} ${directionSentence(quarter.summary)} ${quartileSentence(quarter.summary)}`;
      return {
        title: `${quarter.label} performance`,
        id: idOf(quarter),
        url: urlOf(quarter),
        updated: latestOf(published ?? quarter.period.end, corrections.map((correction) => correction.date)),
        ...(published ? { published } : {}),
        summary: corrections.length ? `${correctionNotice(quarter, corrections)} ${summary}` : summary,
      };
    });
}

/**
 * The publication, or the latest correction when one is dated after its day. A correction dated the day itself has
 * no time, and its midnight would come before the publication it corrects, so the publication's moment stands.
 */
function latestOf(published: string, corrections: readonly string[]): string {
  const last = [...corrections].sort().at(-1);
  return last && last > published.slice(0, 10) ? last : published;
}

/** "Corrected on 1 October 2024: Care leavers EET, latest figure (Q1 2024/25), from 46.9% to 47.3%. Two late returns were added to the count." */
function correctionNotice(quarter: QuarterView, corrections: NonNullable<QuarterView['commentary']>['corrections']): string {
  return corrections
    .map((correction) => {
      const card = cardOf(quarter, correction.indicator);
      const period = card?.record[correction.figure]?.period.label;
      const reason = correction.reason.trim().replace(/([^.!?])$/, '$1.');
      return `Corrected on ${formatDate(correction.date)}: ${card?.indicator.name ?? correction.indicator}, ${correction.figure} figure${period ? ` (${period})` : ''}, from ${correction.oldValue} to ${correction.newValue}. ${reason}`;
    })
    .join(' ');
}

/** A sitemap (sitemaps.org 0.9) listing the given absolute URLs, each once, in the order given. */
export function sitemapXml(urls: readonly string[]): string {
  const unique = [...new Set(urls)];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...unique.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt that lets every crawler in and points it at the sitemap (a site without an address has no sitemap: no line). */
export function robotsTxt(sitemapUrl: string | null): string {
  return ['User-agent: *', 'Allow: /', '', ...(sitemapUrl ? [`Sitemap: ${sitemapUrl}`, ''] : [])].join('\n');
}
