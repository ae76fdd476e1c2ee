/**
 * Hostile input on the websocket endpoint, against the real server process: hand-made invalid
 * framing, random bytes, known-bad Yjs payloads, many thousands of mutated valid updates,
 * oversized and deeply nested awareness, and thousands of connections opened and dropped.
 * Meanwhile two healthy clients measure their latency. Afterwards the process must be alive, its
 * event loop never blocked for long, its memory bounded, the board that only received garbage
 * unchanged, and every client's view equal to the server's.
 *
 *   node reliability/hostileInput.ts --mutations 100000 --seed 42
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeAwarenessMessage, encodeSyncUpdate } from '../src/sync/messages.ts';
import { snapshot } from '../src/test/clients.ts';
import { spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';
import { mutateUpdate } from './mutateUpdate.ts';
import { arg, prng } from './prng.ts';
import { HOSTILE_FRAMES, sendRaw } from './rawFrames.ts';

export interface HostileReport {
  seed: number;
  framingAttacks: number;
  framingClosed: number;
  randomFrames: number;
  knownBad: number;
  mutations: number;
  mutationsAccepted: number;
  mutationsRefused: number;
  awarenessAttacks: number;
  churnConnections: number;
  budgetCloses: number;
  alive: boolean;
  eventLoopDelayMaxMs: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  latencyBeforeMs: { p50: number; p99: number };
  latencyDuringMs: { p50: number; p99: number };
  pristineUnchanged: boolean;
  fuzzBoardConsistent: boolean;
  ms: number;
}

const KNOWN_BAD: Uint8Array[] = [
  new Uint8Array(), // yjs#498: an empty update looped for ever in older versions
  Uint8Array.of(0),
  Uint8Array.of(0xff),
  Uint8Array.of(0, 0, 0),
  Uint8Array.of(1, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0),
  Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0, 0x28),
  Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01),
];

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

function quantiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: Math.round(q(0.5) * 100) / 100, p99: Math.round(q(0.99) * 100) / 100 };
}

/** Base updates of every kind a board produces, to mutate. */
function baseUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const map = doc.getMap('m');
  const list = doc.getArray<unknown>('a');
  const text = doc.getText('t');
  for (let i = 0; i < 40; i++) {
    map.set(`k${i}`, { n: i, s: 'é'.repeat(i % 5), nested: [i, null, true] });
    list.insert(Math.min(i, list.length), [i, `v${i}`]);
    text.insert(i % (text.length + 1), `mot${i} `);
    if (i % 4 === 0) text.delete(0, 2);
    if (i % 5 === 0) map.delete(`k${i - 1}`);
    if (i % 7 === 0) map.set(`sub${i}`, new Y.Map([['x', i]]));
  }
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

class RawClient {
  private ws: WebSocket | null = null;
  private readonly url: string;
  private readonly cookie: string;
  constructor(url: string, cookie: string) {
    this.url = url;
    this.cookie = cookie;
  }
  private async open(): Promise<WebSocket> {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) return this.ws;
    const ws = new WebSocket(this.url, { headers: { cookie: this.cookie } });
    ws.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', () => reject(new Error('closed before open')));
    });
    this.ws = ws;
    return ws;
  }
  /** Sends `data`, then a query-awareness: true if answered (kept), false if closed (refused). */
  async probe(data: Uint8Array): Promise<boolean> {
    const ws = await this.open();
    return new Promise<boolean>((resolve) => {
      const onMessage = (message: Buffer) => {
        if (message[0] === 1) done(true);
      };
      const onClose = () => done(false);
      const done = (kept: boolean) => {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(kept);
      };
      ws.on('message', onMessage);
      ws.on('close', onClose);
      ws.send(data);
      ws.send(Uint8Array.of(3));
    });
  }
  close(): void {
    this.ws?.terminate();
  }
}

function awarenessFrame(clientId: number, json: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, json);
  return encodeAwarenessMessage(encoding.toUint8Array(encoder));
}

export async function runHostileInput(options: {
  seed: number;
  mutations: number;
  randomFrames: number;
  churn: number;
  log?: (line: string) => void;
}): Promise<HostileReport> {
  const random = prng(options.seed);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const dataDir = tempDir('fdr-hostile-');
  // The fuzzer pipelines two messages per mutation: lift the rate limit, keep the time budget.
  const server = await spawnServer({
    DATA_DIR: dataDir,
    MAX_MESSAGES_PER_SECOND: '1000000',
    UNLOAD_DELAY_MS: '500',
  });
  const pid = server.child.pid!;
  const base = `http://127.0.0.1:${server.port}`;
  const report = {
    seed: options.seed,
    framingAttacks: 0,
    framingClosed: 0,
    randomFrames: 0,
    knownBad: 0,
    mutations: 0,
    mutationsAccepted: 0,
    mutationsRefused: 0,
    awarenessAttacks: 0,
    churnConnections: 0,
  };
  const sender = server.connect('healthy');
  const receiver = server.connect('healthy');
  const writer = server.connect('pristine');
  let sampling = true;
  try {
    await Promise.all([sender.synced, receiver.synced, writer.synced]);
    for (let i = 0; i < 30; i++) writer.doc.getMap('m').set(`p${i}`, i);
    writer.doc.getText('t').insert(0, 'intact');
    await new Promise((r) => setTimeout(r, 200));
    const pristine = JSON.stringify(snapshot(writer.doc));
    writer.destroy();

    const latency = async (count: number, out: number[]) => {
      for (let i = 0; i < count && sampling; i++) {
        const key = `s${performance.now()}`;
        const map = receiver.doc.getMap('m');
        const arrived = new Promise<number>((resolve) => {
          const observer = () => {
            if (!map.has(key)) return;
            map.unobserve(observer);
            resolve(performance.now());
          };
          map.observe(observer);
        });
        const sent = performance.now();
        sender.doc.getMap('m').set(key, 1);
        out.push((await arrived) - sent);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const before: number[] = [];
    await latency(50, before);
    const rssBefore = rssMB(pid);

    const during: number[] = [];
    const sampler = (async () => {
      while (sampling) await latency(10, during);
    })();

    // 1. Invalid websocket framing, by hand on raw TCP.
    for (const [name, make] of Object.entries(HOSTILE_FRAMES)) {
      report.framingAttacks++;
      if (await sendRaw('127.0.0.1', server.port, '/sync/pristine', make(), server.cookie))
        report.framingClosed++;
      else log(`framing attack not closed: ${name}`);
    }
    // 2. Random bytes in binary frames, and known-bad Yjs payloads in valid framing.
    const garbage = new RawClient(`${server.syncUrl}/pristine`, server.cookie);
    for (let i = 0; i < options.randomFrames; i++) {
      const bytes = Uint8Array.from({ length: random.int(1, 64) }, () => random.int(0, 255));
      await garbage.probe(bytes);
      report.randomFrames++;
    }
    for (const bad of KNOWN_BAD) {
      await garbage.probe(encodeSyncUpdate(bad));
      report.knownBad++;
    }
    // 3. Oversized, deeply nested and spoofed awareness.
    // Deeper than any recursive JSON walker survives, and still under AWARENESS_MAX_BYTES.
    const deep = `${'['.repeat(20_000)}0${']'.repeat(20_000)}`;
    for (const json of [`{"x":"${'y'.repeat(200_000)}"}`, deep, '{"user":{"name":"spoof"}}']) {
      await garbage.probe(awarenessFrame(receiver.doc.clientID, json));
      report.awarenessAttacks++;
    }
    garbage.close();
    // 4. Mutated valid updates on their own board.
    const bases = baseUpdates();
    const fuzz = new RawClient(`${server.syncUrl}/fuzz`, server.cookie);
    for (let i = 0; i < options.mutations; i++) {
      const mutated = mutateUpdate(random.pick(bases), random);
      if (await fuzz.probe(encodeSyncUpdate(mutated))) report.mutationsAccepted++;
      else report.mutationsRefused++;
      report.mutations++;
      if (i > 0 && i % 10_000 === 0) log(`${i} mutations, rss ${rssMB(pid)} MB`);
    }
    fuzz.close();
    // 5. Connections opened and dropped without a goodbye.
    for (let batch = 0; batch < options.churn / 100; batch++) {
      const sockets = Array.from(
        { length: 100 },
        (_, i) =>
          new WebSocket(`${server.syncUrl}/churn-${(batch * 100 + i) % 50}`, {
            headers: { cookie: server.cookie },
          }),
      );
      await Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((resolve) => {
              ws.on('error', () => resolve());
              ws.once('open', () => {
                ws.send(Uint8Array.of(0, 0, 1, 0));
                resolve();
              });
            }),
        ),
      );
      for (const ws of sockets) ws.terminate();
      report.churnConnections += sockets.length;
    }

    sampling = false;
    await sampler;
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    const health = (await (await fetch(`${base}/healthz`)).json()) as {
      eventLoopDelayMs: { max: number };
    };
    const rssAfter = rssMB(pid);
    const check = server.connect('pristine');
    await check.synced;
    const pristineUnchanged = JSON.stringify(snapshot(check.doc)) === pristine;
    check.destroy();
    const a = server.connect('fuzz');
    const b = server.connect('fuzz');
    await Promise.all([a.synced, b.synced]);
    const fuzzBoardConsistent =
      Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(b.doc).toString() &&
      JSON.stringify(a.doc.toJSON()) === JSON.stringify(b.doc.toJSON());
    a.destroy();
    b.destroy();
    const budgetCloses = server.output.filter((l) => l.includes('MESSAGE_BUDGET_MS')).length;
    return {
      ...report,
      budgetCloses,
      alive,
      eventLoopDelayMaxMs: health.eventLoopDelayMs.max,
      rssBeforeMB: rssBefore,
      rssAfterMB: rssAfter,
      latencyBeforeMs: quantiles(before),
      latencyDuringMs: quantiles(during),
      pristineUnchanged,
      fuzzBoardConsistent,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    sampling = false;
    sender.destroy();
    receiver.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await runHostileInput({
    seed: arg('seed', Date.now() % 100_000),
    mutations: arg('mutations', 100_000),
    randomFrames: arg('random', 2000),
    churn: arg('churn', 3000),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(report, null, 2));
  const ok =
    report.alive &&
    report.pristineUnchanged &&
    report.fuzzBoardConsistent &&
    report.framingClosed === report.framingAttacks;
  process.exit(ok ? 0 : 1);
}
