/** A connection as a board sees it: something to send to and to close. */
export interface Peer {
  readonly id: string;
  /** Who is behind the connection (a user id once sign-in exists); null when anonymous. */
  readonly principal: string | null;
  /**
   * The signed-in account's name: the presence this connection publishes carries it, whatever
   * name the browser put there (people are who their account says). Absent: the browser's name.
   */
  readonly displayName?: string | null;
  /** Read-only peers' document updates are dropped: not applied, stored nor broadcast. */
  readonly readOnly: boolean;
  /** False: the peer's changes to domains, phases and periods are put back (secretariat only). */
  readonly mayChangeStructure?: boolean;
  /**
   * Queues a message. `sent`, when given, runs once the message has left the process (or will
   * never be sent, the connection being closed): a flow-control signal.
   */
  send(message: Uint8Array, sent?: () => void): void;
  /** Bytes queued for this peer and not yet taken by its socket: a client falling behind. */
  queuedBytes?(): number;
  close(code: number, reason: string): void;
}
