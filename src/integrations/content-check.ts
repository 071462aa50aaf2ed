/**
 * Stops `astro build` on a content problem before Astro writes anything, so a
 * failed build publishes nothing: the same validation the pages read (and
 * `npm run check` prints), run once, its message in plain words.
 */
import type { AstroIntegration } from 'astro';
import { contentOptions, siteData } from '../loaders/site-model.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'cfs-content-check',
    hooks: {
      'astro:build:start': async () => {
        await siteData(contentOptions(false));
      },
    },
  };
}
