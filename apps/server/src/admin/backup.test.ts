import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Config, loadConfig } from '../config.ts';
import { PgStorage } from '../storage/PgStorage.ts';
import { snapshot, waitFor } from '../test/clients.ts';
import { startTestServer, type TestServer, tempDir } from '../test/testServer.ts';
import { backupTo, restoreFrom } from './backup.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function fillBoards(server: TestServer, boards: string[]): Promise<Map<string, unknown>> {
  const expected = new Map<string, unknown>();
  for (const board of boards) {
    // What the server sent back: an echo means stored.
    const received = new Y.Doc();
    const c = server.connect(board, { received });
    await c.synced;
    for (let i = 0; i < 25; i++) c.doc.getMap('m').set(`${board}-${i}`, i);
    c.doc.getText('t').insert(0, `tableau ${board}`);
    const content = JSON.stringify(snapshot(c.doc));
    await waitFor(() => JSON.stringify(snapshot(received)) === content, 'every edit echoed');
    expected.set(board, snapshot(c.doc));
    c.destroy();
  }
  return expected;
}

describe('backup and restore', () => {
  it('SQLite: an online backup restores with every board intact', async () => {
    const live = await startTestServer({});
    cleanups.push(() => live.dispose());
    const expected = await fillBoards(live, ['un', 'deux', 'trois']);
    const file = join(tempDir(), 'backup.sqlite');
    const lines: string[] = [];
    // Taken while the server runs and a client keeps editing.
    const busy = live.connect('busy');
    cleanups.push(() => busy.destroy());
    const timer = setInterval(() => busy.doc.getMap('m').set(`k${Date.now()}`, 1), 5);
    await backupTo({ ...loadConfig({}), dataDir: live.dataDir } as Config, file, (l) =>
      lines.push(l),
    );
    clearInterval(timer);
    expect(lines.at(-1)).toMatch(/integrity check ok/);
    expect(lines.some((l) => /copied \d+\/\d+ pages/.test(l))).toBe(true);
    // One self-contained file: no -wal or -shm beside it, nothing left half-written.
    expect(readdirSync(dirname(file))).toEqual(['backup.sqlite']);

    const restoredDir = tempDir();
    await restoreFrom({ ...loadConfig({}), dataDir: restoredDir } as Config, file);
    const restored = await startTestServer({ dataDir: restoredDir });
    cleanups.push(() => restored.dispose());
    for (const [board, content] of expected) {
      const c = restored.connect(board);
      await c.synced;
      expect(snapshot(c.doc)).toEqual(content);
      c.destroy();
    }
  });

  it('PostgreSQL: pg_dump and pg_restore bring every board back in a new database', async () => {
    const schema = `fdr_backup_${randomBytes(4).toString('hex')}`;
    const database = `fdr_restore_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });
    const storage = await PgStorage.open({ connectionString: DATABASE_URL, schema });
    const live = await startTestServer({}, { storage });
    cleanups.push(() => live.dispose());
    const expected = await fillBoards(live, ['alpha', 'beta']);
    const file = join(tempDir(), 'backup.dump');
    const config = {
      ...loadConfig({}),
      databaseUrl: DATABASE_URL,
      databaseSchema: schema,
    } as Config;
    await backupTo(config, file);

    await admin.query(`CREATE DATABASE ${database}`);
    const restoredUrl = DATABASE_URL.replace(/\/[^/]*$/, `/${database}`);
    await restoreFrom({ ...config, databaseUrl: restoredUrl }, file);
    const restoredStorage = await PgStorage.open({ connectionString: restoredUrl, schema });
    const restored = await startTestServer({}, { storage: restoredStorage });
    cleanups.push(() => restored.dispose());
    for (const [board, content] of expected) {
      const c = restored.connect(board);
      await c.synced;
      expect(snapshot(c.doc)).toEqual(content);
      c.destroy();
    }
  });
});
