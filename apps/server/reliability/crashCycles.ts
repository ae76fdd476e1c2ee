/**
 * Crash consistency: cycles of kill -9 at random moments while 5-20 stock y-websocket clients
 * edit one board (compactions run during the edits). At each kill some clients die with the
 * server, so they cannot resend; the others keep editing offline and reconnect by themselves.
 * After each restart: every update any client had received before the kill (its own echoes
 * included) is stored, SQLite passes its integrity check, and the survivors converge with the
 * stored board, their offline edits included.
 *
 *   node reliability/crashCycles.ts --cycles 20 --seed 42
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { type TestClient, waitFor } from '../src/test/clients.ts';
import { type ServerProcess, spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';
import { arg, prng } from './prng.ts';

export interface CrashReport {
  seed: number;
  cycles: number;
  clients: number;
  killedClients: number;
  updatesChecked: number;
  lost: number;
  integrityFailures: number;
  survivorsResynced: number;
  versionsTaken: number;
  versionsChecked: number;
  ms: number;
}

interface Editor extends TestClient {
  name: string;
  received: Y.Doc;
  timer: NodeJS.Timeout | null;
}

function integrity(dataDir: string): string {
  const db = new DatabaseSync(join(dataDir, 'boards.sqlite'), { readOnly: true });
  const row = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
  db.close();
  return row.integrity_check;
}

export async function runCrashCycles(options: {
  cycles: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<CrashReport> {
  const random = prng(options.seed);
  const log = options.log ?? (() => {});
  const dataDir = tempDir('fdr-crash-');
  const started = performance.now();
  const report: CrashReport = {
    seed: options.seed,
    cycles: 0,
    clients: 0,
    killedClients: 0,
    updatesChecked: 0,
    lost: 0,
    integrityFailures: 0,
    survivorsResynced: 0,
    versionsTaken: 0,
    versionsChecked: 0,
    ms: 0,
  };
  let server: ServerProcess | null = null;
  let survivors: Editor[] = [];
  let editSerial = 0;
  const env = (port: number) => ({
    DATA_DIR: dataDir,
    PORT: String(port),
    COMPACT_THRESHOLD: String(random.pick([20, 50, 1_000_000])),
    UNLOAD_DELAY_MS: '60000',
  });
  const startEditing = (e: Editor) => {
    e.timer = setInterval(
      () => e.doc.getMap('m').set(`${e.name}-${editSerial++}`, editSerial),
      random.int(2, 12),
    );
  };

  try {
    server = await spawnServer(env(0));
    const port = server.port;
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      const fresh = random.int(5, 20) - survivors.length;
      const editors = [...survivors];
      for (let i = 0; i < Math.max(fresh, 1); i++) {
        const received = new Y.Doc();
        const name = `k${cycle}c${i}`;
        editors.push({
          name,
          received,
          timer: null,
          ...server.connect('crash', { received }),
        });
      }
      report.clients += editors.length - survivors.length;
      await Promise.all(editors.map((e) => e.synced));
      for (const e of editors) if (!e.timer) startEditing(e);

      // A named version is being taken when the kill lands, in some cycles.
      const versionAt = random.int(40, 700);
      const killAt = random.int(80, 700);
      const versionTimer = setTimeout(() => {
        void fetch(`http://127.0.0.1:${port}/api/boards/crash/versions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: server!.cookie },
          body: JSON.stringify({ name: `cycle ${cycle}`, note: '' }),
        })
          .then((res) => {
            if (res.status === 201) report.versionsTaken++;
          })
          .catch(() => {});
      }, versionAt);
      await new Promise((r) => setTimeout(r, killAt));
      clearTimeout(versionTimer);
      server.child.kill('SIGKILL');
      await server.exited;

      // Some clients die with the server: whatever they had not had acknowledged is gone with them.
      const killed = editors.filter(() => random.chance(0.4));
      survivors = editors.filter((e) => !killed.includes(e));
      for (const e of killed) {
        if (e.timer) clearInterval(e.timer);
        e.destroy();
      }
      report.killedClients += killed.length;
      // Survivors keep editing while the server is down.
      await new Promise((r) => setTimeout(r, random.int(0, 150)));

      server = await spawnServer(env(port));
      const observer = server.connect('crash');
      await observer.synced;
      const stored = observer.doc.getMap('m');
      for (const e of editors) {
        for (const key of e.received.getMap('m').keys()) {
          report.updatesChecked++;
          if (!stored.has(key)) {
            report.lost++;
            log(`cycle ${cycle}: LOST ${key} (received by ${e.name} before the kill)`);
          }
        }
      }
      // Every version the database kept is whole and readable.
      const versions = (await (
        await fetch(`http://127.0.0.1:${port}/api/boards/crash/versions`, {
          headers: { cookie: server.cookie },
        })
      ).json()) as { versions: { id: string }[] };
      for (const v of versions.versions) {
        const res = await fetch(`http://127.0.0.1:${port}/api/boards/crash/versions/${v.id}`, {
          headers: { cookie: server.cookie },
        });
        if (res.status !== 200) {
          report.integrityFailures++;
          log(`cycle ${cycle}: version ${v.id} unreadable (${res.status})`);
        }
      }
      report.versionsChecked = versions.versions.length;
      const check = integrity(dataDir);
      if (check !== 'ok') {
        report.integrityFailures++;
        log(`cycle ${cycle}: integrity check: ${check}`);
      }
      // Survivors reconnect by themselves; stop their edits and wait until all agree.
      for (const e of survivors) {
        if (e.timer) clearInterval(e.timer);
        e.timer = null;
      }
      await waitFor(
        () => survivors.every((e) => e.provider.synced && e.provider.wsconnected),
        'survivors reconnected',
        20_000,
      );
      const target = () => JSON.stringify([...observer.doc.getMap('m').keys()].sort());
      await waitFor(
        () => {
          const want = target();
          return survivors.every(
            (e) => JSON.stringify([...e.doc.getMap('m').keys()].sort()) === want,
          );
        },
        'survivors converge with the stored board',
        20_000,
      );
      for (const e of survivors) {
        // Offline edits reached the server: the observer holds every key the survivor has.
        for (const key of e.doc.getMap('m').keys()) if (!stored.has(key)) report.lost++;
      }
      report.survivorsResynced += survivors.length;
      observer.destroy();
      report.cycles++;
      log(
        `cycle ${cycle + 1}/${options.cycles}: ${editors.length} clients, ${killed.length} killed, ` +
          `${stored.size} keys stored, lost so far ${report.lost}`,
      );
    }
  } finally {
    for (const e of survivors) {
      if (e.timer) clearInterval(e.timer);
      e.destroy();
    }
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await runCrashCycles({
    cycles: arg('cycles', 20),
    seed: arg('seed', Date.now() % 100_000),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(report));
  process.exit(report.lost === 0 && report.integrityFailures === 0 ? 0 : 1);
}
