import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

/**
 * The little SQL the account store needs, over SQLite or PostgreSQL. Statements are written
 * with `?` placeholders; the PostgreSQL executor numbers them. Numbers come back as numbers
 * from both (PostgreSQL BIGINT arrives as a string and is converted).
 */
export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** Runs `fn` in one transaction; the executor passed to it is bound to that transaction. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function sqliteExecutor(db: DatabaseSync): SqlExecutor {
  const executor: SqlExecutor = {
    dialect: 'sqlite',
    async all(sql, params = []) {
      return db.prepare(sql).all(...params) as Row[];
    },
    async run(sql, params = []) {
      return Number(db.prepare(sql).run(...params).changes);
    },
    async transaction(fn) {
      // node:sqlite is synchronous and single-connection: nothing else runs between statements
      // unless `fn` awaits something else; callers keep transactions to SQL only.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(executor);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      if (db.isOpen) db.close();
    },
  };
  return executor;
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function normalise(row: Row): Row {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && /^-?\d+$/.test(value) && key.endsWith('_at'))
      row[key] = Number(value);
  }
  return row;
}

export function pgExecutor(pool: pg.Pool): SqlExecutor {
  const over = (client: pg.Pool | pg.PoolClient, inTransaction: boolean): SqlExecutor => ({
    dialect: 'postgres',
    async all(sql, params = []) {
      const result = await client.query(numbered(sql), params);
      return result.rows.map(normalise);
    },
    async run(sql, params = []) {
      const result = await client.query(numbered(sql), params);
      return result.rowCount ?? 0;
    },
    async transaction(fn) {
      if (inTransaction) return fn(this);
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(over(connection, true));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    async close() {
      await pool.end();
    },
  });
  return over(pool, false);
}
