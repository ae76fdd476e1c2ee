import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Storage } from '../storage/Storage.ts';
import { applyStored } from './applyStored.ts';

export interface CompactorOptions {
  boardId: string;
  storage: Storage;
  log: Logger;
  /** The live doc: it holds every stored update (and perhaps newer ones). */
  doc: Y.Doc;
  /** Logged updates after which the log is folded into the state. */
  threshold: number;
  /** Other instances append to the same board: fold what storage holds, not our doc. */
  shared: boolean;
}

/**
 * The stored side of a board: the length of its update log, an upper bound of its encoded size,
 * and the compaction that folds the log into one state, off the hot path.
 */
export class Compactor {
  private readonly options: CompactorOptions;
  private compacting: Promise<void> | null = null;
  /** Sequence number of the last stored update. */
  lastSeq: number;
  logLength: number;
  /** Upper bound of the encoded board: last compacted size plus everything logged since. */
  approxBytes: number;
  /** Bytes appended since the board was loaded; lets a compaction account for writes during it. */
  private loggedBytes = 0;

  constructor(
    options: CompactorOptions,
    stored: { lastSeq: number; logLength: number; bytes: number },
  ) {
    this.options = options;
    this.lastSeq = stored.lastSeq;
    this.logLength = stored.logLength;
    this.approxBytes = stored.bytes;
  }

  /** A batch was appended: count it, and compact (on a later turn) once the log is long. */
  stored(batch: readonly Uint8Array[], lastSeq: number): void {
    this.lastSeq = lastSeq;
    this.logLength += batch.length;
    for (const update of batch) {
      this.approxBytes += update.byteLength;
      this.loggedBytes += update.byteLength;
    }
    if (this.logLength >= this.options.threshold && !this.compacting) {
      setImmediate(() => void this.compact().catch(() => {}));
    }
  }

  /**
   * Folds the update log into one stored state. The state is encoded from the live doc, which
   * holds every stored update (and perhaps newer ones, which are harmless to include).
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.logLength === 0) return Promise.resolve();
    const { storage, boardId, log } = this.options;
    const started = performance.now();
    const folded = this.logLength;
    const loggedBefore = this.loggedBytes;
    let work: Promise<number | null>;
    if (this.options.shared) {
      // Other instances append too, and our doc may lag behind them: fold what storage holds.
      work = storage.compactStored(boardId, mergeStored);
    } else {
      const state = Y.encodeStateAsUpdate(this.options.doc);
      work = storage.compact(boardId, state, this.lastSeq).then(() => {
        this.approxBytes = state.byteLength + (this.loggedBytes - loggedBefore);
        return folded;
      });
    }
    this.compacting = work
      .then((count) => {
        this.logLength = Math.max(0, this.logLength - folded);
        log.info({ folded: count, ms: Math.round(performance.now() - started) }, 'board compacted');
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'compaction failed; the log is kept and retried later');
        throw error;
      })
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }
}

/** Stored state and log into one state, garbage-collected by a fresh doc. */
function mergeStored(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  applyStored(doc, { state, updates });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
