/** One light client a worker runs: its global index, board and server. */
export interface LightClient {
  index: number;
  /** Its board, and the global index of that board's first client. */
  board: string;
  boardStart: number;
  /** The websocket URL, board name included. */
  url: string;
  cookie?: string;
}

/** The data a light worker starts with. */
export interface LightWorkerSetup {
  clients: LightClient[];
  totalClients: number;
  /** Clients per board (the last board may have fewer): sizes the per-receiver "seen" arrays. */
  perBoard: number;
  periodMs: number;
  /** Largest sequence number an editor can reach in the run (sizes the receipt counters). */
  maxSeq: number;
  seed: number;
  /**
   * Our y-websocket handshake: sync step 1 on open, step 2 in answer to the server's step 1,
   * connected once the server's step 2 arrives. Off for the raw relay (which would hand every
   * step 1 to every other client): connected on open.
   */
  handshake: boolean;
  /** Connections a worker opens at once. */
  connectConcurrency: number;
  connectTimeoutMs: number;
}

/** Main thread to worker. Times are `sharedClock` milliseconds. */
export type ToLightWorker =
  | { type: 'start'; startAt: number; windowStart: number; windowEnd: number }
  | { type: 'progress' }
  | { type: 'finish' }
  | { type: 'close' };

export interface LightWorkerResult {
  type: 'result';
  buckets: Uint32Array;
  overflow: number[];
  max: number;
  /** sendTimes[k]: client clients[k]'s send time (ms) of seq s at index s - 1. */
  sendTimes: number[][];
  /** receipts[g * maxSeq + s - 1]: how many of this worker's clients received edit (g, s). */
  receipts: Uint16Array;
  /** (editor, seq, arrival) of edits overwritten before a receiver saw them. */
  skipped: number[];
  loopDelayP99Ms: number;
  busy: number;
  /** Websocket messages this worker's clients received during the window. */
  framesInWindow: number;
  presenceInWindow: number;
  disconnects: number;
  /** Server close codes and reasons seen, with counts. */
  closeReasons: Record<string, number>;
}

export type FromLightWorker =
  | { type: 'ready'; connectMs: number }
  | { type: 'error'; message: string }
  | { type: 'progress'; sent: number; received: number }
  | LightWorkerResult
  | { type: 'closed' };
