import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { BoardInfo, Storage, StoredBoard } from './Storage.ts';

/**
 * `FULL` fsyncs the write-ahead log at every commit, so an update whose echo a client received
 * survives a power cut, not only a process crash. Group commit (one transaction per tick) keeps the
 * cost to one fsync per batch. `NORMAL` survives a process crash but may lose the last commits on
 * power loss; it is offered for operators who accept that.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'EXTRA';

export interface SqliteStorageOptions {
  /** Path of the database file; `:memory:` is refused because it is not durable. */
  file: string;
  synchronous?: SqliteSynchronous;
  /** How long a writer waits for a lock held by another process (e.g. a backup) before failing. */
  busyTimeoutMs?: number;
}

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE board_state (
     board_id TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     through_seq INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE board_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     board_id TEXT NOT NULL,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);`,
];

export class SqliteStorage implements Storage {
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly stmt: {
    state: StatementSync;
    updates: StatementSync;
    insert: StatementSync;
    upsertState: StatementSync;
    deleteUpTo: StatementSync;
    list: StatementSync;
    info: StatementSync;
    removeState: StatementSync;
    removeUpdates: StatementSync;
  };

  constructor(options: SqliteStorageOptions) {
    if (options.file === ':memory:' || options.file === '') {
      throw new Error('SqliteStorage needs a file path: an in-memory database is not durable');
    }
    this.file = options.file;
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new DatabaseSync(options.file);
    this.db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec(`PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`);
    this.migrate();
    this.stmt = {
      state: this.db.prepare('SELECT state, through_seq FROM board_state WHERE board_id = ?'),
      updates: this.db.prepare(
        'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      insert: this.db.prepare(
        'INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)',
      ),
      upsertState: this.db.prepare(
        `INSERT INTO board_state (board_id, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state,
           through_seq = excluded.through_seq, updated_at = excluded.updated_at
         WHERE excluded.through_seq >= board_state.through_seq`,
      ),
      deleteUpTo: this.db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?'),
      list: this.db.prepare(`${INFO_SELECT} ORDER BY updated_at DESC, id`),
      info: this.db.prepare(`SELECT * FROM (${INFO_SELECT}) WHERE id = ?`),
      removeState: this.db.prepare('DELETE FROM board_state WHERE board_id = ?'),
      removeUpdates: this.db.prepare('DELETE FROM board_updates WHERE board_id = ?'),
    };
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as
      | { v: number | null }
      | undefined;
    const current = row?.v ?? 0;
    MIGRATIONS.forEach((sql, index) => {
      const version = index + 1;
      if (version <= current) return;
      this.transaction(() => {
        this.db.exec(sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)')
          .run(version, Date.now());
      });
    });
  }

  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async load(boardId: string): Promise<StoredBoard> {
    // One read transaction so a concurrent compaction cannot be seen half-done.
    this.db.exec('BEGIN');
    try {
      const stateRow = this.stmt.state.get(boardId) as
        | { state: Uint8Array; through_seq: number }
        | undefined;
      const throughSeq = stateRow?.through_seq ?? 0;
      const rows = this.stmt.updates.all(boardId, throughSeq) as {
        seq: number;
        data: Uint8Array;
      }[];
      return {
        state: stateRow?.state ?? null,
        updates: rows.map((r) => r.data),
        lastSeq: rows.length > 0 ? rows[rows.length - 1]!.seq : throughSeq,
      };
    } finally {
      this.db.exec('COMMIT');
    }
  }

  async append(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append needs at least one update');
    const now = Date.now();
    return this.transaction(() => {
      let seq = 0;
      for (const update of updates) {
        seq = Number(this.stmt.insert.run(boardId, update, now).lastInsertRowid);
      }
      return seq;
    });
  }

  async compact(boardId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    this.transaction(() => {
      const result = this.stmt.upsertState.run(boardId, state, throughSeq, Date.now());
      // Zero changes means a newer compaction is already stored: keep the log as it is.
      if (Number(result.changes) === 0) return;
      this.stmt.deleteUpTo.run(boardId, throughSeq);
    });
  }

  async compactStored(
    boardId: string,
    merge: (state: Uint8Array | null, updates: Uint8Array[]) => Uint8Array,
  ): Promise<number | null> {
    // BEGIN IMMEDIATE holds the write lock from the first read: no append can slip in between.
    return this.transaction(() => {
      const stateRow = this.stmt.state.get(boardId) as
        | { state: Uint8Array; through_seq: number }
        | undefined;
      const rows = this.stmt.updates.all(boardId, stateRow?.through_seq ?? 0) as {
        seq: number;
        data: Uint8Array;
      }[];
      const last = rows[rows.length - 1];
      if (!last) return null;
      const state = merge(
        stateRow?.state ?? null,
        rows.map((r) => r.data),
      );
      this.stmt.upsertState.run(boardId, state, last.seq, Date.now());
      this.stmt.deleteUpTo.run(boardId, last.seq);
      return rows.length;
    });
  }

  async list(): Promise<BoardInfo[]> {
    return (this.stmt.list.all() as unknown as InfoRow[]).map(toInfo);
  }

  async info(boardId: string): Promise<BoardInfo | null> {
    const row = this.stmt.info.get(boardId) as unknown as InfoRow | undefined;
    return row ? toInfo(row) : null;
  }

  async remove(boardId: string): Promise<void> {
    this.transaction(() => {
      this.stmt.removeState.run(boardId);
      this.stmt.removeUpdates.run(boardId);
    });
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** `PRAGMA integrity_check`: 'ok' when the file is sound. */
  integrityCheck(): string {
    const rows = this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}

const INFO_SELECT = `
  SELECT b.board_id AS id,
         MAX(COALESCE(s.updated_at, 0), COALESCE(u.last_at, 0)) AS updated_at,
         COALESCE(LENGTH(s.state), 0) AS state_bytes,
         COALESCE(u.n, 0) AS log_length,
         COALESCE(u.bytes, 0) AS log_bytes
  FROM (SELECT board_id FROM board_state UNION SELECT DISTINCT board_id FROM board_updates) b
  LEFT JOIN board_state s ON s.board_id = b.board_id
  LEFT JOIN (
    SELECT board_id, COUNT(*) AS n, SUM(LENGTH(data)) AS bytes, MAX(created_at) AS last_at
    FROM board_updates GROUP BY board_id
  ) u ON u.board_id = b.board_id`;

interface InfoRow {
  id: string;
  updated_at: number;
  state_bytes: number;
  log_length: number;
  log_bytes: number;
}

function toInfo(row: InfoRow): BoardInfo {
  return {
    id: row.id,
    updatedAt: row.updated_at,
    stateBytes: row.state_bytes,
    logLength: row.log_length,
    logBytes: row.log_bytes,
  };
}
