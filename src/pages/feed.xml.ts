import type { APIRoute } from 'astro';
import { getSiteModel, SITE } from '../site.config';
import { atomFeed, quarterFeedEntries } from '../present/feed';
import { href, paths } from '../present/urls';

// Atom feed of published quarters, newest first: one entry per quarter page; drafts (in a drafts preview) are never announced.
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
    entries: quarterFeedEntries(model.quarters, (quarter) => absolute(paths.quarter(quarter))),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
