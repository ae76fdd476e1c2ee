/**
 * Clients that never read, against the real server process: `--readers` sockets (20) signed in
 * as a real account stop reading and each ask for the whole board (sync step 1 with an empty
 * state vector) `--rate` times a second (20) for `--seconds` (60), on a board of `--mib` (1).
 * Keepalive pings are spaced out so that they do not end the connections first (a client that
 * answers pings but never reads). Reports the server's RSS before, at its peak and at the end,
 * and how the readers were closed. Stops early, as a safety, once RSS passes `--rss-cap` MB.
 * Loopback only. `--main <path>` runs another checkout's server (the code before a change).
 *
 *   node reliability/slowReaders.ts --readers 20 --seconds 60
 */
import { readFileSync, rmSync } from 'node:fs';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeSyncStep1 } from '../src/sync/messages.ts';
import { waitFor } from '../src/test/clients.ts';
import { spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';
import { arg } from './prng.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const readers = arg('readers', 20);
const rate = arg('rate', 20);
const seconds = arg('seconds', 60);
const mib = arg('mib', 1);
const rssCap = arg('rss-cap', 1500);
const main = option('main');
const dataDir = tempDir('fdr-slow-');
const server = await spawnServer(
  { DATA_DIR: dataDir, PING_INTERVAL_MS: '3600000' },
  ...(main ? [main] : []),
);
const pid = server.child.pid!;
try {
  const writer = server.connect('slow');
  await writer.synced;
  writer.doc.getText('t').insert(0, 'x'.repeat(mib * 1024 * 1024));
  const probe = server.connect('slow');
  await waitFor(() => probe.doc.getText('t').length === mib * 1024 * 1024, 'board stored', 60_000);
  probe.destroy();
  const rssBefore = rssMB(pid);

  const closes: number[] = [];
  const sockets = await Promise.all(
    Array.from({ length: readers }, async () => {
      const ws = new WebSocket(`${server.syncUrl}/slow`, { headers: { cookie: server.cookie } });
      ws.on('error', () => {});
      ws.on('close', (code) => closes.push(code));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.pause();
      return ws;
    }),
  );
  const everything = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
  let rssPeak = rssBefore;
  let stoppedEarlyAt: number | null = null;
  const started = Date.now();
  for (let tick = 0; tick < seconds * rate; tick++) {
    for (const ws of sockets) if (ws.readyState === WebSocket.OPEN) ws.send(everything);
    await new Promise((r) => setTimeout(r, 1000 / rate));
    if (tick % rate === 0) {
      const rss = rssMB(pid);
      rssPeak = Math.max(rssPeak, rss);
      if (rss > rssCap) {
        stoppedEarlyAt = Math.round((Date.now() - started) / 1000);
        break;
      }
    }
  }
  const rssEnd = rssMB(pid);
  const closedByServer = [...closes];
  for (const ws of sockets) ws.terminate();
  writer.destroy();
  const byCode: Record<number, number> = {};
  for (const code of closedByServer) byCode[code] = (byCode[code] ?? 0) + 1;
  console.log(
    JSON.stringify(
      {
        server: main ?? 'this checkout',
        readers,
        requestsPerSecondEach: rate,
        seconds,
        boardMiB: mib,
        rssBeforeMB: rssBefore,
        rssPeakMB: Math.max(rssPeak, rssEnd),
        rssEndMB: rssEnd,
        stoppedEarlyAfterSeconds: stoppedEarlyAt,
        closedBeforeEnd: byCode,
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
