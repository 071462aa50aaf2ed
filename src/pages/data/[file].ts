import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel, SITE } from '../../site.config';
import { openDataContext, quarterCsv, quarterJson, toJson } from '../../present/open-data';
import { href } from '../../present/urls';

// Per-quarter open data: /data/<yyyy-yy>-q<n>.json and .csv. The JSON carries its metadata (licence, publisher); the CSV's is in csv-metadata.json.
export const getStaticPaths = (async () => {
  const model = await getSiteModel();
  return model.quarters.flatMap((quarter) => [
    { params: { file: `${quarter.id}.json` }, props: { id: quarter.id, format: 'json' as const } },
    { params: { file: `${quarter.id}.csv` }, props: { id: quarter.id, format: 'csv' as const } },
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const model = await getSiteModel();
  const quarter = model.quarterById.get(props.id)!;
  if (props.format === 'json') {
    return new Response(toJson(quarterJson(quarter, openDataContext(SITE, site, href))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  return new Response(quarterCsv(quarter), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
