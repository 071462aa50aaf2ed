import type { APIRoute } from 'astro';
import { getSiteModel } from '../../site.config';
import { allObservationsCsv } from '../../present/open-data';

// Every figure for every indicator across all quarters' reports.
export const GET: APIRoute = async () => {
  return new Response(allObservationsCsv(await getSiteModel()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
