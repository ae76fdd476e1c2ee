import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { subscribeLive } from '../sync/liveEvents.ts';
import {
  type CommentTarget,
  type CommentView,
  commentCounts,
  listComments,
  targetKey,
} from './commentsApi.ts';

type Counts = Readonly<Record<string, number>>;

const EMPTY: Counts = {};

/**
 * A board's comment counts, shared by every view of the page (card shapes, table rows, panels):
 * one request, refreshed when the server says a thread of that board changed, or when this page
 * wrote one (`refreshCounts`).
 */
class CountsStore {
  counts: Counts = EMPTY;
  private listeners = new Set<() => void>();
  private stopLive: (() => void) | null = null;
  private inFlight = false;
  private again = false;
  readonly boardId: string;
  constructor(boardId: string) {
    this.boardId = boardId;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.stopLive = subscribeLive('comments', (data) => {
        if (data.boardId === this.boardId) void this.refresh();
      });
      void this.refresh();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stopLive?.();
        this.stopLive = null;
      }
    };
  };

  get = () => this.counts;

  async refresh(): Promise<void> {
    // A burst of events is one request now and at most one after it.
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      this.counts = await commentCounts(this.boardId);
      for (const listener of this.listeners) listener();
    } catch {
      // Counts are a hint: the last ones stay until the next change or visit.
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }
}

const stores = new Map<string, CountsStore>();

function countsStore(boardId: string): CountsStore {
  let store = stores.get(boardId);
  if (!store) {
    store = new CountsStore(boardId);
    stores.set(boardId, store);
  }
  return store;
}

/** The board's visible comments per target (`card:<id>`, `item:<id>`), live. */
export function useCommentCounts(boardId: string): Counts {
  const store = countsStore(boardId);
  return useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
}

/** For listeners outside React (the canvas's card descriptions). */
export function watchCommentCounts(boardId: string, fn: (counts: Counts) => void): () => void {
  const store = countsStore(boardId);
  const stop = store.subscribe(() => fn(store.get()));
  fn(store.get());
  return stop;
}

export function refreshCounts(boardId: string): void {
  void countsStore(boardId).refresh();
}

export const countOf = (counts: Counts, target: CommentTarget) => counts[targetKey(target)] ?? 0;

export type ThreadState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; comments: CommentView[] };

/** A target's comments, reloaded when the server says they changed; `reload` after a write. */
export function useThread(boardId: string, target: CommentTarget) {
  const [state, setState] = useState<ThreadState>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { kind, id } = target;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version asks for a reload
  useEffect(() => {
    let live = true;
    listComments(boardId, { kind, id })
      .then((comments) => live && setState({ kind: 'ready', comments }))
      .catch(
        (error) => live && setState((s) => (s.kind === 'ready' ? s : { kind: 'error', error })),
      );
    return () => {
      live = false;
    };
  }, [boardId, kind, id, version]);
  useEffect(
    () =>
      subscribeLive('comments', (data) => {
        if (data.boardId === boardId && data.targetKind === kind && data.targetId === id) reload();
      }),
    [boardId, kind, id, reload],
  );
  /** Puts a comment the server just returned in place (or adds it) before the reload. */
  const put = useCallback(
    (comment: CommentView) => {
      setState((s) => {
        if (s.kind !== 'ready') return { kind: 'ready', comments: [comment] };
        const found = s.comments.some((c) => c.id === comment.id);
        return {
          kind: 'ready',
          comments: found
            ? s.comments.map((c) => (c.id === comment.id ? comment : c))
            : [...s.comments, comment],
        };
      });
      refreshCounts(boardId);
    },
    [boardId],
  );
  return { state, reload, put };
}
