import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Storage } from '../storage/Storage.ts';
import { applyStored } from './applyStored.ts';
import { dropUnintegrated } from './dropUnintegrated.ts';
import { errorText } from './errorText.ts';
import type { FanoutMessage } from './Fanout.ts';
import { mergeBatch } from './mergeBatch.ts';
import { encodeSyncUpdate } from './messages.ts';
import { PacedTask } from './PacedTask.ts';

/** Origin of changes that another instance already stored: broadcast them, don't store again. */
export const remoteOrigin = Symbol('remote');

export interface RemoteRelayOptions {
  boardId: string;
  storage: Storage;
  log: Logger;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** The earliest moment (performance.now()) a relay may go out: broadcast pacing. */
  earliest: () => number;
  /** A flush of ours will go out soon: relayed updates wait to join its message. */
  flushDue: () => boolean;
  /** Sends a document message to every peer (and notes the time, for pacing). */
  broadcast: (message: Uint8Array) => void;
  /** The doc can no longer be trusted. */
  onFailure: (error: unknown) => void;
}

/**
 * The cross-instance side of a board: applies what other instances stored and published (updates,
 * presence), catches up from storage when messages were lost, and relays their updates to our
 * peers, paced like our own flushes.
 */
export class RemoteRelay {
  private readonly options: RemoteRelayOptions;
  /** Updates other instances stored, waiting for their (paced) broadcast. */
  private pending: Uint8Array[] = [];
  private readonly task: PacedTask;
  private destroyed = false;

  constructor(options: RemoteRelayOptions) {
    this.options = options;
    this.task = new PacedTask(() => this.relay(), options.earliest);
  }

  /** An update of remote origin reached the doc: relay it to our peers. */
  queue(update: Uint8Array): void {
    this.pending.push(update);
    this.schedule();
  }

  /** The updates waiting for their turn, handed over to go out in a flush's message. */
  take(): Uint8Array[] {
    return this.pending.splice(0);
  }

  schedule(): void {
    if (!this.destroyed && this.pending.length > 0) this.task.schedule();
  }

  private relay(): void {
    if (this.pending.length === 0 || this.destroyed) return;
    // A flush of ours is on its way: the relayed updates go out in its message (it schedules
    // them again if it ends without sending), unless storage is failing.
    if (this.options.flushDue()) return;
    this.options.broadcast(encodeSyncUpdate(mergeBatch(this.take())));
  }

  /** A message from another instance: a stored update, or presence. */
  apply(message: FanoutMessage): void {
    if (this.destroyed) return;
    const { doc, awareness, log } = this.options;
    if (message.kind === 'awareness') {
      try {
        awarenessProtocol.applyAwarenessUpdate(awareness, message.payload, remoteOrigin);
      } catch (error) {
        log.warn({ err: errorText(error), from: message.from }, 'bad remote awareness ignored');
      }
      return;
    }
    try {
      Y.applyUpdate(doc, message.payload, remoteOrigin);
    } catch (error) {
      log.error({ err: errorText(error), from: message.from }, 'remote update failed; reloading');
      this.options.onFailure(error);
      return;
    }
    // We missed a message: what it carried is in storage.
    if (dropUnintegrated(doc)) void this.catchUp();
  }

  /**
   * Applies everything stored for this board (after messages from other instances may have been
   * lost). Yjs ignores what we already have; the rest reaches our peers as remote updates.
   */
  async catchUp(): Promise<void> {
    const stored = await this.options.storage.load(this.options.boardId);
    if (this.destroyed) return;
    applyStored(this.options.doc, stored, remoteOrigin);
    dropUnintegrated(this.options.doc);
  }

  destroy(): void {
    this.destroyed = true;
    this.task.cancel();
  }
}
