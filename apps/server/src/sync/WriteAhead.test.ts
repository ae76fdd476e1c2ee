import { describe, expect, it, vi } from 'vitest';
import { silentLogger, tempStorage, updatesOf } from '../test/boardKit.ts';
import { WriteAhead } from './WriteAhead.ts';

function writeAheadOn(storage: ReturnType<typeof tempStorage>['storage'], earliest = () => 0) {
  const stored: Uint8Array[][] = [];
  let settled = 0;
  const writeAhead = new WriteAhead({
    boardId: 'b',
    storage,
    log: silentLogger(),
    earliest,
    onStored: (batch) => stored.push(batch),
    onSettled: () => settled++,
  });
  return { writeAhead, stored, settled: () => settled };
}

describe('WriteAhead', () => {
  it('stores the updates of one turn as one append, and runs waiters only once they are stored', async () => {
    const { storage, dispose } = tempStorage();
    const { writeAhead, stored, settled } = writeAheadOn(storage);
    const updates = updatesOf((doc) => {
      for (let i = 0; i < 3; i++) doc.getMap('m').set(`k${i}`, i);
    });
    for (const update of updates) writeAhead.push(update);
    let ran = false;
    writeAhead.afterPersisted(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await writeAhead.whenPersisted();
    expect(ran).toBe(true);
    expect(stored).toEqual([updates]);
    expect((await storage.load('b')).updates).toHaveLength(3);
    expect(settled()).toBe(1);
    writeAhead.cancel();
    await dispose();
  });

  it('keeps what storage refused, unacknowledged, and stores it once storage recovers', async () => {
    const { storage, dispose } = tempStorage();
    const { writeAhead, stored } = writeAheadOn(storage);
    storage.setMaxBytes(storage.sizeBytes());
    const [big] = updatesOf((doc) => doc.getText('t').insert(0, 'x'.repeat(300_000)));
    writeAhead.push(big!);
    let acknowledged = false;
    writeAhead.afterPersisted(() => {
      acknowledged = true;
    });
    await vi.waitFor(() => expect(writeAhead.flushDue).toBe(false));
    await writeAhead.flush();
    expect(acknowledged).toBe(false);
    expect(writeAhead.size).toBe(1);
    expect(stored).toHaveLength(0);
    storage.setMaxBytes(0);
    await writeAhead.flushAll();
    expect(acknowledged).toBe(true);
    expect(stored).toHaveLength(1);
    expect((await storage.load('b')).updates).toHaveLength(1);
    writeAhead.cancel();
    await dispose();
  });

  it('does not flush before the moment pacing names', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { storage, dispose } = tempStorage();
      const { writeAhead, stored } = writeAheadOn(storage, () => performance.now() + 20);
      const [update] = updatesOf((doc) => doc.getMap('m').set('x', 1));
      writeAhead.push(update!);
      await new Promise((resolve) => setImmediate(resolve));
      expect(stored).toHaveLength(0);
      expect(writeAhead.flushDue).toBe(true);
      vi.advanceTimersByTime(20);
      await writeAhead.whenPersisted();
      expect(stored).toHaveLength(1);
      writeAhead.cancel();
      await dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets what a failed transaction pushed (rollback to a mark)', async () => {
    const { storage, dispose } = tempStorage();
    const { writeAhead, stored } = writeAheadOn(storage);
    const updates = updatesOf((doc) => {
      doc.getMap('m').set('kept', 1);
      doc.getMap('m').set('dropped', 1);
    });
    writeAhead.push(updates[0]!);
    const mark = writeAhead.mark();
    writeAhead.push(updates[1]!);
    writeAhead.rollback(mark);
    await writeAhead.whenPersisted();
    expect(stored).toEqual([[updates[0]]]);
    writeAhead.cancel();
    await dispose();
  });
});
