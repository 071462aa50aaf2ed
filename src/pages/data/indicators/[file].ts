import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteModel, SITE } from '../../../site.config';
import { indicatorCsv, indicatorJson, openDataContext, toJson } from '../../../present/open-data';
import { href } from '../../../present/urls';

// Each indicator's every published figure: /data/indicators/<id>.csv and .json.
export const getStaticPaths = (async () => {
  const model = await getSiteModel();
  return model.catalogue.flatMap((indicator) => [
    { params: { file: `${indicator.id}.json` }, props: { id: indicator.id, format: 'json' as const } },
    { params: { file: `${indicator.id}.csv` }, props: { id: indicator.id, format: 'csv' as const } },
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const model = await getSiteModel();
  if (props.format === 'json') {
    return new Response(toJson(indicatorJson(model, props.id, openDataContext(SITE, site, href))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  return new Response(indicatorCsv(model, props.id), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
