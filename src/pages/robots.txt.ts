import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feed';
import { href } from '../lib/urls';

// Crawlers are welcome everywhere; the sitemap lists every page.
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt needs `site` in astro.config.mjs (SITE_URL) for the sitemap link');
  return new Response(robotsTxt(new URL(href('/sitemap.xml'), site).href), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
