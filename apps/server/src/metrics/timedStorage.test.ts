import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { tempDir } from '../test/testServer.ts';
import { timedStorage } from './timedStorage.ts';

const opened: SqliteStorage[] = [];
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
});

describe('timedStorage', () => {
  it('times each append, failed ones included, and passes every other call through', async () => {
    const storage = new SqliteStorage({ file: join(tempDir(), 'b.sqlite') });
    opened.push(storage);
    const durations: number[] = [];
    const timed = timedStorage(storage, (seconds) => durations.push(seconds));

    expect(await timed.append('b', [Uint8Array.of(0, 0)])).toBe(1);
    expect(durations).toHaveLength(1);
    expect(durations[0]).toBeGreaterThan(0);
    // The contract refuses an empty batch: the failure is timed and still reaches the caller.
    await expect(timed.append('b', [])).rejects.toThrow();
    expect(durations).toHaveLength(2);

    expect((await timed.load('b')).lastSeq).toBe(1);
    expect((await timed.info('b'))?.logLength).toBe(1);
    expect(durations).toHaveLength(2);
  });
});
