/**
 * `npm run hosting -- nginx [--root /srv/performance/dist] [--listen 80] [--server-name www.example.gov.uk]`:
 * prints a host's configuration for the site's base path (site.yaml's basePath, or BASE_PATH), generated from
 * src/hosting/headers.ts, with /admin/'s headers for the editor's git host (the EDITOR_* variables, read as
 * npm run build:admin reads them). The files a host reads from the published folder are written by the build itself.
 * `npm run hosting -- admin` prints /admin/'s headers alone, for a host configured by hand (CloudFront, IIS).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteSettings } from '../src/ingest/site-settings.ts';
import { resolveSiteAddress } from '../src/core/site-address.ts';
import { editorBackendFromEnv, EditorEnvironmentError } from '../src/core/editor-backend.ts';
import { adminPathHeaders } from '../src/hosting/admin-csp.ts';
import { apacheHtaccess, azureStaticWebAppConfig, netlifyHeaders, netlifyRedirects, nginxConfig } from '../src/hosting/hosts.ts';

const [host, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const index = rest.indexOf(`--${name}`);
  return index >= 0 ? rest[index + 1] : undefined;
};
const settingsFile = join(process.env.CONTENT_DIR || 'content', 'site.yaml');
const settings = existsSync(settingsFile) ? parseSiteSettings(readFileSync(settingsFile), settingsFile).settings : null;
const { base } = resolveSiteAddress(settings, process.env);
let backend: ReturnType<typeof editorBackendFromEnv>;
try {
  backend = editorBackendFromEnv(process.env);
} catch (error) {
  if (!(error instanceof EditorEnvironmentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const hosts: Record<string, () => string> = {
  nginx: () => nginxConfig({ base, backend, root: option('root') ?? '/srv/performance/dist', listen: option('listen'), serverName: option('server-name') }),
  apache: () => apacheHtaccess(base, backend),
  netlify: () => `${netlifyHeaders(base, backend)}\n${netlifyRedirects(base)}`,
  azure: () => azureStaticWebAppConfig(base, backend),
  admin: () => `${Object.entries(adminPathHeaders(backend)).map(([name, value]) => `${name}: ${value}`).join('\n')}\n`,
};
if (!host || !hosts[host]) {
  console.error(`Usage: npm run hosting -- ${Object.keys(hosts).join('|')} [--root DIR] [--listen PORT] [--server-name NAME]`);
  process.exitCode = 1;
} else {
  process.stdout.write(hosts[host]());
}
