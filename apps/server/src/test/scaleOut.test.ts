import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, snapshot, type TestClient, waitFor } from './clients.ts';
import { issueSession } from './issueSession.ts';
import { type ServerProcess, spawnServer } from './serverProcess.ts';

/**
 * Several server processes on one PostgreSQL database and one Redis, for real: each test file
 * run gets its own schema and channel prefix, dropped at the end.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomBytes(4).toString('hex');
const schema = `fdr_scale_${run}`;

const processes: ServerProcess[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await p.exited;
  }
});
afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

async function instance(name: string): Promise<ServerProcess> {
  const p = await spawnServer({
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    REDIS_PREFIX: `fdr-test-${run}:`,
    INSTANCE_ID: name,
    REVALIDATE_INTERVAL_MS: '500',
  });
  processes.push(p);
  return p;
}

function client(server: ServerProcess, board: string, received?: Y.Doc): TestClient {
  const c = server.connect(board, received ? { received } : {});
  clients.push(c);
  return c;
}

/** Kills the subscriber connections of one instance, as a Redis restart would. */
function dropRedisSubscriber(instanceName: string): number {
  const list = execFileSync('redis-cli', [
    '-u',
    REDIS_URL,
    'CLIENT',
    'LIST',
    'TYPE',
    'pubsub',
  ]).toString();
  const ids = list
    .split('\n')
    .filter((line) => line.includes(`name=fdr-${instanceName}-sub`))
    .map((line) => /id=(\d+)/.exec(line)?.[1])
    .filter((id): id is string => Boolean(id));
  for (const id of ids) execFileSync('redis-cli', ['-u', REDIS_URL, 'CLIENT', 'KILL', 'ID', id]);
  return ids.length;
}

describe('scale-out: PostgreSQL + Redis, several instances', () => {
  it('clients on two instances converge, and presence crosses instances', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const onA = [client(a, 'shared'), client(a, 'shared')];
    const onB = [client(b, 'shared'), client(b, 'shared')];
    const all = [...onA, ...onB];
    await Promise.all(all.map((c) => c.synced));
    await Promise.all(
      all.map(async (c, i) => {
        for (let k = 0; k < 40; k++) {
          c.doc.getMap('m').set(`c${i}-${k}`, k);
          if (k % 8 === 0) await new Promise((r) => setTimeout(r, 2));
        }
      }),
    );
    await waitFor(
      () => all.every((c) => c.doc.getMap('m').size === 160),
      'all 160 edits everywhere',
      20_000,
    );
    const first = JSON.stringify(snapshot(all[0]!.doc));
    for (const c of all) expect(JSON.stringify(snapshot(c.doc))).toBe(first);

    onA[0]!.provider.awareness.setLocalStateField('user', {
      id: 'sur-a',
      name: 'Sur A',
      color: '#1f4e79',
    });
    const id = onA[0]!.doc.clientID;
    await waitFor(() => onB[1]!.provider.awareness.getStates().has(id), 'B sees A’s presence');
  });

  it('gives a late joiner on B everything written through A', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const received = new Y.Doc();
    const writer = client(a, 'late', received);
    await writer.synced;
    writer.doc.getText('t').insert(0, 'écrit sur A');
    for (let i = 0; i < 50; i++) writer.doc.getMap('m').set(`k${i}`, i);
    // The echo means stored: what a later joiner elsewhere must get.
    const written = JSON.stringify(snapshot(writer.doc));
    await waitFor(() => JSON.stringify(snapshot(received)) === written, 'every edit echoed');
    const late = client(b, 'late');
    await late.synced;
    expect(snapshot(late.doc)).toEqual(snapshot(writer.doc));
    // And with the board already loaded on B, a later edit on A reaches B's client live.
    writer.doc.getMap('m').set('live', true);
    await waitFor(() => late.doc.getMap('m').get('live') === true, 'live edit crosses');
  });

  it('loses nothing any client received when one instance is killed with SIGKILL', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const receivedDocs: Y.Doc[] = [];
    const make = (server: ServerProcess) => {
      const received = new Y.Doc();
      receivedDocs.push(received);
      return client(server, 'crash', received);
    };
    const onA = [make(a), make(a), make(a)];
    const onB = [make(b), make(b)];
    const all = [...onA, ...onB];
    await Promise.all(all.map((c) => c.synced));
    let n = 0;
    const timers = all.map((c, i) =>
      setInterval(() => c.doc.getMap('m').set(`c${i}-${n++}`, n), 4),
    );
    await new Promise((r) => setTimeout(r, 300));
    a.child.kill('SIGKILL');
    await a.exited;
    // A's clients reconnect to B, as a load balancer would route them.
    for (const c of onA) c.provider.serverUrl = b.syncUrl;
    await new Promise((r) => setTimeout(r, 200));
    for (const t of timers) clearInterval(t);
    await waitFor(
      () => all.every((c) => c.provider.wsconnected && c.provider.synced),
      'all on B',
      15_000,
    );
    const expectedSize = () => all[0]!.doc.getMap('m').size;
    await waitFor(
      () => all.every((c) => c.doc.getMap('m').size === expectedSize()),
      'all converge on B',
      15_000,
    );
    const fresh = client(b, 'crash');
    await fresh.synced;
    let checked = 0;
    for (const received of receivedDocs) {
      for (const key of received.getMap('m').keys()) {
        expect(fresh.doc.getMap('m').has(key), `${key} was received before the kill`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Surviving clients resent their unacknowledged edits: every edit made anywhere is kept.
    expect(fresh.doc.getMap('m').size).toBe(expectedSize());
  });

  it('catches up from storage after its Redis subscriber was cut off', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const writer = client(a, 'redis');
    const reader = client(b, 'redis');
    await Promise.all([writer.synced, reader.synced]);
    writer.doc.getMap('m').set('before', 1);
    await waitFor(() => reader.doc.getMap('m').get('before') === 1, 'normal fan-out');
    expect(dropRedisSubscriber('b')).toBeGreaterThan(0);
    // Written while B is not listening: B must fetch it from PostgreSQL once resubscribed.
    for (let i = 0; i < 20; i++) writer.doc.getMap('m').set(`during${i}`, i);
    await waitFor(() => reader.doc.getMap('m').get('during19') === 19, 'B caught up', 15_000);
    writer.doc.getMap('m').set('after', 1);
    await waitFor(() => reader.doc.getMap('m').get('after') === 1, 'fan-out resumed', 15_000);
    expect(b.output.some((l) => l.includes('catching up from storage'))).toBe(true);
  });

  it('a role removed through one instance disconnects the member on every instance', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const member = await issueSession(
      { databaseUrl: DATABASE_URL, schema },
      { board: 'revoked', role: 'council' },
    );
    const onB = connectClient(b.syncUrl, 'revoked', { headers: { cookie: member.cookie } });
    clients.push(onB);
    await onB.synced;
    const closed = new Promise<number>((resolve) =>
      onB.provider.ws?.addEventListener('close', (e) => resolve((e as CloseEvent).code)),
    );
    const removed = await fetch(
      `http://127.0.0.1:${a.port}/api/boards/revoked/members/${member.user.id}`,
      {
        method: 'DELETE',
        headers: { cookie: a.cookie },
      },
    );
    expect(removed.status).toBe(200);
    expect(await closed).toBe(4403);
  });
});
