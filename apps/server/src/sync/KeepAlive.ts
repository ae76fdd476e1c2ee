import type { WebSocket } from 'ws';

interface Pingable {
  alive: boolean;
  terminate(): void;
}

/**
 * One timer for every connection: each tick pings those that answered the last ping and
 * terminates those that did not, so half-open sockets and their presence do not linger.
 */
export class KeepAlive<T extends Pingable> {
  private readonly members = new Map<T, WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  get size(): number {
    return this.members.size;
  }

  add(member: T, ws: WebSocket): void {
    this.members.set(member, ws);
  }

  delete(member: T): void {
    this.members.delete(member);
  }

  values(): IterableIterator<T> {
    return this.members.keys();
  }

  /** The members' sockets (metrics sample their send buffers). */
  sockets(): IterableIterator<WebSocket> {
    return this.members.values();
  }

  private tick(): void {
    for (const [member, ws] of this.members) {
      if (!member.alive) {
        this.members.delete(member);
        member.terminate();
        continue;
      }
      member.alive = false;
      try {
        ws.ping();
      } catch {
        // The socket is closing; its close handler removes it.
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
