/**
 * /admin/'s own Content Security Policy (src/editor/admin-csp.ts): scripts from
 * the site only, and the network open to exactly the git host the editor saves to.
 */
import { describe, expect, it } from 'vitest';
import { adminCspDirectives, adminPathHeaders, type AdminBackend } from '../src/editor/admin-csp';

const directive = (backend: AdminBackend, name: string) => adminCspDirectives(backend).find((text) => text.startsWith(`${name} `))!;

describe('/admin/ Content Security Policy', () => {
  it.each([
    [{ name: 'github' } as AdminBackend, "connect-src 'self' blob: data: https://api.github.com"],
    [{ name: 'github', base_url: 'https://auth.council.gov.uk/oauth' } as AdminBackend, "connect-src 'self' blob: data: https://api.github.com https://auth.council.gov.uk"],
    [{ name: 'gitlab' } as AdminBackend, "connect-src 'self' blob: data: https://gitlab.com"],
    [{ name: 'gitlab', api_root: 'https://gitlab.council.gov.uk/api/v4' } as AdminBackend, "connect-src 'self' blob: data: https://gitlab.com https://gitlab.council.gov.uk"],
    [{ name: 'gitea', api_root: 'https://git.council.gov.uk/api/v1' } as AdminBackend, "connect-src 'self' blob: data: https://git.council.gov.uk"],
  ])('%o may reach only its own host', (backend, expected) => {
    expect(directive(backend, 'connect-src')).toBe(expected);
  });

  it.each(['github', 'gitlab', 'gitea'] as const)('%s: scripts, fonts and frames stay the site’s own', (name) => {
    expect([directive({ name }, 'script-src'), directive({ name }, 'font-src'), directive({ name }, 'object-src'), directive({ name }, 'frame-src')]).toEqual([
      "script-src 'self' 'wasm-unsafe-eval'",
      "font-src 'self'",
      "object-src 'none'",
      "frame-src blob:",
    ]);
  });

  it('the per-path headers add what only a header can say, and keep /admin/ out of search', () => {
    const headers = adminPathHeaders({ name: 'github' });
    expect(headers['Content-Security-Policy']).toMatch(/; frame-ancestors 'none'$/);
    expect(headers['X-Robots-Tag']).toBe('noindex, nofollow');
  });
});
