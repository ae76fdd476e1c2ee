import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStorage } from '../storage/SqliteStorage.ts';
import { type TestClient, waitFor } from './clients.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(): Promise<{ s: TestServer; a: TestClient; b: TestClient }> {
  const s = await startTestServer({});
  cleanups.push(() => s.dispose());
  const a = s.connect('faults');
  const b = s.connect('faults');
  cleanups.push(
    () => a.destroy(),
    () => b.destroy(),
  );
  await Promise.all([a.synced, b.synced]);
  return { s, a, b };
}

describe('resource faults', () => {
  it('a locked database: nothing acknowledged until stored, the server keeps answering', async () => {
    const { s, a, b } = await setup();
    // Another process holds the write lock (a long maintenance transaction, say).
    const other = new DatabaseSync(join(s.dataDir, 'boards.sqlite'));
    other.exec('BEGIN EXCLUSIVE');
    a.doc.getMap('m').set('while-locked', 1);
    await waitFor(
      () => s.logs.some((l) => l.msg.startsWith('storing updates failed')),
      'failure reported',
    );
    // The server keeps answering, and says its storage cannot take writes.
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(503);
    expect(b.doc.getMap('m').has('while-locked')).toBe(false);
    expect(a.doc.getMap('m').get('while-locked')).toBe(1); // the author keeps its edit
    other.exec('ROLLBACK');
    other.close();
    await waitFor(
      () => b.doc.getMap('m').get('while-locked') === 1,
      'delivered once stored',
      10_000,
    );
    expect(s.logs.some((l) => l.msg === 'storage recovered; pending updates stored')).toBe(true);
  });

  it('a full disk: the board is kept in memory, retried, and delivered once there is room', async () => {
    const { s, a, b } = await setup();
    const storage = s.storage as SqliteStorage;
    a.doc.getMap('m').set('small', 1);
    await waitFor(() => b.doc.getMap('m').get('small') === 1, 'normal delivery');
    storage.setMaxBytes(storage.sizeBytes());
    a.doc.getText('t').insert(0, 'x'.repeat(300_000));
    await waitFor(
      () =>
        s.logs.some((l) =>
          /full/i.test(String((l.err as { message?: string } | undefined)?.message)),
        ),
      'SQLITE_FULL reported',
    );
    expect(b.doc.getText('t').length).toBe(0);
    expect((await s.registry.peek('faults'))?.stats.pending).toBeGreaterThan(0);
    storage.setMaxBytes(0);
    await waitFor(() => b.doc.getText('t').length === 300_000, 'delivered once stored', 10_000);
    expect((await s.storage.load('faults')).updates.length).toBeGreaterThan(1);
  });
});
