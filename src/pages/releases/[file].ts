import type { APIRoute, GetStaticPaths } from 'astro';
import { getReleases, getSiteModel, SITE } from '../../site.config';
import { releaseIcs, upcomingReleases } from '../../ingest/releases';
import { href } from '../../present/urls';

// One iCalendar file per announced release of a quarter not yet published: /releases/<quarter-id>.ics.
export const getStaticPaths = (async () => {
  const model = await getSiteModel();
  return upcomingReleases(await getReleases(), model.quarters).map((release) => ({ params: { file: `${release.quarterId}.ics` }, props: { release } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const absolute = (path: string) => (site ? new URL(href(path), site).href : href(path));
  const body = releaseIcs(props.release, {
    council: SITE.council,
    title: SITE.title,
    calendarUrl: absolute('/releases/'),
    icsUrl: absolute(`/releases/${props.release.quarterId}.ics`),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
