import type { APIRoute } from 'astro';

// The site's origin for printed link addresses (global.css prints var(--site-origin) before each site path).
// Without a site address a printed link shows its path alone: never a made-up domain.
export const GET: APIRoute = ({ site }) => {
  return new Response(`:root { --site-origin: ${JSON.stringify(site ? site.origin : '')}; }\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
