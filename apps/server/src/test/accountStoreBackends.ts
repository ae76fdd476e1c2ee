import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll } from 'vitest';
import { AccountStore } from '../auth/AccountStore.ts';
import { pgExecutor, sqliteExecutor } from '../auth/SqlExecutor.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The two databases a store built on the account store runs on, for `describe.each`: a SQLite
 * file in its own folder, and a schema of its own on the real PostgreSQL (dropped after the
 * file's tests). `name` prefixes the folder and the schema; `poolMax` sizes the PostgreSQL pool.
 */
export function accountStoreBackends(
  name: string,
  poolMax = 4,
): [string, () => Promise<AccountStore>][] {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const fn of cleanup) await fn();
  });
  return [
    [
      'SQLite',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), `fdr-${name}-`));
        cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
        return AccountStore.open(sqliteExecutor(new DatabaseSync(join(dir, 'boards.sqlite'))));
      },
    ],
    [
      'PostgreSQL',
      async () => {
        const schema = `fdr_${name}_${randomBytes(4).toString('hex')}`;
        const admin = new pg.Client({ connectionString: DATABASE_URL });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        const pool = new pg.Pool({
          connectionString: DATABASE_URL,
          options: `-c search_path=${schema}`,
          max: poolMax,
        });
        const store = await AccountStore.open(pgExecutor(pool));
        cleanup.push(async () => {
          await store.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        });
        return store;
      },
    ],
  ];
}
