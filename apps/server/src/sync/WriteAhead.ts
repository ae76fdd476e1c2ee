import type { Logger } from 'pino';
import type { Storage } from '../storage/Storage.ts';
import { PacedTask } from './PacedTask.ts';

export interface WriteAheadOptions {
  boardId: string;
  storage: Storage;
  log: Logger;
  /** The earliest moment (performance.now()) the next flush may go out: broadcast pacing. */
  earliest: () => number;
  /** A batch is stored (in order, `lastSeq` its last sequence number): broadcast it. */
  onStored: (batch: Uint8Array[], lastSeq: number) => void;
  /** A flush ended, whether or not it stored anything: relays held for it may go now. */
  onSettled: () => void;
}

interface Waiter {
  target: number;
  run: () => void;
}

const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 5000;

/**
 * The write-ahead buffer of a board: updates applied to its doc but not yet stored, in order.
 * They are appended together (group commit), paced, and retried while storage fails; nothing is
 * acknowledged before it is stored. `afterPersisted` runs a callback once everything applied so
 * far is stored: the only way document data may leave the server.
 */
export class WriteAhead {
  private readonly options: WriteAheadOptions;
  private pending: Uint8Array[] = [];
  private applied = 0;
  private persisted = 0;
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay = 0;
  private readonly task: PacedTask;

  constructor(options: WriteAheadOptions) {
    this.options = options;
    this.task = new PacedTask(() => void this.flush(), options.earliest);
  }

  /** Updates applied but not stored. */
  get size(): number {
    return this.pending.length;
  }

  /** A batch is being written to storage now. */
  get storing(): boolean {
    return this.flushing !== null;
  }

  /** A flush is queued or running, and storage is not failing: it will broadcast soon. */
  get flushDue(): boolean {
    return (this.task.queued || this.flushing !== null) && this.retryTimer === null;
  }

  /** An update was applied to the doc: store it with the others of this turn. */
  push(update: Uint8Array): void {
    this.pending.push(update);
    this.applied++;
    this.schedule();
  }

  /** The position to `rollback` to if what is applied next must be dropped. */
  mark(): number {
    return this.pending.length;
  }

  /** Forgets the updates pushed since `mark` (the transaction that produced them failed). */
  rollback(mark: number): void {
    this.applied -= this.pending.length - mark;
    this.pending.length = mark;
  }

  /** Runs `fn` once every update applied so far is stored (at once if it already is). */
  afterPersisted(fn: () => void): void {
    if (this.persisted >= this.applied) fn();
    else this.waiters.push({ target: this.applied, run: fn });
  }

  whenPersisted(): Promise<void> {
    return new Promise((resolve) => this.afterPersisted(resolve));
  }

  private schedule(): void {
    // The next turn groups every update that arrived in this one; pacing groups those of the
    // next few milliseconds too when broadcasts come faster than that.
    if (this.flushing || this.retryTimer) return;
    this.task.schedule();
  }

  /** Stores the pending updates, then hands them to `onStored`. Never rejects: failures are retried. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.pending.length === 0) {
      this.options.onSettled();
      return Promise.resolve();
    }
    const batch = this.pending;
    this.pending = [];
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
      if (this.pending.length > 0 && !this.retryTimer) this.schedule();
      this.options.onSettled();
    });
    return this.flushing;
  }

  private async write(batch: Uint8Array[]): Promise<void> {
    const { storage, boardId, log } = this.options;
    let lastSeq: number;
    try {
      lastSeq = await storage.append(boardId, batch);
    } catch (error) {
      // Not stored, so not acknowledged: keep the updates in memory and try again.
      this.pending = batch.concat(this.pending);
      this.retryDelay = Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, this.retryDelay * 2));
      log.error(
        { err: error, updates: batch.length, retryInMs: this.retryDelay },
        'storing updates failed; they are kept in memory and not acknowledged',
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, this.retryDelay);
      return;
    }
    if (this.retryDelay > 0) log.info('storage recovered; pending updates stored');
    this.retryDelay = 0;
    this.persisted += batch.length;
    this.options.onStored(batch, lastSeq);
    if (this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => w.target <= this.persisted);
      this.waiters = this.waiters.filter((w) => w.target > this.persisted);
      for (const waiter of ready) waiter.run();
    }
  }

  /** Flushes until nothing is pending. Rejects if storage keeps failing past `timeoutMs`. */
  async flushAll(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.length > 0 || this.flushing || this.retryTimer) {
      if (Date.now() > deadline) {
        throw new Error(`board ${this.options.boardId}: pending updates could not be stored`);
      }
      if (this.retryTimer) await new Promise((r) => setTimeout(r, RETRY_MIN_MS));
      else await this.flush();
    }
  }

  /** Stops the timers (the board is going away). */
  cancel(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.task.cancel();
  }
}
