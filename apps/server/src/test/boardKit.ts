import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { Board, type BoardOptions } from '../sync/Board.ts';
import type { Peer } from '../sync/Peer.ts';

/** Helpers for the unit tests of a board and its parts (in-process, real SQLite file). */

const defaults = loadConfig({});
/** The broadcast pacing of the default configuration. */
export const defaultPacing = {
  perClientMs: defaults.pacingPerClientUs / 1000,
  maxMs: defaults.pacingMaxMs,
  pressure: {
    messagesPerSecond: defaults.pressureMessagesPerSecond,
    bufferedBytes: defaults.pressureBufferedBytes,
  },
};

/** Pacing as the defaults, but always under pressure: every board merges its broadcasts. */
export const pressedPacing = {
  ...defaultPacing,
  pressure: { messagesPerSecond: 0, bufferedBytes: 0 },
};

export const silentLogger = (): Logger =>
  createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

/** A fresh SQLite storage in a temp folder; `dispose` closes it and removes the folder. */
export function tempStorage(): { storage: SqliteStorage; dispose: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'fdr-board-'));
  const storage = new SqliteStorage({ file: join(dir, 'b.sqlite') });
  return {
    storage,
    async dispose() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Board `b` on a fresh storage, with test limits (1 MiB board) unless overridden. */
export async function loadTestBoard(
  overrides: Partial<BoardOptions> = {},
): Promise<{ board: Board; storage: SqliteStorage; dispose: () => Promise<void> }> {
  const { storage, dispose } = tempStorage();
  const board = await Board.load('b', {
    storage,
    logger: silentLogger(),
    maxBoardBytes: 1024 * 1024,
    update: { maxBytes: defaults.maxUpdateBytes, maxStructs: defaults.maxUpdateStructs },
    compactThreshold: 1000,
    awareness: { maxBytes: 4096, maxDepth: 8 },
    pacing: defaultPacing,
    ...overrides,
  });
  return {
    board,
    storage,
    async dispose() {
      board.destroy();
      await dispose();
    },
  };
}

/** A peer that records what it is sent. */
export function testPeer(
  id: string,
  principal: string | null,
  readOnly = false,
): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return {
    id,
    principal,
    readOnly,
    sent,
    send: (m, done) => {
      sent.push(m);
      done?.();
    },
    close: () => {},
  };
}

/** An awareness update (y-protocols wire format) with one client's state. */
export function awarenessUpdate(id: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, id);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

/** The awareness messages among what a peer was sent (y-websocket message type 1). */
export function awarenessMessages(sent: readonly Uint8Array[]): Uint8Array[] {
  return sent.filter((m) => m[0] === 1);
}

/** The presence a stock client would hold after applying every awareness message it was sent. */
export function presenceSeen(sent: readonly Uint8Array[]): Map<number, unknown> {
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

/** Each change of a fresh doc as its own update. */
export function updatesOf(edit: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  edit(doc);
  doc.destroy();
  return updates;
}
