import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import type { Fanout, FanoutKind, FanoutMessage } from './Fanout.ts';

const KINDS: readonly FanoutKind[] = ['update', 'awareness'];

export interface RedisFanoutOptions {
  url: string;
  /** Channel prefix, so several deployments (or test runs) can share one Redis. */
  prefix: string;
  instanceId: string;
  logger: Logger;
}

/**
 * Fan-out over Redis pub/sub: one channel per board, one publishing and one subscribing
 * connection per instance. ioredis reconnects and resubscribes by itself; we only add the
 * catch-up signal for what was published while we were away.
 */
export class RedisFanout implements Fanout {
  readonly instanceId: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly log: Logger;
  private readonly handlers = new Map<string, (message: FanoutMessage) => void>();
  private readonly reconnectListeners: (() => void)[] = [];
  private everReady = false;
  private closed = false;

  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const fanout = new RedisFanout(options);
    await Promise.all([fanout.pub.connect(), fanout.sub.connect()]);
    return fanout;
  }

  private constructor(options: RedisFanoutOptions) {
    this.instanceId = options.instanceId;
    this.prefix = options.prefix;
    this.log = options.logger.child({ component: 'redis-fanout' });
    const common = {
      lazyConnect: true,
      // Keep trying for ever with a capped backoff: a Redis restart must not need ours.
      retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 6), 5000),
      maxRetriesPerRequest: null,
    };
    this.pub = new Redis(options.url, {
      ...common,
      connectionName: `fdr-${options.instanceId}-pub`,
      enableOfflineQueue: false,
    });
    this.sub = new Redis(options.url, {
      ...common,
      connectionName: `fdr-${options.instanceId}-sub`,
      autoResubscribe: true,
    });
    for (const [name, client] of [
      ['publisher', this.pub],
      ['subscriber', this.sub],
    ] as const) {
      client.on('error', (error: Error) =>
        this.log.warn({ client: name, err: error.message }, 'redis error'),
      );
    }
    this.sub.on('ready', () => {
      if (this.everReady && !this.closed) {
        // The PING's reply follows those of the resubscriptions sent on reconnect: once it is
        // back we are listening again, so a catch-up from storage leaves no gap.
        void this.sub.ping().then(
          () => {
            this.log.info('redis subscriber reconnected; catching up from storage');
            for (const listener of this.reconnectListeners) listener();
          },
          () => {},
        );
      }
      this.everReady = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.dispatch(channel, message),
    );
  }

  private channel(boardId: string): string {
    return `${this.prefix}board:${boardId}`;
  }

  private dispatch(channel: Buffer, message: Buffer): void {
    const boardId = channel.toString().slice(`${this.prefix}board:`.length);
    const handler = this.handlers.get(boardId);
    if (!handler) return;
    let decoded: FanoutMessage;
    try {
      const decoder = decoding.createDecoder(
        new Uint8Array(message.buffer, message.byteOffset, message.byteLength),
      );
      const kind = KINDS[decoding.readUint8(decoder)];
      const from = decoding.readVarString(decoder);
      if (!kind) throw new Error('unknown kind');
      decoded = { kind, from, payload: decoding.readTailAsUint8Array(decoder) };
    } catch (error) {
      this.log.warn({ board: boardId, err: String(error) }, 'malformed fan-out message ignored');
      return;
    }
    if (decoded.from === this.instanceId) return;
    handler(decoded);
  }

  async subscribe(boardId: string, onMessage: (message: FanoutMessage) => void): Promise<void> {
    this.handlers.set(boardId, onMessage);
    await this.sub.subscribe(this.channel(boardId));
  }

  async unsubscribe(boardId: string): Promise<void> {
    this.handlers.delete(boardId);
    if (this.closed) return;
    await this.sub.unsubscribe(this.channel(boardId)).catch((error: unknown) => {
      this.log.warn({ board: boardId, err: String(error) }, 'unsubscribe failed');
    });
  }

  publish(boardId: string, kind: FanoutKind, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, KINDS.indexOf(kind));
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeUint8Array(encoder, payload);
    this.pub
      .publish(this.channel(boardId), Buffer.from(encoding.toUint8Array(encoder)))
      .catch((error: unknown) => {
        this.log.warn(
          { board: boardId, kind, err: String(error) },
          'publish failed; peers will catch up from storage',
        );
      });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
