import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountStore, DuplicateEmailError } from './AccountStore.ts';
import { pgExecutor, sqliteExecutor } from './SqlExecutor.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanup) await fn();
});

const backends: [string, () => Promise<AccountStore>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fdr-accounts-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      return AccountStore.open(sqliteExecutor(new DatabaseSync(join(dir, 'boards.sqlite'))));
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = `fdr_auth_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      cleanup.push(async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
      const pool = new pg.Pool({
        connectionString: DATABASE_URL,
        options: `-c search_path=${schema}`,
        max: 4,
      });
      return AccountStore.open(pgExecutor(pool));
    },
  ],
];

describe.each(backends)('AccountStore on %s', (_name, open) => {
  it('creates users with unique, case-insensitive emails', async () => {
    const store = await open();
    const ada = await store.createUser({
      email: ' Ada@Example.ca ',
      name: 'Ada',
      passwordHash: 'h',
      isAdmin: true,
    });
    expect(ada.email).toBe('ada@example.ca');
    expect(ada).not.toHaveProperty('passwordHash');
    await expect(
      store.createUser({ email: 'ADA@example.ca', name: 'X', passwordHash: 'h', isAdmin: false }),
    ).rejects.toThrow(DuplicateEmailError);
    expect((await store.userByEmail('ada@EXAMPLE.ca'))?.id).toBe(ada.id);
    expect(await store.countAdmins()).toBe(1);
    await store.close();
  });

  it('ties accounts to a provider subject, keeps sign-ins under way once, and ID tokens', async () => {
    const store = await open();
    const u = await store.createUser({
      email: 'o@x.ca',
      name: 'O',
      passwordHash: '',
      isAdmin: false,
    });
    await store.linkIdentity('https://sso.example', 'sub-1', u.id);
    expect((await store.userByIdentity('https://sso.example', 'sub-1'))?.id).toBe(u.id);
    expect(await store.userByIdentity('https://other.example', 'sub-1')).toBeNull();
    await store.updateProfile(u.id, { name: 'O. New', email: 'O.new@x.ca' });
    expect(await store.userById(u.id)).toMatchObject({ name: 'O. New', email: 'o.new@x.ca' });

    const login = { state: 's', nonce: 'n', codeVerifier: 'v', nextPath: '/b/x', invite: null };
    await store.saveOidcLogin('handle', login, Date.now() + 60_000);
    await store.saveOidcLogin('stale', login, Date.now() - 1);
    const [first, second] = await Promise.all([
      store.takeOidcLogin('handle'),
      store.takeOidcLogin('handle'),
    ]);
    expect([first, second].filter(Boolean)).toEqual([login]);
    expect(await store.takeOidcLogin('stale')).toBeNull();

    await store.createSession('sso', u.id, Date.now() + 60_000);
    expect(await store.sessionIdToken('sso')).toBeNull();
    await store.setSessionIdToken('sso', 'id.token.value');
    expect(await store.sessionIdToken('sso')).toBe('id.token.value');
    await store.close();
  });

  it('keeps sessions until they expire or are deleted', async () => {
    const store = await open();
    const u = await store.createUser({
      email: 's@x.ca',
      name: 'S',
      passwordHash: 'h',
      isAdmin: false,
    });
    await store.createSession('live', u.id, Date.now() + 60_000);
    await store.createSession('old', u.id, Date.now() - 1);
    expect((await store.sessionUser('live'))?.id).toBe(u.id);
    expect(await store.sessionUser('old')).toBeNull();
    expect(await store.deleteExpiredSessions()).toBe(1);
    await store.deleteUserSessions(u.id);
    expect(await store.sessionUser('live')).toBeNull();
    await store.close();
  });

  it('stores memberships with their cards', async () => {
    const store = await open();
    const u = await store.createUser({
      email: 'm@x.ca',
      name: 'M',
      passwordHash: 'h',
      isAdmin: false,
    });
    await store.setMembership({
      boardId: 'b1',
      userId: u.id,
      role: 'task-team',
      cardIds: ['c1', 'c2'],
    });
    expect(await store.membership('b1', u.id)).toEqual({
      boardId: 'b1',
      userId: u.id,
      role: 'task-team',
      cardIds: ['c1', 'c2'],
    });
    await store.setMembership({ boardId: 'b1', userId: u.id, role: 'observer', cardIds: [] });
    expect((await store.members('b1')).map((m) => [m.email, m.role])).toEqual([
      ['m@x.ca', 'observer'],
    ]);
    expect(await store.removeMembership('b1', u.id)).toBe(true);
    expect(await store.membership('b1', u.id)).toBeNull();
    await store.close();
  });

  it('consumes a link once, and never after it expires', async () => {
    const store = await open();
    const base = {
      kind: 'invite' as const,
      boardId: 'b',
      role: 'council' as const,
      cardIds: [],
      userId: null,
      createdBy: null,
    };
    await store.createLink({ ...base, tokenHash: 'fresh', expiresAt: Date.now() + 60_000 });
    await store.createLink({ ...base, tokenHash: 'stale', expiresAt: Date.now() - 1 });
    const results = await Promise.all([
      store.consumeLink('fresh', 'invite', 'u1'),
      store.consumeLink('fresh', 'invite', 'u2'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.consumeLink('fresh', 'invite', 'u3')).toBeNull();
    expect(await store.consumeLink('stale', 'invite', 'u1')).toBeNull();
    expect(await store.consumeLink('fresh', 'reset', 'u1')).toBeNull();
    expect((await store.invites('b')).map((i) => i.tokenHash).sort()).toEqual(['fresh', 'stale']);
    await store.close();
  });

  it('admits only `threshold` of many concurrent sign-in attempts, atomically', async () => {
    const store = await open();
    const rule = { threshold: 5, baseMs: 60_000, maxMs: 3_600_000, windowMs: 0 };
    const now = 1_000_000;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => store.attempts.reserve('email:k', rule, now)),
    );
    expect(results.filter((r) => r.admitted)).toHaveLength(5);
    expect(results.find((r) => !r.admitted)).toEqual({
      admitted: false,
      lockedUntil: now + 60_000,
    });
    // Once the lock has passed, one more attempt, and the next lock is twice as long.
    expect(await store.attempts.reserve('email:k', rule, now + 60_000)).toEqual({
      admitted: true,
      attempts: 6,
    });
    expect(await store.attempts.reserve('email:k', rule, now + 60_001)).toEqual({
      admitted: false,
      lockedUntil: now + 60_000 + 120_000,
    });
    // A refund gives back one attempt; the lock stays while the count is at the threshold.
    await store.attempts.refund('email:k', rule);
    expect((await store.attempts.reserve('email:k', rule, now + 60_002)).admitted).toBe(false);
    await store.attempts.clear('email:k');
    expect(await store.attempts.reserve('email:k', rule, now + 60_002)).toEqual({
      admitted: true,
      attempts: 1,
    });
    await store.close();
  });

  it('lets a windowed count decay, and remembers where an account signed in', async () => {
    const store = await open();
    const rule = { threshold: 2, baseMs: 1000, maxMs: 1000, windowMs: 10_000 };
    expect((await store.attempts.reserve('ip:a', rule, 0)).admitted).toBe(true);
    expect((await store.attempts.reserve('ip:a', rule, 5000)).admitted).toBe(true);
    expect((await store.attempts.reserve('ip:a', rule, 5500)).admitted).toBe(false);
    // Giving back the attempt that reached the threshold lifts the lock it set.
    await store.attempts.refund('ip:a', rule);
    expect((await store.attempts.reserve('ip:a', rule, 5600)).admitted).toBe(true);
    // The window since the first attempt has passed: counting starts again.
    expect(await store.attempts.reserve('ip:a', rule, 10_001)).toEqual({
      admitted: true,
      attempts: 1,
    });
    expect(await store.attempts.known('a@x.ca', '10.0.0.1')).toBe(false);
    await store.attempts.remember('a@x.ca', '10.0.0.1');
    await store.attempts.remember('a@x.ca', '10.0.0.1');
    expect(await store.attempts.known('a@x.ca', '10.0.0.1')).toBe(true);
    expect(await store.attempts.known('b@x.ca', '10.0.0.1')).toBe(false);
    await store.close();
  });

  it('records the audit log', async () => {
    const store = await open();
    await store.audit({
      actorId: 'u',
      actorEmail: 'u@x.ca',
      action: 'sign-in',
      boardId: null,
      target: null,
      details: {},
    });
    await store.audit({
      actorId: 'u',
      actorEmail: 'u@x.ca',
      action: 'invite',
      boardId: 'b',
      target: 'council',
      details: { n: 1 },
    });
    const log = await store.auditLog({ boardId: 'b' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'invite', details: { n: 1 } });
    expect(await store.auditLog()).toHaveLength(2);
    await store.close();
  });
});
