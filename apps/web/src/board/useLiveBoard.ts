import type { Roadmap } from '@fdr/model';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useValue } from 'tldraw';
import type * as Y from 'yjs';
import { type BoardEntry, getBoard } from '../api.ts';
import { BoardConnection } from '../sync/BoardConnection.ts';
import { createUndoManager } from '../sync/createUndoManager.ts';
import { BoardView, type DocStatus } from './BoardView.ts';
import { type BoardBlocker, boardBlocker } from './boardBlocker.ts';

/** A live board as a page edits it: the doc's connection, its reading, and undo of our own edits. */
export interface LiveBoard {
  connection: BoardConnection;
  view: BoardView;
  /** The origin of this page's own transactions, the only ones `undo` takes back. */
  origin: object;
  undo: Y.UndoManager;
}

/**
 * Opens a board's live doc for a page (IndexedDB cache, then the server over the websocket) and
 * closes it when the page goes or the board changes; also asks the catalog whether the board
 * exists, to tell "no such board" from "not synced yet". `page` only marks the origin, so that
 * the canvas's and the table's writes can be told apart while debugging.
 */
export function useLiveBoard(
  boardId: string,
  page: 'canvas' | 'table' | 'structure',
): {
  /** Null until the first effect has run. */
  board: LiveBoard | null;
  status: DocStatus;
  roadmap: Roadmap | null;
  /** What to show instead of the board, or null. */
  blocker: BoardBlocker | null;
  /** Forgets this device's copy of the board (see `BoardConnection.discard`) and reopens it. */
  reopenFromServer: () => Promise<void>;
} {
  const [board, setBoard] = useState<LiveBoard | null>(null);
  const [entry, setEntry] = useState<BoardEntry | null | 'unknown'>('unknown');
  // Bumped to open the board again, from the server only.
  const [opening, setOpening] = useState(0);

  useEffect(() => {
    let live = true;
    getBoard(boardId)
      .then((found) => live && setEntry(found))
      // Offline: the cached copy decides.
      .catch(() => live && setEntry('unknown'));
    return () => {
      live = false;
    };
  }, [boardId]);
  // In an effect, not in render: StrictMode mounts twice in development, and each mount must
  // close what it opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `opening` opens the board anew
  useEffect(() => {
    const connection = new BoardConnection({ boardId });
    const view = new BoardView(connection.doc);
    const origin = { local: boardId, view: page };
    const undo = createUndoManager(connection.doc, [origin]);
    setBoard({ connection, view, undo, origin });
    return () => {
      undo.destroy();
      view.dispose();
      connection.destroy();
    };
  }, [boardId, page, opening]);
  const reopenFromServer = useCallback(async () => {
    await board?.connection.discard();
    setOpening((n) => n + 1);
  }, [board]);

  const status = useValue('status', () => board?.view.status.get() ?? 'empty', [board]);
  const roadmap = useValue('roadmap', () => board?.view.roadmap.get() ?? null, [board]);
  const synced = useSyncExternalStore(
    (listener) => board?.connection.subscribe(listener) ?? (() => {}),
    () => board?.connection.synced ?? false,
  );
  const syncState = useSyncExternalStore(
    (listener) => board?.connection.subscribe(listener) ?? (() => {}),
    () => board?.connection.syncState ?? 'connecting',
  );
  return {
    board,
    status,
    roadmap,
    blocker: boardBlocker({ entry, status, synced, syncState }),
    reopenFromServer,
  };
}
