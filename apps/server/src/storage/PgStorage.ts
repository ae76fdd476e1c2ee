import pg from 'pg';
import { checkSchema, DEFAULT_SCHEMA, migrateSchema, quoteIdent } from './pgSchema.ts';
import { type CatalogRow, type InfoRow, toCatalogEntry, toInfo, toVersion } from './rowMappers.ts';
import type {
  BoardInfo,
  BoardTemplate,
  BoardTitle,
  CatalogEntry,
  Storage,
  StoredBoard,
  VersionInfo,
} from './Storage.ts';

export interface PgStorageOptions {
  /** A libpq-style URL, e.g. `postgres://user:password@host:5432/database`. */
  connectionString: string;
  /**
   * Schema holding the tables; created if missing (unless it is `public`). Lets several
   * deployments, or test runs, share one database.
   */
  schema?: string;
  /** Most connections the pool opens (pg's default is 10). */
  poolSize?: number;
}

/** The health check's write, never committed: board id '' is not a valid board id. */
const PROBE_WRITE = `INSERT INTO board_catalog (board_id, title_fr, title_en, template, created_at, updated_at)
  VALUES ('', repeat(' ', 8192), '', 'probe', 0, 0)`;
const ROLLBACK = Symbol('rollback');

/**
 * Rows per INSERT in `append`: well under the protocol's 65,535 bind parameters, and a multi-row
 * VALUES assigns sequence numbers in row order.
 */
const INSERT_CHUNK = 1000;

export class PgStorage implements Storage {
  readonly schema: string;
  private readonly pool: pg.Pool;
  private closing: Promise<void> | null = null;

  private constructor(pool: pg.Pool, schema: string) {
    this.pool = pool;
    this.schema = schema;
  }

  static async open(options: PgStorageOptions): Promise<PgStorage> {
    const schema = checkSchema(options.schema ?? DEFAULT_SCHEMA);
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // Set at connection startup, so every pooled connection (including ones opened later, after
      // a reconnect) resolves the unqualified table names below in our schema, at no extra round
      // trip. The name is validated above, so it needs no quoting or escaping here.
      options: `-c search_path=${schema}`,
      // An unreachable database should fail a request (or a health check), not hang it.
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection that dies (server restart, network cut) is emitted here; without a
    // listener Node would crash the process. The pool already discards that connection and the
    // next query opens a fresh one, so there is nothing else to do.
    pool.on('error', () => {});
    const storage = new PgStorage(pool, schema);
    try {
      await storage.migrate();
      await storage.checkSearchPath();
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return storage;
  }

  /**
   * Drops a schema and everything in it (test clean-up). Refuses `public`, which holds other
   * things than ours.
   */
  static async dropSchema(options: { connectionString: string; schema: string }): Promise<void> {
    const schema = checkSchema(options.schema);
    if (schema === DEFAULT_SCHEMA) throw new Error('PgStorage.dropSchema refuses to drop public');
    const client = new pg.Client({ connectionString: options.connectionString });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    } finally {
      await client.end();
    }
  }

  /** Creates the schema and applies pending migrations (see pgSchema.ts). */
  private async migrate(): Promise<void> {
    await this.transaction('BEGIN', (client) => migrateSchema(client, this.schema));
  }

  /**
   * A connection string carrying its own `options` parameter overrides ours (pg lets the URL win),
   * which would silently put the tables somewhere else: refuse to start instead.
   */
  private async checkSearchPath(): Promise<void> {
    const { rows } = await this.pool.query<{ s: string | null }>('SELECT current_schema() AS s');
    const current = rows[0]?.s ?? null;
    if (current !== this.schema) {
      throw new Error(
        `PgStorage: connections use schema ${String(current)}, expected ${this.schema} ` +
          '(does the connection string set its own "options"?)',
      );
    }
  }

  /** Runs `fn` in a transaction on one pooled connection, rolling back on any error. */
  private async transaction<T>(
    begin: string,
    fn: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    let result: T;
    try {
      await client.query(begin);
      result = await fn(client);
      await client.query('COMMIT');
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        // The connection is unusable (e.g. it dropped): destroy it rather than pool it.
        client.release(
          rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)),
        );
      }
      throw error;
    }
    client.release();
    return result;
  }

  async load(boardId: string): Promise<StoredBoard> {
    // One snapshot for both reads, so a concurrent compaction cannot be seen half-done (the new
    // state with the old log gone, or the old state without the updates it dropped).
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const stateResult = await client.query<{ state: Buffer; through_seq: string }>(
        'SELECT state, through_seq FROM board_state WHERE board_id = $1',
        [boardId],
      );
      const stateRow = stateResult.rows[0];
      const throughSeq = stateRow ? Number(stateRow.through_seq) : 0;
      const { rows } = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
        [boardId, throughSeq],
      );
      const last = rows[rows.length - 1];
      return {
        state: stateRow ? bytes(stateRow.state) : null,
        updates: rows.map((r) => bytes(r.data)),
        lastSeq: last ? Number(last.seq) : throughSeq,
      };
    });
  }

  async append(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) throw new Error('append needs at least one update');
    const now = Date.now();
    return this.transaction('BEGIN', async (client) => {
      // Serialises appends to one board across connections and instances until commit. Without
      // it two batches could interleave their sequence numbers (a batch would not be contiguous)
      // and commit out of order, so a reader could see seq n+1 before n and a compaction through
      // n+1 would later delete n unseen. Other boards are not blocked.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `fdr:board:${this.schema}:${boardId}`,
      ]);
      let last = 0;
      for (let start = 0; start < updates.length; start += INSERT_CHUNK) {
        const chunk = updates.slice(start, start + INSERT_CHUNK);
        const values = chunk.map((_, i) => `($1, $${i + 3}, $2)`).join(', ');
        const { rows } = await client.query<{ seq: string }>(
          `INSERT INTO board_updates (board_id, data, created_at) VALUES ${values} RETURNING seq`,
          [boardId, now, ...chunk],
        );
        // RETURNING order is not promised; the largest is the last one inserted.
        for (const row of rows) last = Math.max(last, Number(row.seq));
      }
      return last;
    });
  }

  async compact(boardId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.transaction('BEGIN', async (client) => {
      // ON CONFLICT locks the existing row, so concurrent compactions are applied one after the
      // other and the WHERE sees the latest stored through_seq.
      const upsert = await client.query(
        `INSERT INTO board_state (board_id, state, through_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state,
           through_seq = excluded.through_seq, updated_at = excluded.updated_at
         WHERE excluded.through_seq >= board_state.through_seq`,
        [boardId, state, throughSeq, Date.now()],
      );
      // Zero rows means a newer compaction is already stored: keep the log as it is.
      if (upsert.rowCount === 0) return;
      await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [
        boardId,
        throughSeq,
      ]);
    });
  }

  async compactStored(
    boardId: string,
    merge: (state: Uint8Array | null, updates: Uint8Array[]) => Uint8Array,
  ): Promise<number | null> {
    return this.transaction('BEGIN', async (client) => {
      // One compaction of a board at a time across instances: the others skip, not queue.
      const { rows: lock } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok',
        [`fdr:compact:${this.schema}:${boardId}`],
      );
      if (!lock[0]?.ok) return null;
      // Then hold appends to this board off until commit, so the log read is the log deleted.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `fdr:board:${this.schema}:${boardId}`,
      ]);
      const stateResult = await client.query<{ state: Buffer; through_seq: string }>(
        'SELECT state, through_seq FROM board_state WHERE board_id = $1',
        [boardId],
      );
      const stateRow = stateResult.rows[0];
      const { rows } = await client.query<{ seq: string; data: Buffer }>(
        'SELECT seq, data FROM board_updates WHERE board_id = $1 AND seq > $2 ORDER BY seq',
        [boardId, stateRow ? Number(stateRow.through_seq) : 0],
      );
      const last = rows[rows.length - 1];
      if (!last) return null;
      const lastSeq = Number(last.seq);
      const state = merge(
        stateRow ? bytes(stateRow.state) : null,
        rows.map((r) => bytes(r.data)),
      );
      await client.query(
        `INSERT INTO board_state (board_id, state, through_seq, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state,
           through_seq = excluded.through_seq, updated_at = excluded.updated_at`,
        [boardId, state, lastSeq, Date.now()],
      );
      await client.query('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [
        boardId,
        lastSeq,
      ]);
      return rows.length;
    });
  }

  async list(): Promise<BoardInfo[]> {
    // COLLATE "C" orders ids bytewise, as SQLite does, whatever the database's collation.
    const { rows } = await this.pool.query<InfoRow>(
      `${infoSelect(false)} ORDER BY updated_at DESC, b.board_id COLLATE "C"`,
    );
    return rows.map(toInfo);
  }

  async info(boardId: string): Promise<BoardInfo | null> {
    const { rows } = await this.pool.query<InfoRow>(infoSelect(true), [boardId]);
    const row = rows[0];
    return row ? toInfo(row) : null;
  }

  async remove(boardId: string): Promise<void> {
    await this.transaction('BEGIN', async (client) => {
      await client.query('DELETE FROM board_state WHERE board_id = $1', [boardId]);
      await client.query('DELETE FROM board_updates WHERE board_id = $1', [boardId]);
      await client.query('DELETE FROM board_catalog WHERE board_id = $1', [boardId]);
    });
  }

  async addToCatalog(entry: {
    id: string;
    title: BoardTitle;
    template: BoardTemplate;
    createdAt: number;
  }): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_catalog (board_id, title_fr, title_en, template, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [entry.id, entry.title.fr, entry.title.en, entry.template, entry.createdAt],
    );
  }

  async renameInCatalog(
    boardId: string,
    title: BoardTitle,
    at: number,
  ): Promise<CatalogEntry | null> {
    const { rowCount } = await this.pool.query(
      `UPDATE board_catalog SET title_fr = $1, title_en = $2, updated_at = GREATEST(updated_at, $3)
       WHERE board_id = $4`,
      [title.fr, title.en, at, boardId],
    );
    if (rowCount === 0) return null;
    return this.catalogEntry(boardId);
  }

  async catalogEntry(boardId: string): Promise<CatalogEntry | null> {
    const { rows } = await this.pool.query<CatalogRow>(`${CATALOG_SELECT} WHERE c.board_id = $1`, [
      boardId,
    ]);
    const row = rows[0];
    return row ? toCatalogEntry(row) : null;
  }

  async listCatalog(): Promise<CatalogEntry[]> {
    // COLLATE "C" orders ids bytewise, as SQLite does.
    const { rows } = await this.pool.query<CatalogRow>(
      `${CATALOG_SELECT} ORDER BY updated_at DESC, c.board_id COLLATE "C"`,
    );
    return rows.map(toCatalogEntry);
  }

  async addVersion(info: VersionInfo, state: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_versions (id, board_id, name, note, kind, author_id, author_name, created_at, bytes, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
  }

  async listVersions(boardId: string): Promise<VersionInfo[]> {
    const { rows } = await this.pool.query(
      `SELECT id, board_id, name, note, kind, author_id, author_name, created_at, bytes FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, id DESC`,
      [boardId],
    );
    return rows.map(toVersion);
  }

  async version(
    boardId: string,
    versionId: string,
  ): Promise<{ info: VersionInfo; state: Uint8Array } | null> {
    const { rows } = await this.pool.query(
      'SELECT * FROM board_versions WHERE board_id = $1 AND id = $2',
      [boardId, versionId],
    );
    const row = rows[0] as Record<string, unknown> | undefined;
    return row ? { info: toVersion(row), state: bytes(row.state as Buffer) } : null;
  }

  async deleteVersions(boardId: string, versionIds: readonly string[]): Promise<void> {
    if (versionIds.length === 0) return;
    await this.pool.query('DELETE FROM board_versions WHERE board_id = $1 AND id = ANY($2)', [
      boardId,
      [...versionIds],
    ]);
  }

  /**
   * A write in a transaction that is rolled back: a read-only database (a replica promoted the
   * wrong way, `default_transaction_read_only`) or a full disk fails here as every write would.
   */
  async ping(): Promise<void> {
    await this.transaction('BEGIN', async (client) => {
      await client.query(PROBE_WRITE);
      throw ROLLBACK;
    }).catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  }

  async close(): Promise<void> {
    // pg.Pool#end throws when called twice; every caller waits for the same shutdown.
    this.closing ??= this.pool.end();
    await this.closing;
  }
}

/**
 * A plain Uint8Array over the Buffer's memory (no copy): callers and tests get the type the
 * contract names, and deep equality against a Uint8Array holds.
 */
function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Same figures as SqliteStorage's. With `byId`, each source is filtered on $1 before grouping, so
 * `info` reads one board instead of aggregating the whole log. octet_length reads a TOASTed
 * value's size without fetching it.
 */
function infoSelect(byId: boolean): string {
  const where = byId ? 'WHERE board_id = $1' : '';
  return `
  SELECT b.board_id AS id,
         GREATEST(COALESCE(s.updated_at, 0), COALESCE(u.last_at, 0)) AS updated_at,
         COALESCE(octet_length(s.state), 0) AS state_bytes,
         COALESCE(u.n, 0) AS log_length,
         COALESCE(u.bytes, 0) AS log_bytes
  FROM (
    SELECT board_id FROM board_state ${where}
    UNION SELECT board_id FROM board_updates ${where}
  ) b
  LEFT JOIN board_state s ON s.board_id = b.board_id
  LEFT JOIN (
    SELECT board_id, COUNT(*) AS n, SUM(octet_length(data)) AS bytes, MAX(created_at) AS last_at
    FROM board_updates ${where} GROUP BY board_id
  ) u ON u.board_id = b.board_id`;
}

/** pg returns bigint (and COUNT/SUM over bigint) as strings, to avoid losing precision. */

/** Same figures as SqliteStorage's: the last update is read through the (board_id, seq) index. */
const CATALOG_SELECT = `
  SELECT c.board_id AS id, c.title_fr, c.title_en, c.template, c.created_at,
         GREATEST(c.updated_at,
                  COALESCE(s.updated_at, 0),
                  COALESCE((SELECT u.created_at FROM board_updates u
                            WHERE u.board_id = c.board_id ORDER BY u.seq DESC LIMIT 1), 0)) AS updated_at
  FROM board_catalog c
  LEFT JOIN board_state s ON s.board_id = c.board_id`;
