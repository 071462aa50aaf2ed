/**
 * Writes the files hosts read from the published folder (_headers, _redirects,
 * .htaccess, staticwebapp.config.json, .nojekyll), generated for the build's
 * base path from the one description in src/hosting/headers.ts.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { publishedHostFiles } from '../hosting/hosts.ts';

export function hostFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'cfs-host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        for (const [name, text] of Object.entries(publishedHostFiles(base))) writeFileSync(new URL(name, dir), text);
      },
    },
  };
}
