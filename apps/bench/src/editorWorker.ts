/**
 * A worker thread running a share of the simulated editors of one board. Each editor is a stock
 * provider with its own Y.Doc and websocket. Editor g moves "its card": it sets key `e<g>` of the
 * map `m` to [seq, sendTime], `1000 / periodMs` times a second. Every other editor observes the
 * change and records `arrival - sendTime`.
 *
 * Overwriting one key per editor keeps every doc small however long the run (Yjs merges an
 * editor's successive deleted values), which is also what a card being dragged looks like.
 */
import { type EventLoopUtilization, monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type * as Y from 'yjs';
import { connectEditor, type Editor } from './connectEditor.ts';
import { LatencyHistogram } from './LatencyHistogram.ts';
import { sharedClock } from './sharedClock.ts';
import type { FromWorker, ToWorker, WorkerResult, WorkerSetup } from './workerMessages.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (message: FromWorker, transfer?: ArrayBuffer[]) =>
  port.postMessage(message, transfer ?? []);

const histogram = new LatencyHistogram();
const receipts = new Uint16Array(setup.totalEditors * setup.maxSeq);
const skipped: number[] = [];
const sendTimes: number[][] = setup.editors.map(() => []);
const timers: NodeJS.Timeout[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
let editors: Editor[] = [];
let sent = 0;
let disconnects = 0;
let busy = Number.NaN;
/** Messages received by all of this worker's editors, and that count when the window opened. */
let frames = 0;
let framesAtStart = 0;
let framesInWindow = 0;
let presenceFrames = 0;
let presenceAtStart = 0;
let presenceInWindow = 0;
let received = 0;
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.NEGATIVE_INFINITY;

/** mulberry32: the same phases on every run of the same size. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function observe(doc: Y.Doc, self: number): void {
  const map = doc.getMap<[number, number]>('m');
  // Highest seq of each editor this receiver has seen.
  const seen = new Int32Array(setup.totalEditors);
  map.observe((event) => {
    if (event.transaction.local) return;
    const now = sharedClock();
    for (const key of event.keysChanged) {
      const editor = Number(key.slice(1));
      if (editor === self) continue;
      const value = map.get(key);
      if (!value) continue;
      const [seq, sentAt] = value;
      const last = seen[editor]!;
      if (seq <= last) continue;
      for (let s = last + 1; s < seq; s++) {
        skipped.push(editor, s, now);
        receipts[editor * setup.maxSeq + s - 1]!++;
      }
      seen[editor] = seq;
      receipts[editor * setup.maxSeq + seq - 1]!++;
      received += seq - last;
      if (sentAt >= windowStart && sentAt < windowEnd) histogram.record(now - sentAt);
    }
  });
}

async function connectAll(): Promise<void> {
  // A few at a time, as people arrive: a stampede of handshakes is not what is measured.
  const batch = 10;
  for (let i = 0; i < setup.editors.length; i += batch) {
    const group = setup.editors.slice(i, i + batch).map(({ index, endpoint }) => {
      const editor = connectEditor(endpoint, setup.board, {
        presence: `Editor ${index}`,
        onDisconnect: () => {
          disconnects++;
        },
        onFrame: (presence) => {
          frames++;
          if (presence) presenceFrames++;
        },
      });
      observe(editor.doc, index);
      return editor;
    });
    editors = editors.concat(group);
    await Promise.all(group.map((e) => e.synced));
  }
}

function startEditing(startAt: number, stopAt: number): void {
  const rand = random(setup.seed);
  setup.editors.forEach(({ index }, k) => {
    const map = editors[k]!.doc.getMap<[number, number]>('m');
    const phase = rand() * setup.periodMs;
    let seq = 0;
    const tick = () => {
      const now = sharedClock();
      if (now >= stopAt || seq >= setup.maxSeq) return;
      seq++;
      map.set(`e${index}`, [seq, now]);
      sendTimes[k]!.push(now);
      sent++;
      // Scheduled against the start, not the last edit: a late tick does not shift the rest.
      const next = startAt + phase + seq * setup.periodMs;
      timers[k] = setTimeout(tick, Math.max(0, next - sharedClock()));
    };
    timers[k] = setTimeout(tick, Math.max(0, startAt + phase - sharedClock()));
  });
}

let windowElu: EventLoopUtilization | undefined;
let windowEndTimer: NodeJS.Timeout | null = null;

function closeWindow(): void {
  if (windowEndTimer) clearTimeout(windowEndTimer);
  windowEndTimer = null;
  loopDelay.disable();
  busy = performance.eventLoopUtilization(windowElu).utilization;
  framesInWindow = frames - framesAtStart;
  presenceInWindow = presenceFrames - presenceAtStart;
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start': {
      windowStart = message.windowStart;
      windowEnd = message.windowEnd;
      startEditing(message.startAt, message.windowEnd);
      // Client-side load over the measured window only.
      setTimeout(() => {
        loopDelay.enable();
        windowElu = performance.eventLoopUtilization();
        framesAtStart = frames;
        presenceAtStart = presenceFrames;
      }, windowStart - sharedClock());
      windowEndTimer = setTimeout(closeWindow, windowEnd - sharedClock());
      return;
    }
    case 'progress':
      post({ type: 'progress', sent, received });
      return;
    case 'finish': {
      // The main thread may ask before this thread's own end-of-window timer has run.
      if (windowEndTimer) closeWindow();
      for (const timer of timers) clearTimeout(timer);
      const result: WorkerResult = {
        type: 'result',
        buckets: histogram.buckets,
        overflow: histogram.overflow,
        max: histogram.max,
        sendTimes,
        receipts,
        skipped,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        loopDelayMaxMs: loopDelay.max / 1e6,
        busy,
        framesInWindow,
        presenceInWindow,
        disconnects,
      };
      post(result, [histogram.buckets.buffer as ArrayBuffer]);
      return;
    }
    case 'close':
      for (const editor of editors) editor.destroy();
      post({ type: 'closed' });
      return;
  }
});

connectAll().then(
  () => post({ type: 'ready' }),
  (error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
