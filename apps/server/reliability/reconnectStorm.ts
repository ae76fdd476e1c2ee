/**
 * Reconnect storm: hundreds of stock clients on a few boards; the server is killed (-9) and
 * restarted on the same port; the clients come back by themselves. Checks that each board is
 * loaded once after the restart, and that no client is told it is synced before its board was
 * loaded; reports how spread out the reconnections were.
 *
 *   node reliability/reconnectStorm.ts --clients 500 --boards 10
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type TestClient, waitFor } from '../src/test/clients.ts';
import { spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';
import { arg } from './prng.ts';

export interface StormReport {
  clients: number;
  boards: number;
  loadsPerBoard: Record<string, number>;
  syncedBeforeLoad: number;
  reconnectSpreadMs: number;
  allSyncedMs: number;
}

export async function runReconnectStorm(options: {
  clients: number;
  boards: number;
}): Promise<StormReport> {
  // Each stock provider adds a process exit listener.
  process.setMaxListeners(0);
  const dataDir = tempDir('fdr-storm-');
  let server = await spawnServer({ DATA_DIR: dataDir });
  const port = server.port;
  const clients: (TestClient & { board: string; syncedAt: number; openedAt: number })[] = [];
  try {
    for (let i = 0; i < options.clients; i++) {
      const board = `storm-${i % options.boards}`;
      const c = server.connect(board);
      const entry = Object.assign(c, { board, syncedAt: 0, openedAt: 0 });
      c.provider.on('sync', (synced: boolean) => {
        if (synced) entry.syncedAt = Date.now();
      });
      c.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connected') entry.openedAt = Date.now();
      });
      clients.push(entry);
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(
      () => clients.every((c) => c.provider.synced),
      'all synced before the kill',
      60_000,
    );
    for (const [i, c] of clients.entries()) if (i % 25 === 0) c.doc.getMap('m').set(`k${i}`, i);
    await new Promise((r) => setTimeout(r, 300));

    server.child.kill('SIGKILL');
    await server.exited;
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 'all disconnected', 10_000);
    const killedAt = Date.now();
    for (const c of clients) c.syncedAt = 0;
    server = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) });
    await waitFor(
      () => clients.every((c) => c.provider.synced && c.syncedAt > 0),
      'all synced again',
      60_000,
    );
    const allSyncedMs = Date.now() - killedAt;

    const loads = server.output
      .filter((l) => l.includes('"board loaded"'))
      .map((l) => JSON.parse(l) as { board: string; time: number });
    const loadsPerBoard: Record<string, number> = {};
    const loadedAt = new Map<string, number>();
    for (const l of loads) {
      loadsPerBoard[l.board] = (loadsPerBoard[l.board] ?? 0) + 1;
      loadedAt.set(l.board, l.time);
    }
    const syncedBeforeLoad = clients.filter(
      (c) => c.syncedAt < (loadedAt.get(c.board) ?? Number.POSITIVE_INFINITY),
    ).length;
    const opened = clients.map((c) => c.openedAt).filter((t) => t >= killedAt);
    const reconnectSpreadMs = opened.length > 0 ? Math.max(...opened) - Math.min(...opened) : 0;
    return {
      clients: options.clients,
      boards: options.boards,
      loadsPerBoard,
      syncedBeforeLoad,
      reconnectSpreadMs,
      allSyncedMs,
    };
  } finally {
    for (const c of clients) c.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await runReconnectStorm({
    clients: arg('clients', 500),
    boards: arg('boards', 10),
  });
  console.log(JSON.stringify(report, null, 2));
  const once = Object.values(report.loadsPerBoard).every((n) => n === 1);
  process.exit(once && report.syncedBeforeLoad === 0 ? 0 : 1);
}
