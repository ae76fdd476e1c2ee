import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStorage } from './PgStorage.ts';
import { storageContract } from './storageContract.ts';

/**
 * Runs against a real PostgreSQL, never a mock: each adapter gets its own fresh schema in the test
 * database, dropped at the end. An unreachable database fails every test (it does not skip them),
 * so a CI without PostgreSQL cannot pass silently.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const schemas = new Set<string>();
afterAll(async () => {
  for (const schema of schemas) {
    await PgStorage.dropSchema({ connectionString: DATABASE_URL, schema });
  }
});

function freshSchema(): string {
  return `fdr_test_${randomBytes(6).toString('hex')}`;
}

/** Without credentials, so the message can be printed. */
function redactedUrl(): string {
  try {
    const url = new URL(DATABASE_URL);
    url.password = '';
    return url.toString();
  } catch {
    return '(unparseable TEST_DATABASE_URL)';
  }
}

async function openOn(schema: string, poolSize?: number): Promise<PgStorage> {
  try {
    const storage = await PgStorage.open({
      connectionString: DATABASE_URL,
      schema,
      ...(poolSize === undefined ? {} : { poolSize }),
    });
    schemas.add(schema);
    return storage;
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(
      `PgStorage tests need a PostgreSQL at ${redactedUrl()} (set TEST_DATABASE_URL): ` +
        `opening schema ${schema} failed: ${reason}`,
      { cause: error },
    );
  }
}

/** A plain connection, to look at what the adapter wrote. */
async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

storageContract('PostgreSQL', {
  async open() {
    return openOn(freshSchema());
  },
  async reopen(previous) {
    const schema = (previous as PgStorage).schema;
    await previous.close();
    return openOn(schema);
  },
});

describe('PgStorage specifics', () => {
  it('lets instances start together on a fresh schema, migrating it once', async () => {
    const schema = freshSchema();
    const instances = await Promise.all([openOn(schema), openOn(schema), openOn(schema)]);
    const rows = await withClient(async (client) => {
      const result = await client.query<{ version: number }>(
        `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
      );
      return result.rows.map((r) => r.version);
    });
    // Each migration recorded exactly once, in order, whichever instance applied it.
    expect(rows).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const [first, second] = instances;
    await first!.append('shared', [Uint8Array.of(7)]);
    expect((await second!.load('shared')).updates.map((u) => Array.from(u))).toEqual([[7]]);
    await Promise.all(instances.map((s) => s.close()));
  });

  it('keeps every append from two instances to one board, each batch contiguous and in seq order', async () => {
    const schema = freshSchema();
    const a = await openOn(schema, 4);
    const b = await openOn(schema, 4);
    const perInstance = 25;
    const writes: Promise<{ tag: number; seq: number }>[] = [];
    for (let i = 0; i < perInstance; i++) {
      for (const [instance, storage] of [a, b].entries()) {
        const tag = instance * perInstance + i;
        const batch = [Uint8Array.of(tag, 0), Uint8Array.of(tag, 1), Uint8Array.of(tag, 2)];
        writes.push(storage.append('busy', batch).then((seq) => ({ tag, seq })));
      }
    }
    const acked = await Promise.all(writes);
    expect(new Set(acked.map((w) => w.seq)).size).toBe(acked.length);

    const board = await a.load('busy');
    expect(board.updates).toHaveLength(acked.length * 3);
    expect(board.lastSeq).toBe(Math.max(...acked.map((w) => w.seq)));
    const tagsInLog: number[] = [];
    for (let i = 0; i < board.updates.length; i += 3) {
      const batch = board.updates.slice(i, i + 3).map((u) => Array.from(u));
      const tag = batch[0]![0]!;
      expect(batch).toEqual([
        [tag, 0],
        [tag, 1],
        [tag, 2],
      ]);
      tagsInLog.push(tag);
    }
    // The log order is the order of the acknowledged sequence numbers: no batch committed behind
    // a later one.
    const bySeq = [...acked].sort((x, y) => x.seq - y.seq).map((w) => w.tag);
    expect(tagsInLog).toEqual(bySeq);
    await Promise.all([a.close(), b.close()]);
  });

  it('returns plain Uint8Arrays and sequence numbers past 32 bits as exact numbers', async () => {
    const storage = await openOn(freshSchema());
    const start = 2 ** 40;
    await withClient((client) =>
      client.query(`SELECT setval('${storage.schema}.board_updates_seq_seq', $1)`, [start]),
    );
    const seq = await storage.append('far', [Uint8Array.of(1), Uint8Array.of(2)]);
    expect(seq).toBe(start + 2);
    await storage.compact('far', Uint8Array.of(9, 9), start + 1);
    const board = await storage.load('far');
    expect(board.lastSeq).toBe(start + 2);
    expect(Object.getPrototypeOf(board.state)).toBe(Uint8Array.prototype);
    expect(Object.getPrototypeOf(board.updates[0])).toBe(Uint8Array.prototype);
    expect(Array.from(board.state!)).toEqual([9, 9]);
    expect(board.updates.map((u) => Array.from(u))).toEqual([[2]]);
    expect(await storage.info('far')).toMatchObject({ stateBytes: 2, logLength: 1, logBytes: 1 });
    await storage.close();
  });

  it('refuses an unsafe schema name before connecting, and never drops public', async () => {
    await expect(
      PgStorage.open({ connectionString: DATABASE_URL, schema: 'x"; DROP TABLE y; --' }),
    ).rejects.toThrow(/invalid schema name/);
    await expect(
      PgStorage.open({ connectionString: DATABASE_URL, schema: 'Caps' }),
    ).rejects.toThrow(/invalid schema name/);
    await expect(
      PgStorage.dropSchema({ connectionString: DATABASE_URL, schema: 'public' }),
    ).rejects.toThrow(/refuses/);
  });

  it('refuses to start when the connection string overrides the search_path', async () => {
    const schema = freshSchema();
    // Migrations run before the check (on an explicit search_path), so the schema may exist.
    schemas.add(schema);
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', '-c search_path=public');
    await expect(PgStorage.open({ connectionString: url.toString(), schema })).rejects.toThrow(
      /expected fdr_test_/,
    );
  });

  it('closes idempotently', async () => {
    const storage = await openOn(freshSchema());
    await Promise.all([storage.close(), storage.close()]);
    await expect(storage.close()).resolves.toBeUndefined();
    await expect(storage.ping()).rejects.toThrow();
  });
});
