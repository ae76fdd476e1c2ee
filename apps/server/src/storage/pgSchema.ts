import type pg from 'pg';

/*
 * The PostgreSQL adapter's schema: its name rules and its numbered migrations.
 */

/** Unquoted-identifier shape, so the name is safe in DDL and in the connection's startup options. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
export const DEFAULT_SCHEMA = 'public';

/**
 * Numbered migrations, applied in order and recorded in `schema_migrations`. Never edit one that
 * has shipped: append a new one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE board_state (
     board_id text PRIMARY KEY,
     state bytea NOT NULL,
     through_seq bigint NOT NULL,
     updated_at bigint NOT NULL
   );
   CREATE TABLE board_updates (
     seq bigserial PRIMARY KEY,
     board_id text NOT NULL,
     data bytea NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);`,
  `CREATE TABLE board_catalog (
     board_id text PRIMARY KEY,
     title_fr text NOT NULL,
     title_en text NOT NULL,
     template text NOT NULL,
     created_at bigint NOT NULL,
     updated_at bigint NOT NULL
   );`,
  `CREATE TABLE board_versions (
     id text PRIMARY KEY,
     board_id text NOT NULL,
     name text NOT NULL,
     note text NOT NULL,
     kind text NOT NULL,
     author_id text,
     author_name text,
     created_at bigint NOT NULL,
     bytes bigint NOT NULL,
     state bytea NOT NULL
   );
   CREATE INDEX board_versions_by_board ON board_versions (board_id, created_at);`,
];

/**
 * Creates the schema and applies pending migrations, inside the caller's transaction. The
 * advisory lock (keyed by schema) makes a second instance starting at the same time wait, then
 * find everything done, instead of racing on CREATE SCHEMA / CREATE TABLE.
 */
export async function migrateSchema(client: pg.PoolClient, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `fdr:migrations:${schema}`,
  ]);
  if (schema !== DEFAULT_SCHEMA) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  }
  // The startup search_path named a schema that may not have existed when the connection
  // opened: pin it explicitly for the DDL below.
  await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
  await client.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)',
  );
  const { rows } = await client.query<{ v: number | null }>(
    'SELECT MAX(version) AS v FROM schema_migrations',
  );
  const current = rows[0]?.v ?? 0;
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    await client.query(sql);
    await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
      version,
      Date.now(),
    ]);
  }
}

export function checkSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `PgStorage: invalid schema name ${JSON.stringify(schema)} (expected ${SCHEMA_NAME.source})`,
    );
  }
  return schema;
}

/** Double-quoted identifier; the names we quote are validated, this is defence in depth. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
