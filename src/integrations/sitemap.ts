/**
 * sitemap.xml from the pages the build actually wrote (Astro's own list at
 * `astro:build:done`), so a new route is listed without anyone keeping a list,
 * and a page search engines are not offered (isIndexable) never is.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { sitemapXml } from '../present/feed.ts';
import { isIndexable, joinBase } from '../present/urls.ts';

export function sitemap(options: { previewDrafts: boolean }): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'cfs-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': ({ pages, dir }) => {
        if (!site) throw new Error('sitemap.xml needs `site` in astro.config.mjs (SITE_URL) for absolute links');
        const urls = pages
          .map((page) => `/${page.pathname}`)
          .filter((path) => isIndexable(path, options.previewDrafts))
          .map((path) => new URL(joinBase(base, path), site).href)
          .sort();
        writeFileSync(new URL('sitemap.xml', dir), sitemapXml(urls));
      },
    },
  };
}
