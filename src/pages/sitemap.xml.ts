import type { APIRoute } from 'astro';
import { getSiteModel } from '../loaders/site-model';
import { sitemapXml } from '../present/feed';
import { href, paths } from '../present/urls';

// Every HTML page of the site, from the same model the pages are built from.
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('sitemap.xml needs `site` in astro.config.mjs (SITE_URL) for absolute links');
  const model = await getSiteModel();
  const pages = [
    paths.home(),
    paths.quarters(),
    ...model.quarters.filter((quarter) => quarter.publication === 'published').map((quarter) => paths.quarter(quarter)),
    paths.indicators(),
    ...model.catalogue.map((indicator) => paths.indicator(indicator.id)),
    paths.data(),
    paths.about(),
    paths.accessibility(),
    paths.releases(),
  ];
  const body = sitemapXml(pages.map((path) => new URL(href(path), site).href));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
