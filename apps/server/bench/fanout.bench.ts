/**
 * Propagation latency from an edit on one client to its arrival at another: both clients on
 * the same instance, and on two instances joined by Redis (PostgreSQL storage in both cases).
 * Run: pnpm --filter @fdr/server bench:fanout  (needs the local PostgreSQL and Redis)
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestClient } from '../src/test/clients.ts';
import { type ServerProcess, spawnServer } from '../src/test/serverProcess.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const run = randomBytes(4).toString('hex');
const schema = `fdr_bench_${run}`;

async function instance(name: string): Promise<ServerProcess> {
  return spawnServer({
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    REDIS_PREFIX: `fdr-bench-${run}:`,
    INSTANCE_ID: name,
    LOG_LEVEL: 'info',
  });
}

async function measure(from: TestClient, to: TestClient, label: string): Promise<void> {
  await Promise.all([from.synced, to.synced]);
  const map = to.doc.getMap('m');
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const key = `${label}-${i}`;
    const arrived = new Promise<number>((resolve) => {
      const observer = () => {
        if (map.has(key)) {
          map.unobserve(observer);
          resolve(performance.now());
        }
      };
      map.observe(observer);
    });
    const sent = performance.now();
    from.doc.getMap('m').set(key, i);
    times.push((await arrived) - sent);
    await new Promise((r) => setTimeout(r, 5));
  }
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  console.log(
    `${label}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (${SAMPLES} edits)`,
  );
}

const a = await instance('bench-a');
const b = await instance('bench-b');
try {
  const sender = a.connect('latency');
  const sameInstance = a.connect('latency');
  const otherInstance = b.connect('latency');
  await measure(sender, sameInstance, 'same instance (A -> A)');
  await measure(sender, otherInstance, 'two instances (A -> Redis -> B)');
  for (const c of [sender, sameInstance, otherInstance]) c.destroy();
} finally {
  for (const p of [a, b]) p.child.kill('SIGTERM');
  await Promise.all([a.exited, b.exited]);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
