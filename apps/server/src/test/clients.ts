import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeClientMessage } from '../sync/decodeClientMessage.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves when the provider reports its first sync with the server. */
  synced: Promise<void>;
  destroy(): void;
}

/** The stock y-websocket provider, as a browser would use it, over the `ws` package. */
export function connectClient(
  syncUrl: string,
  boardId: string,
  options: {
    doc?: Y.Doc;
    connect?: boolean;
    headers?: Record<string, string>;
    /** Every document update the server sends is also applied here: what the client received. */
    received?: Y.Doc;
    /** y-websocket's own periodic resync (sync step 1 to the server), ms; off by default. */
    resyncInterval?: number;
  } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const { headers, received } = options;
  const Polyfill = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, headers ? { headers } : {});
      if (received) this.on('message', (data: Buffer) => applyServerMessage(received, data));
    }
  };
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise talk over BroadcastChannel, bypassing the server.
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 500,
    ...(options.resyncInterval ? { resyncInterval: options.resyncInterval } : {}),
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `check` until it returns true; fails with `message` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  message: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** JSON of every top-level type the tests use, for comparing replicas. */
export function snapshot(doc: Y.Doc): unknown {
  return {
    // Map keys are sorted: each replica iterates them in its own insertion order.
    map: Object.fromEntries(
      Object.entries(doc.getMap('m').toJSON()).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    list: doc.getArray('a').toJSON(),
    text: doc.getText('t').toString(),
  };
}

/** Server-to-client messages share the client message format; apply the document ones. */
function applyServerMessage(target: Y.Doc, data: Buffer): void {
  const message = decodeClientMessage(new Uint8Array(data));
  if (message.kind === 'sync-step2' || message.kind === 'update') {
    Y.applyUpdate(target, message.update);
  }
}
