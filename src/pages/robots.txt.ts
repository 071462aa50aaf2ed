import type { APIRoute } from 'astro';
import { robotsTxt } from '../present/feed';
import { href } from '../present/urls';
import { SITE } from '../site.config';

// Crawlers are welcome everywhere; the sitemap lists every page (a site without an address has no sitemap, so no Sitemap line).
export const GET: APIRoute = ({ site }) => {
  // A drafts preview asks every crawler to stay out.
  if (SITE.previewDrafts) return new Response('User-agent: *\nDisallow: /\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(robotsTxt(site ? new URL(href('/sitemap.xml'), site).href : null), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
