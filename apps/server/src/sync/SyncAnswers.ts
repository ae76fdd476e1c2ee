import type { Peer } from './Peer.ts';

/**
 * Answers to sync step 1, at most one in flight per peer. Each answer may be the whole board, so
 * a client that keeps asking without reading would otherwise have the server queue the board
 * again for every request. While an answer has not left the process, a new request only
 * replaces the one waiting (the latest state vector is the one that matters), and it is
 * answered once the previous answer is out.
 */
export class SyncAnswers {
  private readonly answer: (peer: Peer, stateVector: Uint8Array, done: () => void) => void;
  /** Peers with an answer in flight, and the request waiting behind it, if any. */
  private readonly inFlight = new Map<Peer, { next: Uint8Array | null }>();

  /** `answer` sends the reply and calls `done` once it has left (or never will). */
  constructor(answer: (peer: Peer, stateVector: Uint8Array, done: () => void) => void) {
    this.answer = answer;
  }

  /** Answers now, or after the answer in flight; returns false when the request was held. */
  request(peer: Peer, stateVector: Uint8Array): boolean {
    const flight = this.inFlight.get(peer);
    if (flight) {
      flight.next = stateVector;
      return false;
    }
    const entry = { next: null as Uint8Array | null };
    this.inFlight.set(peer, entry);
    this.answer(peer, stateVector, () => {
      if (this.inFlight.get(peer) !== entry) return;
      this.inFlight.delete(peer);
      if (entry.next) this.request(peer, entry.next);
    });
    return true;
  }

  /** The peer left: nothing more is answered to it. */
  forget(peer: Peer): void {
    this.inFlight.delete(peer);
  }
}
