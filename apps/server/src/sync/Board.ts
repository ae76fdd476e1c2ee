import type { Logger } from 'pino';
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SyncMetrics } from '../metrics/SyncMetrics.ts';
import type { Storage, StoredBoard } from '../storage/Storage.ts';
import { applyStored } from './applyStored.ts';
import { BoardPresence } from './BoardPresence.ts';
import { BroadcastPressure, type PressureLimits } from './BroadcastPressure.ts';
import { boundUpdate, type UpdateLimits } from './boundUpdate.ts';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import { Compactor } from './Compactor.ts';
import type { ClientMessage } from './decodeClientMessage.ts';
import { dropUnintegrated } from './dropUnintegrated.ts';
import { errorText } from './errorText.ts';
import type { Fanout, FanoutMessage } from './Fanout.ts';
import { guardDocument } from './guardDocument.ts';
import { mergeBatch } from './mergeBatch.ts';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './messages.ts';
import type { Peer } from './Peer.ts';
import { RemoteRelay, remoteOrigin } from './RemoteRelay.ts';
import { SyncAnswers } from './SyncAnswers.ts';
import type { AwarenessLimits } from './validateAwareness.ts';
import { WriteAhead } from './WriteAhead.ts';

/**
 * Broadcast pacing (BROADCAST_PACING_*): per member of the audience, and at most; applied only
 * under pressure (BROADCAST_PRESSURE_*).
 */
export interface Pacing {
  perClientMs: number;
  maxMs: number;
  pressure: PressureLimits;
}

export interface BoardOptions {
  storage: Storage;
  /** The bus to other instances serving this board, when there are several. */
  fanout?: Fanout;
  logger: Logger;
  maxBoardBytes: number;
  /** Bounds of one client update (MAX_UPDATE_BYTES, MAX_UPDATE_STRUCTS), checked before applying. */
  update: UpdateLimits;
  compactThreshold: number;
  awareness: AwarenessLimits;
  pacing: Pacing;
  /** Called when the in-memory document can no longer be trusted and must be reloaded. */
  onFailure?: (board: Board, error: unknown) => void;
  /** Set when metrics are on: told of each update applied and of each stored batch broadcast. */
  metrics?: SyncMetrics;
}

/**
 * One board in memory: its Y.Doc, the peers connected to it, and the write path of their messages.
 *
 * Write-ahead: an update is applied to the doc, appended to storage with the others of the same
 * tick (group commit, `WriteAhead`), and only then broadcast to every peer, sender included. The
 * echo is the only acknowledgement y-websocket has, so it must mean "stored". A sync step 2 sent
 * to a joiner is likewise held until everything it contains is stored.
 *
 * Pacing: every broadcast costs each peer a Yjs transaction whose bookkeeping grows with the
 * number of clients in the doc, so a crowded board's flushes, relays and presence go out no
 * sooner than `perClientMs` per member of the audience (at most `maxMs`) after the previous one
 * of their kind. Only under pressure (`BroadcastPressure`: the offered message rate or a
 * client's send queue): a calm board, however many peers it has, broadcasts on the next turn.
 */
export class Board {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly peers = new Set<Peer>();
  /** The state vector of what storage held when the board was loaded (see `Board.load`'s `onRead`). */
  readonly loadedStateVector: Uint8Array;

  private readonly options: BoardOptions;
  private readonly log: Logger;
  private readonly writeAhead: WriteAhead;
  private readonly compactor: Compactor;
  private readonly remote: RemoteRelay;
  private readonly presence: BoardPresence;
  private readonly answers = new SyncAnswers((peer, stateVector, done) =>
    this.sendStep2(peer, stateVector, done),
  );
  /** When the last document broadcast went out; flushes and relays wait their turn after it. */
  private lastBroadcastAt = Number.NEGATIVE_INFINITY;
  private readonly pressure: BroadcastPressure;
  private destroyed = false;

  /**
   * Reads the board from storage and builds its doc. `onRead`, when given, gets what storage
   * holds as soon as it is read, before the (longer) build: joiners can be answered from it; the
   * build waits for the promise it returns.
   */
  static async load(
    id: string,
    options: BoardOptions,
    onRead?: (stored: StoredBoard) => Promise<void> | void,
  ): Promise<Board> {
    const stored = await options.storage.load(id);
    // Joiners answered from the read first: the build then holds the event loop.
    if (onRead) await onRead(stored);
    const doc = new Y.Doc();
    const bytes = applyStored(doc, stored);
    return new Board(id, doc, options, {
      lastSeq: stored.lastSeq,
      logLength: stored.updates.length,
      bytes,
    });
  }

  private constructor(
    id: string,
    doc: Y.Doc,
    options: BoardOptions,
    stored: { lastSeq: number; logLength: number; bytes: number },
  ) {
    this.id = id;
    this.doc = doc;
    this.loadedStateVector = Y.encodeStateVector(doc);
    this.options = options;
    const log = options.logger.child({ board: id });
    this.log = log;
    const { storage, fanout } = options;
    this.pressure = new BroadcastPressure(options.pacing.pressure);
    const documentTurn = () => this.lastBroadcastAt + this.pacingInterval();
    this.compactor = new Compactor(
      { boardId: id, storage, log, doc, threshold: options.compactThreshold, shared: !!fanout },
      stored,
    );
    this.writeAhead = new WriteAhead({
      boardId: id,
      storage,
      log,
      earliest: documentTurn,
      onStored: (batch, lastSeq) => this.onStored(batch, lastSeq),
      onSettled: () => this.remote.schedule(),
    });
    this.presence = new BoardPresence({
      boardId: id,
      doc,
      log,
      limits: options.awareness,
      fanout,
      peers: () => this.peers,
      interval: () => this.pacingInterval(),
    });
    this.remote = new RemoteRelay({
      boardId: id,
      storage,
      log,
      doc,
      awareness: this.presence.awareness,
      earliest: documentTurn,
      flushDue: () => this.writeAhead.flushDue,
      broadcast: (message) => this.broadcast(message),
      onFailure: (error) => this.fail(error),
    });
    doc.on('update', this.onDocUpdate);
    // Document guard: a member's write the model refuses is corrected by a forward change that
    // is stored and broadcast with it (guardDocument.ts). Only connections' writes are checked.
    guardDocument(doc, {
      log: this.log,
      writerOf: (origin) =>
        this.peers.has(origin as Peer)
          ? {
              connection: (origin as Peer).id,
              user: (origin as Peer).principal,
              mayChangeStructure: (origin as Peer).mayChangeStructure,
            }
          : null,
    });
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness;
  }

  get stats() {
    return {
      peers: this.peers.size,
      pending: this.writeAhead.size,
      storing: this.writeAhead.storing,
      logLength: this.compactor.logLength,
      lastSeq: this.compactor.lastSeq,
      approxBytes: this.compactor.approxBytes,
    };
  }

  /** Greets a new peer: our state vector (so it sends what we lack) and everyone's presence. */
  join(peer: Peer): void {
    this.peers.add(peer);
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    this.presence.sendAll(peer);
  }

  /** Sends our state vector: the peer answers with whatever we lack. */
  requestResync(peer: Peer): void {
    if (this.peers.has(peer)) peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  /** Forgets a peer and removes its presence for everyone. */
  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.answers.forget(peer);
    this.presence.leave(peer);
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
        this.pressure.changed();
        this.presence.receive(peer, message.update);
        return;
      case 'query-awareness':
        this.presence.sendAll(peer, true);
        return;
    }
  }

  private answerStep1(peer: Peer, stateVector: Uint8Array): void {
    try {
      Y.decodeStateVector(stateVector);
    } catch (error) {
      throw new ConnectionError(
        CloseCode.invalidPayload,
        `undecodable state vector: ${errorText(error)}`,
      );
    }
    if (!this.answers.request(peer, stateVector)) {
      this.log.debug(
        { peer: peer.id },
        'sync step 1 held: the previous answer is still being sent',
      );
    }
  }

  private sendStep2(peer: Peer, stateVector: Uint8Array, done: () => void): void {
    if (!this.peers.has(peer)) {
      done();
      return;
    }
    const reply = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    // The diff may hold updates applied but not yet stored: send it once they are.
    this.writeAhead.afterPersisted(() => {
      if (this.peers.has(peer)) peer.send(reply, done);
      else done();
    });
  }

  /**
   * The write path of a client's update, in order: authorize (read-only peers' updates are
   * dropped), bound (size and structure, before any work), apply (the document guard corrects what
   * the model refuses, in the same turn); then
   * `WriteAhead` stores it and broadcasts it once stored. A refusal at any step before apply
   * means nothing of the update is applied, stored or broadcast.
   */
  private applyClientUpdate(peer: Peer, update: Uint8Array): void {
    if (peer.readOnly) {
      this.log.debug(
        { peer: peer.id, bytes: update.byteLength },
        'update from read-only peer dropped',
      );
      return;
    }
    if (this.compactor.approxBytes + update.byteLength > this.options.maxBoardBytes) {
      throw new ConnectionError(
        CloseCode.messageTooBig,
        `board would exceed MAX_BOARD_BYTES (${this.options.maxBoardBytes})`,
      );
    }
    boundUpdate(update, this.options.update);
    // The document guard (installed on the doc) corrects what the update left invalid within
    // this turn, before WriteAhead stores it.
    this.apply(peer, update);
  }

  private apply(peer: Peer, update: Uint8Array): void {
    const mark = this.writeAhead.mark();
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      // Yjs reads every struct before it integrates any (and the scan checked the framing of the
      // delete set it reads last), so a failure in its read phase left the doc untouched: only
      // the sender goes. Whatever a later failure integrated is dropped, and the doc is reloaded
      // from storage.
      if (this.writeAhead.mark() !== mark) {
        this.writeAhead.rollback(mark);
        this.fail(error);
      }
      throw new ConnectionError(
        CloseCode.invalidPayload,
        `update could not be applied: ${errorText(error)}`,
      );
    }
    if (dropUnintegrated(this.doc)) {
      // Refused, not kept: the parts whose dependencies we have were integrated (and will be
      // stored and broadcast); the rest is dropped. A client that types before its sync step 2
      // arrived does this legitimately, so it is not disconnected (the stock client would not
      // reconnect after a 44xx close): it is asked for everything we lack, and its answer holds
      // the dropped part together with what it depended on.
      this.log.debug(
        { peer: peer.id },
        'update with missing dependencies dropped; resync requested',
      );
      this.requestResync(peer);
    }
  }

  /** A message from another instance: a stored update, or presence. */
  applyRemote(message: FanoutMessage): void {
    this.remote.apply(message);
  }

  /** Applies everything stored (messages from other instances may have been lost). */
  catchUp(): Promise<void> {
    return this.remote.catchUp();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.pressure.changed();
    // Stored by another instance already: relay it, paced like our own flushes.
    if (origin === remoteOrigin) this.remote.queue(update);
    else {
      this.options.metrics?.applied(update);
      this.writeAhead.push(update);
    }
  };

  private onStored(batch: Uint8Array[], lastSeq: number): void {
    this.compactor.stored(batch, lastSeq);
    const merged = mergeBatch(batch);
    // Relayed updates waiting for their turn go out in the same message.
    const relayed = this.remote.take();
    this.broadcast(
      encodeSyncUpdate(relayed.length > 0 ? mergeBatch([...relayed, merged]) : merged),
    );
    this.options.fanout?.publish(this.id, 'update', merged);
    this.options.metrics?.broadcast(batch);
  }

  private broadcast(message: Uint8Array): void {
    this.lastBroadcastAt = performance.now();
    let largestQueue = 0;
    for (const peer of this.peers) {
      peer.send(message);
      const queued = peer.queuedBytes?.() ?? 0;
      if (queued > largestQueue) largestQueue = queued;
    }
    this.pressure.sent(largestQueue);
  }

  private pacingInterval(): number {
    // The audience: our peers, or everyone on the board when other instances serve it too
    // (their presence reaches us).
    const audience = Math.max(this.peers.size, this.presence.size);
    if (!this.pressure.active(audience)) return 0;
    const { perClientMs, maxMs } = this.options.pacing;
    return Math.min(maxMs, audience * perClientMs);
  }

  /** Runs `fn` once every update applied so far is stored. */
  whenPersisted(): Promise<void> {
    return this.writeAhead.whenPersisted();
  }

  /** Stores the pending updates, then broadcasts them. Never rejects: failures are retried. */
  flush(): Promise<void> {
    return this.writeAhead.flush();
  }

  /** Flushes until nothing is pending. Rejects if storage keeps failing past `timeoutMs`. */
  flushAll(timeoutMs?: number): Promise<void> {
    return this.writeAhead.flushAll(timeoutMs);
  }

  /** Folds the update log into one stored state. */
  compact(): Promise<void> {
    return this.compactor.compact();
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
    this.writeAhead.cancel();
    this.remote.destroy();
    this.presence.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
    this.peers.clear();
  }
}
