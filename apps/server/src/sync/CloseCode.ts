/**
 * Websocket close codes the server uses. Standard codes where one fits; 4xxx (private range)
 * for what is particular to the sync protocol.
 */
export const CloseCode = {
  /** The server is shutting down or the board is being unloaded. */
  goingAway: 1001,
  /** A text frame: the protocol is binary only. */
  unsupportedData: 1003,
  /** A message that is not a well-formed y-websocket message, or an undecodable Yjs update. */
  invalidPayload: 1007,
  /** A message that breaks a rule: awareness limits, spoofed client ids, a flood. */
  policyViolation: 1008,
  /** A message larger than MAX_MESSAGE_BYTES, or an update that would grow the board too large. */
  messageTooBig: 1009,
  /** The board could not be loaded or had to be reloaded. */
  internalError: 1011,
  /**
   * The client stopped reading: more than MAX_BUFFERED_BYTES waited for it. "Try again later":
   * the stock client reconnects (it stops only on 44xx), so a client that was merely slow comes
   * back, and one that never reads is cut off again before it costs the server more memory.
   */
  tryAgainLater: 1013,
  /** The session ended (signed out, expired, password reset). */
  sessionEnded: 4401,
  /** The user's role on the board changed or was removed: reconnect to get the new one, if any. */
  roleChanged: 4403,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Thrown while handling a message; the connection is closed with `code` and `reason`. */
export class ConnectionError extends Error {
  readonly code: CloseCode;
  constructor(code: CloseCode, reason: string) {
    super(reason);
    this.name = 'ConnectionError';
    this.code = code;
  }
}
