import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel, SITE } from '../../site.config';
import { openDataContext, openDataFiles } from '../../present/open-data';
import { href } from '../../present/urls';

/**
 * Every open-data file, from the one list of them (openDataFiles in
 * src/present/open-data.ts): the same list the data page, the quarter pages'
 * links, the JSON-LD and the CSVW metadata read. A new file is one entry there.
 */
export const getStaticPaths = (async () => {
  const files = openDataFiles(await getSiteModel(), openDataContext(SITE, undefined, href));
  return files.map((file) => ({ params: { file: file.path.replace(/^\/data\//, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const files = openDataFiles(await getSiteModel(), openDataContext(SITE, site, href));
  const file = files.find((candidate) => candidate.path === `/data/${params.file}`)!;
  return new Response(file.body(), { headers: { 'Content-Type': `${file.mediaType}; charset=utf-8` } });
};
