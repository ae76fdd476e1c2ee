import { Worker } from 'node:worker_threads';
import type { AppendReply, AppendRequest, AppendWorkerOptions } from './appendProtocol.ts';

type Waiter = { resolve: (seq: number) => void; reject: (error: Error) => void };
type Request =
  | { kind: 'append'; boardId: string; updates: readonly Uint8Array[] }
  | { kind: 'drain' }
  | { kind: 'max-bytes'; bytes: number };

/**
 * Appends board updates through a storage worker (`appendWorker.ts`): the transaction and its
 * fsync run on another thread, so the event loop keeps applying and sending while a commit is
 * on the disk. The worker groups the appends of every board that arrive while it is busy into
 * one transaction. Requests are answered in order; a worker that dies fails what it held (it
 * may have committed some of it before dying: the boards keep those updates and retry, and a
 * Yjs update stored twice is harmless) and is started again on the next request.
 */
export class SqliteAppender {
  private readonly options: AppendWorkerOptions;
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  private closed = false;

  constructor(options: AppendWorkerOptions) {
    this.options = { ...options };
  }

  /** Stores `updates` of one board in order; resolves with the last one's sequence number once committed. */
  append(boardId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.request({ kind: 'append', boardId, updates });
  }

  /** Resolves once everything asked so far is written. */
  async drain(): Promise<void> {
    if (this.worker) await this.request({ kind: 'drain' });
  }

  /** The worker's own size cap, kept for a worker started again. */
  async setMaxBytes(bytes: number): Promise<void> {
    this.options.maxBytes = bytes;
    if (this.worker) await this.request({ kind: 'max-bytes', bytes });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain().catch(() => {});
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
  }

  private request(request: Request): Promise<number> {
    if (this.closed) return Promise.reject(new Error('storage is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ ...request, id } as AppendRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./appendWorker.ts', import.meta.url), {
      workerData: this.options,
    });
    // An idle worker does not keep the process alive; one with work in flight does.
    worker.unref();
    worker.on('message', (replies: AppendReply[]) => {
      for (const reply of replies) {
        const waiter = this.waiting.get(reply.id);
        if (!waiter) continue;
        this.waiting.delete(reply.id);
        if ('error' in reply) waiter.reject(new Error(reply.error));
        else waiter.resolve(reply.seq);
      }
      if (this.waiting.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the storage worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
