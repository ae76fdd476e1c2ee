import type { BoardEntry } from '../api.ts';
import type { SyncState } from '../sync/BoardConnection.ts';
import type { DocStatus } from './BoardView.ts';

/** The message (a key of `strings`) shown instead of a live board that cannot be shown. */
export type BoardBlocker = 'boardNotFound' | 'boardTooNew' | 'boardOfflineUnknown';

/**
 * Why a live board cannot be shown, or null while it can (or may yet, once synced). The catalog
 * entry is `'unknown'` until the server answers, and stays so offline: the cached doc decides then.
 */
export function boardBlocker({
  entry,
  status,
  synced,
  syncState,
}: {
  entry: BoardEntry | null | 'unknown';
  status: DocStatus;
  synced: boolean;
  syncState: SyncState;
}): BoardBlocker | null {
  if (entry === null) return 'boardNotFound';
  if (status === 'too-new') return 'boardTooNew';
  // Synced and still empty: the server has no such board.
  if (status === 'empty' && synced) return 'boardNotFound';
  // Offline with nothing cached: whether it exists cannot be known.
  if (status === 'empty' && (syncState === 'offline' || syncState === 'offline-pending')) {
    return 'boardOfflineUnknown';
  }
  return null;
}
