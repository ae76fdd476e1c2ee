import { useSyncExternalStore } from 'react';
import { subscribeLive } from '../sync/liveEvents.ts';
import {
  type Decision,
  listDecisions,
  listMeetings,
  listVotes,
  type Meeting,
  type Vote,
} from './meetingApi.ts';

/** What the canvas shows of the board's meetings: the live one, every vote, every decision. */
export interface BoardMeetings {
  loaded: boolean;
  /** The meeting being held now (state `live`), if any. */
  live: Meeting | null;
  votes: Vote[];
  /** Newest first. */
  decisions: Decision[];
}

const EMPTY: BoardMeetings = { loaded: false, live: null, votes: [], decisions: [] };

/**
 * One store per board, shared by the meeting bar, the card shapes and the card panel: fetched
 * when the first of them subscribes, again on each live `meetings` event of the board and when
 * the tab comes back (events missed while asleep), and after this page's own writes (`put`).
 */
class BoardMeetingsStore {
  state: BoardMeetings = EMPTY;
  private listeners = new Set<() => void>();
  private stop: (() => void) | null = null;
  private inFlight = false;
  private again = false;
  readonly boardId: string;
  constructor(boardId: string) {
    this.boardId = boardId;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      const stopLive = subscribeLive('meetings', (data) => {
        if (data.boardId === this.boardId) void this.refresh();
      });
      const onVisible = () => {
        if (document.visibilityState === 'visible') void this.refresh();
      };
      document.addEventListener('visibilitychange', onVisible);
      this.stop = () => {
        stopLive();
        document.removeEventListener('visibilitychange', onVisible);
      };
      void this.refresh();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  };

  get = () => this.state;

  /** A vote as a write of this page returned it, shown before the live event comes back. */
  putVote(vote: Vote): void {
    const votes = this.state.votes.some((v) => v.id === vote.id)
      ? this.state.votes.map((v) => (v.id === vote.id ? vote : v))
      : [...this.state.votes, vote];
    this.set({ ...this.state, votes });
  }

  /** The meeting as the presenter's step returned it. */
  putMeeting(meeting: Meeting): void {
    this.set({ ...this.state, live: meeting.state === 'live' ? meeting : null });
  }

  private set(state: BoardMeetings) {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  async refresh(): Promise<void> {
    // A burst of events is one request now and at most one after it.
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      const [meetings, votes, decisions] = await Promise.all([
        listMeetings(this.boardId),
        listVotes(this.boardId),
        listDecisions(this.boardId),
      ]);
      this.set({
        loaded: true,
        live: meetings.find((m) => m.state === 'live') ?? null,
        votes,
        decisions,
      });
    } catch {
      // A hint on the canvas: the last state stays until the next event or visit.
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }
}

const stores = new Map<string, BoardMeetingsStore>();

export function boardMeetingsStore(boardId: string): BoardMeetingsStore {
  let store = stores.get(boardId);
  if (!store) {
    store = new BoardMeetingsStore(boardId);
    stores.set(boardId, store);
  }
  return store;
}

/** The board's meetings state, live. */
export function useBoardMeetings(boardId: string): BoardMeetings {
  const store = boardMeetingsStore(boardId);
  return useSyncExternalStore(store.subscribe, store.get, () => EMPTY);
}

/** For listeners outside React (the card shapes' counts). */
export function watchBoardMeetings(boardId: string, fn: (state: BoardMeetings) => void) {
  const store = boardMeetingsStore(boardId);
  const stop = store.subscribe(() => fn(store.get()));
  fn(store.get());
  return stop;
}
