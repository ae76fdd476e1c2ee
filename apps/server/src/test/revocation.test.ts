import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { BoardRole } from '@fdr/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AccountStore, type User } from '../auth/AccountStore.ts';
import { sqliteExecutor } from '../auth/SqlExecutor.ts';
import { CloseCode } from '../sync/CloseCode.ts';
import { connectClient, type TestClient, waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function server(): Promise<TestServer> {
  const s = await startTestServer({ revalidateIntervalMs: 200 });
  cleanups.push(() => s.dispose());
  return s;
}

async function api(
  s: TestServer,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string } = {},
) {
  const res = await fetch(`${s.url}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      cookie: init.cookie ?? s.cookie,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, res };
}

/** A board made by the administrator, and a person with an account and `role` on it, signed in. */
async function boardWithMember(
  s: TestServer,
  role: BoardRole,
): Promise<{ board: string; user: User; cookie: string; email: string }> {
  const created = await api(s, '/boards', {
    body: { title: { fr: 'Essai', en: 'Trial' }, template: 'blank' },
  });
  expect(created.status).toBe(201);
  const board = (created.json.board as { id: string }).id;
  const email = `member-${board}@gc.ca`;
  const user = await s.auth.createUser(
    { email, name: 'Member', password: 'correct horse battery', isAdmin: false },
    null,
  );
  const granted = await api(s, `/boards/${board}/members/${user.id}`, {
    method: 'PUT',
    body: { role },
  });
  expect(granted.status).toBe(200);
  const signedIn = await api(s, '/auth/signin', {
    body: { email, password: 'correct horse battery' },
    cookie: '',
  });
  expect(signedIn.status).toBe(200);
  const cookie = (signedIn.res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { board, user, cookie, email };
}

function connect(s: TestServer, board: string, cookie?: string): TestClient {
  const c = cookie
    ? connectClient(s.syncUrl, board, { headers: { cookie } })
    : s.connect(board, {});
  cleanups.push(() => c.destroy());
  return c;
}

/** The close code the server sends on the client's current socket (fails after 10 s without). */
function nextClose(c: TestClient): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server never closed the socket')), 10_000);
    c.provider.once('connection-close', (event) => {
      clearTimeout(timer);
      resolve(event?.code ?? -1);
    });
  });
}

/** Everything the server stored for a board, read back from the SQLite file. */
async function stored(s: TestServer, board: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const loaded = await s.storage.load(board);
  if (loaded.state) Y.applyUpdate(doc, loaded.state);
  for (const u of loaded.updates) Y.applyUpdate(doc, u);
  return doc;
}

/**
 * `member` writes `key`, then changes its presence: the server handles one socket's messages in
 * order, so once the editor sees that presence the write has been handled too.
 */
async function writeThenMark(member: TestClient, editor: TestClient, key: string): Promise<void> {
  member.doc.getMap('m').set(key, 'written by the member');
  // A presence of the app's shape (the server drops any other), its id after the write (the
  // name is the account's, stamped by the server).
  member.provider.awareness.setLocalStateField('user', { id: key, name: key, color: '#336699' });
  await waitFor(
    () => editor.provider.awareness.getStates().get(member.doc.clientID)?.user?.id === key,
    `the server handled ${key}`,
  );
}

describe('a role change reaches the live sockets', () => {
  it('a council member demoted to observer over the API is disconnected and their later writes are dropped', async () => {
    const s = await server();
    const { board, user, cookie } = await boardWithMember(s, 'council');
    const editor = connect(s, board);
    const member = connect(s, board, cookie);
    await Promise.all([editor.synced, member.synced]);
    member.doc.getMap('m').set('as-council', 1);
    await waitFor(() => editor.doc.getMap('m').get('as-council') === 1, 'a council member writes');

    const closed = nextClose(member);
    const demoted = await api(s, `/boards/${board}/members/${user.id}`, {
      method: 'PUT',
      body: { role: 'observer' },
    });
    expect(demoted.status).toBe(200);
    expect(await closed).toBe(CloseCode.roleChanged);

    // The app reconnects with its new role, as it does after this close code.
    const resynced = new Promise<void>((resolve) =>
      member.provider.once('sync', (ok: boolean) => ok && resolve()),
    );
    member.provider.connect();
    await resynced;
    await writeThenMark(member, editor, 'as-observer');
    editor.doc.getMap('m').set('later', 1);
    await waitFor(() => member.doc.getMap('m').get('later') === 1, 'the observer still reads');
    expect(editor.doc.getMap('m').has('as-observer')).toBe(false);
    const doc = await stored(s, board);
    expect(doc.getMap('m').get('later')).toBe(1);
    expect(doc.getMap('m').has('as-observer')).toBe(false);
  });

  it('a role changed elsewhere (another instance, straight in the database) closes the socket at the next revalidation', async () => {
    const s = await server();
    const { board, user, cookie } = await boardWithMember(s, 'council');
    const member = connect(s, board, cookie);
    await member.synced;
    const closed = nextClose(member);
    // A second connection to the same database, as another instance of the server would have:
    // this process gets no notice of the change.
    const db = new DatabaseSync(join(s.dataDir, 'boards.sqlite'));
    const elsewhere = await AccountStore.open(sqliteExecutor(db));
    await elsewhere.setMembership({
      boardId: board,
      userId: user.id,
      role: 'observer',
      cardIds: [],
    });
    await elsewhere.close();
    expect(await closed).toBe(CloseCode.roleChanged);
  });
});

describe('an ended session reaches the live sockets', () => {
  it('signing out closes the session’s socket (4401) and the session cannot reconnect', async () => {
    const s = await server();
    const { board, cookie } = await boardWithMember(s, 'council');
    const member = connect(s, board, cookie);
    await member.synced;
    const closed = nextClose(member);
    expect((await api(s, '/auth/signout', { body: {}, cookie })).status).toBe(200);
    expect(await closed).toBe(CloseCode.sessionEnded);
    await expect(openRawSocket(`${s.syncUrl}/${board}`, { cookie })).rejects.toThrow('HTTP 401');
  });

  it('a password reset closes the sockets of every old session', async () => {
    const s = await server();
    const { board, user, cookie, email } = await boardWithMember(s, 'council');
    const second = await api(s, '/auth/signin', {
      body: { email, password: 'correct horse battery' },
      cookie: '',
    });
    const secondCookie = (second.res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const phone = connect(s, board, cookie);
    const laptop = connect(s, board, secondCookie);
    await Promise.all([phone.synced, laptop.synced]);
    const closed = Promise.all([nextClose(phone), nextClose(laptop)]);
    const link = await api(s, `/admin/users/${user.id}/reset`, { body: {} });
    const token = String(link.json.url).split('#')[1];
    const reset = await api(s, '/auth/reset', {
      body: { token, password: 'a brand new password' },
      cookie: '',
    });
    expect(reset.status).toBe(200);
    expect(await closed).toEqual([CloseCode.sessionEnded, CloseCode.sessionEnded]);
    for (const old of [cookie, secondCookie]) {
      await expect(openRawSocket(`${s.syncUrl}/${board}`, { cookie: old })).rejects.toThrow(
        'HTTP 401',
      );
    }
  });
});
