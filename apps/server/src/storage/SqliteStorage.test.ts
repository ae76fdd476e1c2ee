import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from './SqliteStorage.ts';
import { storageContract } from './storageContract.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fdr-sqlite-'));
  dirs.push(dir);
  return join(dir, 'boards.sqlite');
}

storageContract('SQLite', {
  async open() {
    return new SqliteStorage({ file: tempFile() });
  },
  async reopen(previous) {
    const file = (previous as SqliteStorage).file;
    await previous.close();
    return new SqliteStorage({ file });
  },
});

describe('SqliteStorage specifics', () => {
  it('runs in WAL mode with the chosen synchronous level and passes the integrity check', async () => {
    const storage = new SqliteStorage({ file: tempFile(), synchronous: 'FULL' });
    await storage.append('b', [Uint8Array.of(1)]);
    expect(storage.integrityCheck()).toBe('ok');
    await storage.close();
  });

  it('refuses an in-memory database', () => {
    expect(() => new SqliteStorage({ file: ':memory:' })).toThrow(/not durable/);
  });

  it('applies its migrations once', async () => {
    const file = tempFile();
    await new SqliteStorage({ file }).close();
    const again = new SqliteStorage({ file });
    await again.append('b', [Uint8Array.of(9)]);
    expect((await again.load('b')).updates).toHaveLength(1);
    await again.close();
  });
});
