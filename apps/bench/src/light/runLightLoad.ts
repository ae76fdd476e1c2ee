import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { LatencyHistogram } from '../LatencyHistogram.ts';
import { cpuTicks, ProcessSampler, rssBytes } from '../ProcessSampler.ts';
import { sharedClock } from '../sharedClock.ts';
import type { ServerProcess } from '../spawnServer.ts';
import type {
  FromLightWorker,
  LightClient,
  LightWorkerResult,
  LightWorkerSetup,
  ToLightWorker,
} from './lightMessages.ts';

export type LightSetupId = 'ours-sqlite' | 'ours-before' | 'ours-pg-redis' | 'raw-relay';

/** A setup started for one light measurement. */
export interface LightRunningSetup {
  id: LightSetupId;
  /** Client i connects to `${endpoints[i % length].url}/${board}`. */
  endpoints: { url: string; cookie?: string }[];
  processes: ServerProcess[];
  /** Whether the server speaks y-websocket (ours) or only relays bytes (the raw relay). */
  handshake: boolean;
  /** The setup runs PostgreSQL and Redis (their CPU is reported apart). */
  services: boolean;
}

export interface LightLoadOptions {
  clients: number;
  /** Clients are spread evenly: client i is on board floor(i / (clients / boards)). */
  boards: number;
  /** Edits per second of each client. */
  editsPerSecond: number;
  warmupMs: number;
  measureMs: number;
  drainTimeoutMs: number;
  workers: number;
  boardPrefix: string;
  /** Connections each worker opens at once. */
  connectConcurrency: number;
  connectTimeoutMs: number;
}

export interface LightLoadResult {
  clients: number;
  boards: number;
  editsPerSecond: number;
  editsInWindow: number;
  expectedReceipts: number;
  receipts: number;
  /** Edits of the window that reached every other client of their board, per second. */
  sustainedEditsPerSecond: number;
  incompleteEdits: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** From the first connection to the last client synced. */
  connectMs: number;
  /** Server RSS (summed over instances) once every client is connected, before editing. */
  serverRssConnectedBytes: number;
  serverRssMaxBytes: number;
  serverCpuPercent: number;
  servicesCpuPercent: number;
  /** The harness process (the light clients' threads) over the window, in % of one core. */
  clientCpuPercent: number;
  otherCpuPercent: number;
  clientLoopP99Ms: number;
  clientBusy: number;
  /**
   * Time the servers' main threads (their event loops, summed over instances) spent runnable but
   * waiting for a core, in % of the window (/proc/<pid>/schedstat): above a few %, the machine,
   * not the server's own work, is holding it back.
   */
  serverRunDelayPercent: number;
  /** The same for every thread of the harness (the client threads), summed. */
  clientRunDelayPercent: number;
  messagesPerClientPerSecond: number;
  presencePerClientPerSecond: number;
  disconnects: number;
  closeReasons: Record<string, number>;
  serverWarnings: Record<string, number>;
}

/**
 * One point of the light-client measures: `clients` light clients over `boards` boards, spread
 * over worker threads, each editing `editsPerSecond` times a second. Latency from the edit to its
 * arrival at every other client of its board, over every (edit, receiver) pair of the window.
 */
export async function runLightLoad(
  setup: LightRunningSetup,
  options: LightLoadOptions,
): Promise<LightLoadResult> {
  if (options.clients % options.boards !== 0) {
    throw new Error(
      `${options.clients} clients do not spread evenly over ${options.boards} boards`,
    );
  }
  const perBoard = options.clients / options.boards;
  const periodMs = 1000 / options.editsPerSecond;
  const startDelayMs = 300;
  const maxSeq = Math.ceil((startDelayMs + options.warmupMs + options.measureMs) / periodMs) + 2;
  const workerCount = Math.max(1, Math.min(options.workers, options.clients));
  const shares: LightClient[][] = Array.from({ length: workerCount }, () => []);
  for (let i = 0; i < options.clients; i++) {
    const b = Math.floor(i / perBoard);
    const endpoint = setup.endpoints[i % setup.endpoints.length]!;
    const board = `${options.boardPrefix}-${b}`;
    shares[i % workerCount]!.push({
      index: i,
      board,
      boardStart: b * perBoard,
      url: `${endpoint.url}/${board}`,
      ...(endpoint.cookie ? { cookie: endpoint.cookie } : {}),
    });
  }
  const workers = shares.map(
    (clients, w) =>
      new Worker(new URL('./lightWorker.ts', import.meta.url), {
        workerData: {
          clients,
          totalClients: options.clients,
          perBoard,
          periodMs,
          maxSeq,
          seed: 1 + w,
          handshake: setup.handshake,
          connectConcurrency: options.connectConcurrency,
          connectTimeoutMs: options.connectTimeoutMs,
        } satisfies LightWorkerSetup,
      }),
  );
  const replies = workers.map((worker) => replyQueue(worker));
  const logStart = setup.processes.map((p) => p.output.length);
  const rss = () => setup.processes.reduce((n, p) => n + rssBytes(p.pid), 0);
  try {
    const ready = await Promise.all(replies.map((next) => next('ready')));
    const connectMs = Math.max(...ready.map((r) => r.connectMs));
    const serverRssConnectedBytes = rss();
    const sampler = new ProcessSampler(
      setup.processes.map((p) => p.pid),
      { services: setup.services },
    );
    const startAt = sharedClock() + startDelayMs;
    const windowStart = startAt + options.warmupMs;
    const windowEnd = windowStart + options.measureMs;
    send(workers, { type: 'start', startAt, windowStart, windowEnd });
    await sleep(windowStart - sharedClock());
    sampler.start();
    const ownStart = cpuTicks(process.pid);
    const ownStartedAt = performance.now();
    const serverDelayStart = serverRunDelay(setup.processes);
    const clientDelayStart = ownRunDelay();
    await sleep(windowEnd - sharedClock());
    const usage = sampler.stop();
    const windowNs = (performance.now() - ownStartedAt) * 1e6;
    const clientCpuPercent = (cpuTicks(process.pid) - ownStart) / (windowNs / 1e9);
    const serverRunDelayPercent =
      (100 * (serverRunDelay(setup.processes) - serverDelayStart)) / windowNs;
    const clientRunDelayPercent = (100 * (ownRunDelay() - clientDelayStart)) / windowNs;

    const drainUntil = sharedClock() + options.drainTimeoutMs;
    for (;;) {
      send(workers, { type: 'progress' });
      const progress = await Promise.all(replies.map((next) => next('progress')));
      const sent = progress.reduce((n, p) => n + p.sent, 0);
      const received = progress.reduce((n, p) => n + p.received, 0);
      if (received >= sent * (perBoard - 1) || sharedClock() > drainUntil) break;
      await sleep(50);
    }
    send(workers, { type: 'finish' });
    const results = await Promise.all(replies.map((next) => next('result')));
    return {
      ...summarize(options, perBoard, shares, results, windowStart, windowEnd, maxSeq),
      connectMs,
      serverRssConnectedBytes,
      serverRssMaxBytes: usage.rssMaxBytes,
      serverCpuPercent: usage.cpuPercent,
      servicesCpuPercent: usage.servicesCpuPercent,
      clientCpuPercent,
      serverRunDelayPercent,
      clientRunDelayPercent,
      otherCpuPercent: usage.otherCpuPercent,
      serverWarnings: warnings(setup.processes, logStart),
    };
  } finally {
    send(workers, { type: 'close' });
    await Promise.all(
      replies.map((next) => Promise.race([next('closed').catch(() => {}), sleep(10_000)])),
    );
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

type Summary = Omit<
  LightLoadResult,
  | 'connectMs'
  | 'serverRssConnectedBytes'
  | 'serverRssMaxBytes'
  | 'serverCpuPercent'
  | 'servicesCpuPercent'
  | 'clientCpuPercent'
  | 'serverRunDelayPercent'
  | 'clientRunDelayPercent'
  | 'otherCpuPercent'
  | 'serverWarnings'
>;

function summarize(
  options: LightLoadOptions,
  perBoard: number,
  shares: LightClient[][],
  results: LightWorkerResult[],
  windowStart: number,
  windowEnd: number,
  maxSeq: number,
): Summary {
  const histogram = new LatencyHistogram();
  const sendTimes: number[][] = [];
  results.forEach((result, w) => {
    histogram.merge(result);
    shares[w]!.forEach(({ index }, k) => {
      sendTimes[index] = result.sendTimes[k]!;
    });
  });
  for (const { skipped } of results) {
    for (let i = 0; i < skipped.length; i += 3) {
      const sentAt = sendTimes[skipped[i]!]?.[skipped[i + 1]! - 1];
      if (sentAt !== undefined && sentAt >= windowStart && sentAt < windowEnd) {
        histogram.record(skipped[i + 2]! - sentAt);
      }
    }
  }
  const others = perBoard - 1;
  let editsInWindow = 0;
  let complete = 0;
  for (let g = 0; g < options.clients; g++) {
    const times = sendTimes[g] ?? [];
    for (let s = 1; s <= times.length; s++) {
      const sentAt = times[s - 1]!;
      if (sentAt < windowStart || sentAt >= windowEnd) continue;
      editsInWindow++;
      let count = 0;
      for (const result of results) count += result.receipts[g * maxSeq + s - 1]!;
      if (count >= others) complete++;
    }
  }
  histogram.missing = Math.max(0, editsInWindow * others - histogram.count);
  const seconds = options.measureMs / 1000;
  const closeReasons: Record<string, number> = {};
  for (const result of results) {
    for (const [reason, n] of Object.entries(result.closeReasons)) {
      closeReasons[reason] = (closeReasons[reason] ?? 0) + n;
    }
  }
  return {
    clients: options.clients,
    boards: options.boards,
    editsPerSecond: options.editsPerSecond,
    editsInWindow,
    expectedReceipts: editsInWindow * others,
    receipts: histogram.count,
    sustainedEditsPerSecond: complete / seconds,
    incompleteEdits: editsInWindow - complete,
    p50: histogram.percentile(0.5),
    p95: histogram.percentile(0.95),
    p99: histogram.percentile(0.99),
    max: histogram.max,
    clientLoopP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    clientBusy: results.reduce((n, r) => n + r.busy, 0) / results.length,
    messagesPerClientPerSecond:
      results.reduce((n, r) => n + r.framesInWindow, 0) / options.clients / seconds,
    presencePerClientPerSecond:
      results.reduce((n, r) => n + r.presenceInWindow, 0) / options.clients / seconds,
    disconnects: results.reduce((n, r) => n + r.disconnects, 0),
    closeReasons,
  };
}

/** Nanoseconds a thread waited on a run queue: the second field of its schedstat. */
function runDelay(path: string): number {
  try {
    return Number(readFileSync(path, 'utf8').split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Run-queue wait of the servers' main threads (the event loop), summed. */
function serverRunDelay(processes: ServerProcess[]): number {
  return processes.reduce((n, p) => n + runDelay(`/proc/${p.pid}/task/${p.pid}/schedstat`), 0);
}

/** Run-queue wait of every thread of this process (the client worker threads among them). */
function ownRunDelay(): number {
  let total = 0;
  for (const task of readdirSync('/proc/self/task'))
    total += runDelay(`/proc/self/task/${task}/schedstat`);
  return total;
}

/** Warning and error lines our servers logged since `from` (pino levels 40 and up). */
function warnings(processes: ServerProcess[], from: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  processes.forEach((p, i) => {
    for (const line of p.output.slice(from[i])) {
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

function send(workers: Worker[], message: ToLightWorker): void {
  for (const worker of workers) worker.postMessage(message);
}

type Reply<T extends FromLightWorker['type']> = Extract<FromLightWorker, { type: T }>;

/** Replies of one worker in order; `next(type)` takes the next one, which must be of `type`. */
function replyQueue(worker: Worker) {
  const queued: FromLightWorker[] = [];
  const waiting: { resolve: (m: FromLightWorker) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure = error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('message', (message: FromLightWorker) => {
    if (message.type === 'error') return fail(new Error(`light worker: ${message.message}`));
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else queued.push(message);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`light worker exited (${code})`)));
  return <T extends FromLightWorker['type']>(type: T): Promise<Reply<T>> => {
    const take = (message: FromLightWorker): Reply<T> => {
      if (message.type !== type)
        throw new Error(`expected ${type} from worker, got ${message.type}`);
      return message as Reply<T>;
    };
    const ready = queued.shift();
    if (ready) return Promise.resolve(take(ready));
    if (failure) return Promise.reject(failure);
    return new Promise<FromLightWorker>((resolve, reject) =>
      waiting.push({ resolve, reject }),
    ).then(take);
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
