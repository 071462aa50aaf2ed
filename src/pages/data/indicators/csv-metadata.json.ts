import type { APIRoute } from 'astro';
import { getSiteModel, SITE } from '../../../site.config';
import { csvMetadata, openDataContext, openDataFiles, toJson } from '../../../present/open-data';
import { href } from '../../../present/urls';

// CSVW metadata of the indicator CSVs, at the specification's default location for them: csv-metadata.json in their own folder.
export const GET: APIRoute = async ({ site }) => {
  const model = await getSiteModel();
  const context = openDataContext(SITE, site, href);
  const body = toJson(csvMetadata(model, context, openDataFiles(model, context), '/data/indicators/'));
  return new Response(body, { headers: { 'Content-Type': 'application/csvm+json; charset=utf-8' } });
};
