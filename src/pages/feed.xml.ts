import type { APIRoute } from 'astro';
import { getReleases, getSiteModel, SITE } from '../site.config';
import { atomFeed, quarterFeedEntries } from '../present/feed';
import { ids, siteTag } from '../present/ids';
import { href, paths } from '../present/urls';

// Atom feed of published quarters, newest first: one entry per quarter page; drafts (in a drafts preview) are never announced.
// Ids are tag URIs from content, so a move to another address never shows subscribers a report twice; links are
// absolute when the site has an address, else from the site's root (Atom allows relative references).
export const GET: APIRoute = async ({ site }) => {
  const url = (path: string) => (site ? new URL(href(path), site).href : href(path));
  const model = await getSiteModel();
  const releases = await getReleases();
  const tag = siteTag(SITE, [...model.quarters.map((quarter) => quarter.period.end), ...releases.map((release) => release.quarter.period.end)]);
  const body = atomFeed({
    title: `${SITE.council}: ${SITE.title}`,
    subtitle: SITE.description,
    id: tag ? ids.feed(tag) : url(paths.home()),
    selfUrl: url('/feed.xml'),
    homeUrl: url(paths.home()),
    author: `${SITE.council}, ${SITE.department}`,
    entries: quarterFeedEntries(model.quarters, (quarter) => url(paths.quarter(quarter)), (quarter) => ids.quarter(tag!, quarter.id)),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
