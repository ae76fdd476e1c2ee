/**
 * The storage contract every adapter (SQLite now, PostgreSQL later) implements and that
 * `storageContract.ts` checks. A board is a Yjs document kept as one compacted state plus an
 * append-only log of updates written after it.
 */

/** What `load` returns: apply `state` (if any), then every update in order. */
export interface StoredBoard {
  state: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (or of the compacted state), 0 if none. */
  lastSeq: number;
}

export interface BoardInfo {
  id: string;
  /** Milliseconds since the epoch of the last append or compaction. */
  updatedAt: number;
  stateBytes: number;
  logLength: number;
  logBytes: number;
}

export interface Storage {
  /** Everything stored for a board; an unknown board loads as empty. */
  load(boardId: string): Promise<StoredBoard>;
  /**
   * Appends updates durably, in order, in one transaction (group commit). Resolves with the
   * sequence number of the last one only once they are stored: callers acknowledge after it.
   */
  append(boardId: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * Replaces the stored state and every logged update with `seq <= throughSeq` by `state`, in one
   * transaction. `state` must contain all of them. A compaction older than the stored one is a
   * no-op, so a slow compaction can never roll a board back.
   */
  compact(boardId: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /**
   * Folds what storage holds (state and log) into a new state with `merge`, in one transaction
   * that no append of this board can interleave with: safe when several instances write the
   * board. Resolves with the number of updates folded, or null when there was nothing to fold or
   * another compaction of the board was running (it does the work).
   */
  compactStored(
    boardId: string,
    merge: (state: Uint8Array | null, updates: Uint8Array[]) => Uint8Array,
  ): Promise<number | null>;
  /** Stored boards, most recently updated first. */
  list(): Promise<BoardInfo[]>;
  info(boardId: string): Promise<BoardInfo | null>;
  /** Removes a board and its log. */
  remove(boardId: string): Promise<void>;
  /** A cheap check that the store answers (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
