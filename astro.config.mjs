// @ts-check
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { hostFiles } from './src/integrations/host-files.ts';
import { printMargins } from './src/integrations/print-margins.ts';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { parseSiteSettings } from './src/ingest/site-settings.ts';
import { resolveSiteAddress } from './src/core/site-address.ts';

/**
 * Where the site is published: siteUrl and basePath in content/site.yaml, which
 * SITE_URL and BASE_PATH override for one build (tests, previews). Without an
 * address `site` stays unset and what needs one is left out (docs/HOSTING.md);
 * no placeholder domain is ever used.
 */
const settingsFile = resolve(process.env.CONTENT_DIR || 'content', 'site.yaml');
// A site.yaml with a problem gives no address here; the content check then stops the build with its message.
const settings = existsSync(settingsFile) ? parseSiteSettings(readFileSync(settingsFile), 'site.yaml').settings : null;
const { site, base } = resolveSiteAddress(settings, process.env);

/**
 * Astro keeps the content data store in its cache folder. A build of another
 * content folder (tests, benchmarks) or of the drafts preview gets a cache of
 * its own, so its entries can never reach `npm run build` of content/.
 */
const contentDir = resolve(process.env.CONTENT_DIR || 'content');
const variant = `${contentDir}|${process.env.PREVIEW_DRAFTS === '1' ? 'drafts' : 'public'}`;
const cacheDir =
  variant === `${resolve('content')}|public` ? undefined : `./node_modules/.astro-builds/${createHash('sha256').update(variant).digest('hex').slice(0, 16)}/`;

export default defineConfig({
  site,
  base,
  cacheDir,
  trailingSlash: 'ignore',
  integrations: [contentCheck(), sitemap({ previewDrafts: process.env.PREVIEW_DRAFTS === '1' }), hostFiles(), printMargins()],
  // No Markdown is compiled (commentary is rendered from the checked tree); Shiki's inline styles would not pass the CSP.
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
