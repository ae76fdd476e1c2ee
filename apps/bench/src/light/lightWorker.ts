/**
 * A worker thread running a share of the light clients. A light client speaks the y-websocket
 * protocol with a bare `ws` socket and never applies a remote update: it keeps a tiny Y.Doc of
 * its own edits only, to produce each next update (a valid one, which our server applies,
 * checks and stores), and reads incoming updates only as far as the markers of `markers.ts`
 * (editor, seq, send time). What it costs the machine is the socket and a byte scan per message,
 * so the server, not the clients, is what saturates first.
 */
import { type EventLoopUtilization, monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { LatencyHistogram } from '../LatencyHistogram.ts';
import { sharedClock } from '../sharedClock.ts';
import type {
  FromLightWorker,
  LightWorkerResult,
  LightWorkerSetup,
  ToLightWorker,
} from './lightMessages.ts';
import { encodeMarker, scanMarkers } from './markers.ts';

const setup = workerData as LightWorkerSetup;
const port = parentPort!;
const post = (message: FromLightWorker, transfer?: ArrayBuffer[]) =>
  port.postMessage(message, transfer ?? []);

/** y-websocket framing (apps/server/src/sync/messages.ts). */
const SYNC = 0;
const AWARENESS = 1;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
/** A stock awareness client renews its state this often; peers drop it after 30 s without. */
const PRESENCE_RENEW_MS = 15_000;

const histogram = new LatencyHistogram();
const receipts = new Uint16Array(setup.totalClients * setup.maxSeq);
const skipped: number[] = [];
const sendTimes: number[][] = setup.clients.map(() => []);
const timers: NodeJS.Timeout[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
const closeReasons: Record<string, number> = {};
let sent = 0;
let received = 0;
let disconnects = 0;
let frames = 0;
let presenceFrames = 0;
let framesAtStart = 0;
let presenceAtStart = 0;
let framesInWindow = 0;
let presenceInWindow = 0;
let busy = Number.NaN;
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.NEGATIVE_INFINITY;
let closing = false;

interface Light {
  index: number;
  socket: WebSocket;
  doc: Y.Doc;
  /** Highest seq seen of each editor of the board, by its place on the board. */
  seen: Int32Array;
  presenceClock: number;
}
const lights: Light[] = [];

function frame(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An awareness update of one entry, as y-protocols encodes it, with the shape the app sends. */
function presence(light: Light): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, light.doc.clientID);
  encoding.writeVarUint(update, ++light.presenceClock);
  encoding.writeVarString(
    update,
    JSON.stringify({
      user: { id: `light-${light.index}`, name: `Light ${light.index}`, color: '#1f4e79' },
    }),
  );
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

function onUpdate(light: Light, bytes: Buffer, from: number, boardStart: number): void {
  const now = sharedClock();
  const self = light.index;
  const seen = light.seen;
  scanMarkers(
    bytes,
    (editor, seq, sentAtUs) => {
      if (editor === self) return;
      const slot = editor - boardStart;
      const last = seen[slot];
      if (last === undefined || seq <= last || seq > setup.maxSeq) return;
      for (let s = last + 1; s < seq; s++) {
        skipped.push(editor, s, now);
        receipts[editor * setup.maxSeq + s - 1]!++;
      }
      seen[slot] = seq;
      receipts[editor * setup.maxSeq + seq - 1]!++;
      received += seq - last;
      const sentAt = sentAtUs / 1000;
      if (sentAt >= windowStart && sentAt < windowEnd) histogram.record(now - sentAt);
    },
    from,
  );
}

function connect(client: LightWorkerSetup['clients'][number]): Promise<Light> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(client.url, {
      perMessageDeflate: false,
      ...(client.cookie ? { headers: { cookie: client.cookie } } : {}),
    });
    const light: Light = {
      index: client.index,
      socket,
      doc: new Y.Doc(),
      seen: new Int32Array(setup.perBoard),
      presenceClock: 0,
    };
    let ready = false;
    const timer = setTimeout(() => {
      if (!ready) reject(new Error(`light client ${client.index} not synced in time`));
    }, setup.connectTimeoutMs);
    const done = () => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      resolve(light);
    };
    socket.on('error', (error) => {
      if (!ready) {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.on('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      reject(new Error(`light client ${client.index}: HTTP ${response.statusCode}`));
    });
    socket.on('close', (code, reason) => {
      if (closing) return;
      disconnects++;
      const key = `${code} ${reason.toString()}`;
      closeReasons[key] = (closeReasons[key] ?? 0) + 1;
    });
    socket.on('open', () => {
      if (setup.handshake) {
        socket.send(frame(SYNC, STEP1, Y.encodeStateVector(light.doc)));
      }
      socket.send(presence(light));
      if (!setup.handshake) done();
    });
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      frames++;
      const type = data[0];
      if (type === AWARENESS) {
        presenceFrames++;
        return;
      }
      if (type !== SYNC) return;
      const sub = data[1];
      if (sub === UPDATE) onUpdate(light, data, 2, client.boardStart);
      else if (sub === STEP2) done();
      else if (sub === STEP1 && setup.handshake) {
        // What the server lacks of ours (nothing after the first exchange, but the protocol asks).
        const decoder = decoding.createDecoder(data);
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const stateVector = decoding.readVarUint8Array(decoder);
        socket.send(frame(SYNC, STEP2, Y.encodeStateAsUpdate(light.doc, stateVector)));
      }
    });
    light.doc.on('update', (update: Uint8Array) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(frame(SYNC, UPDATE, update));
    });
  });
}

async function connectAll(): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < setup.clients.length) {
      const k = next++;
      lights[k] = await connect(setup.clients[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, setup.connectConcurrency) }, runner));
}

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

function startEditing(startAt: number, stopAt: number): void {
  const rand = random(setup.seed);
  lights.forEach((light, k) => {
    const map = light.doc.getMap<string>('m');
    const key = `e${light.index}`;
    const phase = rand() * setup.periodMs;
    let seq = 0;
    const tick = () => {
      const now = sharedClock();
      if (now >= stopAt || seq >= setup.maxSeq || closing) return;
      seq++;
      const sentAtUs = Math.round(now * 1000);
      sendTimes[k]!.push(sentAtUs / 1000);
      sent++;
      map.set(key, encodeMarker(light.index, seq, sentAtUs));
      const next = startAt + phase + seq * setup.periodMs;
      timers[k] = setTimeout(tick, Math.max(0, next - sharedClock()));
    };
    timers[k] = setTimeout(tick, Math.max(0, startAt + phase - sharedClock()));
  });
  // Presence renewals, as a stock awareness client sends them, each client at its own phase
  // (all at once would be a burst no real board sees).
  lights.forEach((light) => {
    const renew = () => {
      if (closing) return;
      if (light.socket.readyState === WebSocket.OPEN) light.socket.send(presence(light));
      timers.push(setTimeout(renew, PRESENCE_RENEW_MS));
    };
    timers.push(setTimeout(renew, rand() * PRESENCE_RENEW_MS));
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

port.on('message', (message: ToLightWorker) => {
  switch (message.type) {
    case 'start': {
      windowStart = message.windowStart;
      windowEnd = message.windowEnd;
      startEditing(message.startAt, message.windowEnd);
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
      if (windowEndTimer) closeWindow();
      for (const timer of timers) clearTimeout(timer);
      const result: LightWorkerResult = {
        type: 'result',
        buckets: histogram.buckets,
        overflow: histogram.overflow,
        max: histogram.max,
        sendTimes,
        receipts,
        skipped,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        busy,
        framesInWindow,
        presenceInWindow,
        disconnects,
        closeReasons,
      };
      post(result, [histogram.buckets.buffer as ArrayBuffer]);
      return;
    }
    case 'close':
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      for (const light of lights) {
        light?.socket.terminate();
        light?.doc.destroy();
      }
      post({ type: 'closed' });
      return;
  }
});

const connectStarted = performance.now();
connectAll().then(
  () => post({ type: 'ready', connectMs: performance.now() - connectStarted }),
  (error: unknown) =>
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
