import { Worker } from 'node:worker_threads';
import { LatencyHistogram } from './LatencyHistogram.ts';
import { ProcessSampler } from './ProcessSampler.ts';
import type { RunningSetup } from './setups.ts';
import { sharedClock } from './sharedClock.ts';
import type { FromWorker, ToWorker, WorkerResult, WorkerSetup } from './workerMessages.ts';

export interface LoadOptions {
  editors: number;
  editsPerSecond: number;
  /** Editing before the window opens: not measured (JIT, connection buffers). */
  warmupMs: number;
  measureMs: number;
  /** After editing stops, how long to wait for edits still on their way. */
  drainTimeoutMs: number;
  workers: number;
  board: string;
}

export interface LoadResult {
  editors: number;
  editsPerSecond: number;
  /** Edits sent in the window, and the (edit, receiver) pairs that should then arrive. */
  editsInWindow: number;
  expectedReceipts: number;
  receipts: number;
  /** Edits of the window that reached every other editor, per second of window. */
  sustainedEditsPerSecond: number;
  /** Edits of the window that did not reach every other editor by the end of the drain. */
  incompleteEdits: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpuPercent: number;
  /** PostgreSQL and Redis over the window, in % of one core (only the two-instance setup uses them). */
  servicesCpuPercent: number;
  /** Other processes on the machine over the window, in % of one core: background noise. */
  otherCpuPercent: number;
  serverRssMaxBytes: number;
  /** Worst p99 event-loop delay of the client worker threads: above a few ms, clients lag. */
  clientLoopP99Ms: number;
  /** Mean event-loop utilisation of the client worker threads over the window (0..1 each). */
  clientBusy: number;
  /**
   * Websocket messages each editor received per second of window. Each costs a stock client a
   * Yjs transaction whose overhead grows with the clients in the doc: fewer, larger messages
   * make clients cheaper.
   */
  messagesPerEditorPerSecond: number;
  /** Of those, presence (awareness) messages. */
  presencePerEditorPerSecond: number;
  /** Connections closed by the server during the run (each provider reconnected). */
  disconnects: number;
  /** Our server's warnings and errors during the run, by message and reason, with counts. */
  serverWarnings: Record<string, number>;
}

/**
 * One point of the sweep: `editors` stock clients on one board, spread over worker threads (never
 * in a server's process), each editing `editsPerSecond` times a second. Latency is measured from
 * the edit to its arrival at every other editor, over every (edit, receiver) pair of the window.
 */
export async function runLoad(setup: RunningSetup, options: LoadOptions): Promise<LoadResult> {
  const periodMs = 1000 / options.editsPerSecond;
  const startDelayMs = 300;
  const maxSeq = Math.ceil((startDelayMs + options.warmupMs + options.measureMs) / periodMs) + 2;
  const workerCount = Math.max(1, Math.min(options.workers, options.editors));
  const shares: WorkerSetup['editors'][] = Array.from({ length: workerCount }, () => []);
  for (let i = 0; i < options.editors; i++) {
    shares[i % workerCount]!.push({
      index: i,
      endpoint: setup.endpoints[i % setup.endpoints.length]!,
    });
  }
  const workers = shares.map(
    (editors, w) =>
      new Worker(new URL('./editorWorker.ts', import.meta.url), {
        workerData: {
          board: options.board,
          editors,
          totalEditors: options.editors,
          periodMs,
          maxSeq,
          seed: 1 + w,
        } satisfies WorkerSetup,
      }),
  );
  const replies = workers.map((worker) => replyQueue(worker));
  const logStart = setup.processes.map((p) => p.output.length);
  try {
    await Promise.all(replies.map((next) => next('ready')));
    const sampler = new ProcessSampler(
      setup.processes.map((p) => p.pid),
      { services: setup.id === 'ours-pg-redis' },
    );
    const startAt = sharedClock() + startDelayMs;
    const windowStart = startAt + options.warmupMs;
    const windowEnd = windowStart + options.measureMs;
    send(workers, { type: 'start', startAt, windowStart, windowEnd });
    await sleep(windowStart - sharedClock());
    sampler.start();
    await sleep(windowEnd - sharedClock());
    const usage = sampler.stop();

    // Drain: wait until every edit sent has reached every other editor, or give up.
    const drainUntil = sharedClock() + options.drainTimeoutMs;
    for (;;) {
      send(workers, { type: 'progress' });
      const progress = await Promise.all(replies.map((next) => next('progress')));
      const sent = progress.reduce((n, p) => n + p.sent, 0);
      const received = progress.reduce((n, p) => n + p.received, 0);
      if (received >= sent * (options.editors - 1) || sharedClock() > drainUntil) break;
      await sleep(50);
    }

    send(workers, { type: 'finish' });
    const results = await Promise.all(replies.map((next) => next('result')));
    const summary = summarize(options, shares, results, windowStart, windowEnd, maxSeq, usage);
    summary.serverWarnings = warnings(setup, logStart);
    return summary;
  } finally {
    send(workers, { type: 'close' });
    await Promise.all(
      replies.map((next) =>
        Promise.race([next('closed').catch(() => {}), sleep(5000)]).catch(() => {}),
      ),
    );
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function summarize(
  options: LoadOptions,
  shares: WorkerSetup['editors'][],
  results: WorkerResult[],
  windowStart: number,
  windowEnd: number,
  maxSeq: number,
  usage: ReturnType<ProcessSampler['stop']>,
): LoadResult {
  const histogram = new LatencyHistogram();
  // Send times by global editor index.
  const sendTimes: number[][] = [];
  results.forEach((result, w) => {
    histogram.merge(result);
    shares[w]!.forEach(({ index }, k) => {
      sendTimes[index] = result.sendTimes[k]!;
    });
  });
  for (const result of results) {
    const { skipped } = result;
    for (let i = 0; i < skipped.length; i += 3) {
      const sentAt = sendTimes[skipped[i]!]![skipped[i + 1]! - 1];
      if (sentAt !== undefined && sentAt >= windowStart && sentAt < windowEnd) {
        histogram.record(skipped[i + 2]! - sentAt);
      }
    }
  }
  let editsInWindow = 0;
  let complete = 0;
  for (let g = 0; g < options.editors; g++) {
    const times = sendTimes[g] ?? [];
    for (let s = 1; s <= times.length; s++) {
      const sentAt = times[s - 1]!;
      if (sentAt < windowStart || sentAt >= windowEnd) continue;
      editsInWindow++;
      let count = 0;
      for (const result of results) count += result.receipts[g * maxSeq + s - 1]!;
      if (count >= options.editors - 1) complete++;
    }
  }
  histogram.missing = Math.max(0, editsInWindow * (options.editors - 1) - histogram.count);
  return {
    editors: options.editors,
    editsPerSecond: options.editsPerSecond,
    editsInWindow,
    expectedReceipts: editsInWindow * (options.editors - 1),
    receipts: histogram.count,
    sustainedEditsPerSecond: complete / (options.measureMs / 1000),
    incompleteEdits: editsInWindow - complete,
    p50: histogram.percentile(0.5),
    p95: histogram.percentile(0.95),
    p99: histogram.percentile(0.99),
    max: histogram.max,
    serverCpuPercent: usage.cpuPercent,
    servicesCpuPercent: usage.servicesCpuPercent,
    otherCpuPercent: usage.otherCpuPercent,
    serverRssMaxBytes: usage.rssMaxBytes,
    clientLoopP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    clientBusy: results.reduce((n, r) => n + r.busy, 0) / results.length,
    messagesPerEditorPerSecond:
      results.reduce((n, r) => n + r.framesInWindow, 0) /
      options.editors /
      (options.measureMs / 1000),
    presencePerEditorPerSecond:
      results.reduce((n, r) => n + r.presenceInWindow, 0) /
      options.editors /
      (options.measureMs / 1000),
    disconnects: results.reduce((n, r) => n + r.disconnects, 0),
    serverWarnings: {},
  };
}

/** Warning and error lines our servers logged since `from` (pino levels 40 and up). */
function warnings(setup: RunningSetup, from: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  setup.processes.forEach((process, i) => {
    for (const line of process.output.slice(from[i])) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; reason?: string };
        if ((entry.level ?? 0) < 40) continue;
        const key = entry.reason ? `${entry.msg}: ${entry.reason}` : (entry.msg ?? '?');
        counts[key] = (counts[key] ?? 0) + 1;
      } catch {
        // Not a log line.
      }
    }
  });
  return counts;
}

function send(workers: Worker[], message: ToWorker): void {
  for (const worker of workers) worker.postMessage(message);
}

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** Replies of one worker in order; `next(type)` takes the next one, which must be of `type`. */
function replyQueue(worker: Worker) {
  const queued: FromWorker[] = [];
  const waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'error') return fail(new Error(`editor worker: ${message.message}`));
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queued.push(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`editor worker exited (${code})`)));
  return <T extends FromWorker['type']>(type: T): Promise<Reply<T>> => {
    const take = (message: FromWorker): Reply<T> => {
      if (message.type !== type)
        throw new Error(`expected ${type} from worker, got ${message.type}`);
      return message as Reply<T>;
    };
    const ready = queued.shift();
    if (ready) return Promise.resolve(take(ready));
    if (failure) return Promise.reject(failure);
    return new Promise<FromWorker>((resolve, reject) => waiting.push({ resolve, reject })).then(
      take,
    );
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
