/**
 * Spine measurements: convergence time of N clients x M edits against the real server process,
 * and the cost of compacting a long update log. Run: pnpm --filter @fdr/server bench
 * Not a test: it prints numbers, it asserts nothing about time.
 */
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import * as Y from 'yjs';
import { createLogger } from '../src/logger.ts';
import { SqliteStorage } from '../src/storage/SqliteStorage.ts';
import { Board } from '../src/sync/Board.ts';
import { waitFor } from '../src/test/clients.ts';
import { spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const EDITS = Number(process.env.BENCH_EDITS ?? 1000);
const LOG_UPDATES = Number(process.env.BENCH_LOG_UPDATES ?? 10_000);

async function convergence(synchronous: string): Promise<number> {
  const dataDir = tempDir('fdr-bench-');
  const server = await spawnServer({ DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: synchronous });
  const clients = Array.from({ length: CLIENTS }, () => server.connect('bench'));
  await Promise.all(clients.map((c) => c.synced));
  const total = CLIENTS * EDITS;
  const started = performance.now();
  await Promise.all(
    clients.map(async (c, i) => {
      const map = c.doc.getMap('m');
      for (let k = 0; k < EDITS; k++) {
        map.set(`c${i}-${k}`, k);
        // Yield now and then, as people do: each edit is still its own update message.
        if (k % 20 === 19) await new Promise((r) => setImmediate(r));
      }
    }),
  );
  await waitFor(() => clients.every((c) => c.doc.getMap('m').size === total), 'converged', 120_000);
  const ms = performance.now() - started;
  for (const c of clients) c.destroy();
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
  return ms;
}

async function compaction() {
  const dataDir = tempDir('fdr-bench-');
  const storage = new SqliteStorage({ file: join(dataDir, 'b.sqlite'), synchronous: 'NORMAL' });
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const map = doc.getMap('m');
  const text = doc.getText('t');
  for (let i = 0; i < LOG_UPDATES; i++) {
    if (i % 2 === 0) map.set(`k${i % 500}`, i);
    else text.insert(text.length % 200, 'x');
  }
  for (let i = 0; i < updates.length; i += 1000)
    await storage.append('log', updates.slice(i, i + 1000));
  const before = await storage.info('log');
  const logger = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));
  const loadStarted = performance.now();
  const board = await Board.load('log', {
    storage,
    logger,
    maxBoardBytes: 1 << 30,
    update: { maxBytes: 1 << 30, maxStructs: Number.MAX_SAFE_INTEGER },
    compactThreshold: Number.MAX_SAFE_INTEGER,
    awareness: { maxBytes: 65536, maxDepth: 8 },
    pacing: { perClientMs: 0, maxMs: 0, pressure: { messagesPerSecond: 0, bufferedBytes: 0 } },
  });
  const loadMs = performance.now() - loadStarted;
  const compactStarted = performance.now();
  await board.compact();
  const compactMs = performance.now() - compactStarted;
  const after = await storage.info('log');
  const reloadStarted = performance.now();
  await storage.load('log').then((b) => {
    const d = new Y.Doc();
    if (b.state) Y.applyUpdate(d, b.state);
  });
  const reloadMs = performance.now() - reloadStarted;
  board.destroy();
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { before, after, loadMs, compactMs, reloadMs };
}

console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
for (const sync of ['FULL', 'NORMAL']) {
  const ms = await convergence(sync);
  console.log(
    `convergence, SQLITE_SYNCHRONOUS=${sync}: ${CLIENTS} clients x ${EDITS} edits = ${CLIENTS * EDITS} updates in ${ms.toFixed(0)} ms (${((CLIENTS * EDITS) / (ms / 1000)).toFixed(0)} edits/s)`,
  );
}
const c = await compaction();
console.log(
  `compaction of ${c.before?.logLength} updates: log ${c.before?.logBytes} B -> state ${c.after?.stateBytes} B; ` +
    `load ${c.loadMs.toFixed(1)} ms, compact ${c.compactMs.toFixed(1)} ms, reload after ${c.reloadMs.toFixed(1)} ms`,
);
