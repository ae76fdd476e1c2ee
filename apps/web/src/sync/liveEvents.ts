import { reconnectDelay } from './reconnectDelay.ts';

/*
 * The server's live events (`GET /api/events`, Server-Sent Events) for the signed-in person: one
 * EventSource per page, opened with the first subscriber and closed with the last, whatever number
 * of bells, threads and counters listen. No React here.
 */

/** What each event carries. */
export interface LiveEvents {
  /** A thread changed on a board the person may read: refetch it (and the counts). */
  comments: { boardId: string; targetKind: 'card' | 'item'; targetId: string };
  /** The person's own notifications changed: the new unread count. */
  notifications: { unread: number };
  /**
   * A meeting, vote, decision or action of a board changed (the presenter's step included):
   * refetch. `meetingId` is null for what belongs to no meeting (an action assigned alone).
   */
  meetings: { boardId: string; meetingId: string | null };
}

export type LiveKind = keyof LiveEvents;

export const LIVE_KINDS: readonly LiveKind[] = ['comments', 'notifications', 'meetings'];

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * An event's data as sent by the server, or null when it is not what the event promises (the
 * stream is read like any input: a proxy, an older or newer server may send something else).
 */
export function parseLiveEvent<K extends LiveKind>(kind: K, raw: string): LiveEvents[K] | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (kind === 'comments') {
    const { boardId, targetKind, targetId } = record;
    if (!isText(boardId) || !isText(targetId)) return null;
    if (targetKind !== 'card' && targetKind !== 'item') return null;
    return { boardId, targetKind, targetId } as LiveEvents[K];
  }
  if (kind === 'meetings') {
    const { boardId, meetingId } = record;
    if (!isText(boardId) || (meetingId !== null && !isText(meetingId))) return null;
    return { boardId, meetingId } as LiveEvents[K];
  }
  const { unread } = record;
  if (typeof unread !== 'number' || !Number.isInteger(unread) || unread < 0) return null;
  return { unread } as LiveEvents[K];
}

type Listener = (data: never) => void;

/** The subscribers of each kind, and the dispatch of one event to them (tested without a stream). */
export class LiveDispatcher {
  private readonly listeners = new Map<LiveKind, Set<Listener>>();

  add<K extends LiveKind>(kind: K, fn: (data: LiveEvents[K]) => void): () => void {
    let set = this.listeners.get(kind);
    if (!set) {
      set = new Set();
      this.listeners.set(kind, set);
    }
    // A function given twice is two subscriptions: each unsubscribe removes its own.
    const entry: Listener = (data) => fn(data);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Parses and hands the data to every subscriber of the kind; a malformed event reaches none. */
  dispatch(kind: LiveKind, raw: string): boolean {
    const data = parseLiveEvent(kind, raw);
    if (data === null) return false;
    for (const fn of [...(this.listeners.get(kind) ?? [])]) {
      try {
        (fn as (data: unknown) => void)(data);
      } catch (error) {
        // One subscriber's failure must not starve the others.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return true;
  }
}

const EVENTS_URL = '/api/events';
const dispatcher = new LiveDispatcher();
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let attempt = 0;

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const stream = new EventSource(EVENTS_URL, { withCredentials: true });
  source = stream;
  for (const kind of LIVE_KINDS) {
    stream.addEventListener(kind, (event) =>
      dispatcher.dispatch(kind, (event as MessageEvent).data),
    );
  }
  stream.addEventListener('open', () => {
    attempt = 0;
  });
  stream.addEventListener('error', () => {
    // The browser retries a dropped stream by itself (CONNECTING); a refused one (signed out, a
    // server without the route, a 5xx) is CLOSED for good: retry that ourselves, spaced out.
    if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
    source = null;
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        if (dispatcher.size > 0) open();
      },
      reconnectDelay(attempt++, Math.random, { baseMs: 1_000, maxMs: 60_000 }),
    );
  });
}

function close(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  source?.close();
  source = null;
  attempt = 0;
}

/**
 * Calls `fn` with each event of `kind` the server sends this person. Returns the unsubscribe; the
 * stream closes when nobody listens any more.
 */
export function subscribeLive<K extends LiveKind>(
  kind: K,
  fn: (data: LiveEvents[K]) => void,
): () => void {
  const remove = dispatcher.add(kind, fn);
  open();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    remove();
    if (dispatcher.size === 0) close();
  };
}
