/**
 * A peer on `/sync/:boardId` that speaks the y-websocket protocol by hand, so that it can send
 * what no page of ours would: awareness states of any shape, under any client ids.
 */
export interface RawPeer {
  /** Sends one awareness update that sets each entry's state. */
  setStates(entries: { clientId: number; clock: number; state: unknown }[]): void;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  close(): void;
}

const MESSAGE_AWARENESS = 1;

function varUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

function varBytes(out: number[], data: Uint8Array): void {
  varUint(out, data.length);
  for (const byte of data) out.push(byte);
}

/** Opens a socket signed in with `cookie` (Node's WebSocket takes request headers). */
export async function openRawPeer(
  appUrl: string,
  boardId: string,
  cookie: string,
): Promise<RawPeer> {
  const url = `${appUrl.replace(/^http/, 'ws')}/sync/${boardId}`;
  const Socket = WebSocket as unknown as new (
    url: string,
    init: { headers: Record<string, string> },
  ) => WebSocket;
  const ws = new Socket(url, { headers: { cookie: `fdr_session=${cookie}` } });
  ws.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('raw peer could not connect')), {
      once: true,
    });
  });
  const closed = new Promise<number>((resolve) =>
    ws.addEventListener('close', (event) => resolve(event.code), { once: true }),
  );
  return {
    setStates(entries) {
      const update: number[] = [];
      varUint(update, entries.length);
      for (const { clientId, clock, state } of entries) {
        varUint(update, clientId);
        varUint(update, clock);
        varBytes(update, new TextEncoder().encode(JSON.stringify(state)));
      }
      const message: number[] = [];
      varUint(message, MESSAGE_AWARENESS);
      varBytes(message, Uint8Array.from(update));
      ws.send(Uint8Array.from(message));
    },
    closed,
    close() {
      ws.close();
    },
  };
}
