import type { Endpoint } from './connectEditor.ts';

/** The data a worker starts with: its share of the editors of one board. */
export interface WorkerSetup {
  board: string;
  /** Global index and endpoint of each editor this worker runs. */
  editors: { index: number; endpoint: Endpoint }[];
  totalEditors: number;
  periodMs: number;
  /** Largest sequence number an editor can reach in the run (sizes the receipt counters). */
  maxSeq: number;
  seed: number;
}

/** Main thread to worker. Times are `sharedClock` milliseconds. */
export type ToWorker =
  | { type: 'start'; startAt: number; windowStart: number; windowEnd: number }
  | { type: 'progress' }
  | { type: 'finish' }
  | { type: 'close' };

export interface WorkerResult {
  type: 'result';
  /** Latency histogram buckets of the receipts whose edit was sent in the window. */
  buckets: Uint32Array;
  overflow: number[];
  max: number;
  /** sendTimes[k] holds editor editors[k]'s send time of seq s at index s - 1. */
  sendTimes: number[][];
  /** receipts[g * maxSeq + s - 1]: how many of this worker's editors received edit (g, s). */
  receipts: Uint16Array;
  /**
   * Receipts whose value was overwritten before the receiver saw it (two edits of one editor in
   * one message): triples (editor, seq, arrival time), resolved against sendTimes by the main
   * thread.
   */
  skipped: number[];
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Event-loop utilisation of the worker over the window: 1 means its thread never idled. */
  busy: number;
  /** Websocket messages this worker's editors received during the window. */
  framesInWindow: number;
  /** Of those, presence (awareness) messages. */
  presenceInWindow: number;
  /** Connections the server closed during the run (the provider reconnects by itself). */
  disconnects: number;
}

/** Worker to main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'progress'; sent: number; received: number }
  | WorkerResult
  | { type: 'closed' };
