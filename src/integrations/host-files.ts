/**
 * Writes the files hosts read from the published folder (_headers, _redirects,
 * .htaccess, staticwebapp.config.json, .nojekyll), generated for the build's
 * base path from the one description in src/hosting/headers.ts. /admin/'s
 * headers open the editor's git host, read from the EDITOR_* variables by the
 * same function scripts/build-admin.ts uses; an unusable value stops the build
 * with the message it stops the editor's build with.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { editorBackendFromEnv, type EditorBackend } from '../core/editor-backend.ts';
import { publishedHostFiles } from '../hosting/hosts.ts';

export function hostFiles(): AstroIntegration {
  let base = '/';
  let backend: EditorBackend;
  return {
    name: 'cfs-host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        backend = editorBackendFromEnv(process.env);
      },
      'astro:build:done': ({ dir }) => {
        for (const [name, text] of Object.entries(publishedHostFiles(base, backend))) writeFileSync(new URL(name, dir), text);
      },
    },
  };
}
