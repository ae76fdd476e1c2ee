import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { snapshot, type TestClient, waitFor } from './clients.ts';
import { testScope } from './testScope.ts';
import { startTestServer } from './testServer.ts';

const { cleanups, server, client } = testScope();

async function converge(clients: TestClient[], expectedKeys: number): Promise<void> {
  await waitFor(
    () => clients.every((c) => c.doc.getMap('m').size === expectedKeys),
    `every client holds ${expectedKeys} keys`,
    20_000,
  );
  const first = JSON.stringify(snapshot(clients[0]!.doc));
  for (const c of clients) expect(JSON.stringify(snapshot(c.doc))).toBe(first);
}

describe('sync server with the stock y-websocket client', () => {
  it.each([2, 10])('%i clients editing concurrently converge with every edit', async (n) => {
    const s = await server();
    const clients = Array.from({ length: n }, () => client(s, 'converge'));
    await Promise.all(clients.map((c) => c.synced));
    const perClient = 30;
    await Promise.all(
      clients.map(async (c, i) => {
        for (let k = 0; k < perClient; k++) {
          c.doc.getMap('m').set(`c${i}-${k}`, k);
          c.doc.getArray('a').push([`${i}:${k}`]);
          if (k % 5 === 0) await new Promise((r) => setTimeout(r, 1));
        }
      }),
    );
    await converge(clients, n * perClient);
    expect(clients[0]!.doc.getArray('a').length).toBe(n * perClient);
  });

  it('gives a late joiner the full state', async () => {
    const s = await server();
    const a = client(s, 'late');
    await a.synced;
    a.doc.getText('t').insert(0, 'Feuille de route');
    for (let i = 0; i < 100; i++) a.doc.getMap('m').set(`k${i}`, i);
    await waitFor(() => s.registry.size === 1, 'board loaded');
    const late = client(s, 'late');
    await late.synced;
    await waitFor(() => late.doc.getMap('m').size === 100, 'late joiner has everything');
    expect(snapshot(late.doc)).toEqual(snapshot(a.doc));
  });

  it('relays awareness and removes it for everyone when a client leaves', async () => {
    const s = await server();
    const a = client(s, 'presence');
    const b = client(s, 'presence');
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { id: 'ada', name: 'Ada', color: '#00bb66' });
    const aId = a.doc.clientID;
    await waitFor(
      () =>
        (b.provider.awareness.getStates().get(aId) as { user?: { id: string } } | undefined)?.user
          ?.id === 'ada',
      'B sees A',
    );
    a.provider.disconnect();
    await waitFor(
      () => !b.provider.awareness.getStates().has(aId),
      'A’s presence removed for B',
      5000,
    );
  });

  it('answers a query-awareness with the current states', async () => {
    const s = await server();
    const a = client(s, 'query');
    await a.synced;
    a.provider.awareness.setLocalStateField('user', {
      id: 'query',
      name: 'Query',
      color: '#1f4e79',
    });
    const b = client(s, 'query');
    await b.synced;
    // The provider sends query-awareness on open; the answer holds A's state.
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 'B learns A');
  });

  it('brings every board back intact after a restart', async () => {
    const first = await startTestServer({}, { keepDataDir: true });
    cleanups.push(() => first.dispose());
    const boards = ['alpha', 'beta', 'gamma'];
    const expected = new Map<string, unknown>();
    for (const board of boards) {
      const c = first.connect(board);
      await c.synced;
      for (let i = 0; i < 20; i++) c.doc.getMap('m').set(`${board}${i}`, i);
      c.doc.getText('t').insert(0, board);
      await waitFor(
        async () => (await first.storage.info(board))?.logLength !== undefined,
        'stored',
      );
      await waitFor(() => c.provider.synced, 'synced');
      expected.set(board, snapshot(c.doc));
      c.destroy();
    }
    await first.close();

    const second = await server({ dataDir: first.dataDir });
    for (const board of boards) {
      const c = client(second, board);
      await c.synced;
      expect(snapshot(c.doc)).toEqual(expected.get(board));
    }
  });

  it('compacts the log without changing the content', async () => {
    const s = await server({ compactThreshold: 25 });
    const a = client(s, 'compact');
    await a.synced;
    for (let i = 0; i < 200; i++) {
      a.doc.getMap('m').set(`k${i % 40}`, i);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    const b = client(s, 'compact');
    await b.synced;
    await waitFor(() => b.doc.getMap('m').get('k39') === 199, 'all edits through');
    await waitFor(
      async () => ((await s.storage.info('compact'))?.logLength ?? 99) < 25,
      'log short',
    );
    const info = await s.storage.info('compact');
    expect(info?.stateBytes).toBeGreaterThan(0);
    const stored = await (s.storage as SqliteStorage).load('compact');
    const reloaded = new Y.Doc();
    if (stored.state) Y.applyUpdate(reloaded, stored.state);
    for (const u of stored.updates) Y.applyUpdate(reloaded, u);
    expect(snapshot(reloaded)).toEqual(snapshot(a.doc));
  });

  it('unloads an idle board after its writes are stored, and reloads it', async () => {
    const s = await server({ unloadDelayMs: 50 });
    const a = client(s, 'idle');
    await a.synced;
    a.doc.getMap('m').set('kept', 'yes');
    await waitFor(async () => (await s.storage.info('idle')) !== null, 'stored');
    a.destroy();
    await waitFor(() => s.registry.size === 0, 'board unloaded');
    expect((await s.storage.info('idle'))?.logLength).toBe(0);
    const b = client(s, 'idle');
    await b.synced;
    expect(b.doc.getMap('m').get('kept')).toBe('yes');
    expect(s.registry.loads).toBe(2);
  });

  it('never races load and unload of one board', async () => {
    const s = await server({ unloadDelayMs: 0 });
    for (let round = 0; round < 15; round++) {
      const received = new Y.Doc();
      const c = s.connect('churn', { received });
      await c.synced;
      expect(c.doc.getMap('m').size).toBe(round);
      c.doc.getMap('m').set(`r${round}`, round);
      // The echo means stored: only then may this client leave.
      await waitFor(() => received.getMap('m').get(`r${round}`) === round, 'edit echoed');
      c.destroy();
      if (round % 3 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const last = client(s, 'churn');
    await last.synced;
    expect(last.doc.getMap('m').size).toBe(15);
  });

  it('loads a slow board once for many simultaneous clients and drops no message', async () => {
    const dataDir = (await import('./testServer.ts')).tempDir();
    const real = new SqliteStorage({ file: `${dataDir}/boards.sqlite` });
    let loads = 0;
    const slow = Object.assign(Object.create(real) as SqliteStorage, {
      async load(id: string) {
        loads++;
        await new Promise((r) => setTimeout(r, 400));
        return real.load(id);
      },
    });
    const s = await startTestServer({ dataDir }, { storage: slow });
    cleanups.push(() => s.dispose());
    const clients = Array.from({ length: 25 }, () => client(s, 'slow'));
    // Edits made before the board is loaded travel in the clients' first messages and queue.
    await waitFor(() => clients.every((c) => c.provider.wsconnected), 'all connected');
    for (const [i, c] of clients.entries()) c.doc.getMap('m').set(`early${i}`, i);
    await Promise.all(clients.map((c) => c.synced));
    await converge(clients, 25);
    expect(loads).toBe(1);
  });

  it('does not acknowledge an update before it is stored', async () => {
    const dataDir = (await import('./testServer.ts')).tempDir();
    const real = new SqliteStorage({ file: `${dataDir}/boards.sqlite` });
    let failing = false;
    const flaky = Object.assign(Object.create(real) as SqliteStorage, {
      async append(id: string, updates: readonly Uint8Array[]) {
        if (failing) throw new Error('disk full (injected)');
        return real.append(id, updates);
      },
    });
    const s = await startTestServer({ dataDir }, { storage: flaky });
    cleanups.push(() => s.dispose());
    const a = client(s, 'wal');
    const b = client(s, 'wal');
    await Promise.all([a.synced, b.synced]);
    failing = true;
    a.doc.getMap('m').set('unstored', 1);
    // The server handled the update: it tried to store it, and tried again.
    await waitFor(
      () => s.logs.filter((l) => l.msg.startsWith('storing updates failed')).length >= 2,
      'storing failed twice',
    );
    expect(b.doc.getMap('m').has('unstored')).toBe(false);
    failing = false;
    await waitFor(() => b.doc.getMap('m').get('unstored') === 1, 'delivered once stored', 8000);
    expect((await real.load('wal')).updates.length).toBeGreaterThan(0);
  });

  it('closes a connection that stops answering pings and removes its presence', async () => {
    const s = await server({ pingIntervalMs: 100 });
    const a = client(s, 'ping');
    const b = client(s, 'ping');
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', {
      id: 'silent',
      name: 'Silent',
      color: '#1f4e79',
    });
    const aId = a.doc.clientID;
    await waitFor(() => b.provider.awareness.getStates().has(aId), 'B sees A');
    // Freeze A's socket: it no longer reads pings, as if its network vanished.
    const raw = a.provider.ws as unknown as { _socket: { pause(): void } };
    a.provider.shouldConnect = false;
    raw._socket.pause();
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'A removed', 3000);
    expect(s.logs.some((l) => l.msg === 'connection timed out')).toBe(true);
  });
});
