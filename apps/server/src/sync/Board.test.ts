import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  defaultPacing,
  loadTestBoard,
  pressedPacing,
  testPeer,
  updatesOf,
} from '../test/boardKit.ts';
import { applyStored } from './applyStored.ts';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import type { Fanout } from './Fanout.ts';

/** The pacing interval of a board with 200 peers, at the defaults. */
const PACED_200 = Math.min(defaultPacing.maxMs, 200 * defaultPacing.perClientMs);

describe('Board', () => {
  it('drops the updates of a read-only peer: not applied, stored nor broadcast', async () => {
    const { board, storage, dispose } = await loadTestBoard();
    const reader = testPeer('r', 'observer', true);
    const other = testPeer('o', 'member');
    board.join(reader);
    board.join(other);
    const doc = new Y.Doc();
    doc.getMap('m').set('x', 1);
    board.receive(reader, { kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    await board.flushAll();
    expect(board.doc.getMap('m').has('x')).toBe(false);
    expect((await storage.load('b')).updates).toHaveLength(0);
    expect(other.sent).toHaveLength(1); // only the greeting (sync step 1)
    await dispose();
  });

  it('holds a sync step 2 until what it contains is stored', async () => {
    const { board, storage, dispose } = await loadTestBoard();
    const writer = testPeer('w', 'w');
    const joiner = testPeer('j', 'j');
    board.join(writer);
    board.join(joiner);
    const doc = new Y.Doc();
    doc.getMap('m').set('x', 1);
    board.receive(writer, { kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    board.receive(joiner, { kind: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    expect(joiner.sent).toHaveLength(1); // greeting only: the reply waits for the write
    await board.whenPersisted();
    expect((await storage.load('b')).updates).toHaveLength(1);
    expect(joiner.sent.length).toBeGreaterThanOrEqual(2);
    await dispose();
  });

  it('paces the flushes of a board under pressure: updates close together are stored and sent as one', async () => {
    // The clock and timers are fake so that "close together" does not depend on the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { board, storage, dispose } = await loadTestBoard({ pacing: pressedPacing });
      const peers = Array.from({ length: 200 }, (_, i) => testPeer(`p${i}`, `u${i}`));
      for (const p of peers) board.join(p);
      const watcher = peers[1]!;
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 4; i++) doc.getMap('m').set(`k${i}`, i);
      const broadcasts = () => watcher.sent.filter((m) => m[0] === 0 && m[1] === 2).length;
      const tick = () => new Promise((resolve) => setImmediate(resolve));

      board.receive(peers[0]!, { kind: 'update', update: updates[0]! });
      await board.whenPersisted(); // the first flush is not held back
      expect(broadcasts()).toBe(1);
      // Two more, in two turns of the event loop but within the pacing interval: held...
      board.receive(peers[0]!, { kind: 'update', update: updates[1]! });
      await tick();
      board.receive(peers[0]!, { kind: 'update', update: updates[2]! });
      await tick();
      expect(broadcasts()).toBe(1);
      expect((await storage.load('b')).updates).toHaveLength(1); // not stored, so not acknowledged
      // ...then stored and broadcast together once it has passed.
      vi.advanceTimersByTime(PACED_200);
      await board.whenPersisted();
      expect(broadcasts()).toBe(2);
      expect((await storage.load('b')).updates).toHaveLength(3);
      // A board that has been quiet for longer than the interval flushes at once.
      vi.advanceTimersByTime(100);
      board.receive(peers[0]!, { kind: 'update', update: updates[3]! });
      await board.whenPersisted();
      expect(broadcasts()).toBe(3);
      await dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends every update of a calm board as soon as it is stored, however many peers it has', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { board, dispose } = await loadTestBoard();
      const peers = Array.from({ length: 200 }, (_, i) => testPeer(`p${i}`, `u${i}`));
      for (const p of peers) board.join(p);
      const watcher = peers[1]!;
      const broadcasts = () => watcher.sent.filter((m) => m[0] === 0 && m[1] === 2).length;
      const updates = updatesOf((doc) => {
        for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i);
      });
      // Five updates 100 ms apart: 10 changes/s x 200 peers = 2,000 messages/s, calm.
      for (const [i, update] of updates.entries()) {
        board.receive(peers[0]!, { kind: 'update', update });
        await board.whenPersisted();
        expect(broadcasts()).toBe(i + 1); // no timer was needed: not paced
        vi.advanceTimersByTime(100);
      }
      await dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts merging when the offered load passes BROADCAST_PRESSURE_MESSAGES_PER_S', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { board, dispose } = await loadTestBoard({
        pacing: { ...defaultPacing, pressure: { messagesPerSecond: 10_000, bufferedBytes: 1e9 } },
      });
      const peers = Array.from({ length: 200 }, (_, i) => testPeer(`p${i}`, `u${i}`));
      for (const p of peers) board.join(p);
      const watcher = peers[1]!;
      const broadcasts = () => watcher.sent.filter((m) => m[0] === 0 && m[1] === 2).length;
      const updates = updatesOf((doc) => {
        for (let i = 0; i < 60; i++) doc.getMap('m').set(`k${i}`, i);
      });
      // 200 changes/s (one every 5 ms) x 200 peers = 40,000 messages/s offered.
      // Storage answers from its worker thread, in real time: wait for it, or for a paced flush
      // to be waiting on the (fake) clock.
      const settle = async () => {
        for (let i = 0; i < 1_000_000; i++) {
          const { pending, storing } = board.stats;
          if (!storing && (pending === 0 || vi.getTimerCount() > 0)) return;
          await new Promise((resolve) => setImmediate(resolve));
        }
        throw new Error('the board did not settle');
      };
      let firstHalf = 0;
      for (const [i, update] of updates.entries()) {
        if (i === 30) firstHalf = broadcasts();
        board.receive(peers[0]!, { kind: 'update', update });
        await settle();
        await vi.advanceTimersByTimeAsync(5);
        await settle();
      }
      while (board.stats.pending > 0) {
        await vi.advanceTimersByTimeAsync(PACED_200);
        await settle();
      }
      expect(board.doc.getMap('m').size).toBe(60);
      // The first changes go out alone until the rate is recognised (about 100 ms)...
      expect(firstHalf).toBeGreaterThan(5);
      // ...then one message per 30 ms interval: 30 changes in 150 ms go out in about five.
      expect(broadcasts() - firstHalf).toBeLessThanOrEqual(8);
      await dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts merging when a client falls behind (its send queue passes BROADCAST_PRESSURE_BUFFERED_BYTES)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { board, dispose } = await loadTestBoard({
        pacing: { ...defaultPacing, pressure: { messagesPerSecond: 1e9, bufferedBytes: 1000 } },
      });
      const peers = Array.from({ length: 200 }, (_, i) => testPeer(`p${i}`, `u${i}`));
      const slow = Object.assign(testPeer('slow', 'slow'), { queuedBytes: () => 5000 });
      for (const p of [...peers, slow]) board.join(p);
      const watcher = peers[1]!;
      const broadcasts = () => watcher.sent.filter((m) => m[0] === 0 && m[1] === 2).length;
      const updates = updatesOf((doc) => {
        for (let i = 0; i < 3; i++) doc.getMap('m').set(`k${i}`, i);
      });
      board.receive(peers[0]!, { kind: 'update', update: updates[0]! });
      await board.whenPersisted();
      expect(broadcasts()).toBe(1);
      // The slow client's queue was seen at that broadcast: the next two wait for the interval.
      board.receive(peers[0]!, { kind: 'update', update: updates[1]! });
      await new Promise((resolve) => setImmediate(resolve));
      board.receive(peers[0]!, { kind: 'update', update: updates[2]! });
      await new Promise((resolve) => setImmediate(resolve));
      expect(broadcasts()).toBe(1);
      vi.advanceTimersByTime(30);
      await board.whenPersisted();
      expect(broadcasts()).toBe(2);
      await dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('relays the updates of other instances paced too, joining our own flush when one is due', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const published: Uint8Array[] = [];
      const fanout: Fanout = {
        instanceId: 'here',
        subscribe: async () => {},
        unsubscribe: async () => {},
        publish: (_board, kind, payload) => {
          if (kind === 'update') published.push(payload);
        },
        onReconnect: () => {},
        close: async () => {},
      };
      const { board, dispose } = await loadTestBoard({ fanout, pacing: pressedPacing });
      const peers = Array.from({ length: 200 }, (_, i) => testPeer(`p${i}`, `u${i}`));
      for (const p of peers) board.join(p);
      const watcher = peers[1]!;
      const broadcasts = () => watcher.sent.filter((m) => m[0] === 0 && m[1] === 2).length;
      const tick = () => new Promise((resolve) => setImmediate(resolve));
      const updatesOf = (name: string, n: number) => {
        const doc = new Y.Doc();
        const updates: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => updates.push(u));
        for (let i = 0; i < n; i++) doc.getMap('m').set(`${name}${i}`, i);
        return updates;
      };
      const remote = updatesOf('r', 3);
      const local = updatesOf('l', 1);
      const fromThere = (payload: Uint8Array) =>
        board.applyRemote({ kind: 'update', from: 'there', payload });

      fromThere(remote[0]!);
      await tick();
      expect(broadcasts()).toBe(1); // a quiet board relays at once
      fromThere(remote[1]!);
      await tick();
      board.receive(peers[0]!, { kind: 'update', update: local[0]! });
      await tick();
      expect(broadcasts()).toBe(1); // both held by pacing
      vi.advanceTimersByTime(PACED_200);
      await board.whenPersisted();
      await tick();
      expect(broadcasts()).toBe(2); // one message: our flush, with the relayed update in it
      expect(published).toHaveLength(1); // only our own update goes to the other instances
      for (const key of ['r0', 'r1', 'l0']) expect(board.doc.getMap('m').has(key)).toBe(true);
      const received = new Y.Doc();
      for (const m of watcher.sent.filter((x) => x[0] === 0 && x[1] === 2)) {
        Y.applyUpdate(received, m.subarray(3)); // [0, 2, varint length (< 128 here), update]
      }
      expect(Object.keys(received.getMap('m').toJSON()).sort()).toEqual(['l0', 'r0', 'r1']);
      // Relayed alone (no flush of ours due) after the interval.
      fromThere(remote[2]!);
      await tick();
      expect(broadcasts()).toBe(2);
      vi.advanceTimersByTime(PACED_200);
      await tick();
      expect(broadcasts()).toBe(3);
      await dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes only the sender of an update Yjs cannot read, without reloading the board', async () => {
    const failures: unknown[] = [];
    const { board, storage, dispose } = await loadTestBoard({
      onFailure: (_b, error) => failures.push(error),
    });
    const writer = testPeer('w', 'w');
    board.join(writer);
    const good = updatesOf((doc) => doc.getMap('m').set('kept', 1));
    board.receive(writer, { kind: 'update', update: good[0]! });
    await board.whenPersisted();
    // Well framed (one JSON item in root "m"), but its JSON does not parse: Yjs throws while
    // reading, before integrating anything.
    const badJson = Uint8Array.of(1, 1, 5, 0, 2, 1, 1, 109, 1, 4, ...Buffer.from('{bad'), 0);
    let error: unknown;
    try {
      board.receive(writer, { kind: 'update', update: badJson });
    } catch (e) {
      error = e;
    }
    expect((error as ConnectionError).code).toBe(CloseCode.invalidPayload);
    expect(failures).toEqual([]);
    expect(board.stats.pending).toBe(0);
    expect(board.doc.getMap('m').get('kept')).toBe(1);
    expect((await storage.load('b')).updates).toHaveLength(1);
    await dispose();
  });

  it('refuses an update that would grow the board past MAX_BOARD_BYTES', async () => {
    const { board, dispose } = await loadTestBoard();
    const writer = testPeer('w', 'w');
    board.join(writer);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(2 * 1024 * 1024));
    let error: unknown;
    try {
      board.receive(writer, { kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe(CloseCode.messageTooBig);
    expect(board.doc.getText('t').length).toBe(0);
    await dispose();
  });

  it('stores, when it closes, an update applied but not yet appended', async () => {
    // Pacing of a crowded board holds the update back, so that only close() can store it.
    const { board, storage, dispose } = await loadTestBoard({
      pacing: { ...pressedPacing, perClientMs: 1000, maxMs: 60_000 },
    });
    const writer = testPeer('w', 'w');
    board.join(writer);
    const [first, second] = updatesOf((doc) => {
      doc.getMap('m').set('first', 1);
      doc.getMap('m').set('second', 2);
    });
    board.receive(writer, { kind: 'update', update: first! });
    await board.whenPersisted(); // a quiet board flushes at once; the next one waits a minute
    board.receive(writer, { kind: 'update', update: second! });
    await new Promise((resolve) => setImmediate(resolve));
    expect(board.stats.pending).toBe(1);
    expect((await storage.load('b')).updates).toHaveLength(1);
    await board.close({ compact: false });
    const stored = await storage.load('b');
    const reloaded = new Y.Doc();
    applyStored(reloaded, stored);
    expect(reloaded.getMap('m').toJSON()).toEqual({ first: 1, second: 2 });
    await dispose();
  });
});
