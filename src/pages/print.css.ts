import type { APIRoute } from 'astro';

// The site's origin for printed link addresses (global.css prints var(--site-origin) before each site path).
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('print.css needs `site` in astro.config.mjs (SITE_URL)');
  return new Response(`:root { --site-origin: ${JSON.stringify(site.origin)}; }\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
