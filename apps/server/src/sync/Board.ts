import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Storage } from '../storage/Storage.ts';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import type { ClientMessage } from './decodeClientMessage.ts';
import type { Fanout, FanoutMessage } from './Fanout.ts';
import { guardDocument } from './guardDocument.ts';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './messages.ts';
import { PacedTask } from './PacedTask.ts';
import type { Peer } from './Peer.ts';
import {
  type AwarenessEntry,
  type AwarenessLimits,
  encodeAwarenessEntries,
  validateAwareness,
} from './validateAwareness.ts';

export interface BoardOptions {
  storage: Storage;
  /** The bus to other instances serving this board, when there are several. */
  fanout?: Fanout;
  logger: Logger;
  maxBoardBytes: number;
  compactThreshold: number;
  awareness: AwarenessLimits;
  /** Broadcast pacing (BROADCAST_PACING_*); the defaults below when absent. */
  pacing?: { perClientMs: number; maxMs: number };
  /** Called when the in-memory document can no longer be trusted and must be reloaded. */
  onFailure?: (board: Board, error: unknown) => void;
}

interface Waiter {
  target: number;
  run: () => void;
}

/** Origin of changes that another instance already stored: broadcast them, don't store again. */
const remoteOrigin = Symbol('remote');

const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 5000;

/**
 * Pacing of a busy board's broadcasts. Every broadcast costs each peer a Yjs transaction whose
 * bookkeeping grows with the number of clients in the doc, so on a board with many peers a stream
 * of small broadcasts saturates the clients before the server (200 stock clients editing twice a
 * second, in one measurement: p99 85 ms unpaced, 70 ms at 0.1 ms per client up to 20 ms, 50 ms at
 * 0.15 up to 30; packages/bench). A flush, or the relay of updates that
 * other instances stored, therefore goes out no sooner than `perClientMs` per member of the
 * audience (at most `maxMs`) after the previous broadcast; relayed updates waiting when a
 * flush goes out join its message. Presence is paced the same way, on its own clock. A quiet
 * board, or one with few peers (1.5 ms for ten), broadcasts as before; a busy, crowded one in
 * fewer, larger messages. Nothing is acknowledged before it is stored either way.
 */
export const DEFAULT_PACING = { perClientMs: 0.15, maxMs: 30 };

/**
 * One board in memory: its Y.Doc, its awareness, the peers connected to it, and the write path.
 *
 * Write-ahead: an update is applied to the doc, appended to storage with the others of the same
 * tick (group commit), and only then broadcast to every peer, sender included. The echo is the
 * only acknowledgement y-websocket has, so it must mean "stored". A sync step 2 sent to a joiner
 * is likewise held until everything it contains is stored.
 */
export class Board {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();

  private readonly options: BoardOptions;
  private readonly log: Logger;
  /** Updates applied to the doc but not yet stored, in order. */
  private pending: Uint8Array[] = [];
  private applied = 0;
  private persisted = 0;
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  /** When the last document broadcast went out; flushes and relays wait their turn after it. */
  private lastBroadcastAt = Number.NEGATIVE_INFINITY;
  private readonly flushTask = new PacedTask(
    () => void this.flush(),
    () => this.lastBroadcastAt + this.pacingInterval(),
  );
  /** Updates other instances stored, waiting for their (paced) broadcast. */
  private relayPending: Uint8Array[] = [];
  private readonly relayTask = new PacedTask(
    () => this.relay(),
    () => this.lastBroadcastAt + this.pacingInterval(),
  );
  /** Presence changes waiting for their (paced) broadcast, by awareness client id. */
  private readonly presenceChanged = new Set<number>();
  private lastPresenceAt = Number.NEGATIVE_INFINITY;
  private readonly presenceTask = new PacedTask(
    () => this.sendPresence(),
    () => this.lastPresenceAt + this.pacingInterval(),
  );
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay = 0;
  private compacting: Promise<void> | null = null;
  private lastSeq: number;
  private logLength: number;
  /** Upper bound of the encoded board: last compacted size plus everything logged since. */
  private approxBytes: number;
  /** Bytes appended since the board was loaded; lets a compaction account for writes during it. */
  private loggedBytes = 0;
  private readonly awarenessOwners = new Map<number, Peer>();
  private readonly ownedAwareness = new Map<Peer, Set<number>>();
  private destroyed = false;

  static async load(id: string, options: BoardOptions): Promise<Board> {
    const stored = await options.storage.load(id);
    const doc = new Y.Doc();
    let bytes = 0;
    doc.transact(() => {
      if (stored.state) {
        Y.applyUpdate(doc, stored.state);
        bytes += stored.state.byteLength;
      }
      for (const update of stored.updates) {
        Y.applyUpdate(doc, update);
        bytes += update.byteLength;
      }
    });
    return new Board(id, doc, options, stored.lastSeq, stored.updates.length, bytes);
  }

  private constructor(
    id: string,
    doc: Y.Doc,
    options: BoardOptions,
    lastSeq: number,
    logLength: number,
    approxBytes: number,
  ) {
    this.id = id;
    this.doc = doc;
    this.options = options;
    this.log = options.logger.child({ board: id });
    this.lastSeq = lastSeq;
    this.logLength = logLength;
    this.approxBytes = approxBytes;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', this.onDocUpdate);
    // Document guard: a member's write the model refuses is corrected by a forward change that
    // is stored and broadcast with it (guardDocument.ts). Only connections' writes are checked.
    guardDocument(doc, {
      log: this.log,
      writerOf: (origin) =>
        this.peers.has(origin as Peer)
          ? { connection: (origin as Peer).id, user: (origin as Peer).principal }
          : null,
    });
  }

  get stats() {
    return {
      peers: this.peers.size,
      pending: this.pending.length,
      logLength: this.logLength,
      lastSeq: this.lastSeq,
      approxBytes: this.approxBytes,
    };
  }

  /** Greets a new peer: our state vector (so it sends what we lack) and everyone's presence. */
  join(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      peer.send(
        encodeAwarenessMessage(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]),
        ),
      );
    }
  }

  /** Sends our state vector: the peer answers with whatever we lack. */
  requestResync(peer: Peer): void {
    if (this.peers.has(peer)) peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  /** Forgets a peer and removes its presence for everyone. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const owned = this.ownedAwareness.get(peer);
    this.ownedAwareness.delete(peer);
    if (owned && owned.size > 0 && !this.destroyed) {
      for (const id of owned) this.awarenessOwners.delete(id);
      awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], 'leave');
    }
  }

  /** Handles one decoded message. Throws a ConnectionError to close that peer. */
  receive(peer: Peer, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        this.answerStep1(peer, message.stateVector);
        return;
      case 'sync-step2':
      case 'update':
        this.applyClientUpdate(peer, message.update);
        return;
      case 'awareness':
        this.applyAwareness(peer, message.update);
        return;
      case 'query-awareness':
        peer.send(
          encodeAwarenessMessage(
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
              ...this.awareness.getStates().keys(),
            ]),
          ),
        );
        return;
    }
  }

  private answerStep1(peer: Peer, stateVector: Uint8Array): void {
    let diff: Uint8Array;
    try {
      diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      throw new ConnectionError(
        CloseCode.invalidPayload,
        `undecodable state vector: ${errorText(error)}`,
      );
    }
    const reply = encodeSyncStep2(diff);
    // The diff may hold updates applied but not yet stored: send it once they are.
    this.afterPersisted(() => {
      if (this.peers.has(peer)) peer.send(reply);
    });
  }

  private applyClientUpdate(peer: Peer, update: Uint8Array): void {
    if (peer.readOnly) {
      this.log.debug(
        { peer: peer.id, bytes: update.byteLength },
        'update from read-only peer dropped',
      );
      return;
    }
    if (this.approxBytes + update.byteLength > this.options.maxBoardBytes) {
      throw new ConnectionError(
        CloseCode.messageTooBig,
        `board would exceed MAX_BOARD_BYTES (${this.options.maxBoardBytes})`,
      );
    }
    try {
      // Decoding the whole update first means a malformed one fails before it touches the doc:
      // Yjs integrates structs before it reads the delete set.
      Y.decodeUpdate(update);
    } catch (error) {
      throw new ConnectionError(
        CloseCode.invalidPayload,
        `undecodable Yjs update: ${errorText(error)}`,
      );
    }
    const mark = this.pending.length;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      // Whatever the failed transaction integrated is dropped, and the doc is reloaded from storage.
      this.applied -= this.pending.length - mark;
      this.pending.length = mark;
      this.fail(error);
      throw new ConnectionError(
        CloseCode.invalidPayload,
        `update could not be applied: ${errorText(error)}`,
      );
    }
    const store = this.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // Refused, not kept: the parts whose dependencies we have were integrated (and will be
      // stored and broadcast); the rest is dropped. A client that types before its sync step 2
      // arrived does this legitimately, so it is not disconnected (the stock client would not
      // reconnect after a 44xx close): it is asked for everything we lack, and its answer holds
      // the dropped part together with what it depended on.
      store.pendingStructs = null;
      store.pendingDs = null;
      this.log.debug(
        { peer: peer.id },
        'update with missing dependencies dropped; resync requested',
      );
      this.requestResync(peer);
    }
  }

  /**
   * The stock client relays every awareness change it sees, its peers' included. An entry for a
   * client id that another connection introduced is therefore a relay when its clock is not newer
   * than ours (dropped: we know it already), and a spoof when it is newer, unless the same
   * principal is taking its id over after a reconnect.
   */
  private applyAwareness(peer: Peer, update: Uint8Array): void {
    const entries = validateAwareness(update, this.options.awareness);
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.awarenessOwners.get(entry.clientId);
      const known = this.awareness.meta.get(entry.clientId)?.clock ?? -1;
      if (owner !== peer && entry.clock <= known) continue;
      if (owner && owner !== peer && owner.principal !== peer.principal) {
        throw new ConnectionError(
          CloseCode.policyViolation,
          `awareness client id ${entry.clientId} belongs to another connection`,
        );
      }
      accepted.push(entry);
    }
    if (accepted.length === 0) return;
    for (const entry of accepted) {
      const owner = this.awarenessOwners.get(entry.clientId);
      if (owner === peer) continue;
      if (owner) this.ownedAwareness.get(owner)?.delete(entry.clientId);
      this.awarenessOwners.set(entry.clientId, peer);
      let owned = this.ownedAwareness.get(peer);
      if (!owned) {
        owned = new Set();
        this.ownedAwareness.set(peer, owned);
      }
      owned.add(entry.clientId);
    }
    const filtered = accepted.length === entries.length ? update : encodeAwarenessEntries(accepted);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, peer);
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = change.added.concat(change.updated, change.removed);
    for (const id of change.removed) {
      const owner = this.awarenessOwners.get(id);
      if (owner) this.ownedAwareness.get(owner)?.delete(id);
      this.awarenessOwners.delete(id);
    }
    if (changed.length === 0) return;
    if (origin !== remoteOrigin) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.options.fanout?.publish(this.id, 'awareness', update);
    }
    for (const id of changed) this.presenceChanged.add(id);
    if (!this.destroyed) this.presenceTask.schedule();
  };

  /**
   * Presence goes out paced like document updates (`presenceTask`): every change of the same few milliseconds in
   * one message, each client's latest state once. A crowded board otherwise sends each of its N
   * clients every other client's cursor move or 15-second renewal as a message of its own (N^2
   * messages; 200 people renewing: 40,000 in a few seconds, which the clients, not the server,
   * pay for). With few peers the interval is under a millisecond: only one turn's changes merge.
   */
  private sendPresence(): void {
    if (this.destroyed || this.presenceChanged.size === 0) return;
    // Removed clients keep their meta (with the clock of the removal): they encode as null.
    const ids = [...this.presenceChanged].filter((id) => this.awareness.meta.has(id));
    this.presenceChanged.clear();
    if (ids.length === 0) return;
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
    );
    this.lastPresenceAt = performance.now();
    for (const peer of this.peers) peer.send(message);
  }

  /** A message from another instance: a stored update, or presence. */
  applyRemote(message: FanoutMessage): void {
    if (this.destroyed) return;
    if (message.kind === 'awareness') {
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, remoteOrigin);
      } catch (error) {
        this.log.warn(
          { err: errorText(error), from: message.from },
          'bad remote awareness ignored',
        );
      }
      return;
    }
    try {
      Y.applyUpdate(this.doc, message.payload, remoteOrigin);
    } catch (error) {
      this.log.error(
        { err: errorText(error), from: message.from },
        'remote update failed; reloading',
      );
      this.fail(error);
      return;
    }
    const store = this.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // We missed a message: what it carried is in storage.
      store.pendingStructs = null;
      store.pendingDs = null;
      void this.catchUp();
    }
  }

  /**
   * Applies everything stored for this board (after messages from other instances may have been
   * lost). Yjs ignores what we already have; the rest reaches our peers as remote updates.
   */
  async catchUp(): Promise<void> {
    const stored = await this.options.storage.load(this.id);
    if (this.destroyed) return;
    this.doc.transact(() => {
      if (stored.state) Y.applyUpdate(this.doc, stored.state, remoteOrigin);
      for (const update of stored.updates) Y.applyUpdate(this.doc, update, remoteOrigin);
    }, remoteOrigin);
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === remoteOrigin) {
      // Stored by another instance already: relay it, paced like our own flushes.
      this.relayPending.push(update);
      this.scheduleRelay();
      return;
    }
    this.pending.push(update);
    this.applied++;
    this.scheduleFlush();
  };

  /** Runs `fn` once every update applied so far is stored (at once if it already is). */
  private afterPersisted(fn: () => void): void {
    if (this.persisted >= this.applied) fn();
    else this.waiters.push({ target: this.applied, run: fn });
  }

  /** Resolves once every update applied so far is stored. */
  whenPersisted(): Promise<void> {
    return new Promise((resolve) => this.afterPersisted(resolve));
  }

  private scheduleFlush(): void {
    // The next turn groups every update that arrived in this one; pacing groups those of the
    // next few milliseconds too when broadcasts come faster than that.
    if (this.flushing || this.retryTimer) return;
    this.flushTask.schedule();
  }

  private pacingInterval(): number {
    // The audience: our peers, or everyone on the board when other instances serve it too
    // (their presence reaches us).
    const audience = Math.max(this.peers.size, this.awareness.getStates().size);
    const pacing = this.options.pacing ?? DEFAULT_PACING;
    return Math.min(pacing.maxMs, audience * pacing.perClientMs);
  }

  private scheduleRelay(): void {
    if (!this.destroyed) this.relayTask.schedule();
  }

  private relay(): void {
    if (this.relayPending.length === 0 || this.destroyed) return;
    // A flush of ours is on its way: the relayed updates go out in its message (its `finally`
    // schedules them again if it ends without sending), unless storage is failing.
    if ((this.flushTask.queued || this.flushing) && !this.retryTimer) return;
    const message = encodeSyncUpdate(mergeBatch(this.relayPending));
    this.relayPending = [];
    this.lastBroadcastAt = performance.now();
    for (const peer of this.peers) peer.send(message);
  }

  /** Stores the pending updates, then broadcasts them. Never rejects: failures are retried. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.length === 0) {
      if (this.relayPending.length > 0) this.scheduleRelay();
      return Promise.resolve();
    }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.writeBatch(batch).finally(() => {
      this.flushing = null;
      if (this.pending.length > 0 && !this.retryTimer) this.scheduleFlush();
      if (this.relayPending.length > 0) this.scheduleRelay();
    });
    return this.flushing;
  }

  private async writeBatch(batch: Uint8Array[]): Promise<void> {
    try {
      this.lastSeq = await this.options.storage.append(this.id, batch);
    } catch (error) {
      // Not stored, so not acknowledged: keep the updates in memory and try again.
      this.pending = batch.concat(this.pending);
      this.retryDelay = Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, this.retryDelay * 2));
      this.log.error(
        { err: error, updates: batch.length, retryInMs: this.retryDelay },
        'storing updates failed; they are kept in memory and not acknowledged',
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, this.retryDelay);
      return;
    }
    if (this.retryDelay > 0) this.log.info('storage recovered; pending updates stored');
    this.retryDelay = 0;
    this.persisted += batch.length;
    this.logLength += batch.length;
    for (const update of batch) {
      this.approxBytes += update.byteLength;
      this.loggedBytes += update.byteLength;
    }
    const merged = mergeBatch(batch);
    // Relayed updates waiting for their turn go out in the same message.
    const outgoing =
      this.relayPending.length > 0 ? mergeBatch([...this.relayPending.splice(0), merged]) : merged;
    const message = encodeSyncUpdate(outgoing);
    this.lastBroadcastAt = performance.now();
    for (const peer of this.peers) peer.send(message);
    this.options.fanout?.publish(this.id, 'update', merged);
    if (this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => w.target <= this.persisted);
      this.waiters = this.waiters.filter((w) => w.target > this.persisted);
      for (const waiter of ready) waiter.run();
    }
    if (this.logLength >= this.options.compactThreshold && !this.compacting) {
      setImmediate(() => void this.compact().catch(() => {}));
    }
  }

  /** Flushes until nothing is pending. Rejects if storage keeps failing past `timeoutMs`. */
  async flushAll(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.length > 0 || this.flushing || this.retryTimer) {
      if (Date.now() > deadline)
        throw new Error(`board ${this.id}: pending updates could not be stored`);
      if (this.retryTimer) await new Promise((r) => setTimeout(r, RETRY_MIN_MS));
      else await this.flush();
    }
  }

  /**
   * Folds the update log into one stored state. The state is encoded from the live doc, which
   * holds every stored update (and perhaps newer ones, which are harmless to include).
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.logLength === 0) return Promise.resolve();
    const started = performance.now();
    const folded = this.logLength;
    const loggedBefore = this.loggedBytes;
    let work: Promise<number | null>;
    if (this.options.fanout) {
      // Other instances append too, and our doc may lag behind them: fold what storage holds.
      work = this.options.storage.compactStored(this.id, mergeStored);
    } else {
      const state = Y.encodeStateAsUpdate(this.doc);
      work = this.options.storage.compact(this.id, state, this.lastSeq).then(() => {
        this.approxBytes = state.byteLength + (this.loggedBytes - loggedBefore);
        return folded;
      });
    }
    this.compacting = work
      .then((count) => {
        this.logLength = Math.max(0, this.logLength - folded);
        this.log.info(
          { folded: count, ms: Math.round(performance.now() - started) },
          'board compacted',
        );
      })
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'compaction failed; the log is kept and retried later');
        throw error;
      })
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  private fail(error: unknown): void {
    this.log.error({ err: error }, 'the in-memory board failed; it is reloaded from storage');
    this.options.onFailure?.(this, error);
  }

  /** Stores what is pending, compacts, and releases the doc. */
  async close(options: { compact: boolean } = { compact: true }): Promise<void> {
    await this.flushAll();
    if (options.compact) await this.compact().catch(() => {});
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.flushTask.cancel();
    this.relayTask.cancel();
    this.presenceTask.cancel();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.peers.clear();
  }
}

/** Updates merged at a time: Y.mergeUpdates is quadratic in the number of its inputs. */
const MERGE_FAN_IN = 32;

/**
 * One update holding a whole batch, for one broadcast message. Y.mergeUpdates re-sorts all its
 * inputs for every struct it writes, so a batch of 5,000 small updates (a fast client, a queue
 * drained after a load) took 600 ms in one call; merging 32 at a time, level by level, gives the
 * same bytes in 36 ms.
 */
function mergeBatch(batch: readonly Uint8Array[]): Uint8Array {
  let level = batch;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += MERGE_FAN_IN) {
      const group = level.slice(i, i + MERGE_FAN_IN);
      next.push(group.length === 1 ? group[0]! : Y.mergeUpdates(group));
    }
    level = next;
  }
  return level[0]!;
}

/** Stored state and log into one state, garbage-collected by a fresh doc. */
function mergeStored(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (state) Y.applyUpdate(doc, state);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
