import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { type CatalogRow, type InfoRow, toCatalogEntry, toInfo, toVersion } from './rowMappers.ts';
import { SqliteAppender } from './SqliteAppender.ts';
import type {
  BoardInfo,
  BoardTemplate,
  BoardTitle,
  CatalogEntry,
  Storage,
  StoredBoard,
  VersionInfo,
} from './Storage.ts';
import { setMaxPages } from './setMaxPages.ts';

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
  /**
   * How long a write waits for a lock held by another connection before failing. node:sqlite is
   * synchronous, so this wait blocks the event loop: keep it short; the board retries failed
   * writes with backoff (and never acknowledges them meanwhile). The storage worker, off the
   * event loop, waits at least APPEND_BUSY_TIMEOUT_MS.
   */
  busyTimeoutMs?: number;
  /** Largest database file (0: no limit); writes past it fail as on a full disk. */
  maxBytes?: number;
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
  `CREATE TABLE board_catalog (
     board_id TEXT PRIMARY KEY,
     title_fr TEXT NOT NULL,
     title_en TEXT NOT NULL,
     template TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;`,
  `CREATE TABLE board_versions (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL,
     name TEXT NOT NULL,
     note TEXT NOT NULL,
     kind TEXT NOT NULL,
     author_id TEXT,
     author_name TEXT,
     created_at INTEGER NOT NULL,
     bytes INTEGER NOT NULL,
     state BLOB NOT NULL
   ) STRICT;
   CREATE INDEX board_versions_by_board ON board_versions (board_id, created_at);`,
];

/** The storage worker waits this long for a lock: it blocks no event loop, only its own queue. */
const APPEND_BUSY_TIMEOUT_MS = 1000;

/**
 * Boards in one SQLite file (WAL). Appends, the hot path, are committed by a storage worker on its
 * own thread and connection (`SqliteAppender`), so an fsync never blocks the event loop; the rest
 * (loads, compactions, catalog, versions) runs on the main connection, whose reads WAL never
 * blocks and whose writes wait at most `busyTimeoutMs` for the worker's short transactions.
 */
export class SqliteStorage implements Storage {
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly appender: SqliteAppender;
  private readonly stmt: {
    state: StatementSync;
    updates: StatementSync;
    upsertState: StatementSync;
    deleteUpTo: StatementSync;
    list: StatementSync;
    info: StatementSync;
    removeState: StatementSync;
    removeUpdates: StatementSync;
    removeCatalog: StatementSync;
    addCatalog: StatementSync;
    renameCatalog: StatementSync;
    catalogEntry: StatementSync;
    listCatalog: StatementSync;
  };

  constructor(options: SqliteStorageOptions) {
    if (options.file === ':memory:' || options.file === '') {
      throw new Error('SqliteStorage needs a file path: an in-memory database is not durable');
    }
    this.file = options.file;
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new DatabaseSync(options.file);
    this.db.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 100)}`);
    this.db.exec('PRAGMA journal_mode = WAL');
    this.db.exec(`PRAGMA synchronous = ${options.synchronous ?? 'FULL'}`);
    this.migrate();
    if (options.maxBytes) setMaxPages(this.db, options.maxBytes);
    this.appender = new SqliteAppender({
      file: options.file,
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: Math.max(APPEND_BUSY_TIMEOUT_MS, options.busyTimeoutMs ?? 0),
      maxBytes: options.maxBytes ?? 0,
    });
    this.stmt = {
      state: this.db.prepare('SELECT state, through_seq FROM board_state WHERE board_id = ?'),
      updates: this.db.prepare(
        'SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
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
      removeCatalog: this.db.prepare('DELETE FROM board_catalog WHERE board_id = ?'),
      addCatalog: this.db.prepare(
        `INSERT INTO board_catalog (board_id, title_fr, title_en, template, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      renameCatalog: this.db.prepare(
        'UPDATE board_catalog SET title_fr = ?, title_en = ?, updated_at = MAX(updated_at, ?) WHERE board_id = ?',
      ),
      catalogEntry: this.db.prepare(`${CATALOG_SELECT} WHERE c.board_id = ?`),
      listCatalog: this.db.prepare(`${CATALOG_SELECT} ORDER BY updated_at DESC, id`),
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
    return this.appender.append(boardId, updates);
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
    // An append already handed to the worker must not land after the board is gone.
    await this.appender.drain();
    this.transaction(() => {
      this.stmt.removeState.run(boardId);
      this.stmt.removeUpdates.run(boardId);
      this.stmt.removeCatalog.run(boardId);
    });
  }

  async addToCatalog(entry: {
    id: string;
    title: BoardTitle;
    template: BoardTemplate;
    createdAt: number;
  }): Promise<void> {
    this.stmt.addCatalog.run(
      entry.id,
      entry.title.fr,
      entry.title.en,
      entry.template,
      entry.createdAt,
      entry.createdAt,
    );
  }

  async renameInCatalog(
    boardId: string,
    title: BoardTitle,
    at: number,
  ): Promise<CatalogEntry | null> {
    return this.transaction(() => {
      const result = this.stmt.renameCatalog.run(title.fr, title.en, at, boardId);
      if (Number(result.changes) === 0) return null;
      const row = this.stmt.catalogEntry.get(boardId) as unknown as CatalogRow | undefined;
      return row ? toCatalogEntry(row) : null;
    });
  }

  async catalogEntry(boardId: string): Promise<CatalogEntry | null> {
    const row = this.stmt.catalogEntry.get(boardId) as unknown as CatalogRow | undefined;
    return row ? toCatalogEntry(row) : null;
  }

  async listCatalog(): Promise<CatalogEntry[]> {
    return (this.stmt.listCatalog.all() as unknown as CatalogRow[]).map(toCatalogEntry);
  }

  async addVersion(info: VersionInfo, state: Uint8Array): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO board_versions (id, board_id, name, note, kind, author_id, author_name, created_at, bytes, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        info.id,
        info.boardId,
        info.name,
        info.note,
        info.kind,
        info.authorId,
        info.authorName,
        info.createdAt,
        state.byteLength,
        state,
      );
  }

  async listVersions(boardId: string): Promise<VersionInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT id, board_id, name, note, kind, author_id, author_name, created_at, bytes FROM board_versions WHERE board_id = ? ORDER BY created_at DESC, id DESC`,
      )
      .all(boardId) as Record<string, unknown>[];
    return rows.map(toVersion);
  }

  async version(
    boardId: string,
    versionId: string,
  ): Promise<{ info: VersionInfo; state: Uint8Array } | null> {
    const row = this.db
      .prepare('SELECT * FROM board_versions WHERE board_id = ? AND id = ?')
      .get(boardId, versionId) as Record<string, unknown> | undefined;
    return row ? { info: toVersion(row), state: row.state as Uint8Array } : null;
  }

  async deleteVersions(boardId: string, versionIds: readonly string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM board_versions WHERE board_id = ? AND id = ?');
    this.transaction(() => {
      for (const id of versionIds) remove.run(boardId, id);
    });
  }

  /**
   * Reads, then writes two pages' worth in a transaction it rolls back: a read-only file, a held
   * lock or a full database (SQLITE_MAX_BYTES, the disk) fails here as every real write would,
   * while nothing is stored or synced to disk.
   */
  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec(PROBE_WRITE);
    } finally {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
    }
  }

  /** Caps the database size (0 lifts the cap), e.g. to keep room on a shared disk. */
  setMaxBytes(bytes: number): void {
    setMaxPages(this.db, bytes);
    // Ordered before any append asked after this call.
    void this.appender.setMaxBytes(bytes).catch(() => {});
  }

  /** Size of the database file in bytes (pages in use). */
  sizeBytes(): number {
    const { page_count: pages } = this.db.prepare('PRAGMA page_count').get() as {
      page_count: number;
    };
    const { page_size: pageSize } = this.db.prepare('PRAGMA page_size').get() as {
      page_size: number;
    };
    return pages * pageSize;
  }

  /** `PRAGMA integrity_check`: 'ok' when the file is sound. */
  integrityCheck(): string {
    const rows = this.db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }

  async close(): Promise<void> {
    await this.appender.close();
    if (this.db.isOpen) this.db.close();
  }
}

/** The health check's write, never committed: board id '' is not a valid board id. */
const PROBE_WRITE = `INSERT INTO board_catalog (board_id, title_fr, title_en, template, created_at, updated_at)
  VALUES ('', printf('%8192s', ''), '', 'probe', 0, 0)`;

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

/**
 * A catalog row with its activity: the last stored update is found through the (board_id, seq)
 * index rather than by aggregating the board's whole log.
 */
const CATALOG_SELECT = `
  SELECT c.board_id AS id, c.title_fr, c.title_en, c.template, c.created_at,
         MAX(c.updated_at,
             COALESCE(s.updated_at, 0),
             COALESCE((SELECT u.created_at FROM board_updates u
                       WHERE u.board_id = c.board_id ORDER BY u.seq DESC LIMIT 1), 0)) AS updated_at
  FROM board_catalog c
  LEFT JOIN board_state s ON s.board_id = c.board_id`;
