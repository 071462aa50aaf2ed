/**
 * /admin/'s own Content Security Policy (src/hosting/admin-csp.ts): scripts from
 * the site only, and the network open to exactly the git host the editor saves to.
 */
import { describe, expect, it } from 'vitest';
import { editorBackendFromEnv, EditorEnvironmentError } from '../src/core/editor-backend';
import { adminCspDirectives, adminPathHeaders, type AdminBackend } from '../src/hosting/admin-csp';

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

describe('the git host, read from EDITOR_* once for the editor and the hosts’ /admin/ headers', () => {
  it('defaults to GitHub, and reads a self-managed host with its OAuth settings', () => {
    expect(editorBackendFromEnv({})).toEqual({ name: 'github', repo: 'set-EDITOR_REPO/to-this-repository', branch: 'main' });
    expect(
      editorBackendFromEnv({ EDITOR_BACKEND: 'gitlab', EDITOR_REPO: 'council/site', EDITOR_BRANCH: 'edits', EDITOR_API_ROOT: 'https://gitlab.council.gov.uk/api/v4', EDITOR_APP_ID: 'abc' }),
    ).toEqual({ name: 'gitlab', repo: 'council/site', branch: 'edits', api_root: 'https://gitlab.council.gov.uk/api/v4', app_id: 'abc', auth_type: 'pkce' });
    // An empty variable is an unset one.
    expect(editorBackendFromEnv({ EDITOR_BACKEND: '', EDITOR_AUTH_URL: '' })).toEqual(editorBackendFromEnv({}));
  });

  it.each([
    [{ EDITOR_BACKEND: 'bitbucket' }, 'EDITOR_BACKEND must be github, gitlab or gitea, not "bitbucket".'],
    [{ EDITOR_BACKEND: 'gitea', EDITOR_API_ROOT: 'git.council.gov.uk' }, 'EDITOR_API_ROOT must be a web address such as https://git.council.gov.uk/api/v1, not "git.council.gov.uk".'],
    [{ EDITOR_AUTH_URL: 'ftp://auth.council.gov.uk' }, 'EDITOR_AUTH_URL must be a web address such as https://git.council.gov.uk/api/v1, not "ftp://auth.council.gov.uk".'],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => editorBackendFromEnv(env)).toThrow(new EditorEnvironmentError(message));
  });
});
