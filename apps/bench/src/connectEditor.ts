import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

// Each y-websocket provider adds a process 'exit' listener in Node: many editors in one thread
// are expected here, not a leak.
process.setMaxListeners(0);

/** Which stock provider speaks to a server: y-websocket (ours, the reference) or Hocuspocus. */
export type ClientKind = 'y-websocket' | 'hocuspocus';

/** Where an editor connects: for y-websocket the URL the board name is appended to. */
export interface Endpoint {
  kind: ClientKind;
  url: string;
  /** Sent with the websocket handshake: our server wants a signed-in session cookie. */
  cookie?: string;
}

export interface Editor {
  doc: Y.Doc;
  /** Resolves at the provider's first sync with the server; rejects after `timeoutMs`. */
  synced: Promise<void>;
  destroy(): void;
}

export interface EditorOptions {
  doc?: Y.Doc;
  /**
   * Called when the server acknowledges a document update. y-websocket has no ack message: the
   * server's echo of the update is one (ours sends it once stored; the reference once applied),
   * so any document update frame counts: use it with a single editor on the board. Hocuspocus
   * sends a sync-status message once it has applied an update.
   */
  onAck?: () => void;
  /** Called when the connection closes while the editor is not being destroyed. */
  onDisconnect?: () => void;
  /** Called for every websocket message the server sends (to count them), saying if it is presence. */
  onFrame?: (presence: boolean) => void;
  /**
   * Presence as a person on a board has it (a name). Stock awareness starts with `{}` at clock 0,
   * which peers ignore; an app sets a field, and only then do the server and the others see the
   * client (and renewals every 15 s go out).
   */
  presence?: string;
  timeoutMs?: number;
}

/**
 * One simulated editor: a stock provider and a Y.Doc, as a browser would run them, over the `ws`
 * package. Nothing here is tuned per server: each gets its provider with default settings.
 */
export function connectEditor(
  endpoint: Endpoint,
  board: string,
  options: EditorOptions = {},
): Editor {
  const doc = options.doc ?? new Y.Doc();
  const { onAck, onDisconnect, onFrame } = options;
  let destroyed = false;
  let destroyProvider: () => void;
  let synced: Promise<void>;
  if (endpoint.kind === 'y-websocket') {
    const Socket = socketClass(endpoint.cookie, onAck, onFrame, false);
    const provider = new WebsocketProvider(endpoint.url, board, doc, {
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      // Providers in one thread would otherwise talk over BroadcastChannel, bypassing the server.
      disableBc: true,
    });
    if (options.presence) {
      // The shape the web app publishes: the server drops presence that does not fit it.
      provider.awareness.setLocalStateField('user', {
        id: options.presence,
        name: options.presence,
        color: '#1f4e79',
      });
    }
    synced = new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.on('sync', (isSynced: boolean) => isSynced && resolve());
    });
    provider.on('connection-close', () => {
      if (!destroyed) onDisconnect?.();
    });
    destroyProvider = () => provider.destroy();
  } else {
    // The provider hands its configuration to the websocket it creates, which takes the
    // polyfill; the provider's type does not list it.
    const configuration: HocuspocusProviderConfiguration & { WebSocketPolyfill: unknown } = {
      url: endpoint.url,
      name: board,
      document: doc,
      WebSocketPolyfill: socketClass(undefined, undefined, onFrame, true),
    };
    const provider = new HocuspocusProvider(configuration);
    if (options.presence) provider.setAwarenessField('user', { name: options.presence });
    synced = new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      else provider.on('synced', ({ state }: { state: boolean }) => state && resolve());
    });
    if (onAck) {
      provider.on('unsyncedChanges', ({ number }: { number: number }) => number === 0 && onAck());
    }
    provider.on('close', () => {
      if (!destroyed) onDisconnect?.();
    });
    destroyProvider = () => provider.destroy();
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${endpoint.kind} editor not synced after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  synced = Promise.race([synced, timeout]).finally(() => clearTimeout(timer));
  // The race rejects on its own when nobody awaits it yet.
  synced.catch(() => {});
  return {
    doc,
    synced,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      destroyProvider();
      doc.destroy();
    },
  };
}

/**
 * `ws`, never throwing an unheard 'error', sending `cookie` with the handshake, reporting each document update frame the server sends
 * ([0, 2, ...]) to `onAck` and every frame to `onFrame`.
 */
function socketClass(
  cookie: string | undefined,
  onAck: (() => void) | undefined,
  onFrame: ((presence: boolean) => void) | undefined,
  hocuspocus: boolean,
) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
      // Destroying a provider whose socket is still connecting makes ws emit 'error'; the
      // providers do not always listen, and an unheard 'error' would end the harness.
      this.on('error', () => {});
      if (onFrame) {
        this.on('message', (data: ArrayBuffer | Buffer) => {
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
          onFrame(messageType(bytes, hocuspocus) === AWARENESS);
        });
      }
      if (onAck) {
        // The provider sets binaryType 'arraybuffer'.
        this.on('message', (data: ArrayBuffer | Buffer) => {
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
          if (bytes[0] === 0 && bytes[1] === 2) onAck();
        });
      }
    }
  };
}

/** Message type 1 is presence (awareness) in both protocols. */
const AWARENESS = 1;

/**
 * The message type of a frame: its first varuint for y-websocket; Hocuspocus puts the document
 * name (a varstring) before it.
 */
function messageType(bytes: Uint8Array, hocuspocus: boolean): number {
  const decoder = decoding.createDecoder(bytes);
  try {
    if (hocuspocus) decoding.readVarString(decoder);
    return decoding.readVarUint(decoder);
  } catch {
    return -1;
  }
}
