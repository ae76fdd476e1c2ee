/**
 * The bus between server instances serving the same boards (Redis pub/sub in production).
 * Document updates travel on it only after they are stored, so a receiving instance may
 * acknowledge them to its own clients at once. Messages can be lost (a bus restart): receivers
 * then catch up from storage, which stays the source of truth.
 */
export type FanoutKind = 'update' | 'awareness';

export interface FanoutMessage {
  kind: FanoutKind;
  /** The instance that published it; an instance ignores its own messages. */
  from: string;
  payload: Uint8Array;
}

export interface Fanout {
  readonly instanceId: string;
  subscribe(boardId: string, onMessage: (message: FanoutMessage) => void): Promise<void>;
  unsubscribe(boardId: string): Promise<void>;
  /** Fire and forget: a failed publish is logged; peers catch up from storage. */
  publish(boardId: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Runs after the bus reconnected, when messages may have been missed. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}
