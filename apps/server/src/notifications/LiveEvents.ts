import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type LiveEvent =
  | { event: 'comments'; data: { boardId: string; targetKind: 'card' | 'item'; targetId: string } }
  | { event: 'notifications'; data: { unread: number } }
  /** A meeting, vote, decision or action changed; null: an action outside any meeting. */
  | { event: 'meetings'; data: { boardId: string; meetingId: string | null } };

/** One open event stream of a signed-in person. */
export interface LiveStream {
  userId: string;
  isAdmin: boolean;
  /** The session's token, to close the stream when the session ends. */
  token: string;
  send(event: LiveEvent): void;
  close(): void;
}

export interface LiveEventsOptions {
  logger: Logger;
  /** Ids of the people who may read a board (its members; administrators read every board). */
  readers: (boardId: string) => Promise<Set<string>>;
  maxStreamsPerUser: number;
  /** With REDIS_URL: events go through this channel so every instance's streams get them. */
  redis?: { url: string; prefix: string; instanceId: string };
}

type Envelope =
  | { from: string; to: 'board'; id: string; event: LiveEvent }
  | { from: string; to: 'user'; id: string; event: LiveEvent };

/**
 * The hub of live events: `toBoard` reaches every open stream of a person who may read the
 * board, `toUser` one person's streams. In-process by default; with Redis, each event is also
 * published and every other instance delivers it to its own streams.
 */
export class LiveEvents {
  private readonly options: LiveEventsOptions;
  private readonly log: Logger;
  private readonly byUser = new Map<string, Set<LiveStream>>();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private readonly instanceId: string;

  static async open(options: LiveEventsOptions): Promise<LiveEvents> {
    const live = new LiveEvents(options);
    await live.connect();
    return live;
  }

  constructor(options: LiveEventsOptions) {
    this.options = options;
    this.log = options.logger.child({ component: 'live-events' });
    this.instanceId = options.redis?.instanceId ?? '';
  }

  private get channel(): string {
    return `${this.options.redis?.prefix ?? ''}live`;
  }

  private async connect(): Promise<void> {
    const redis = this.options.redis;
    if (!redis) return;
    const common = {
      lazyConnect: true,
      retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 6), 5000),
      maxRetriesPerRequest: null,
    };
    this.pub = new Redis(redis.url, {
      ...common,
      connectionName: `fdr-${redis.instanceId}-live-pub`,
      enableOfflineQueue: false,
    });
    this.sub = new Redis(redis.url, {
      ...common,
      connectionName: `fdr-${redis.instanceId}-live-sub`,
      autoResubscribe: true,
    });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.log.warn({ err: error.message }, 'redis error'));
    }
    this.sub.on('message', (_channel: string, message: string) => this.receive(message));
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(this.channel);
  }

  /** Streams open now (all people). */
  get size(): number {
    let n = 0;
    for (const streams of this.byUser.values()) n += streams.size;
    return n;
  }

  hasRoom(userId: string): boolean {
    return (this.byUser.get(userId)?.size ?? 0) < this.options.maxStreamsPerUser;
  }

  /** Adds a stream; false when its person already has as many as allowed. */
  add(stream: LiveStream): boolean {
    const streams = this.byUser.get(stream.userId) ?? new Set<LiveStream>();
    if (streams.size >= this.options.maxStreamsPerUser) return false;
    streams.add(stream);
    this.byUser.set(stream.userId, streams);
    return true;
  }

  remove(stream: LiveStream): void {
    const streams = this.byUser.get(stream.userId);
    if (!streams) return;
    streams.delete(stream);
    if (streams.size === 0) this.byUser.delete(stream.userId);
  }

  toBoard(boardId: string, event: LiveEvent): void {
    this.publish({ from: this.instanceId, to: 'board', id: boardId, event });
    void this.deliverToBoard(boardId, event);
  }

  toUser(userId: string, event: LiveEvent): void {
    this.publish({ from: this.instanceId, to: 'user', id: userId, event });
    this.deliverToUser(userId, event);
  }

  /** Closes the streams whose session no longer answers (`isLive` false). */
  async revalidate(isLive: (token: string) => Promise<boolean>): Promise<void> {
    for (const streams of [...this.byUser.values()]) {
      for (const stream of [...streams]) {
        if (await isLive(stream.token)) continue;
        this.remove(stream);
        stream.close();
      }
    }
  }

  async close(): Promise<void> {
    for (const streams of [...this.byUser.values()])
      for (const stream of [...streams]) stream.close();
    this.byUser.clear();
    this.pub?.disconnect();
    this.sub?.disconnect();
  }

  private publish(envelope: Envelope): void {
    if (!this.pub) return;
    this.pub.publish(this.channel, JSON.stringify(envelope)).catch((error: unknown) => {
      this.log.warn({ err: String(error), event: envelope.event.event }, 'live event not relayed');
    });
  }

  private receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      this.log.warn('malformed live event ignored');
      return;
    }
    if (envelope.from === this.instanceId) return;
    if (envelope.to === 'board') void this.deliverToBoard(envelope.id, envelope.event);
    else if (envelope.to === 'user') this.deliverToUser(envelope.id, envelope.event);
  }

  private async deliverToBoard(boardId: string, event: LiveEvent): Promise<void> {
    if (this.byUser.size === 0) return;
    let readers: Set<string>;
    try {
      readers = await this.options.readers(boardId);
    } catch (error) {
      this.log.warn({ board: boardId, err: String(error) }, 'live event: readers unknown');
      return;
    }
    for (const [userId, streams] of this.byUser) {
      for (const stream of streams) {
        if (stream.isAdmin || readers.has(userId)) stream.send(event);
      }
    }
  }

  private deliverToUser(userId: string, event: LiveEvent): void {
    for (const stream of this.byUser.get(userId) ?? []) stream.send(event);
  }
}
