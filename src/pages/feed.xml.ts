import type { APIRoute } from 'astro';
import { getSiteModel } from '../data/site';
import { atomFeed } from '../lib/feed';
import { directionSentence, quartileSentence, ragSentence } from '../lib/summary';
import { href, paths } from '../lib/urls';
import { SITE } from '../site.config';

const publishedOn = (date: string | undefined) => (date && date !== 'not recorded' ? date : undefined);

// Atom feed of published quarters, newest first: one entry per quarter page.
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('feed.xml needs `site` in astro.config.mjs (SITE_URL) for absolute links');
  const absolute = (path: string) => new URL(href(path), site).href;
  const model = await getSiteModel();
  const body = atomFeed({
    title: `${SITE.council}: ${SITE.title}`,
    subtitle: SITE.description,
    selfUrl: absolute('/feed.xml'),
    homeUrl: absolute(paths.home()),
    author: `${SITE.council}, ${SITE.department}`,
    // Drafts (in a drafts preview) are never announced.
    entries: model.quarters.filter((quarter) => quarter.publication === 'published').map((quarter) => ({
      title: `${quarter.label} performance`,
      url: absolute(paths.quarter(quarter)),
      // The latest correction's date, else the publication date (required to publish).
      updated: [publishedOn(quarter.commentary?.publishedDate) ?? quarter.period.end, ...(quarter.commentary?.corrections ?? []).map((c) => c.date)].sort().at(-1)!,
      summary: quarter.summaryText ?? `${quarter.months}: ${quarter.summary.total} indicators. ${ragSentence(quarter.summary)} ${directionSentence(quarter.summary)} ${quartileSentence(quarter.summary)}`,
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
