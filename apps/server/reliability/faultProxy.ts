import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { prng } from './prng.ts';

export interface FaultRates {
  /** Extra delay per message, ms (uniform up to this). */
  maxDelayMs: number;
  drop: number;
  duplicate: number;
  /** Chance a message is held back and released after the next one. */
  reorder: number;
  /** Chance, per message, that the whole connection is cut. */
  cut: number;
}

export const NO_FAULTS: FaultRates = { maxDelayMs: 0, drop: 0, duplicate: 0, reorder: 0, cut: 0 };

/**
 * A websocket relay on loopback between clients and the server that misbehaves on purpose:
 * it delays, drops, duplicates and reorders whole messages (Yjs updates are commutative and
 * idempotent; a dropped one is recovered by the periodic resyncs) and cuts connections, which
 * the clients then reopen through it. Faults are drawn from a seeded generator.
 */
export class FaultProxy {
  faults: FaultRates = NO_FAULTS;
  readonly stats = { relayed: 0, dropped: 0, duplicated: 0, reordered: 0, cuts: 0, connections: 0 };
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly random: ReturnType<typeof prng>;
  private readonly sockets = new Set<WebSocket>();

  static async start(target: string, random: ReturnType<typeof prng>): Promise<FaultProxy> {
    const proxy = new FaultProxy(target, random);
    await new Promise<void>((resolve) => proxy.http.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  private constructor(target: string, random: ReturnType<typeof prng>) {
    this.random = random;
    this.http = createServer();
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (client, request) => {
      this.stats.connections++;
      // The session cookie goes through, as through any reverse proxy.
      const cookie = request.headers.cookie;
      const upstream = new WebSocket(
        `${target}${request.url ?? ''}`,
        cookie ? { headers: { cookie } } : {},
      );
      this.sockets.add(client);
      this.sockets.add(upstream);
      const early: Buffer[] = [];
      upstream.on('open', () => {
        for (const data of early.splice(0)) upstream.send(data);
      });
      const cut = () => {
        client.terminate();
        upstream.terminate();
      };
      this.pipe(client, upstream, early, cut);
      this.pipe(upstream, client, null, cut);
      for (const ws of [client, upstream]) {
        ws.on('error', cut);
        ws.on('close', () => {
          this.sockets.delete(ws);
          cut();
        });
      }
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  private pipe(from: WebSocket, to: WebSocket, early: Buffer[] | null, cut: () => void): void {
    let held: Buffer | null = null;
    const deliver = (data: Buffer) => {
      if (to.readyState === WebSocket.OPEN) to.send(data);
      else if (early && to.readyState === WebSocket.CONNECTING) early.push(data);
    };
    from.on('message', (data: Buffer) => {
      const f = this.faults;
      if (this.random.chance(f.cut)) {
        this.stats.cuts++;
        cut();
        return;
      }
      if (this.random.chance(f.drop)) {
        this.stats.dropped++;
        return;
      }
      const copies = this.random.chance(f.duplicate) ? 2 : 1;
      if (copies === 2) this.stats.duplicated++;
      const send = () => {
        for (let i = 0; i < copies; i++) deliver(data);
        this.stats.relayed++;
        if (held) {
          const late = held;
          held = null;
          deliver(late);
        }
      };
      if (held === null && this.random.chance(f.reorder)) {
        this.stats.reordered++;
        held = data;
        return;
      }
      const delay = f.maxDelayMs > 0 ? this.random.int(0, f.maxDelayMs) : 0;
      if (delay === 0) send();
      else setTimeout(send, delay);
    });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}
