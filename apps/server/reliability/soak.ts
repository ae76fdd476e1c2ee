/**
 * Soak: moderate load for a long time (default 30 minutes: 50 boards x 10 clients, each client
 * editing every ~2 s, 5% of the clients leaving and coming back every 10 s). Samples the server
 * every 10 s: RSS, open file descriptors, boards in memory, connections, event-loop delay.
 * Not run in CI.
 *
 *   node reliability/soak.ts --minutes 30 --boards 50 --clients 10
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestClient } from '../src/test/clients.ts';
import { spawnServer } from '../src/test/serverProcess.ts';
import { tempDir } from '../src/test/testServer.ts';
import { arg, prng } from './prng.ts';

export interface SoakSample {
  minute: number;
  rssMB: number;
  fds: number;
  boards: number;
  connections: number;
  eventLoopP99Ms: number;
}

export async function runSoak(options: {
  minutes: number;
  boards: number;
  clientsPerBoard: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<SoakSample[]> {
  process.setMaxListeners(0);
  const random = prng(options.seed);
  const dataDir = tempDir('fdr-soak-');
  const server = await spawnServer({ DATA_DIR: dataDir, UNLOAD_DELAY_MS: '5000' });
  const pid = server.child.pid!;
  const url = `http://127.0.0.1:${server.port}`;
  const clients: TestClient[] = [];
  const open = (board: number) => server.connect(`soak-${board}`);
  for (let b = 0; b < options.boards; b++)
    for (let c = 0; c < options.clientsPerBoard; c++) clients.push(open(b));
  let serial = 0;
  const editTimer = setInterval(() => {
    // About one edit per client every 2 s, spread over the interval.
    for (let i = 0; i < clients.length / 20; i++) {
      const c = random.pick(clients);
      c.doc.getMap('m').set(`k${serial++ % 5000}`, serial);
    }
  }, 100);
  const samples: SoakSample[] = [];
  const started = Date.now();
  try {
    while (Date.now() - started < options.minutes * 60_000) {
      await new Promise((r) => setTimeout(r, 10_000));
      for (let i = 0; i < clients.length / 20; i++) {
        const index = random.int(0, clients.length - 1);
        const board = Math.floor(index / options.clientsPerBoard);
        clients[index]!.destroy();
        clients[index] = open(board);
      }
      const health = (await (await fetch(`${url}/healthz`)).json()) as {
        boards: number;
        connections: number;
        eventLoopDelayMs: { p99: number };
      };
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const sample: SoakSample = {
        minute: Math.round((Date.now() - started) / 600) / 100,
        rssMB: Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 102.4) / 10,
        fds: readdirSync(`/proc/${pid}/fd`).length,
        boards: health.boards,
        connections: health.connections,
        eventLoopP99Ms: health.eventLoopDelayMs.p99,
      };
      samples.push(sample);
      options.log?.(JSON.stringify(sample));
    }
  } finally {
    clearInterval(editTimer);
    for (const c of clients) c.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
  return samples;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const samples = await runSoak({
    minutes: arg('minutes', 30),
    boards: arg('boards', 50),
    clientsPerBoard: arg('clients', 10),
    seed: arg('seed', 1),
    log: (line) => console.log(line),
  });
  const quarter = samples[Math.floor(samples.length / 4)];
  const last = samples.at(-1);
  if (quarter && last) {
    console.log(
      `RSS ${quarter.rssMB} MB at ${quarter.minute} min -> ${last.rssMB} MB at ${last.minute} min; ` +
        `fds ${quarter.fds} -> ${last.fds}; boards ${quarter.boards} -> ${last.boards}`,
    );
  }
}
