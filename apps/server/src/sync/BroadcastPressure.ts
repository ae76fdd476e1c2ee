/** When a board's broadcasts are under pressure (BROADCAST_PRESSURE_*). */
export interface PressureLimits {
  /**
   * Messages per second the board would send if every change went out alone (changes received
   * per second times the audience). Past it, the per-peer send loop and the clients' Yjs
   * transactions cost more than merging saves in latency.
   */
  messagesPerSecond: number;
  /** Bytes queued for one peer (not yet taken by its socket): that client is falling behind. */
  bufferedBytes: number;
}

/**
 * The time constant of the rate estimate: a steady load is recognised within about 100 ms, and a
 * board calms down within a second of the load stopping.
 */
const RATE_TAU_MS = 250;

/**
 * Says whether a board's broadcasts should be merged (paced) or sent at once. Pacing costs
 * latency, so a calm board sends every stored change on the next turn, at the floor; only when
 * the offered load (changes in per second times the audience: what it would send unmerged, which
 * does not fall when merging starts, so the decision does not oscillate) or a client's send queue
 * says the board is crowded does it merge. The rate is an exponentially decaying count: O(1) per
 * change, no timers.
 */
export class BroadcastPressure {
  private readonly limits: PressureLimits;
  /** Decayed count of changes received, as of `countedAt`. */
  private count = 0;
  private countedAt = 0;
  /** The largest send queue of a peer seen at the last broadcast. */
  private queued = 0;

  constructor(limits: PressureLimits) {
    this.limits = limits;
  }

  /** A change arrived (a client's update or presence, or a relayed one). */
  changed(now: number = performance.now()): void {
    this.count = this.decayed(now) + 1;
    this.countedAt = now;
  }

  /** A broadcast went out; `largestQueue` is the most bytes any peer had waiting after it. */
  sent(largestQueue: number): void {
    this.queued = largestQueue;
  }

  /** Changes received per second, smoothed. */
  changesPerSecond(now: number = performance.now()): number {
    return (this.decayed(now) / RATE_TAU_MS) * 1000;
  }

  /** True when the board should merge its broadcasts for an audience of `audience` clients. */
  active(audience: number, now: number = performance.now()): boolean {
    if (this.queued > this.limits.bufferedBytes) return true;
    return this.changesPerSecond(now) * audience > this.limits.messagesPerSecond;
  }

  private decayed(now: number): number {
    if (this.count === 0) return 0;
    return this.count * Math.exp(-(now - this.countedAt) / RATE_TAU_MS);
  }
}
