import type { APIRoute, GetStaticPaths } from 'astro';
import { getReleases, getSiteModel, SITE } from '../../site.config';
import { releaseIcs, upcomingReleases } from '../../ingest/releases';
import { ids, siteTag } from '../../present/ids';
import { href } from '../../present/urls';

// One iCalendar file per announced release of a quarter not yet published: /releases/<quarter-id>.ics.
export const getStaticPaths = (async () => {
  const model = await getSiteModel();
  const releases = await getReleases();
  const tag = siteTag(SITE, [...model.quarters.map((quarter) => quarter.period.end), ...releases.map((release) => release.quarter.period.end)])!;
  return upcomingReleases(releases, model.quarters).map((release) => ({ params: { file: `${release.quarterId}.ics` }, props: { release, uid: ids.release(tag, release.quarterId) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const absolute = (path: string) => (site ? new URL(href(path), site).href : href(path));
  const body = releaseIcs(props.release, { council: SITE.council, title: SITE.title, calendarUrl: absolute('/releases/'), uid: props.uid });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
