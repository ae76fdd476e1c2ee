import type { SqliteSynchronous } from './SqliteStorage.ts';

/** What the storage worker (`appendWorker.ts`) is started with. */
export interface AppendWorkerOptions {
  file: string;
  synchronous: SqliteSynchronous;
  busyTimeoutMs: number;
  maxBytes: number;
}

/** A message to the storage worker; each is answered by one `AppendReply` with its id. */
export type AppendRequest =
  | { kind: 'append'; id: number; boardId: string; updates: readonly Uint8Array[] }
  /** Answered once everything asked before it is written. */
  | { kind: 'drain'; id: number }
  | { kind: 'max-bytes'; id: number; bytes: number };

export type AppendReply = { id: number; seq: number } | { id: number; error: string };
