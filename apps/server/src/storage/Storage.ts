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

/** The two official languages; a board title has at least one of them. */
export interface BoardTitle {
  fr: string;
  en: string;
}

/** What a board was created from (the catalog keeps it for the home page and for support). */
export type BoardTemplate = 'blank' | 'joint-councils-2016' | 'imported';

/**
 * One row of the board catalog: the boards the home page lists. The Y.Doc stays the source of
 * truth for the title; the catalog holds a copy so the list does not load every board.
 */
export interface CatalogEntry {
  id: string;
  title: BoardTitle;
  template: BoardTemplate;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /**
   * The latest of: the entry's own change (creation, rename), the board's last stored update and
   * its last compaction.
   */
  updatedAt: number;
}

/** A named or automatic snapshot of a board's full encoded state. */
export interface VersionInfo {
  id: string;
  boardId: string;
  name: string;
  note: string;
  /** `named` by the secretariat, `auto` (daily), or `before-restore` (taken by a restore). */
  kind: 'named' | 'auto' | 'before-restore';
  /** Who took it (user id), null for automatic ones. */
  authorId: string | null;
  authorName: string | null;
  createdAt: number;
  bytes: number;
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
  /** Removes a board, its log and its catalog entry. */
  remove(boardId: string): Promise<void>;
  /** Records a new board in the catalog. Rejects if the id is already there. */
  addToCatalog(entry: {
    id: string;
    title: BoardTitle;
    template: BoardTemplate;
    createdAt: number;
  }): Promise<void>;
  /** Changes a catalog title; resolves with the updated entry, or null for an unknown id. */
  renameInCatalog(boardId: string, title: BoardTitle, at: number): Promise<CatalogEntry | null>;
  catalogEntry(boardId: string): Promise<CatalogEntry | null>;
  /** Catalog entries, most recently updated first (ties by id). */
  listCatalog(): Promise<CatalogEntry[]>;
  /** Stores a version with its state. */
  addVersion(info: VersionInfo, state: Uint8Array): Promise<void>;
  /** A board's versions, newest first (without their states). */
  listVersions(boardId: string): Promise<VersionInfo[]>;
  /** One version with its state, or null. */
  version(
    boardId: string,
    versionId: string,
  ): Promise<{ info: VersionInfo; state: Uint8Array } | null>;
  /** Removes versions (retention); unknown ids are ignored. */
  deleteVersions(boardId: string, versionIds: readonly string[]): Promise<void>;
  /** A cheap check that the store answers (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
