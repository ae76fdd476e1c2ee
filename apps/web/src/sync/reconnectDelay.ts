export interface BackoffOptions {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** Largest ceiling, however many attempts failed. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000 };

/**
 * Milliseconds before reconnect attempt `attempt` (0 for the first retry): an exponential ceiling,
 * of which half is fixed and half random ("equal jitter"). When the server restarts, every open
 * board reconnects at once; without jitter the clients would all come back in the same
 * millisecond, and again together at each retry, hammering the server as it starts.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
