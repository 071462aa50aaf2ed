/**
 * The git host the editor at /admin/ reads and saves content through, read
 * from the environment in this one place (docs/EDITING-WEB-TEAM.md):
 * scripts/build-admin.ts configures the editor with it, and the hosts'
 * configuration (src/hosting/) opens /admin/'s Content Security Policy to the
 * same host, so the two cannot disagree as long as both builds see the same
 * variables.
 *
 *   EDITOR_BACKEND  github | gitlab | gitea            (default github)
 *   EDITOR_REPO     owner/name of the site's repository (needed to sign in; local mode works without)
 *   EDITOR_BRANCH   the branch the site is built from   (default main)
 *   EDITOR_API_ROOT a self-managed GitLab, Gitea or GitHub Enterprise API address
 *   EDITOR_AUTH_URL the OAuth client's address (GitHub; Gitea)
 *   EDITOR_APP_ID   the OAuth application id (GitLab PKCE sign-in, Gitea)
 */

export const EDITOR_BACKENDS = ['github', 'gitlab', 'gitea'] as const;

/** The editor's back-end, in Sveltia CMS's own terms (its `backend` configuration block). */
export interface EditorBackend {
  name: (typeof EDITOR_BACKENDS)[number];
  repo: string;
  branch: string;
  /** A self-managed GitLab or Gitea/Forgejo address, or GitHub Enterprise's API; GitHub and gitlab.com need none. */
  api_root?: string;
  /** An OAuth client (such as sveltia-cms-auth) the sign-in window opens. */
  base_url?: string;
  app_id?: string;
  auth_type?: 'pkce';
}

/** A variable the editor cannot work with; the message says which and what it should be. */
export class EditorEnvironmentError extends Error {}

function address(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new EditorEnvironmentError(`${name} must be a web address such as https://git.council.gov.uk/api/v1, not "${value}".`);
  }
  return value;
}

/** The editor's back-end from EDITOR_* variables; throws EditorEnvironmentError, naming the variable, when one is unusable. */
export function editorBackendFromEnv(env: Readonly<Record<string, string | undefined>>): EditorBackend {
  const name = env.EDITOR_BACKEND || 'github';
  if (!(EDITOR_BACKENDS as readonly string[]).includes(name)) throw new EditorEnvironmentError(`EDITOR_BACKEND must be github, gitlab or gitea, not "${name}".`);
  const backendName = name as EditorBackend['name'];
  const apiRoot = address(env, 'EDITOR_API_ROOT');
  const authUrl = address(env, 'EDITOR_AUTH_URL');
  return {
    name: backendName,
    // Local mode needs no repository, but the CMS wants one named; signing in needs the real one.
    repo: env.EDITOR_REPO || 'set-EDITOR_REPO/to-this-repository',
    branch: env.EDITOR_BRANCH || 'main',
    ...(apiRoot ? { api_root: apiRoot } : {}),
    ...(authUrl ? { base_url: authUrl } : {}),
    ...(env.EDITOR_APP_ID ? { app_id: env.EDITOR_APP_ID, ...(backendName === 'gitlab' ? { auth_type: 'pkce' as const } : {}) } : {}),
  };
}
