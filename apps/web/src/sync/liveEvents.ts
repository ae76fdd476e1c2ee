import { reconnectDelay } from './reconnectDelay.ts';

/*
 * The server's live events (`GET /api/events`, Server-Sent Events): one EventSource per page,
 * shared by every subscriber, opened with the first and closed with the last. The browser's own
 * retry gives up after some errors (a 401, a proxy's 502), so a stream that errors is closed and
 * reopened here with a jittered backoff instead.
 */

export interface LiveEventData {
  /** A thread changed: the board's counts and that target's thread are stale. */
  comments: { boardId: string; targetKind: 'card' | 'item'; targetId: string };
  /** The person's unread notifications. */
  notifications: { unread: number };
}

export type LiveKind = keyof LiveEventData;

type Listener<K extends LiveKind> = (data: LiveEventData[K]) => void;

/** What this module needs of `EventSource` (a test passes its own). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
  onerror: ((event: Event) => void) | null;
  onopen: ((event: Event) => void) | null;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

const KINDS: readonly LiveKind[] = ['comments', 'notifications'];

/** The event's data when it has the expected shape, else null (never trust the wire). */
export function parseLiveEvent<K extends LiveKind>(kind: K, raw: unknown): LiveEventData[K] | null {
  if (typeof raw !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (kind === 'comments') {
    const { boardId, targetKind, targetId } = record;
    if (
      typeof boardId !== 'string' ||
      (targetKind !== 'card' && targetKind !== 'item') ||
      typeof targetId !== 'string'
    ) {
      return null;
    }
    return { boardId, targetKind, targetId } as LiveEventData[K];
  }
  const { unread } = record;
  if (typeof unread !== 'number' || !Number.isFinite(unread) || unread < 0) return null;
  return { unread } as LiveEventData[K];
}

/** A hub of subscribers over one stream; `createLiveHub` is exported for tests. */
export function createLiveHub(
  open: EventSourceFactory,
  url = '/api/events',
  schedule: (fn: () => void, ms: number) => unknown = setTimeout,
  cancel: (handle: unknown) => void = (handle) =>
    clearTimeout(handle as ReturnType<typeof setTimeout>),
) {
  const listeners: { [K in LiveKind]: Set<Listener<K>> } = {
    comments: new Set(),
    notifications: new Set(),
  };
  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let attempt = 0;

  const count = () => listeners.comments.size + listeners.notifications.size;

  const connect = () => {
    timer = null;
    const current = open(url);
    source = current;
    current.onopen = () => {
      attempt = 0;
    };
    current.onerror = () => {
      if (source !== current) return;
      current.close();
      source = null;
      if (count() > 0) timer = schedule(connect, reconnectDelay(attempt++));
    };
    for (const kind of KINDS) {
      current.addEventListener(kind, (event) => dispatch(kind, event.data));
    }
  };

  const dispatch = <K extends LiveKind>(kind: K, raw: unknown) => {
    const data = parseLiveEvent(kind, raw);
    if (!data) return;
    for (const fn of [...(listeners[kind] as Set<Listener<K>>)]) {
      try {
        fn(data);
      } catch {
        // One subscriber's failure never stops the others.
      }
    }
  };

  const disconnect = () => {
    if (timer !== null) cancel(timer);
    timer = null;
    source?.close();
    source = null;
    attempt = 0;
  };

  return {
    subscribe<K extends LiveKind>(kind: K, fn: Listener<K>): () => void {
      const set = listeners[kind] as Set<Listener<K>>;
      // The same function twice is two subscriptions: wrap it so each has its own entry.
      const entry: Listener<K> = (data) => fn(data);
      set.add(entry);
      if (!source && timer === null) connect();
      return () => {
        set.delete(entry);
        if (count() === 0) disconnect();
      };
    },
    /** For tests: whether a stream is open or about to reopen. */
    get connected() {
      return source !== null;
    },
  };
}

let hub: ReturnType<typeof createLiveHub> | null = null;

/**
 * Calls `fn` with each live event of that kind until the returned function is called. Without
 * `EventSource` (tests in Node, very old browsers) nothing is ever sent: pages still load their
 * data, they only miss the live refresh.
 */
export function subscribeLive<K extends LiveKind>(
  kind: K,
  fn: (data: LiveEventData[K]) => void,
): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  hub ??= createLiveHub((url) => new EventSource(url, { withCredentials: true }));
  return hub.subscribe(kind, fn);
}
