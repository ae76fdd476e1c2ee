/**
 * One member's single huge update against the real server process: a Y.Map of `--entries`
 * entries (700,000: about 11 MiB) sent as one message, while /healthz is polled every 20 ms.
 * Reports the worst /healthz round trip before and while it arrives, how the connection was
 * closed, and whether the update was kept. `--main <path>` runs another checkout's server (the
 * code before a change); `--unbounded 1` lifts MAX_UPDATE_BYTES and MAX_UPDATE_STRUCTS.
 *
 *   node reliability/bigUpdate.ts --entries 700000
 */
import { rmSync } from 'node:fs';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../src/sync/messages.ts';
import { waitFor } from '../src/test/clients.ts';
import { spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';
import { arg } from './prng.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const entries = arg('entries', 700_000);
const dataDir = tempDir('fdr-big-');
const env: Record<string, string> = { DATA_DIR: dataDir };
if (arg('unbounded', 0) === 1) {
  env.MAX_UPDATE_BYTES = String(1024 * 1024 * 1024);
  env.MAX_UPDATE_STRUCTS = '100000000';
}
const main = option('main');
const server = await spawnServer(env, ...(main ? [main] : []));
const base = `http://127.0.0.1:${server.port}`;
try {
  const doc = new Y.Doc();
  const map = doc.getMap('m');
  doc.transact(() => {
    for (let i = 0; i < entries; i++) map.set(`k${i}`, i);
  });
  const message = encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
  doc.destroy();

  let worst = 0;
  let failedPolls = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const started = performance.now();
      try {
        await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
      } catch {
        failedPolls++;
      }
      worst = Math.max(worst, performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await new Promise((r) => setTimeout(r, 2000));
  const idleWorstMs = worst;
  worst = 0;

  const ws = new WebSocket(`${server.syncUrl}/big`, { headers: { cookie: server.cookie } });
  ws.on('error', () => {});
  await new Promise((resolve) => ws.once('open', resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const sentAt = performance.now();
  ws.send(message);
  const close = await Promise.race([
    closed,
    new Promise<null>((r) => setTimeout(() => r(null), 120_000)),
  ]);
  const closedAfterMs = performance.now() - sentAt;
  await new Promise((r) => setTimeout(r, 2000));
  polling = false;
  await poll;
  const duringWorstMs = worst;
  ws.terminate();

  const reader = server.connect('big');
  await reader.synced;
  await waitFor(() => reader.provider.synced, 'reader synced', 120_000);
  const kept = reader.doc.getMap('m').size;
  reader.destroy();
  console.log(
    JSON.stringify(
      {
        entries,
        messageMiB: Math.round((message.byteLength / 1048576) * 10) / 10,
        server: main ?? 'this checkout',
        unbounded: env.MAX_UPDATE_STRUCTS !== undefined,
        healthzWorstIdleMs: Math.round(idleWorstMs),
        healthzWorstDuringMs: Math.round(duringWorstMs),
        close,
        closedAfterMs: Math.round(closedAfterMs),
        entriesKept: kept,
        failedPolls,
      },
      null,
      2,
    ),
  );
} finally {
  server.child.kill('SIGKILL');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
