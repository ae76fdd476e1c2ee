import type { Logger } from 'pino';
import type { Storage, StoredBoard } from '../storage/Storage.ts';
import { Board, type BoardOptions } from './Board.ts';
import { CloseCode } from './CloseCode.ts';
import type { FanoutMessage } from './Fanout.ts';

export interface BoardRegistryOptions extends Omit<BoardOptions, 'onFailure'> {
  storage: Storage;
  logger: Logger;
  unloadDelayMs: number;
}

interface Entry {
  board: Promise<Board>;
  refs: number;
  idleTimer: NodeJS.Timeout | null;
  /** Set while the board is being flushed and released; acquirers wait for it, then reload. */
  unloading: Promise<void> | null;
  /** While loading: what storage held, once read, and who waits for it. Cleared once loaded. */
  read: StoredBoard | null;
  readers: ((stored: StoredBoard) => void)[] | null;
}

/**
 * Told what storage holds for a board that is still being built (see `acquire`); the build waits
 * for the promise it returns, at most READ_WAIT_MS.
 */
export type OnRead = (stored: StoredBoard) => Promise<void> | void;

/**
 * How long the build of a board waits for its joiners to be answered from the read (their first
 * message arrives a round trip after the websocket opens; a large answer must reach the socket).
 */
const READ_WAIT_MS = 50;

/**
 * The boards in memory. A board is loaded once however many connections arrive together, kept
 * while it has users, and unloaded a while after the last one leaves, once its writes are stored.
 * Load and unload of one board never overlap: an acquire during an unload waits for it to end.
 */
export class BoardRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly options: BoardRegistryOptions;
  private readonly log: Logger;
  private closed = false;
  /** Number of loads started, for tests and metrics. */
  loads = 0;

  constructor(options: BoardRegistryOptions) {
    this.options = options;
    this.log = options.logger;
    options.fanout?.onReconnect(() => {
      for (const [id, entry] of this.entries) {
        if (entry.unloading) continue;
        void entry.board
          .then((board) => board.catchUp())
          .catch((error: unknown) => this.log.error({ board: id, err: error }, 'catch-up failed'));
      }
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The board if it is in memory and ready, without taking a reference. */
  async peek(id: string): Promise<Board | null> {
    const entry = this.entries.get(id);
    if (!entry || entry.unloading) return null;
    return entry.board.catch(() => null);
  }

  /**
   * A reference on the board, loading it if needed. While it loads, `onRead` gets what storage
   * holds as soon as it is read (a new client can be answered from it before the doc is built);
   * it is not called for a board already in memory.
   */
  async acquire(id: string, onRead?: OnRead): Promise<Board> {
    for (;;) {
      if (this.closed) throw new Error('the server is shutting down');
      const entry = this.entries.get(id);
      if (entry?.unloading) {
        // A failed unload keeps the board in memory; either way, look again.
        await entry.unloading.catch(() => {});
        continue;
      }
      if (entry) {
        entry.refs++;
        if (entry.idleTimer) {
          clearTimeout(entry.idleTimer);
          entry.idleTimer = null;
        }
        if (onRead && entry.readers) {
          if (entry.read) onRead(entry.read);
          else entry.readers.push(onRead);
        }
        try {
          return await entry.board;
        } catch (error) {
          entry.refs--;
          throw error;
        }
      }
      return this.load(id, onRead);
    }
  }

  private async load(id: string, onRead?: OnRead): Promise<Board> {
    this.loads++;
    const started = performance.now();
    const entry: Entry = {
      board: Promise.resolve(null as unknown as Board),
      refs: 1,
      idleTimer: null,
      unloading: null,
      read: null,
      readers: onRead ? [onRead] : [],
    };
    const read = async (stored: StoredBoard) => {
      entry.read = stored;
      const answers = (entry.readers ?? []).map((reader) => reader(stored));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(answers),
        new Promise((resolve) => {
          timer = setTimeout(resolve, READ_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    };
    const board = this.loadSubscribed(id, read);
    entry.board = board;
    this.entries.set(id, entry);
    try {
      const loaded = await board;
      entry.read = null;
      entry.readers = null;
      this.log.info(
        { board: id, ms: Math.round(performance.now() - started), ...loaded.stats },
        'board loaded',
      );
      return loaded;
    } catch (error) {
      if (this.entries.get(id) === entry) this.entries.delete(id);
      this.log.error({ board: id, err: error }, 'board could not be loaded');
      throw error;
    }
  }

  /**
   * With other instances, subscribe before reading storage and hold what arrives meanwhile:
   * an update stored and published between the two is then neither missed nor lost.
   */
  private async loadSubscribed(id: string, onRead: OnRead): Promise<Board> {
    const options = { ...this.options, onFailure: (failed: Board) => this.evict(failed) };
    const { fanout } = this.options;
    if (!fanout) return Board.load(id, options, onRead);
    let loaded: Board | null = null;
    const held: FanoutMessage[] = [];
    await fanout.subscribe(id, (message) => {
      if (loaded) loaded.applyRemote(message);
      else held.push(message);
    });
    try {
      loaded = await Board.load(id, options, onRead);
    } catch (error) {
      await fanout.unsubscribe(id);
      throw error;
    }
    for (const message of held) loaded.applyRemote(message);
    return loaded;
  }

  release(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.refs = Math.max(0, entry.refs - 1);
    if (entry.refs === 0 && !entry.unloading && !this.closed) {
      entry.idleTimer = setTimeout(() => void this.unload(id), this.options.unloadDelayMs);
      entry.idleTimer.unref();
    }
  }

  /** Unloads an idle board: stores pending writes, compacts, frees memory. */
  async unload(id: string, options: { compact: boolean } = { compact: true }): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.unloading) return entry.unloading;
    if (entry.refs > 0 && !this.closed) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
    entry.unloading = (async () => {
      let board: Board;
      try {
        board = await entry.board;
      } catch {
        return; // never loaded: nothing to store
      }
      try {
        await board.close(options);
        await this.options.fanout?.unsubscribe(id);
        this.log.info({ board: id }, 'board unloaded');
      } catch (error) {
        // Storage is failing: keep the board (and its unstored updates) and try again later.
        this.log.error({ board: id, err: error }, 'board could not be unloaded; kept in memory');
        entry.unloading = null;
        if (!this.closed) {
          entry.idleTimer = setTimeout(() => void this.unload(id), this.options.unloadDelayMs);
          entry.idleTimer.unref();
        }
        throw error;
      }
    })().then(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
    return entry.unloading;
  }

  /** A board whose doc can't be trusted: disconnect everyone, store what is valid, reload later. */
  private evict(board: Board): void {
    const entry = this.entries.get(board.id);
    if (!entry || entry.unloading) return;
    entry.unloading = (async () => {
      for (const peer of [...board.peers]) peer.close(CloseCode.internalError, 'board reloaded');
      await board.flushAll().catch((error: unknown) => {
        this.log.error(
          { board: board.id, err: error },
          'pending updates of a failed board were lost',
        );
      });
      board.destroy();
      await this.options.fanout?.unsubscribe(board.id);
    })().finally(() => {
      if (this.entries.get(board.id) === entry) this.entries.delete(board.id);
    });
  }

  /** Flushes and unloads every board (graceful shutdown). */
  async closeAll(): Promise<void> {
    this.closed = true;
    const ids = [...this.entries.keys()];
    const results = await Promise.allSettled(ids.map((id) => this.unload(id)));
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed > 0) this.log.error({ failed }, 'some boards could not be stored at shutdown');
  }
}
