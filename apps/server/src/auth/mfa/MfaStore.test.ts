import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../AccountStore.ts';
import { pgExecutor, sqliteExecutor } from '../SqlExecutor.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanup) await fn();
});

// The migration and every statement on both databases the account store supports.
const backends: [string, () => Promise<AccountStore>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'fdr-mfa-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      return AccountStore.open(sqliteExecutor(new DatabaseSync(join(dir, 'boards.sqlite'))));
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = `fdr_mfa_${randomBytes(4).toString('hex')}`;
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

describe.each(backends)('MfaStore on %s', (_name, open) => {
  it('enrols, confirms, takes each time step and recovery code once, and removes', async () => {
    const store = await open();
    const { id } = await store.createUser({
      email: 'm@x.ca',
      name: 'M',
      passwordHash: 'h',
      isAdmin: false,
    });
    expect(await store.mfa.startEnrolment(id, 'sealed-1')).toBe(true);
    // Restarting an unconfirmed enrolment replaces its secret.
    expect(await store.mfa.startEnrolment(id, 'sealed-2')).toBe(true);
    expect(await store.mfa.factor(id)).toMatchObject({
      sealedSecret: 'sealed-2',
      confirmedAt: null,
    });
    await store.mfa.confirm(id);
    expect(await store.mfa.startEnrolment(id, 'sealed-3')).toBe(false);
    expect((await store.mfa.factor(id))?.confirmedAt).toEqual(expect.any(Number));

    const step = 59_000_000_000;
    const uses = await Promise.all([store.mfa.useStep(id, step), store.mfa.useStep(id, step)]);
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await store.mfa.useStep(id, step - 1)).toBe(false);
    expect((await store.mfa.factor(id))?.lastStep).toBe(step);

    await store.mfa.replaceRecoveryCodes(id, ['a', 'b']);
    expect(await store.mfa.useRecoveryCode(id, 'a')).toBe(true);
    expect(await store.mfa.useRecoveryCode(id, 'a')).toBe(false);
    expect(await store.mfa.recoveryCodesLeft(id)).toBe(1);

    expect(await store.mfa.remove(id)).toBe(true);
    expect(await store.mfa.factor(id)).toBeNull();
    expect(await store.mfa.recoveryCodesLeft(id)).toBe(0);
    await store.close();
  });

  it('keeps a pending sign-in for its lifetime, usable once', async () => {
    const store = await open();
    const { id } = await store.createUser({
      email: 'p@x.ca',
      name: 'P',
      passwordHash: 'h',
      isAdmin: false,
    });
    const pending = {
      userId: id,
      step: 'code' as const,
      address: '127.0.0.1',
      countedOnAddress: true,
      expiresAt: Date.now() + 60_000,
    };
    await store.mfa.createPending('t1', pending);
    await store.mfa.createPending('t2', { ...pending, expiresAt: Date.now() - 1 });
    expect(await store.mfa.pending('t1')).toEqual(pending);
    expect(await store.mfa.pending('t2')).toBeNull();
    expect(await store.mfa.usePending('t2')).toBe(false);
    const uses = await Promise.all([store.mfa.usePending('t1'), store.mfa.usePending('t1')]);
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await store.mfa.pending('t1')).toBeNull();
    await store.close();
  });
});
