import type { BoardRole } from '@fdr/model';
import type { WSContext } from 'hono/ws';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { SyncMetrics } from '../metrics/SyncMetrics.ts';
import type { StoredBoard } from '../storage/Storage.ts';
import type { Board } from './Board.ts';
import type { BoardRegistry } from './BoardRegistry.ts';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import { decodeClientMessage } from './decodeClientMessage.ts';
import { encodeSyncStep2, encodeSyncUpdate } from './messages.ts';
import type { Peer } from './Peer.ts';

export interface SyncConnectionOptions {
  registry: BoardRegistry;
  logger: Logger;
  maxQueuedMessages: number;
  maxMessagesPerSecond: number;
  messageBudgetMs: number;
  /** Bytes queued for this client past which it is closed (it does not read). */
  maxBufferedBytes: number;
  principal?: string | null;
  /** The account's name, stamped on this connection's presence (see Peer.displayName). */
  displayName?: string | null;
  readOnly?: boolean;
  /** False: changes to domains, phases and periods are put back (only the secretariat's stand). */
  mayChangeStructure?: boolean;
  /** The session and role the connection was opened with, re-checked periodically. */
  session?: { token: string; role: BoardRole };
  /** Set when metrics are on: counts messages in and out, and closes over bad input. */
  metrics?: SyncMetrics;
}

const SEND_OPTIONS = { binary: true, compress: false } as const;
const EMPTY_STATE_VECTOR = Uint8Array.of(0);
/** Longer logs (left by a crash) are sent from the built doc, as one message. */
const MAX_LOG_ANSWERED_FROM_STORAGE = 1000;
/** An update with no structs and an empty delete set. */
const EMPTY_UPDATE = Uint8Array.of(0, 0);

/** A sync step 1 with an empty state vector: what a client that holds nothing yet sends first. */
function isFirstSyncStep1(bytes: Uint8Array): boolean {
  return bytes.length === 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0;
}

let nextId = 0;

/**
 * One websocket on `/sync/:boardId`. Messages that arrive while the board loads are queued in
 * order and handled once it is ready. Any bad message closes this connection only, with a close
 * code and one log line.
 */
export class SyncConnection implements Peer {
  readonly id = `c${(++nextId).toString(36)}`;
  readonly boardId: string;
  readonly principal: string | null;
  readonly displayName: string | null;
  readonly readOnly: boolean;
  readonly mayChangeStructure: boolean;
  readonly session: { token: string; role: BoardRole } | null;
  /** Cleared by each keepalive ping, set again by the pong. */
  alive = true;

  private readonly ws: WSContext<WebSocket>;
  private readonly options: SyncConnectionOptions;
  private readonly log: Logger;
  private board: Board | null = null;
  private queue: Uint8Array[] | null = [];
  /**
   * A new client (empty state vector) joining a board that is still being built is answered
   * from what storage holds as soon as it is read: `wantsAll` is its sync step 1 held back,
   * `stored` that read, `answeredFromStorage` once sent.
   */
  private wantsAll = false;
  private stored: StoredBoard | null = null;
  private answeredFromStorage = false;
  private firstMessageSeen = false;
  /** Lets the board's build go on: this connection needs nothing more from the read. */
  private readAnswered: (() => void) | null = null;
  private closed = false;
  private acquired = false;
  /** Token bucket: refills at maxMessagesPerSecond up to twice that. */
  private tokens: number;
  private tokensAt = performance.now();

  constructor(ws: WSContext<WebSocket>, boardId: string, options: SyncConnectionOptions) {
    this.ws = ws;
    this.boardId = boardId;
    this.options = options;
    this.principal = options.principal ?? null;
    this.displayName = options.displayName ?? null;
    this.readOnly = options.readOnly ?? false;
    this.mayChangeStructure = options.mayChangeStructure ?? true;
    this.session = options.session ?? null;
    this.log = options.logger.child({ conn: this.id, board: boardId });
    this.tokens = options.maxMessagesPerSecond * 2;
    ws.raw?.on('pong', () => {
      this.alive = true;
    });
  }

  /** Takes a reference on the board (loading it if needed), then greets and drains the queue. */
  async start(): Promise<void> {
    this.log.info({ principal: this.principal, readOnly: this.readOnly }, 'connection opened');
    let board: Board;
    try {
      board = await this.options.registry.acquire(this.boardId, (stored) => {
        this.stored = stored;
        return new Promise<void>((resolve) => {
          this.readAnswered = resolve;
          // The first message is already here (and was not a new client's sync step 1), or not.
          if (this.firstMessageSeen && !this.wantsAll) resolve();
          else this.answerFromStorage();
        });
      });
      this.acquired = true;
    } catch (error) {
      this.log.error({ err: error }, 'board unavailable');
      this.close(CloseCode.internalError, 'board unavailable');
      return;
    }
    if (this.closed) {
      this.release();
      return;
    }
    this.board = board;
    this.stored = null;
    board.join(this);
    if (this.wantsAll) {
      // Answered from storage: only what the doc holds beyond that read is still owed.
      const stateVector = this.answeredFromStorage ? board.loadedStateVector : EMPTY_STATE_VECTOR;
      try {
        board.receive(this, { kind: 'sync-step1', stateVector });
      } catch (error) {
        this.reject(error);
        return;
      }
    }
    const queued = this.queue ?? [];
    this.queue = null;
    for (const data of queued) {
      if (this.closed) break;
      this.handle(data);
    }
  }

  onMessage(data: unknown): void {
    if (this.closed) return;
    this.options.metrics?.received();
    if (!this.takeToken()) {
      this.reject(
        new ConnectionError(
          CloseCode.policyViolation,
          `more than MAX_MESSAGES_PER_SECOND (${this.options.maxMessagesPerSecond}) messages per second`,
        ),
      );
      return;
    }
    if (typeof data === 'string') {
      this.reject(new ConnectionError(CloseCode.unsupportedData, 'text frames are not supported'));
      return;
    }
    const bytes =
      data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
    if (!bytes) {
      this.reject(new ConnectionError(CloseCode.unsupportedData, 'unsupported frame'));
      return;
    }
    if (this.queue) {
      if (this.queue.length >= this.options.maxQueuedMessages) {
        this.reject(
          new ConnectionError(
            CloseCode.policyViolation,
            `more than MAX_QUEUED_MESSAGES (${this.options.maxQueuedMessages}) while the board loads`,
          ),
        );
        return;
      }
      const first = !this.firstMessageSeen;
      this.firstMessageSeen = true;
      if (first && isFirstSyncStep1(bytes)) {
        this.wantsAll = true;
        this.answerFromStorage();
        return;
      }
      this.queue.push(bytes);
      if (first) this.releaseRead();
      return;
    }
    this.handle(bytes);
  }

  private takeToken(): boolean {
    const now = performance.now();
    const rate = this.options.maxMessagesPerSecond;
    this.tokens = Math.min(rate * 2, this.tokens + ((now - this.tokensAt) / 1000) * rate);
    this.tokensAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private handle(bytes: Uint8Array): void {
    // The CPU this thread spent on the message, not the time it took: on a machine short of
    // cores the thread may wait for one mid-message, and that is not the client's doing.
    const started = process.threadCpuUsage();
    try {
      this.board!.receive(this, decodeClientMessage(bytes));
    } catch (error) {
      this.reject(error);
      return;
    }
    const used = process.threadCpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    // The event loop was already blocked that long; cut off a client that can do it again.
    if (ms > this.options.messageBudgetMs) {
      this.reject(
        new ConnectionError(
          CloseCode.policyViolation,
          `a ${bytes.byteLength}-byte message took ${Math.round(ms)} ms of CPU, over MESSAGE_BUDGET_MS (${this.options.messageBudgetMs})`,
        ),
      );
    }
  }

  /** Sends a new client the board as storage holds it, while the doc is still being built. */
  private answerFromStorage(): void {
    const stored = this.stored;
    if (!this.wantsAll || !stored || this.answeredFromStorage || this.board || this.closed) return;
    if (stored.updates.length > MAX_LOG_ANSWERED_FROM_STORAGE) {
      this.releaseRead();
      return;
    }
    this.answeredFromStorage = true;
    const { state, updates } = stored;
    // As stored, nothing merged or encoded here (the log is folded every COMPACT_THRESHOLD
    // updates; a longer one, left by a crash, waits for the build): each logged update first,
    // then the state (or the last update) as the sync step 2. A client is "synced" when that
    // arrives, so it must come last: by then the rest is applied (Yjs holds the updates that
    // came before what they build on, and integrates them with it).
    const final = state ?? updates.at(-1) ?? EMPTY_UPDATE;
    const before = state ? updates : updates.slice(0, -1);
    const messages = [...before.map(encodeSyncUpdate), encodeSyncStep2(final)];
    messages.forEach((message, i) => {
      this.send(message, i === messages.length - 1 ? () => this.releaseRead() : undefined);
    });
  }

  private releaseRead(): void {
    this.readAnswered?.();
    this.readAnswered = null;
  }

  /** Asks the client for anything the server lacks (an update lost on the way). */
  resync(): void {
    if (!this.closed && this.board) this.board.requestResync(this);
  }

  private reject(error: unknown): void {
    if (error instanceof ConnectionError) {
      this.log.warn({ code: error.code, reason: error.message }, 'connection closed: bad input');
      this.options.metrics?.rejected(error.code);
      this.close(error.code, error.message);
    } else {
      this.log.error({ err: error }, 'connection closed: unexpected error');
      this.options.metrics?.rejected(CloseCode.internalError);
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  queuedBytes(): number {
    return this.ws.raw?.bufferedAmount ?? 0;
  }

  send(message: Uint8Array, sent?: () => void): void {
    if (this.closed || this.ws.readyState !== 1) {
      sent?.();
      return;
    }
    const raw = this.ws.raw;
    // One message is always let through on top of what is queued, so a client joining a board
    // larger than the limit is served; a client that does not read is cut off at the next one.
    const buffered = raw?.bufferedAmount ?? 0;
    if (buffered > this.options.maxBufferedBytes) {
      this.reject(
        new ConnectionError(
          CloseCode.tryAgainLater,
          `${buffered} bytes queued for a client that does not read, over MAX_BUFFERED_BYTES (${this.options.maxBufferedBytes})`,
        ),
      );
      sent?.();
      return;
    }
    try {
      // A broadcast goes to every peer: say what the frame is (binary, never compressed) so the
      // socket does not work it out each time, and only ask for a callback when one is wanted.
      if (raw) {
        if (sent) raw.send(message, SEND_OPTIONS, () => sent());
        else raw.send(message, SEND_OPTIONS);
      } else {
        this.ws.send(message as Uint8Array<ArrayBuffer>);
        sent?.();
      }
      this.options.metrics?.sent();
    } catch (error) {
      this.log.warn({ err: error }, 'send failed');
      sent?.();
    }
  }

  close(code: number, reason: string): void {
    if (!this.closed) {
      try {
        // A close reason may hold at most 123 bytes.
        this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
      } catch {
        this.ws.raw?.terminate();
      }
    }
    this.onClose();
  }

  /** Drops a connection that stopped answering pings. */
  terminate(): void {
    this.log.info('connection timed out');
    this.ws.raw?.terminate();
    this.onClose();
  }

  onClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.releaseRead();
    this.log.info('connection closed');
    this.queue = null;
    this.board?.leave(this);
    this.board = null;
    this.release();
  }

  private release(): void {
    if (!this.acquired) return;
    this.acquired = false;
    this.options.registry.release(this.boardId);
  }
}
