import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import type { Auth } from '../auth/Auth.ts';
import type { OidcClient } from '../auth/OidcClient.ts';
import { SsoError } from '../auth/SsoError.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AuthEnv } from './authRoutes.ts';
import { clientAddress } from './clientAddress.ts';
import { setSessionCookie } from './sessionCookie.ts';

/** The browser's handle on its sign-in under way; the state, nonce and verifier stay here. */
export const SSO_COOKIE = 'fdr_sso';
const COOKIE_PATH = '/api/auth/oidc';
/** Time to sign in at the provider (a password manager, a second factor) before starting over. */
const LOGIN_TTL_MS = 10 * 60 * 1000;

export interface OidcRouteDeps {
  auth: Auth;
  oidc: OidcClient;
  logger: Logger;
  publicUrl: () => string;
  trustProxyHops: number;
}

/** A path of this site only (never `//host` or `/\host`): no open redirect after signing in. */
export function safePath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  return /^\/(?![/\\])/.test(value) ? value : '/';
}

/**
 * Single sign-on: `start` sends the browser to the provider (GET with `?next=`, or a POST from
 * the web app that carries an invitation token, which never goes in a URL), `callback`
 * receives its answer.
 * Every failure is logged and sent back to the sign-in page as `?sso_error=<code>`, with no
 * session.
 */
export function oidcRoutes(deps: OidcRouteDeps) {
  const { auth, oidc } = deps;
  const log = deps.logger.child({ component: 'sso' });
  const secure = () => deps.publicUrl().startsWith('https:');
  const app = new Hono<AuthEnv>();
  const failedPath = (code: string) => `/signin?sso_error=${code}`;
  const failed = (c: Context, code: string) => c.redirect(failedPath(code), 303);

  /** Where to send the browser: the provider, or the sign-in page with the reason it cannot. */
  const start = async (c: Context<AuthEnv>, input: Record<string, unknown>): Promise<string> => {
    const invite = typeof input.invite === 'string' && input.invite !== '' ? input.invite : null;
    try {
      const { url, login } = await oidc.start({
        nextPath: safePath(input.next),
        invite: invite && invite.length <= 200 ? invite : null,
      });
      const handle = newToken();
      await auth.store.saveOidcLogin(hashToken(handle), login, Date.now() + LOGIN_TTL_MS);
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      setCookie(c, SSO_COOKIE, handle, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secure(),
        path: COOKIE_PATH,
        maxAge: LOGIN_TTL_MS / 1000,
      });
      return url.toString();
    } catch (error) {
      const code = error instanceof SsoError ? error.code : 'provider';
      log.warn(
        { code, err: error instanceof Error ? error.message : String(error) },
        'single sign-on could not start',
      );
      return failedPath(code);
    }
  };

  app.get('/auth/oidc/start', async (c) =>
    c.redirect(await start(c, { next: c.req.query('next') }), 303),
  );
  // From the web app's script (an invitation token rides in the JSON body, never in a URL); it
  // answers where to go rather than redirecting, since a fetch cannot follow to another origin.
  app.post('/auth/oidc/start', async (c) => {
    const input: unknown = await c.req.json().catch(() => null);
    const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
    return c.json({ location: await start(c, fields) });
  });

  app.get('/auth/oidc/callback', async (c) => {
    const handle = getCookie(c, SSO_COOKIE);
    deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH, secure: secure(), httpOnly: true });
    const ip = clientAddress(c, deps.trustProxyHops);
    try {
      // Single use: taken (deleted) before anything else, so a replayed answer finds nothing.
      const login = handle ? await auth.store.takeOidcLogin(hashToken(handle)) : null;
      if (!login)
        throw new SsoError(
          'state',
          handle ? 'no sign-in under way for this browser (used or expired)' : 'no sign-in cookie',
        );
      const query = new URL(c.req.url).search;
      const { identity, idToken } = await oidc.finish(query, login);
      const session = await auth.ssoSignIn(identity, { ip, invite: login.invite, idToken });
      setSessionCookie(c, session.token, session.expiresAt, secure());
      return c.redirect(await landing(auth, session.user, session.boardId, login.nextPath), 303);
    } catch (error) {
      if (!(error instanceof SsoError)) {
        log.error({ err: error }, 'single sign-on failed');
        return failed(c, 'provider');
      }
      // The provider's messages may quote what it received; never the code or tokens themselves.
      log.warn({ ip, code: error.code, reason: error.message }, 'single sign-on refused');
      return failed(c, error.code);
    }
  });

  return app;
}

/**
 * After signing in: the page asked for; else the board of the invitation accepted; else, for
 * someone whose only roles are in task teams, "My task teams"; else the boards.
 */
async function landing(
  auth: Auth,
  user: { id: string; isAdmin: boolean },
  boardId: string | null,
  nextPath: string,
): Promise<string> {
  const memberships = await auth.store.membershipsOf(user.id);
  const teamsOnly =
    !user.isAdmin && memberships.length > 0 && memberships.every((m) => m.role === 'task-team');
  if (nextPath !== '/') return nextPath;
  if (teamsOnly) return '/me';
  if (boardId) return `/b/${encodeURIComponent(boardId)}`;
  return '/';
}
