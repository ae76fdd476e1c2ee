import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { startTestProvider, type TestProvider } from '../test/oidcProvider.ts';
import { freePort, SsoBrowser } from '../test/ssoFlow.ts';
import { startTestServer, type TestServer } from '../test/testServer.ts';
import { safePath } from './oidcRoutes.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface Setup {
  server: TestServer;
  provider: TestProvider;
  browser: SsoBrowser;
  /** `start` on our server. */
  startUrl: string;
}

/** Our server and a real provider that know each other, on loopback ports. */
async function setup(
  overrides: Partial<Config> = {},
  options: { oidcFetch?: typeof fetch; provider?: TestProvider } = {},
): Promise<Setup> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider =
    options.provider ??
    (await startTestProvider({
      redirectUri: `${publicUrl}/api/auth/oidc/callback`,
      postLogoutRedirectUri: publicUrl,
    }));
  if (!options.provider) cleanups.push(() => provider.close());
  const server = await startTestServer(
    {
      port,
      oidcIssuer: provider.issuer,
      oidcClientId: provider.clientId,
      oidcClientSecret: provider.clientSecret,
      ...overrides,
    },
    options.oidcFetch ? { oidcFetch: options.oidcFetch } : {},
  );
  cleanups.push(() => server.dispose());
  return {
    server,
    provider,
    browser: new SsoBrowser(),
    startUrl: `${server.url}/api/auth/oidc/start`,
  };
}

/** Opens our callback as the browser would; the redirect says where it sent the person. */
async function finish(s: Setup, callbackUrl: string) {
  const res = await s.browser.request(callbackUrl);
  expect(res.status).toBe(303);
  const location = new URL(res.location!);
  return {
    path: `${location.pathname}${location.search}`,
    error: location.searchParams.get('sso_error'),
    session: s.browser.cookie(s.server.url, 'fdr_session'),
  };
}

async function me(s: Setup) {
  const session = s.browser.cookie(s.server.url, 'fdr_session');
  const res = await fetch(`${s.server.url}/api/auth/me`, {
    headers: { cookie: `fdr_session=${session}` },
  });
  const json = (await res.json()) as {
    user: { id: string; email: string; name: string; isAdmin: boolean };
    memberships: unknown[];
  };
  return { status: res.status, json };
}

describe('single sign-on', () => {
  it('first sign-in makes the account from the verified claims, with no board role', async () => {
    const s = await setup();
    s.provider.accounts.set('sub-ada', {
      email: 'Ada@GC.ca',
      email_verified: true,
      name: 'Ada L.',
    });
    const callback = await s.browser.signInAtProvider(`${s.startUrl}?next=/b/x/table`, 'sub-ada');
    const result = await finish(s, callback);
    expect(result).toMatchObject({ path: '/b/x/table', error: null });
    expect(JSON.stringify(s.server.logs)).not.toContain(new URL(callback).searchParams.get('code'));
    const who = await me(s);
    expect(who.json.user).toMatchObject({ email: 'ada@gc.ca', name: 'Ada L.', isAdmin: false });
    expect(who.json.memberships).toEqual([]);
    expect(s.server.logs.some((l) => l.msg === 'signed in through single sign-on')).toBe(true);
    const audit = await s.server.auth.store.auditLog();
    expect(audit.map((e) => e.action)).toContain('sign-in-sso');
  });
});

/** The ID token of a token endpoint answer replaced by `rewrite`'s (the rest left as it came). */
function rewritingFetch(rewrite: (idToken: string) => string): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input instanceof Request ? input.url : input).endsWith('/token')) return res;
    const body = (await res.json()) as Record<string, unknown>;
    body.id_token = rewrite(String(body.id_token));
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };
}

function claimsOf(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

async function createBoard(s: Setup): Promise<string> {
  const res = await fetch(`${s.server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.server.cookie },
    body: JSON.stringify({ title: { fr: 'Essai', en: 'Trial' }, template: 'blank' }),
  });
  return ((await res.json()) as { board: { id: string } }).board.id;
}

describe('single sign-on accounts', () => {
  it('accepts an invitation through the provider: the new account gets its role', async () => {
    const s = await setup();
    const board = await createBoard(s);
    const invite = await s.server.auth.createInvite(
      (await s.server.auth.store.listUsers())[0]!,
      board,
      'council',
      [],
    );
    s.provider.accounts.set('sub-bo', { email: 'bo@gc.ca', email_verified: true, name: 'Bo' });
    const callback = await s.browser.signInAtProvider(s.startUrl, 'sub-bo', {
      invite: invite.token,
    });
    expect(await finish(s, callback)).toMatchObject({ path: `/b/${board}`, error: null });
    expect((await me(s)).json.memberships).toEqual([
      { boardId: board, userId: expect.any(String), role: 'council', cardIds: [] },
    ]);
    // Single use: the same invitation again is refused, with no session.
    const again = new SsoBrowser();
    const second = await again.signInAtProvider(s.startUrl, 'sub-bo', { invite: invite.token });
    const res = await again.request(second);
    expect(res.location).toMatch(/\/signin\?sso_error=invite$/);
    expect(again.cookie(s.server.url, 'fdr_session')).toBeUndefined();
  });

  it('links a password account with the same verified email, never a second account', async () => {
    const s = await setup();
    const existing = await s.server.auth.createUser(
      { email: 'cy@gc.ca', name: 'Cy', password: 'correct horse battery', isAdmin: false },
      null,
    );
    s.provider.accounts.set('sub-cy', { email: 'CY@gc.ca', email_verified: true, name: 'Cy' });
    await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-cy'));
    expect((await me(s)).json.user.id).toBe(existing.id);
    expect(
      (await s.server.auth.store.listUsers()).filter((u) => u.email === 'cy@gc.ca'),
    ).toHaveLength(1);
    expect((await s.server.auth.store.auditLog()).map((e) => e.action)).toContain('sso-linked');
  });

  it('keeps one account when the email changes at the provider (found by subject)', async () => {
    const s = await setup();
    s.provider.accounts.set('sub-di', { email: 'di@gc.ca', email_verified: true, name: 'Di' });
    await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-di'));
    const first = (await me(s)).json.user.id as string;
    s.provider.accounts.set('sub-di', {
      email: 'di.new@gc.ca',
      email_verified: true,
      name: 'Di N.',
    });
    const later = new SsoBrowser();
    await later.request(await later.signInAtProvider(s.startUrl, 'sub-di'));
    const users = await s.server.auth.store.listUsers();
    expect(users.filter((u) => u.name.startsWith('Di'))).toEqual([
      expect.objectContaining({ id: first, email: 'di.new@gc.ca', name: 'Di N.' }),
    ]);
  });

  it('refuses an unverified email that matches an existing account, with no session', async () => {
    const s = await setup();
    await s.server.auth.createUser(
      { email: 'ed@gc.ca', name: 'Ed', password: 'correct horse battery', isAdmin: false },
      null,
    );
    s.provider.accounts.set('sub-mallory', { email: 'ed@gc.ca', email_verified: false, name: 'M' });
    const result = await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-mallory'));
    expect(result).toMatchObject({
      path: '/signin?sso_error=email-unverified',
      session: undefined,
    });
    expect(await s.server.auth.store.userByIdentity(s.provider.issuer, 'sub-mallory')).toBeNull();
    expect(
      s.server.logs.some(
        (l) => l.msg === 'single sign-on refused' && l.code === 'email-unverified',
      ),
    ).toBe(true);
  });

  it('makes an administrator of a verified email named in OIDC_ADMIN_EMAILS', async () => {
    const s = await setup({ oidcAdminEmails: ['fay@gc.ca'] });
    s.provider.accounts.set('sub-fay', { email: 'fay@gc.ca', email_verified: true, name: 'Fay' });
    s.provider.accounts.set('sub-gus', { email: 'gus@gc.ca', email_verified: true, name: 'Gus' });
    await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-fay'));
    expect((await me(s)).json.user.isAdmin).toBe(true);
    const other = new SsoBrowser();
    await other.request(await other.signInAtProvider(s.startUrl, 'sub-gus'));
    expect((await s.server.auth.store.userByEmail('gus@gc.ca'))?.isAdmin).toBe(false);
  });
});

describe('single sign-on refusals', () => {
  it('refuses a wrong state, and the same answer twice', async () => {
    const s = await setup();
    s.provider.accounts.set('sub-h', { email: 'h@gc.ca', email_verified: true, name: 'H' });
    const callback = await s.browser.signInAtProvider(s.startUrl, 'sub-h');
    const wrong = new URL(callback);
    wrong.searchParams.set('state', 'not-the-state');
    expect(await finish(s, wrong.toString())).toMatchObject({
      path: '/signin?sso_error=state',
      session: undefined,
    });
    // The sign-in under way was used up by the wrong answer: the right one now fails too.
    expect(await finish(s, callback)).toMatchObject({ path: '/signin?sso_error=state' });

    const other = new SsoBrowser();
    const good = await other.signInAtProvider(s.startUrl, 'sub-h');
    const handle = other.cookie(s.server.url, 'fdr_sso')!;
    expect((await other.request(good)).location).toBe(`${s.server.url}/`);
    // Replayed with the cookie it came with: nothing under way any more.
    other.setCookie(s.server.url, 'fdr_sso', handle);
    other.setCookie(s.server.url, 'fdr_session', 'none');
    expect((await other.request(good)).location).toBe(`${s.server.url}/signin?sso_error=state`);
  });

  it('refuses a code used before (the provider says invalid_grant)', async () => {
    const s = await setup();
    s.provider.accounts.set('sub-i', { email: 'i@gc.ca', email_verified: true, name: 'I' });
    const used = await s.browser.signInAtProvider(s.startUrl, 'sub-i');
    expect((await finish(s, used)).error).toBeNull();
    // A fresh sign-in under way, answered with the old code under its own state.
    const attacker = new SsoBrowser();
    const fresh = new URL(await attacker.signInAtProvider(s.startUrl, 'sub-i'));
    const replay = new URL(used);
    replay.searchParams.set('state', fresh.searchParams.get('state')!);
    const res = await attacker.request(replay.toString());
    expect(res.location).toBe(`${s.server.url}/signin?sso_error=code`);
    expect(attacker.cookie(s.server.url, 'fdr_session')).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const s = await setup();
    s.provider.accounts.set('sub-j', { email: 'j@gc.ca', email_verified: true, name: 'J' });
    const callback = await s.browser.signInAtProvider(s.startUrl, 'sub-j');
    // The nonce kept for this sign-in is changed: the provider's token carries the original.
    const { hashToken } = await import('../auth/tokens.ts');
    const key = hashToken(s.browser.cookie(s.server.url, 'fdr_sso')!);
    const login = (await s.server.auth.store.takeOidcLogin(key))!;
    await s.server.auth.store.saveOidcLogin(
      key,
      { ...login, nonce: 'another-nonce' },
      Date.now() + 60_000,
    );
    expect(await finish(s, callback)).toMatchObject({
      path: '/signin?sso_error=token',
      session: undefined,
    });
    expect(s.server.logs.find((l) => l.msg === 'single sign-on refused')?.reason).toMatch(/nonce/);
  });

  const forged: [
    string,
    (claims: Record<string, unknown>, p: TestProvider) => Record<string, unknown>,
    RegExp,
  ][] = [
    ['another issuer', (c) => ({ ...c, iss: 'http://127.0.0.1:1/other' }), /iss/],
    ['another audience', (c) => ({ ...c, aud: 'another-client' }), /aud/],
    [
      'an expired token',
      (c) => ({ ...c, iat: Number(c.iat) - 7200, exp: Number(c.iat) - 3600 }),
      /exp/,
    ],
  ];
  for (const [what, change, reason] of forged) {
    it(`refuses ${what}, signed with the provider's own key`, async () => {
      let provider: TestProvider | null = null;
      const s = await setup(
        {},
        {
          oidcFetch: rewritingFetch((idToken) =>
            provider!.signIdToken(change(claimsOf(idToken), provider!)),
          ),
        },
      );
      provider = s.provider;
      s.provider.accounts.set('sub-k', { email: 'k@gc.ca', email_verified: true, name: 'K' });
      const result = await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-k'));
      expect(result).toMatchObject({ path: '/signin?sso_error=token', session: undefined });
      expect(s.server.logs.find((l) => l.msg === 'single sign-on refused')?.reason).toMatch(reason);
    });
  }

  it('refuses a badly signed ID token', async () => {
    const s = await setup(
      {},
      {
        oidcFetch: rewritingFetch((idToken) => {
          const [header, payload, signature] = idToken.split('.');
          const bytes = Buffer.from(signature!, 'base64url');
          bytes[10]! ^= 0xff;
          return `${header}.${payload}.${bytes.toString('base64url')}`;
        }),
      },
    );
    s.provider.accounts.set('sub-l', { email: 'l@gc.ca', email_verified: true, name: 'L' });
    const result = await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-l'));
    expect(result).toMatchObject({ path: '/signin?sso_error=token', session: undefined });
  });

  it('says when the provider is down; password sign-in still works', async () => {
    const s = await setup();
    await s.provider.close();
    const res = await s.browser.request(s.startUrl);
    expect(res.location).toBe(`${s.server.url}/signin?sso_error=provider`);
    expect(
      s.server.logs.some(
        (l) => l.msg === 'single sign-on could not start' && l.code === 'provider',
      ),
    ).toBe(true);
    await s.server.auth.createUser(
      { email: 'pw@gc.ca', name: 'Pw', password: 'correct horse battery', isAdmin: false },
      null,
    );
    const signin = await fetch(`${s.server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pw@gc.ca', password: 'correct horse battery' }),
    });
    expect(signin.status).toBe(200);
  });
});

describe('password sign-in and sign-out with single sign-on', () => {
  it('PASSWORD_SIGNIN=off refuses password sign-in and tells the web app', async () => {
    const s = await setup({ passwordSignin: false });
    await s.server.auth.createUser(
      { email: 'm@gc.ca', name: 'M', password: 'correct horse battery', isAdmin: false },
      null,
    );
    const signin = await fetch(`${s.server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'm@gc.ca', password: 'correct horse battery' }),
    });
    expect(signin.status).toBe(403);
    expect(await signin.json()).toMatchObject({ code: 'password-signin-off' });
    expect(s.server.logs.some((l) => l.msg === 'sign-in refused: password sign-in is off')).toBe(
      true,
    );
    // Nor is a password account made through an invitation: it is accepted through the provider.
    const board = await createBoard(s);
    const invite = await s.server.auth.createInvite(
      (await s.server.auth.store.listUsers()).find((u) => u.isAdmin)!,
      board,
      'observer',
      [],
    );
    const accept = await fetch(`${s.server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: invite.token,
        email: 'new@gc.ca',
        name: 'New',
        password: 'correct horse battery',
      }),
    });
    expect(accept.status).toBe(403);
    expect(await s.server.auth.store.userByEmail('new@gc.ca')).toBeNull();
    const config = await (await fetch(`${s.server.url}/api/config`)).json();
    expect(config).toMatchObject({
      sso: {
        label: {
          en: 'Sign in with single sign-on',
          fr: 'Se connecter par authentification unique',
        },
      },
      passwordSignIn: false,
    });
  });

  it('signs out of our session and gives the provider’s sign-out URL', async () => {
    const s = await setup();
    s.provider.accounts.set('sub-n', { email: 'n@gc.ca', email_verified: true, name: 'N' });
    await finish(s, await s.browser.signInAtProvider(s.startUrl, 'sub-n'));
    const session = s.browser.cookie(s.server.url, 'fdr_session')!;
    const res = await fetch(`${s.server.url}/api/auth/signout`, {
      method: 'POST',
      headers: { cookie: `fdr_session=${session}` },
    });
    const { logoutUrl } = (await res.json()) as { logoutUrl: string };
    const url = new URL(logoutUrl);
    expect(url.origin).toBe(s.provider.issuer);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(s.server.url);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    // Neither the ID token nor the code reaches the log.
    expect(JSON.stringify(s.server.logs)).not.toContain(url.searchParams.get('id_token_hint'));
    expect((await me(s)).status).toBe(401);
    // The provider accepts it (the hint and the address are the registered ones).
    expect((await fetch(logoutUrl)).status).toBe(200);
  });
});

describe('safePath', () => {
  it('keeps a path of this site, and nothing that leaves it', () => {
    expect(safePath('/b/abc/table?card=x')).toBe('/b/abc/table?card=x');
    expect(safePath('//evil.example/')).toBe('/');
    expect(safePath('/\\evil.example')).toBe('/');
    expect(safePath('https://evil.example')).toBe('/');
    expect(safePath(undefined)).toBe('/');
    expect(safePath(`/${'x'.repeat(3000)}`)).toBe('/');
  });
});
