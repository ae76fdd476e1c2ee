import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from './SqliteStorage.ts';

const dirs: string[] = [];
function storageFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fdr-appender-'));
  dirs.push(dir);
  return join(dir, 'boards.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = (n: number) => Uint8Array.of(n);

describe('SqliteStorage appends through its storage worker', () => {
  it('keeps the event loop running while a commit waits on the disk lock', async () => {
    const file = storageFile();
    const storage = new SqliteStorage({ file });
    await storage.append('warm', [bytes(0)]); // the worker is up
    const other = new DatabaseSync(file);
    other.exec('BEGIN IMMEDIATE'); // another writer holds the lock
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const appended = storage.append('b', [bytes(1), bytes(2)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Two hundred ms of lock wait, and the loop kept turning: the wait is the worker's.
    expect(ticks).toBeGreaterThan(10);
    other.exec('ROLLBACK');
    other.close();
    const seq = await appended;
    clearInterval(timer);
    expect(seq).toBeGreaterThan(1);
    expect((await storage.load('b')).updates).toEqual([bytes(1), bytes(2)]);
    await storage.close();
  });

  it('answers the appends of many boards asked in one turn, each in order, with its last sequence number', async () => {
    const storage = new SqliteStorage({ file: storageFile() });
    const boards = Array.from({ length: 50 }, (_, i) => `b${i}`);
    const seqs = await Promise.all(
      boards.map((b, i) => storage.append(b, [bytes(i), bytes(i + 100)])),
    );
    expect(new Set(seqs).size).toBe(50);
    for (const [i, b] of boards.entries()) {
      const loaded = await storage.load(b);
      expect(loaded.updates).toEqual([bytes(i), bytes(i + 100)]);
      expect(loaded.lastSeq).toBe(seqs[i]);
    }
    await storage.close();
  });

  it('fails the appends of a full database, keeps nothing of them, and stores again once there is room', async () => {
    const storage = new SqliteStorage({ file: storageFile() });
    await storage.append('b', [bytes(1)]);
    storage.setMaxBytes(storage.sizeBytes());
    await expect(storage.append('b', [new Uint8Array(200_000)])).rejects.toThrow(/full/i);
    storage.setMaxBytes(0);
    await storage.append('b', [bytes(2)]);
    expect((await storage.load('b')).updates).toEqual([bytes(1), bytes(2)]);
    await storage.close();
  });

  it('starts its worker again after it died, failing only what it held', async () => {
    const storage = new SqliteStorage({ file: storageFile() });
    await storage.append('b', [bytes(1)]);
    const worker = (
      storage as unknown as { appender: { worker: { terminate(): Promise<number> } } }
    ).appender.worker;
    const held = storage.append('b', [bytes(2)]);
    await worker.terminate();
    // Answered: it is stored. Failed: it may or may not be (the worker can die between its
    // commit and its answer); the board keeps it and retries, and a Yjs update stored twice
    // is harmless. Either way the worker comes back and the order holds.
    const outcome = await held.then(
      () => 'stored',
      () => 'failed',
    );
    await storage.append('b', [bytes(3)]);
    const updates = (await storage.load('b')).updates;
    if (outcome === 'stored') expect(updates).toEqual([bytes(1), bytes(2), bytes(3)]);
    else
      expect([
        [bytes(1), bytes(3)],
        [bytes(1), bytes(2), bytes(3)],
      ]).toContainEqual(updates);
    await storage.close();
  });

  it('lets a removed board stay removed: appends asked before the removal land before it', async () => {
    const storage = new SqliteStorage({ file: storageFile() });
    const appended = storage.append('gone', [bytes(1)]);
    await storage.remove('gone');
    await appended;
    expect((await storage.load('gone')).updates).toEqual([]);
    expect(await storage.info('gone')).toBeNull();
    await storage.close();
  });
});
