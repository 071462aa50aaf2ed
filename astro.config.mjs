// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * Where the site is published. Both come from the environment so one build
 * serves a domain root or a sub-path (see README, "Host anywhere").
 */
const site = process.env.SITE_URL || 'https://performance.example.gov.uk';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  integrations: [mdx()],
  // Shiki's inline styles cannot pass the CSP below; commentary has no code to highlight.
  markdown: { syntaxHighlight: false },
  build: { format: 'directory' },
  security: {
    // A Content-Security-Policy meta tag on every page (a static host may not set headers):
    // only this site's own hashed scripts and styles, no inline event handlers, nothing third-party.
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
});
