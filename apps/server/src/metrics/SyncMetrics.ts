import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { CloseCode } from '../sync/CloseCode.ts';

/** What the gauges read when Prometheus scrapes, never while messages flow. */
export interface SyncSources {
  /** Open sync connections. */
  connections: () => number;
  /** Boards in memory (loading, loaded or unloading). */
  boards: () => number;
  /** The sockets of the open connections, whose send buffers are sampled. */
  sockets: () => Iterable<{ bufferedAmount: number }>;
}

/** Seconds, from a millisecond to ten seconds: a group commit with fsync, pacing, retries. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

const OUR_CODES = new Set<number>(Object.values(CloseCode));

/**
 * A close code as a label. Any client may close with a code from 3000 to 4999; each would make
 * a series of its own, so only the standard codes and ours are named.
 */
export function closeCodeLabel(code: number | undefined): string {
  if (code === undefined) return 'none';
  return (code >= 1000 && code <= 1015) || OUR_CODES.has(code) ? String(code) : 'other';
}

/**
 * The sync server's metrics, and the hooks the write path calls. Each hook is a counter
 * increment or a histogram observation: nothing per peer runs per message. Where metrics are
 * off, the hooks' callers hold `undefined` and skip them.
 */
export class SyncMetrics {
  private readonly updates: Counter;
  private readonly messagesIn: Counter;
  private readonly messagesOut: Counter;
  private readonly broadcastLatency: Histogram;
  private readonly appendLatency: Histogram;
  private readonly rejections: Counter<'code'>;
  private readonly closes: Counter<'code'>;
  /** When each update waiting in a write-ahead buffer was applied (weak: a dropped one is freed). */
  private readonly appliedAt = new WeakMap<Uint8Array, number>();

  constructor(registry: Registry, sources: SyncSources) {
    const registers = [registry];
    new Gauge({
      name: 'fdr_connections',
      help: 'Open sync (websocket) connections.',
      registers,
      collect() {
        this.set(sources.connections());
      },
    });
    new Gauge({
      name: 'fdr_boards_loaded',
      help: 'Boards held in memory.',
      registers,
      collect() {
        this.set(sources.boards());
      },
    });
    // Gauges rather than a histogram: a histogram's buckets only ever grow, and a sample taken
    // at each scrape would count the same quiet connection again and again.
    new Gauge({
      name: 'fdr_send_buffer_bytes',
      help: 'Bytes queued by the server for every connection together (sampled at scrape).',
      registers,
      collect() {
        let total = 0;
        for (const socket of sources.sockets()) total += socket.bufferedAmount;
        this.set(total);
      },
    });
    new Gauge({
      name: 'fdr_send_buffer_max_bytes',
      help: 'Bytes queued for the connection with the most (sampled at scrape); MAX_BUFFERED_BYTES closes it.',
      registers,
      collect() {
        let max = 0;
        for (const socket of sources.sockets()) max = Math.max(max, socket.bufferedAmount);
        this.set(max);
      },
    });
    this.updates = new Counter({
      name: 'fdr_updates_total',
      help: 'Document updates applied to boards here and handed to storage (edits, their corrections, REST changes).',
      registers,
    });
    this.messagesIn = new Counter({
      name: 'fdr_messages_received_total',
      help: 'Websocket messages received from clients.',
      registers,
    });
    this.messagesOut = new Counter({
      name: 'fdr_messages_sent_total',
      help: 'Websocket messages sent to clients.',
      registers,
    });
    this.broadcastLatency = new Histogram({
      name: 'fdr_update_broadcast_seconds',
      help: 'From an update applied and handed to the write-ahead buffer to the broadcast that carries it, once stored.',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.appendLatency = new Histogram({
      name: 'fdr_storage_append_seconds',
      help: 'Duration of one storage append (a group commit of updates), failed ones included.',
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.rejections = new Counter({
      name: 'fdr_connections_rejected_total',
      help: 'Connections the server closed over their input (a refused message, a flood, a client not reading), by close code.',
      labelNames: ['code'],
      registers,
    });
    this.closes = new Counter({
      name: 'fdr_connections_closed_total',
      help: 'Sync connections ended, by close code (1005: closed without one; 1006: dropped without a close).',
      labelNames: ['code'],
      registers,
    });
  }

  /** A message arrived from a client. */
  received(): void {
    this.messagesIn.inc();
  }

  /** A message left for a client. */
  sent(): void {
    this.messagesOut.inc();
  }

  /** An update was applied to a board's doc and is about to enter its write-ahead buffer. */
  applied(update: Uint8Array): void {
    this.updates.inc();
    this.appliedAt.set(update, performance.now());
  }

  /** A stored batch of updates was broadcast. */
  broadcast(batch: readonly Uint8Array[]): void {
    const now = performance.now();
    for (const update of batch) {
      const at = this.appliedAt.get(update);
      if (at === undefined) continue;
      this.appliedAt.delete(update);
      this.broadcastLatency.observe((now - at) / 1000);
    }
  }

  /** One storage append took `seconds`. */
  appended(seconds: number): void {
    this.appendLatency.observe(seconds);
  }

  /** The server closed a connection over its input, with `code`. */
  rejected(code: number | undefined): void {
    this.rejections.inc({ code: closeCodeLabel(code) });
  }

  /** A sync connection ended with `code`. */
  closed(code: number | undefined): void {
    this.closes.inc({ code: closeCodeLabel(code) });
  }
}
