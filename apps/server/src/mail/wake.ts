/** Senders running in this process, woken when a message is enqueued here. */
const wakers = new Set<() => void>();

/** Registers a sender's wake-up; returns its removal. */
export function onWake(fn: () => void): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

/**
 * Tells the senders of this process that a message is waiting: call it once the transaction
 * that enqueued the message has committed. Without it, a sender finds the message at its next
 * poll (MAIL_POLL_MS).
 */
export function wake(): void {
  for (const fn of wakers) fn();
}
