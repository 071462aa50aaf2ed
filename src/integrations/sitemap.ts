/**
 * sitemap.xml from the pages the build actually wrote (Astro's own list at
 * `astro:build:done`), so a new route is listed without anyone keeping a list,
 * and a page search engines are not offered (isIndexable) never is.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { sitemapXml } from '../present/feed.ts';
import { isIndexable, joinBase } from '../present/urls.ts';
import { NO_ADDRESS_NOTE } from '../core/site-address.ts';

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
      'astro:build:done': ({ pages, dir, logger }) => {
        // A sitemap must list absolute addresses; without the site's address there is none, and the build says so once.
        if (!site) {
          logger.warn(NO_ADDRESS_NOTE);
          return;
        }
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
