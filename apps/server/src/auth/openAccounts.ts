import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { Config } from '../config.ts';
import { AccountStore } from './AccountStore.ts';
import { pgExecutor, sqliteExecutor } from './SqlExecutor.ts';

/** The account store in the same database as the boards: PostgreSQL when configured, else SQLite. */
export async function openAccounts(config: Config): Promise<AccountStore> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      options: `-c search_path=${config.databaseSchema}`,
      max: 4,
    });
    pool.on('error', () => {});
    // The schema name is checked by the configuration (a plain identifier).
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${config.databaseSchema}`);
    return AccountStore.open(pgExecutor(pool));
  }
  const file = join(config.dataDir, 'boards.sqlite');
  // The CLI may wait for the server's write lock; the server keeps its own timeout short.
  mkdirSync(config.dataDir, { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`PRAGMA busy_timeout = ${config.sqliteBusyTimeoutMs}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${config.sqliteSynchronous}`);
  return AccountStore.open(sqliteExecutor(db));
}
