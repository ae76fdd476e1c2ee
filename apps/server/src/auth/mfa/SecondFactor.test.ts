import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { startTestServer, type TestServer } from '../../test/testServer.ts';

const PASSWORD = 'a-long-enough-password';
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

async function server(overrides: Partial<Config> = {}) {
  const s = await startTestServer({ lockoutThreshold: 5, lockoutBaseMs: 60_000, ...overrides });
  servers.push(s);
  return s;
}

async function api(s: TestServer, path: string, body?: unknown, cookie?: string, method?: string) {
  const res = await fetch(`${s.url}/api${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the answers' shapes are what these tests check
  const json = (await res.json().catch(() => ({}))) as Record<string, any>;
  return {
    status: res.status,
    json,
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

/** A real code from the secret, `offsetSteps` periods from now. */
function code(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

async function account(s: TestServer, email: string, isAdmin = false) {
  await s.auth.createUser({ email, name: email, password: PASSWORD, isAdmin }, null);
  const signedIn = await api(s, '/auth/signin', { email, password: PASSWORD });
  return signedIn.cookie;
}

/** Enrols through the account routes; answers the secret and the recovery codes. */
async function enrol(s: TestServer, cookie: string) {
  const started = await api(s, '/account/mfa/enrol', {}, cookie);
  expect(started.status).toBe(200);
  const secret = String(started.json.secret);
  expect(started.json.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  expect(started.json.uri).toContain(`secret=${secret}`);
  const confirmed = await api(s, '/account/mfa/confirm', { code: code(secret) }, cookie);
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: confirmed.json.recoveryCodes as string[] };
}

describe('second factor', () => {
  it('enrols with a first code, then sign-in needs a current, unused code before any session', async () => {
    const s = await server();
    const cookie = await account(s, 'ana@gc.ca');
    expect((await api(s, '/account/mfa', undefined, cookie)).json).toMatchObject({
      enrolled: false,
      required: false,
    });
    // A wrong first code does not activate it.
    const started = await api(s, '/account/mfa/enrol', {}, cookie);
    const secret = String(started.json.secret);
    expect((await api(s, '/account/mfa/confirm', { code: '000000' }, cookie)).status).toBe(401);
    const confirmed = await api(s, '/account/mfa/confirm', { code: code(secret) }, cookie);
    expect(confirmed.json.recoveryCodes).toHaveLength(10);
    expect((await api(s, '/account/mfa', undefined, cookie)).json).toMatchObject({
      enrolled: true,
      recoveryCodesLeft: 10,
    });

    const first = await api(s, '/auth/signin', { email: 'ana@gc.ca', password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.cookie).toBe('');
    expect(first.json.secondFactor.step).toBe('code');
    const token = first.json.secondFactor.token as string;

    // The code of the enrolment's step was used: replaying it is refused.
    expect((await api(s, '/auth/mfa/verify', { token, code: code(secret) })).status).toBe(401);
    expect((await api(s, '/auth/mfa/verify', { token, code: '123456' })).status).toBe(401);
    // The next step's code (one step of drift allowed) opens the session.
    const ok = await api(s, '/auth/mfa/verify', { token, code: code(secret, 1) });
    expect(ok.status).toBe(200);
    expect(ok.cookie).toMatch(/=/);
    expect((await api(s, '/auth/me', undefined, ok.cookie)).json.user.email).toBe('ana@gc.ca');
    // The token was single-use, and the same code cannot serve twice.
    expect((await api(s, '/auth/mfa/verify', { token, code: code(secret, 1) })).status).toBe(401);
    const again = await api(s, '/auth/signin', { email: 'ana@gc.ca', password: PASSWORD });
    expect(
      (
        await api(s, '/auth/mfa/verify', {
          token: again.json.secondFactor.token,
          code: code(secret, 1),
        })
      ).status,
    ).toBe(401);

    const actions = (await s.auth.store.auditLog()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['mfa-enrolled', 'mfa-failed', 'sign-in']));
  });

  it('takes a recovery code once', async () => {
    const s = await server();
    const { recoveryCodes } = await enrol(s, await account(s, 'bo@gc.ca'));
    const use = async (value: string) => {
      const pending = await api(s, '/auth/signin', { email: 'bo@gc.ca', password: PASSWORD });
      return api(s, '/auth/mfa/verify', { token: pending.json.secondFactor.token, code: value });
    };
    const typed = ` ${recoveryCodes[0]!.toUpperCase()} `;
    expect((await use(typed)).status).toBe(200);
    expect((await use(recoveryCodes[0]!)).status).toBe(401);
    expect((await use(recoveryCodes[1]!)).status).toBe(200);
  });

  it('counts wrong codes in the lockout, and a locked-out account cannot try codes', async () => {
    const s = await server({ lockoutThreshold: 3 });
    const { secret } = await enrol(s, await account(s, 'cy@gc.ca'));
    const pending = await api(s, '/auth/signin', { email: 'cy@gc.ca', password: PASSWORD });
    const token = pending.json.secondFactor.token;
    // The password was attempt 1 (a right password alone does not clear the count).
    expect((await api(s, '/auth/mfa/verify', { token, code: '111111' })).status).toBe(401);
    expect((await api(s, '/auth/mfa/verify', { token, code: '222222' })).status).toBe(401);
    const locked = await api(s, '/auth/mfa/verify', { token, code: code(secret, 1) });
    expect(locked.status).toBe(429);
    expect(locked.cookie).toBe('');
    expect((await api(s, '/auth/signin', { email: 'cy@gc.ca', password: PASSWORD })).status).toBe(
      429,
    );
  });

  it('with REQUIRE_MFA=admins, sends an administrator to enrolment before any session', async () => {
    const s = await server({ requireMfa: 'admins' });
    await s.auth.createUser(
      { email: 'admin@gc.ca', name: 'Admin', password: PASSWORD, isAdmin: true },
      null,
    );
    await s.auth.createUser(
      { email: 'member@gc.ca', name: 'Member', password: PASSWORD, isAdmin: false },
      null,
    );
    const member = await api(s, '/auth/signin', { email: 'member@gc.ca', password: PASSWORD });
    expect(member.cookie).toMatch(/=/);

    const first = await api(s, '/auth/signin', { email: 'admin@gc.ca', password: PASSWORD });
    expect(first.cookie).toBe('');
    expect(first.json.secondFactor.step).toBe('enrol');
    const token = first.json.secondFactor.token;
    // The enrolment token is no sign-in token.
    expect((await api(s, '/auth/mfa/verify', { token, code: '123456' })).status).toBe(401);
    const started = await api(s, '/auth/mfa/enrol', { token });
    expect(started.json.qrSvg).toContain('<svg');
    const done = await api(s, '/auth/mfa/enrol/confirm', {
      token,
      code: code(String(started.json.secret)),
    });
    expect(done.status).toBe(200);
    expect(done.cookie).toMatch(/=/);
    expect(done.json.recoveryCodes).toHaveLength(10);
    // Required: the administrator cannot turn it off.
    expect(
      (
        await api(
          s,
          '/account/mfa/disable',
          { code: code(String(started.json.secret), 1) },
          done.cookie,
        )
      ).status,
    ).toBe(403);
  });

  it('with REQUIRE_MFA=admins, the first-start setup gives an enrolment, not a session', async () => {
    const s = await server({ requireMfa: 'admins' });
    // The harness made an administrator: demote it so the instance is in its first-start state.
    await s.auth.store.setAdmin((await s.auth.store.listUsers())[0]!.id, false);
    const token = await s.auth.setupToken();
    const setup = await api(s, '/auth/setup', {
      token,
      email: 'chief@gc.ca',
      name: 'Chief',
      password: PASSWORD,
    });
    expect(setup.status).toBe(201);
    expect(setup.cookie).toBe('');
    expect(setup.json.secondFactor.step).toBe('enrol');
    const started = await api(s, '/auth/mfa/enrol', { token: setup.json.secondFactor.token });
    const done = await api(s, '/auth/mfa/enrol/confirm', {
      token: setup.json.secondFactor.token,
      code: code(String(started.json.secret)),
    });
    expect(done.cookie).toMatch(/=/);
    expect((await api(s, '/auth/me', undefined, done.cookie)).json.user.isAdmin).toBe(true);
  });

  it('with REQUIRE_MFA=all, an invitation that makes a password account gives an enrolment, not a session', async () => {
    const s = await server({ requireMfa: 'all' });
    const admin = (await s.auth.store.listUsers())[0]!;
    const created = await api(
      s,
      '/boards',
      { title: { fr: 'Feuille', en: 'Roadmap' }, template: 'blank' },
      s.cookie,
    );
    const boardId = String(created.json.board.id);
    const { token: invite } = await s.auth.createInvite(admin, boardId, 'council', []);
    const accepted = await api(s, '/invites/accept', {
      token: invite,
      email: 'newcomer@gc.ca',
      name: 'Newcomer',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.cookie).toBe('');
    expect(accepted.json.membership.role).toBe('council');
    expect(accepted.json.secondFactor.step).toBe('enrol');
    const token = accepted.json.secondFactor.token;
    const started = await api(s, '/auth/mfa/enrol', { token });
    const done = await api(s, '/auth/mfa/enrol/confirm', {
      token,
      code: code(String(started.json.secret)),
    });
    expect(done.cookie).toMatch(/=/);
    expect((await api(s, '/auth/me', undefined, done.cookie)).json.user.email).toBe(
      'newcomer@gc.ca',
    );
  });

  it('lets an administrator reset a factor (audit logged), and a user regenerate codes or turn it off', async () => {
    const s = await server();
    const cookie = await account(s, 'di@gc.ca');
    const { secret, recoveryCodes } = await enrol(s, cookie);

    const fresh = await api(s, '/account/mfa/recovery-codes', { code: code(secret, 1) }, cookie);
    expect(fresh.json.recoveryCodes).toHaveLength(10);
    expect(fresh.json.recoveryCodes).not.toContain(recoveryCodes[0]);

    const user = await s.auth.store.userByEmail('di@gc.ca');
    const nonAdmin = await s.session('b', 'observer');
    expect(
      (await api(s, `/admin/users/${user!.id}/mfa`, undefined, nonAdmin.cookie, 'DELETE')).status,
    ).toBe(403);
    expect((await api(s, '/admin/users/nobody/mfa', undefined, s.cookie, 'DELETE')).status).toBe(
      404,
    );
    const reset = await api(s, `/admin/users/${user!.id}/mfa`, undefined, s.cookie, 'DELETE');
    expect(reset.status).toBe(200);
    const entry = (await s.auth.store.auditLog()).find((e) => e.action === 'mfa-reset');
    expect(entry).toMatchObject({ target: 'di@gc.ca' });
    expect(entry?.actorEmail).toBeTruthy();
    const plain = await api(s, '/auth/signin', { email: 'di@gc.ca', password: PASSWORD });
    expect(plain.cookie).toMatch(/=/);

    const again = await enrol(s, plain.cookie);
    expect((await api(s, '/account/mfa/disable', { code: '000000' }, plain.cookie)).status).toBe(
      401,
    );
    expect(
      (await api(s, '/account/mfa/disable', { code: code(again.secret, 1) }, plain.cookie)).status,
    ).toBe(200);
    expect((await s.auth.store.auditLog()).map((e) => e.action)).toContain('mfa-disabled');
  });

  it('stores the secret sealed, with a key file only the server user reads', async () => {
    const s = await server();
    const cookie = await account(s, 'ed@gc.ca');
    const { secret } = await enrol(s, cookie);
    const user = await s.auth.store.userByEmail('ed@gc.ca');
    const factor = await s.auth.store.mfa.factor(user!.id);
    expect(factor?.sealedSecret).not.toContain(secret);
    expect(statSync(join(s.dataDir, 'mfa.key')).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(s.logs)).not.toContain(secret);
  });
});
