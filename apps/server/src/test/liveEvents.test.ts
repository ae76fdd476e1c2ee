import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './clients.ts';
import { type EventStream, openEventStream } from './eventStream.ts';
import { issueSession } from './issueSession.ts';
import { type ServerProcess, spawnServer } from './serverProcess.ts';
import { startTestServer } from './testServer.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const run = randomBytes(4).toString('hex');
const schema = `fdr_live_${run}`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});
afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

async function call(baseUrl: string, cookie: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function newBoard(baseUrl: string, cookie: string) {
  const created = await call(baseUrl, cookie, '/boards', {
    title: { fr: 'Feuille', en: 'Roadmap' },
    template: 'joint-councils-2016',
  });
  const boardId = (created.json.board as { id: string }).id;
  const listed = await call(baseUrl, cookie, `/boards/${boardId}/checkins`);
  return { boardId, cardIds: (listed.json.cards as { id: string }[]).map((c) => c.id) };
}

function stream(s: EventStream): EventStream {
  cleanups.push(() => s.close());
  return s;
}

describe('live events (Server-Sent Events)', () => {
  it('tells readers of the board and the mentioned person, nobody else', async () => {
    const s = await startTestServer({ liveStreamsPerUser: 2, revalidateIntervalMs: 200 });
    cleanups.push(() => s.dispose());
    const { boardId, cardIds } = await newBoard(s.url, s.cookie);
    const author = await s.session(boardId, 'council');
    const reader = await s.session(boardId, 'observer');
    const mentioned = await s.session(boardId, 'task-team', [cardIds[5]!]);
    const stranger = await s.session('another-board', 'council');

    const readerStream = stream(await openEventStream(s.url, reader.cookie));
    const mentionedStream = stream(await openEventStream(s.url, mentioned.cookie));
    const strangerStream = stream(await openEventStream(s.url, stranger.cookie));
    const authorStream = stream(await openEventStream(s.url, author.cookie));
    expect(readerStream.status).toBe(200);
    await waitFor(() => readerStream.comments.includes('open'), 'stream opened');

    const posted = await call(s.url, author.cookie, `/boards/${boardId}/comments`, {
      targetKind: 'card',
      targetId: cardIds[0]!,
      body: `For @[Tess](${mentioned.user.id})`,
    });
    expect(posted.status).toBe(201);
    const change = { boardId, targetKind: 'card', targetId: cardIds[0]! };
    expect(await readerStream.next('comments')).toEqual(change);
    expect(await mentionedStream.next('comments')).toEqual(change);
    expect(await authorStream.next('comments')).toEqual(change);
    expect(await mentionedStream.next('notifications')).toEqual({ unread: 1 });
    // Reading it tells the person's other streams.
    const second = stream(await openEventStream(s.url, mentioned.cookie));
    await waitFor(() => second.comments.includes('open'), 'second stream opened');
    await call(s.url, mentioned.cookie, '/notifications/read-all', {});
    expect(await second.next('notifications')).toEqual({ unread: 0 });
    // At most two streams per person here: a third is refused before it opens.
    const third = await openEventStream(s.url, mentioned.cookie);
    expect(third.status).toBe(429);

    await new Promise((r) => setTimeout(r, 200));
    expect(strangerStream.events).toEqual([]);
    expect(readerStream.events.filter((e) => e.event === 'notifications')).toEqual([]);
    expect(authorStream.events.filter((e) => e.event === 'notifications')).toEqual([]);

    // A session that ends closes its streams (at the next check).
    await s.auth.store.deleteUserSessions(reader.user.id);
    await readerStream.ended;
    const refused = await openEventStream(s.url, reader.cookie);
    expect(refused.status).toBe(401);
  });

  it('reaches streams on another instance through Redis', async () => {
    const processes: ServerProcess[] = [];
    cleanups.push(async () => {
      for (const p of processes) {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
        await p.exited;
      }
    });
    const env = (name: string) => ({
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      REDIS_URL,
      REDIS_PREFIX: `fdr-test-${run}:`,
      INSTANCE_ID: name,
    });
    const a = await spawnServer(env('a'));
    processes.push(a);
    const b = await spawnServer(env('b'));
    processes.push(b);
    const urlOf = (p: ServerProcess) => `http://127.0.0.1:${p.port}`;
    const { boardId, cardIds } = await newBoard(urlOf(a), a.cookie);
    const location = { databaseUrl: DATABASE_URL, schema };
    const member = await issueSession(location, { board: boardId, role: 'council' });
    const mentioned = await issueSession(location, { board: boardId, role: 'observer' });

    const memberOnB = stream(await openEventStream(urlOf(b), member.cookie));
    const mentionedOnB = stream(await openEventStream(urlOf(b), mentioned.cookie));
    await waitFor(
      () => memberOnB.comments.includes('open') && mentionedOnB.comments.includes('open'),
      'streams opened',
    );
    const posted = await call(urlOf(a), a.cookie, `/boards/${boardId}/comments`, {
      targetKind: 'card',
      targetId: cardIds[1]!,
      body: `@[Obs](${mentioned.user.id}) look`,
    });
    expect(posted.status).toBe(201);
    expect(await memberOnB.next('comments')).toEqual({
      boardId,
      targetKind: 'card',
      targetId: cardIds[1]!,
    });
    expect(await mentionedOnB.next('notifications')).toEqual({ unread: 1 });
  });
});
