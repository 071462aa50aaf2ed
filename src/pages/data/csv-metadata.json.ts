import type { APIRoute } from 'astro';
import { getSiteModel, SITE } from '../../site.config';
import { csvMetadata, openDataContext, toJson } from '../../present/open-data';
import { href } from '../../present/urls';

// CSV on the Web (W3C) metadata for every CSV file: columns, datatypes, units, licence. Found where CSVW processors look: beside the CSV files.
export const GET: APIRoute = async ({ site }) => {
  const body = toJson(csvMetadata(await getSiteModel(), openDataContext(SITE, site, href)));
  return new Response(body, { headers: { 'Content-Type': 'application/csvm+json; charset=utf-8' } });
};
