/**
 * The Content Security Policy and headers of the editor at /admin/ only (the
 * public pages keep theirs: astro.config.mjs, headers.ts). One source for both
 * places it reaches the browser: scripts/build-admin.ts writes adminCsp() into
 * the page's meta tag, and every host's configuration (hosts.ts) sends
 * adminPathHeaders() for /admin/ instead of the public security headers. Both
 * take the git host from editorBackendFromEnv (src/core/editor-backend.ts).
 *
 * What it allows beyond the public pages, and why:
 * - style-src 'unsafe-inline': Sveltia CMS (Svelte) injects its components' styles as <style> elements;
 * - connect-src the git host's API, where the editor reads and saves content once signed in;
 * - img-src blob: and the git host's avatar server: previews of uploaded files and the signed-in user's picture.
 * - script-src 'wasm-unsafe-eval': the preview runs the check, whose Markdown parser is WebAssembly
 *   (satteri); this lets the page compile WebAssembly it loaded from /admin/, and nothing else: no eval, no inline script.
 * - frame-src blob:: the CMS draws a preview in a frame made from a blob: address (it inherits this policy).
 * Scripts stay 'self' otherwise: the CMS, its configuration, the figure components and the check are files served from /admin/.
 */
import type { EditorBackend } from '../core/editor-backend.ts';

/** What of the git host the policy depends on. */
export type AdminBackend = Pick<EditorBackend, 'name' | 'api_root' | 'base_url'>;

const HOSTS: Record<AdminBackend['name'], { api: string[]; images: string[] }> = {
  github: { api: ['https://api.github.com'], images: ['https://avatars.githubusercontent.com'] },
  gitlab: { api: ['https://gitlab.com'], images: ['https://gitlab.com', 'https://secure.gravatar.com'] },
  gitea: { api: [], images: [] },
};

function originOf(url: string | undefined): string[] {
  return url ? [new URL(url).origin] : [];
}

export function adminCspDirectives(backend: AdminBackend): string[] {
  const host = HOSTS[backend.name];
  const api = [...new Set([...host.api, ...originOf(backend.api_root), ...originOf(backend.base_url)])];
  const images = [...new Set([...host.images, ...originOf(backend.api_root)])];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...images].join(' '),
    ['connect-src', "'self'", 'blob:', 'data:', ...api].join(' '),
    "font-src 'self'",
    "worker-src 'self' blob:",
    "frame-src blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

export function adminCsp(backend: AdminBackend): string {
  return adminCspDirectives(backend).join('; ');
}

/**
 * /admin/'s headers (frame-ancestors only works in a header). Every host's configuration sends exactly these for
 * /admin/, in place of the public security headers: a second Content-Security-Policy would be enforced as well, and
 * the public one's connect-src 'self' would block the git host. Each header the public pages carry has its own
 * value here, so a host that lets a later matching rule's value replace an earlier one (Netlify) ends with these alone too.
 */
export function adminPathHeaders(backend: AdminBackend): Record<string, string> {
  return {
    'Content-Security-Policy': `${adminCsp(backend)}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    // The editor uses none of these either (file uploads go through the file picker, not the camera).
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // The editor is for staff: keep it out of search results.
    'X-Robots-Tag': 'noindex, nofollow',
    'Cache-Control': 'no-cache',
  };
}
