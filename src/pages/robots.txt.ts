import type { APIRoute } from 'astro';
import { robotsTxt } from '../present/feed';
import { href } from '../present/urls';
import { SITE } from '../site.config';

// Crawlers are welcome everywhere; the sitemap lists every page.
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt needs `site` in astro.config.mjs (SITE_URL) for the sitemap link');
  // A drafts preview asks every crawler to stay out.
  if (SITE.previewDrafts) return new Response('User-agent: *\nDisallow: /\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(robotsTxt(new URL(href('/sitemap.xml'), site).href), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
