import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLogger } from '../logger.ts';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { Board, DEFAULT_PACING } from './Board.ts';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import type { Fanout } from './Fanout.ts';
import type { Peer } from './Peer.ts';

const dirs: string[] = [];
/** The pacing interval of a board with 200 peers, at the defaults. */
const PACED_200 = Math.min(DEFAULT_PACING.maxMs, 200 * DEFAULT_PACING.perClientMs);
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function loadBoard(fanout?: Fanout): Promise<{ board: Board; storage: SqliteStorage }> {
  const dir = mkdtempSync(join(tmpdir(), 'fdr-board-'));
  dirs.push(dir);
  const storage = new SqliteStorage({ file: join(dir, 'b.sqlite') });
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const board = await Board.load('b', {
    storage,
    ...(fanout ? { fanout } : {}),
    logger,
    maxBoardBytes: 1024 * 1024,
    compactThreshold: 1000,
    awareness: { maxBytes: 4096, maxDepth: 8 },
  });
  return { board, storage };
}

function peer(
  id: string,
  principal: string | null,
  readOnly = false,
): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { id, principal, readOnly, sent, send: (m) => sent.push(m), close: () => {} };
}

function awarenessUpdate(id: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, id);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

describe('Board', () => {
  it('refuses a newer awareness state for a client id another principal owns', async () => {
    const { board, storage } = await loadBoard();
    const alice = peer('a', 'alice');
    const mallory = peer('m', 'mallory');
    board.join(alice);
    board.join(mallory);
    board.receive(alice, { kind: 'awareness', update: awarenessUpdate(77, 1, { name: 'Alice' }) });
    expect(() =>
      board.receive(mallory, {
        kind: 'awareness',
        update: awarenessUpdate(77, 2, { name: 'Fake' }),
      }),
    ).toThrow(ConnectionError);
    expect(board.awareness.getStates().get(77)).toEqual({ name: 'Alice' });
    // The same principal on a new connection (a reconnect) may take its id over.
    const aliceAgain = peer('a2', 'alice');
    board.join(aliceAgain);
    board.receive(aliceAgain, {
      kind: 'awareness',
      update: awarenessUpdate(77, 3, { name: 'Alice 2' }),
    });
    expect(board.awareness.getStates().get(77)).toEqual({ name: 'Alice 2' });
    board.leave(aliceAgain);
    expect(board.awareness.getStates().has(77)).toBe(false);
    board.destroy();
    await storage.close();
  });

  it('sends presence paced: a burst on a crowded board reaches each peer as few messages, latest states only', async () => {
    const { board, storage } = await loadBoard();
    const peers = Array.from({ length: 150 }, (_, i) => peer(`p${i}`, `user${i}`));
    for (const p of peers) board.join(p);
    const observer = peers[0]!;
    observer.sent.length = 0;
    // Every client announces itself, then moves its cursor twice, all within a few milliseconds.
    for (const [i, p] of peers.entries()) {
      board.receive(p, {
        kind: 'awareness',
        update: awarenessUpdate(1000 + i, 1, { n: i, at: 0 }),
      });
    }
    for (const step of [1, 2]) {
      for (const [i, p] of peers.entries()) {
        board.receive(p, {
          kind: 'awareness',
          update: awarenessUpdate(1000 + i, 1 + step, { n: i, at: step }),
        });
      }
    }
    await vi.waitFor(() => expect(presenceSeen(observer.sent).size).toBe(150), { timeout: 2000 });
    // 450 changes; one message per pacing interval (22.5 ms for 150 peers), not one per change.
    expect(awarenessMessages(observer.sent).length).toBeLessThan(10);
    const states = presenceSeen(observer.sent);
    for (let i = 0; i < 150; i++) expect(states.get(1000 + i)).toEqual({ n: i, at: 2 });
    // A departure is presence too: the others learn that the client is gone.
    board.leave(peers[5]!);
    await vi.waitFor(() => expect(presenceSeen(observer.sent).has(1005)).toBe(false));
    board.destroy();
    await storage.close();
  });

  it('sends the presence of a small board on the next turn', async () => {
    const { board, storage } = await loadBoard();
    const alice = peer('a', 'alice');
    const bob = peer('b', 'bob');
    board.join(alice);
    board.join(bob);
    bob.sent.length = 0;
    board.receive(alice, { kind: 'awareness', update: awarenessUpdate(7, 1, { name: 'Alice' }) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(presenceSeen(bob.sent).get(7)).toEqual({ name: 'Alice' });
    board.destroy();
    await storage.close();
  });

  it('drops the updates of a read-only peer: not applied, stored nor broadcast', async () => {
    const { board, storage } = await loadBoard();
    const reader = peer('r', 'observer', true);
    const other = peer('o', 'member');
    board.join(reader);
    board.join(other);
    const doc = new Y.Doc();
    doc.getMap('m').set('x', 1);
    board.receive(reader, { kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    await board.flushAll();
    expect(board.doc.getMap('m').has('x')).toBe(false);
    expect((await storage.load('b')).updates).toHaveLength(0);
    expect(other.sent).toHaveLength(1); // only the greeting (sync step 1)
    board.destroy();
    await storage.close();
  });

  it('holds a sync step 2 until what it contains is stored', async () => {
    const { board, storage } = await loadBoard();
    const writer = peer('w', 'w');
    const joiner = peer('j', 'j');
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
    board.destroy();
    await storage.close();
  });

  it('paces the flushes of a crowded board: updates close together are stored and sent as one', async () => {
    // The clock and timers are fake so that "close together" does not depend on the machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { board, storage } = await loadBoard();
      const peers = Array.from({ length: 200 }, (_, i) => peer(`p${i}`, `u${i}`));
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
      board.destroy();
      await storage.close();
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
      const { board, storage } = await loadBoard(fanout);
      const peers = Array.from({ length: 200 }, (_, i) => peer(`p${i}`, `u${i}`));
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
      board.destroy();
      await storage.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an update that would grow the board past MAX_BOARD_BYTES', async () => {
    const { board, storage } = await loadBoard();
    const writer = peer('w', 'w');
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
    board.destroy();
    await storage.close();
  });
});

/** The awareness messages among what a peer was sent (y-websocket message type 1). */
function awarenessMessages(sent: readonly Uint8Array[]): Uint8Array[] {
  return sent.filter((m) => m[0] === 1);
}

/** The presence a stock client would hold after applying every awareness message it was sent. */
function presenceSeen(sent: readonly Uint8Array[]): Map<number, unknown> {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  for (const message of awarenessMessages(sent)) {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'test');
  }
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states;
}
