import * as decoding from 'lib0/decoding';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { reconnectDelay } from './reconnectDelay.ts';
import { ServerKnowledge } from './ServerKnowledge.ts';

/**
 * What the sync badge shows. `syncing`: connected, but the server has not yet confirmed storing
 * everything this tab holds (or the first sync is still running). `offline-pending`: edits made
 * here wait for the connection to come back.
 */
export type SyncState = 'connecting' | 'connected' | 'syncing' | 'offline' | 'offline-pending';

export interface BoardConnectionOptions {
  boardId: string;
  /** `ws(s)://host/sync`; defaults to this page's origin. */
  syncUrl?: string;
  /** Keep an IndexedDB copy of the board (the offline cache). */
  offlineCache?: boolean;
  random?: () => number;
}

/** The server's close code when this user's role on the board changed (or was removed). */
export const ROLE_CHANGED_CLOSE = 4403;

// y-protocols/sync message types inside a sync message.
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/**
 * One board's live document: the Y.Doc, its IndexedDB cache, the y-websocket provider (with our own
 * jittered reconnect), presence (awareness) and the sync state. No React here.
 */
export class BoardConnection {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  /** Resolves once the IndexedDB copy (if any) is loaded into `doc`. */
  readonly cacheLoaded: Promise<void>;

  private readonly persistence: IndexeddbPersistence | null;
  private readonly knowledge: ServerKnowledge;
  private readonly knowledgeKey: string;
  private readonly random: () => number;
  private readonly listeners = new Set<() => void>();
  private readonly closeListeners = new Set<(code: number) => void>();
  private state: SyncState = 'connecting';
  private pending = false;
  private everConnected = false;
  private wantOnline = true;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private recomputeTimer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(options: BoardConnectionOptions) {
    this.boardId = options.boardId;
    this.random = options.random ?? Math.random;
    this.knowledgeKey = `fdr.serverKnowledge.${options.boardId}`;
    this.knowledge = ServerKnowledge.fromJSON(readJson(this.knowledgeKey));
    const syncUrl =
      options.syncUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
    this.provider = new WebsocketProvider(syncUrl, options.boardId, this.doc, {
      connect: false,
      // Tabs of one browser must not sync among themselves behind the server's back: the server
      // stores before it acknowledges, and the sync badge relies on its echo.
      disableBc: true,
      // Reconnection is ours (jittered, see onConnectionClose); never give up on a close code.
      shouldReconnect: () => true,
    });
    this.awareness = this.provider.awareness;
    this.watchServerMessages();
    this.provider.on('status', () => this.update());
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.attempt = 0;
        this.everConnected = true;
      }
      this.update();
    });
    this.provider.on('connection-close', (event) => this.onConnectionClose(event?.code ?? null));
    this.doc.on('update', this.onDocUpdate);

    this.persistence =
      options.offlineCache === false || typeof indexedDB === 'undefined'
        ? null
        : new IndexeddbPersistence(`fdr-board:${options.boardId}`, this.doc);
    this.cacheLoaded = this.persistence
      ? Promise.race([
          this.persistence.whenSynced.then(() => undefined),
          // A blocked or broken IndexedDB must not keep the board from loading.
          new Promise<void>((resolve) => setTimeout(resolve, 3000)),
        ])
      : Promise.resolve();

    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.wantOnline = typeof navigator === 'undefined' || navigator.onLine !== false;
    // Load the cache first, so the first sync step sends only what the server lacks.
    void this.cacheLoaded.then(() => {
      if (!this.destroyed && this.wantOnline) this.provider.connect();
      this.update();
    });
  }

  get syncState(): SyncState {
    return this.state;
  }

  /** True once the first sync with the server completed in this session. */
  get synced(): boolean {
    return this.provider.synced;
  }

  /** Calls `listener` whenever `syncState` or `synced` may have changed. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` with the code of each close the server sent (not our own closes). */
  onServerClose(listener: (code: number) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** True when this tab holds changes the server has not confirmed storing. */
  holdsUnconfirmed(): boolean {
    return !this.knowledge.holdsEverythingOf(this.doc);
  }

  /**
   * Closes the board and forgets this device's copy of it (IndexedDB and what the server was
   * known to hold): for changes the server refused, which would otherwise come back from the
   * cache at every load and wait forever to be sent. The next connection starts from the server.
   */
  async discard(): Promise<void> {
    this.destroy();
    try {
      localStorage.removeItem(this.knowledgeKey);
    } catch {
      // Storage disabled: nothing was kept there either.
    }
    if (this.persistence) {
      await this.persistence.destroy();
      await clearDocument(this.persistence.name);
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    for (const timer of [this.retryTimer, this.recomputeTimer, this.saveTimer]) {
      if (timer) clearTimeout(timer);
    }
    this.saveKnowledge();
    this.doc.off('update', this.onDocUpdate);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
    this.closeListeners.clear();
  }

  /** Reads each sync message the server sends before the provider applies it. */
  private watchServerMessages(): void {
    const original = this.provider.messageHandlers[messageSync];
    if (!original) return;
    this.provider.messageHandlers[messageSync] = (encoder, decoder, provider, emitSynced, type) => {
      try {
        const peek = decoding.clone(decoder);
        const kind = decoding.readVarUint(peek);
        const payload = decoding.readVarUint8Array(peek);
        if (kind === SYNC_STEP1) this.knowledge.addStateVector(payload);
        else if (kind === SYNC_STEP2 || kind === SYNC_UPDATE) this.knowledge.addUpdate(payload);
        this.scheduleRecompute();
        this.scheduleSave();
      } catch {
        // Malformed for us means malformed for the provider too; it reports it.
      }
      original(encoder, decoder, provider, emitSynced, type);
    };
  }

  private readonly onDocUpdate = (): void => this.scheduleRecompute();

  private onConnectionClose(code: number | null): void {
    // Stop the provider's own, unjittered retry (it checks shouldConnect when its timer fires).
    this.provider.shouldConnect = false;
    this.update();
    if (code !== null) for (const listener of this.closeListeners) listener(code);
    if (this.destroyed || !this.wantOnline) return;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = reconnectDelay(this.attempt++, this.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.destroyed && this.wantOnline) this.provider.connect();
    }, delay);
  }

  private readonly onOnline = (): void => {
    this.wantOnline = true;
    this.attempt = 0;
    this.scheduleReconnect();
    this.update();
  };

  private readonly onOffline = (): void => {
    // Browsers keep a dead socket open for a long while; close it now so the badge tells the truth.
    this.wantOnline = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.provider.disconnect();
    this.update();
  };

  private scheduleRecompute(): void {
    if (this.recomputeTimer || this.destroyed) return;
    // Comparing delete sets walks the whole doc: once per burst of updates is enough.
    this.recomputeTimer = setTimeout(() => {
      this.recomputeTimer = null;
      if (this.destroyed) return;
      this.pending = !this.knowledge.holdsEverythingOf(this.doc);
      this.update();
    }, 100);
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.saveKnowledge();
    }, 1000);
  }

  private saveKnowledge(): void {
    try {
      localStorage.setItem(this.knowledgeKey, JSON.stringify(this.knowledge.toJSON()));
    } catch {
      // Storage full or disabled: the badge may call some saved edits pending after a reload.
    }
  }

  private update(): void {
    const next = deriveSyncState({
      connected: this.provider.wsconnected,
      synced: this.provider.synced,
      pending: this.pending,
      triedOnce: this.everConnected || this.attempt > 0 || !this.wantOnline,
    });
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** The badge state from the connection facts. */
export function deriveSyncState(facts: {
  connected: boolean;
  synced: boolean;
  pending: boolean;
  /** False only before the first connection attempt ended. */
  triedOnce: boolean;
}): SyncState {
  if (facts.connected) return facts.synced && !facts.pending ? 'connected' : 'syncing';
  if (!facts.triedOnce) return 'connecting';
  return facts.pending ? 'offline-pending' : 'offline';
}

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}
