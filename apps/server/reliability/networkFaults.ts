/**
 * Network faults: clients edit through a FaultProxy that delays, drops, duplicates, reorders
 * and cuts at random (seeded). Once the faults stop, every client and the server must hold the
 * same board, with every edit any client made.
 *
 *   node reliability/networkFaults.ts --seconds 20 --clients 8 --seed 42
 */
import { fileURLToPath } from 'node:url';
import { connectClient, type TestClient, waitFor } from '../src/test/clients.ts';
import { startTestServer } from '../src/test/testServer.ts';
import { FaultProxy, NO_FAULTS } from './faultProxy.ts';
import { arg, prng } from './prng.ts';

export interface NetworkReport {
  seed: number;
  clients: number;
  edits: number;
  convergedMs: number;
  stats: FaultProxy['stats'];
  missing: number;
}

export async function runNetworkFaults(options: {
  seed: number;
  clients: number;
  seconds: number;
}): Promise<NetworkReport> {
  const random = prng(options.seed);
  // Short resync intervals on both sides recover dropped messages quickly once faults stop.
  const server = await startTestServer({ resyncIntervalMs: 500, pingIntervalMs: 2000 });
  const proxy = await FaultProxy.start(server.syncUrl.replace('/sync', ''), random);
  proxy.faults = { maxDelayMs: 40, drop: 0.03, duplicate: 0.05, reorder: 0.05, cut: 0.005 };
  const clients: TestClient[] = [];
  let edits = 0;
  try {
    for (let i = 0; i < options.clients; i++) {
      clients.push(
        connectClient(`${proxy.url}/sync`, 'faults', {
          resyncInterval: 500,
          headers: { cookie: server.cookie },
        }),
      );
    }
    const written = new Set<string>();
    const timers = clients.map((c, i) =>
      setInterval(
        () => {
          const key = `c${i}-${edits++}`;
          written.add(key);
          c.doc.getMap('m').set(key, edits);
        },
        random.int(10, 40),
      ),
    );
    await new Promise((r) => setTimeout(r, options.seconds * 1000));
    for (const t of timers) clearInterval(t);
    proxy.faults = NO_FAULTS;
    const stopped = performance.now();
    await waitFor(
      () => clients.every((c) => c.provider.wsconnected && c.doc.getMap('m').size === written.size),
      'every client holds every edit',
      60_000,
    );
    const convergedMs = Math.round(performance.now() - stopped);
    const observer = server.connect('faults');
    await observer.synced;
    let missing = 0;
    for (const key of written) if (!observer.doc.getMap('m').has(key)) missing++;
    observer.destroy();
    return {
      seed: options.seed,
      clients: options.clients,
      edits: written.size,
      convergedMs,
      stats: { ...proxy.stats },
      missing,
    };
  } finally {
    for (const c of clients) c.destroy();
    await proxy.close();
    await server.dispose();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await runNetworkFaults({
    seed: arg('seed', Date.now() % 100_000),
    clients: arg('clients', 8),
    seconds: arg('seconds', 20),
  });
  console.log(JSON.stringify(report));
  process.exit(report.missing === 0 ? 0 : 1);
}
