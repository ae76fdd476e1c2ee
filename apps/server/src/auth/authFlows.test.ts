import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor } from '../test/clients.ts';
import { openRawSocket } from '../test/rawSocket.ts';
import { startTestServer, type TestServer } from '../test/testServer.ts';

const servers: TestServer[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
  for (const s of servers.splice(0)) await s.dispose();
});

async function server(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer({
    lockoutThreshold: 3,
    lockoutBaseMs: 60_000,
    revalidateIntervalMs: 200,
    ...overrides,
  });
  servers.push(s);
  return s;
}

async function api(
  s: TestServer,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; origin?: string } = {},
) {
  const res = await fetch(`${s.url}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  return { status: res.status, json, text, headers: res.headers };
}

function cookieOf(headers: Headers): string {
  const raw = headers.get('set-cookie') ?? '';
  return raw.split(';')[0] ?? '';
}

async function createBoard(s: TestServer): Promise<string> {
  const res = await api(s, '/boards', {
    body: { title: { fr: 'Essai', en: 'Trial' }, template: 'joint-councils-2016' },
    cookie: s.cookie,
  });
  expect(res.status).toBe(201);
  return (res.json.board as { id: string }).id;
}

describe('first start', () => {
  it('prints a one-time setup link that creates the administrator, once', async () => {
    const s = await server();
    const line = s.logs.find((l) => l.msg.startsWith('no administrator yet'));
    expect(line?.url).toMatch(/\/setup#[\w-]{40,}$/);
    const token = String(line?.url).split('#')[1];
    // The test harness already made an administrator directly, so: void and re-issue.
    await s.auth.store.setAdmin((await s.auth.store.listUsers())[0]!.id, false);
    const fresh = await s.auth.setupToken();
    expect(
      await api(s, '/auth/setup', {
        body: { token, email: 'old@x.ca', name: 'Old', password: 'a-long-password' },
      }),
    ).toMatchObject({ status: 410 });
    const ok = await api(s, '/auth/setup', {
      body: {
        token: fresh,
        email: 'admin@gc.ca',
        name: 'Admin',
        password: 'correct horse battery',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Lax/);
    const again = await api(s, '/auth/setup', {
      body: { token: fresh, email: 'x@gc.ca', name: 'X', password: 'correct horse battery' },
    });
    expect(again.status).toBe(410);
    const me = await api(s, '/auth/me', { cookie: cookieOf(ok.headers) });
    expect(me.json.user).toMatchObject({ email: 'admin@gc.ca', isAdmin: true });
  });
});

describe('sign-in', () => {
  it('signs in and out; the token never reaches the log', async () => {
    const s = await server();
    await s.auth.createUser(
      { email: 'ada@gc.ca', name: 'Ada', password: 'correct horse battery', isAdmin: false },
      null,
    );
    const res = await api(s, '/auth/signin', {
      body: { email: 'ADA@gc.ca', password: 'correct horse battery' },
    });
    expect(res.status).toBe(200);
    const cookie = cookieOf(res.headers);
    const token = cookie.split('=')[1]!;
    expect((await api(s, '/auth/me', { cookie })).status).toBe(200);
    expect((await api(s, '/auth/signout', { body: {}, cookie })).status).toBe(200);
    expect((await api(s, '/auth/me', { cookie })).status).toBe(401);
    expect(JSON.stringify(s.logs)).not.toContain(token);
  });

  it('makes cookies Secure behind https', async () => {
    const s = await server({ publicUrl: 'https://roadmap.example.gc.ca' });
    await s.auth.createUser(
      { email: 'sec@gc.ca', name: 'S', password: 'correct horse battery', isAdmin: false },
      null,
    );
    const res = await api(s, '/auth/signin', {
      body: { email: 'sec@gc.ca', password: 'correct horse battery' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('locks out brute force, per email, with Retry-After', async () => {
    const s = await server();
    await s.auth.createUser(
      { email: 'target@gc.ca', name: 'T', password: 'correct horse battery', isAdmin: false },
      null,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await api(s, '/auth/signin', {
            body: { email: 'target@gc.ca', password: `guess-${i}-xxxxxx` },
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even the right password is refused while locked.
    const locked = await api(s, '/auth/signin', {
      body: { email: 'target@gc.ca', password: 'correct horse battery' },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.json.errorFr).toMatch(/Trop de tentatives/);
  });

  it('refuses a state-changing call from another site', async () => {
    const s = await server();
    const res = await api(s, '/boards', {
      body: { title: { fr: 'x', en: 'x' }, template: 'blank' },
      cookie: s.cookie,
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
  });
});

describe('websocket enforcement', () => {
  it('refuses a missing or unknown session with 401 and no role with 403', async () => {
    const s = await server();
    const board = await createBoard(s);
    await expect(openRawSocket(`${s.syncUrl}/${board}`)).rejects.toThrow('HTTP 401');
    await expect(
      openRawSocket(`${s.syncUrl}/${board}`, { cookie: 'fdr_session=forged' }),
    ).rejects.toThrow('HTTP 401');
    const stranger = await s.session('another-board', 'council');
    await expect(
      openRawSocket(`${s.syncUrl}/${board}`, { cookie: stranger.cookie }),
    ).rejects.toThrow('HTTP 403');
  });

  it('an observer’s updates are neither applied, stored nor broadcast; its presence still shows', async () => {
    const s = await server();
    const board = await createBoard(s);
    const editor = s.connect(board);
    const observer = await s.session(board, 'observer');
    const o = connectClient(s.syncUrl, board, { headers: { cookie: observer.cookie } });
    cleanups.push(
      () => editor.destroy(),
      () => o.destroy(),
    );
    await Promise.all([editor.synced, o.synced]);
    o.provider.awareness.setLocalStateField('user', {
      id: 'observer',
      name: 'Observer',
      color: '#1f4e79',
    });
    o.doc.getMap('intrusion').set('x', 'written by an observer');
    await waitFor(
      () => editor.provider.awareness.getStates().has(o.doc.clientID),
      'presence crosses',
    );
    editor.doc.getMap('m').set('after', 1);
    await waitFor(() => o.doc.getMap('m').get('after') === 1, 'the observer still receives');
    expect(editor.doc.getMap('intrusion').size).toBe(0);
    const stored = new Y.Doc();
    const loaded = await s.storage.load(board);
    if (loaded.state) Y.applyUpdate(stored, loaded.state);
    for (const u of loaded.updates) Y.applyUpdate(stored, u);
    expect(stored.getMap('intrusion').size).toBe(0);
  });

  it('disconnects a member within seconds when their role is removed', async () => {
    const s = await server();
    const board = await createBoard(s);
    const member = await s.session(board, 'council');
    const c = connectClient(s.syncUrl, board, { headers: { cookie: member.cookie } });
    cleanups.push(() => c.destroy());
    await c.synced;
    const closed = new Promise<number>((resolve) =>
      c.provider.ws?.addEventListener('close', (e) => resolve((e as CloseEvent).code)),
    );
    const res = await api(s, `/boards/${board}/members/${member.user.id}`, {
      method: 'DELETE',
      cookie: s.cookie,
    });
    expect(res.status).toBe(200);
    expect(await closed).toBe(4403);
    // And it cannot come back.
    await expect(openRawSocket(`${s.syncUrl}/${board}`, { cookie: member.cookie })).rejects.toThrow(
      'HTTP 403',
    );
  });
});

describe('invitations', () => {
  it('an invite link is single-use: it creates the account and the role', async () => {
    const s = await server();
    const board = await createBoard(s);
    const invite = await api(s, `/boards/${board}/invites`, {
      body: { role: 'council' },
      cookie: s.cookie,
    });
    expect(invite.status).toBe(201);
    const token = String(invite.json.url).split('#')[1];
    const info = await api(s, '/invites/info', { body: { token } });
    expect(info.json).toMatchObject({ boardId: board, role: 'council', usable: true });
    const accepted = await api(s, '/invites/accept', {
      body: { token, email: 'new@gc.ca', name: 'Nouvelle', password: 'correct horse battery' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.membership).toMatchObject({ role: 'council', boardId: board });
    const reused = await api(s, '/invites/accept', {
      body: { token, email: 'other@gc.ca', name: 'Other', password: 'correct horse battery' },
    });
    expect(reused.status).toBe(410);
    expect(reused.json.errorFr).toMatch(/invitation/);
  });

  it('the invitation list says who accepted and when; a pending one names nobody', async () => {
    const s = await server();
    const board = await createBoard(s);
    const first = await api(s, `/boards/${board}/invites`, {
      body: { role: 'council' },
      cookie: s.cookie,
    });
    await api(s, `/boards/${board}/invites`, { body: { role: 'observer' }, cookie: s.cookie });
    const token = String(first.json.url).split('#')[1];
    const before = Date.now();
    await api(s, '/invites/accept', {
      body: { token, email: 'aicha@gc.ca', name: 'Aïcha', password: 'correct horse battery' },
    });
    const list = await api(s, `/boards/${board}/invites`, { cookie: s.cookie });
    const invites = list.json.invites as {
      role: string;
      status: string;
      acceptedAt: number | null;
      acceptedBy: { name: string; email: string } | null;
    }[];
    const council = invites.find((i) => i.role === 'council');
    const observer = invites.find((i) => i.role === 'observer');
    expect(council).toMatchObject({
      status: 'used',
      acceptedBy: { name: 'Aïcha', email: 'aicha@gc.ca' },
    });
    expect(council?.acceptedAt).toBeGreaterThanOrEqual(before);
    expect(observer).toMatchObject({ status: 'pending', acceptedAt: null, acceptedBy: null });
  });

  it('lists the board’s cards with their domain, and the domains in lane order', async () => {
    const s = await server();
    const board = await createBoard(s);
    const res = await api(s, `/boards/${board}/cards`, { cookie: s.cookie });
    const { cards, domains } = res.json as {
      cards: { id: string; domainId: string }[];
      domains: { id: string; label: { fr: string; en: string } }[];
    };
    expect(domains.length).toBe(10);
    expect(cards.length).toBeGreaterThan(30);
    const known = new Set(domains.map((d) => d.id));
    expect(cards.every((card) => known.has(card.domainId))).toBe(true);
  });

  it('an expired invite is refused', async () => {
    const s = await server({ inviteTtlHours: 1 });
    const board = await createBoard(s);
    const invite = await api(s, `/boards/${board}/invites`, {
      body: { role: 'observer' },
      cookie: s.cookie,
    });
    const token = String(invite.json.url).split('#')[1]!;
    const { hashToken } = await import('./tokens.ts');
    const link = await s.auth.store.link(hashToken(token));
    // Age the link past its expiry, as time would.
    await s.auth.store.voidLinks('invite');
    expect(link?.expiresAt).toBeGreaterThan(Date.now());
    const res = await api(s, '/invites/accept', {
      body: { token, email: 'late@gc.ca', name: 'Late', password: 'correct horse battery' },
    });
    expect(res.status).toBe(410);
  });

  it('only the secretariat invites; an observer may not', async () => {
    const s = await server();
    const board = await createBoard(s);
    const observer = await s.session(board, 'observer');
    const res = await api(s, `/boards/${board}/invites`, {
      body: { role: 'council' },
      cookie: observer.cookie,
    });
    expect(res.status).toBe(403);
    expect((await api(s, `/boards/${board}/members`, { cookie: observer.cookie })).status).toBe(
      403,
    );
  });
});

describe('check-ins over REST', () => {
  it('a task-team member records check-ins for their own card only; others see them live', async () => {
    const s = await server();
    const board = await createBoard(s);
    const council = s.connect(board);
    cleanups.push(() => council.destroy());
    await council.synced;
    const cards = [...council.doc.getMap('cards').keys()];
    const [mine, theirs] = [cards[0]!, cards[1]!];
    const member = await s.session(board, 'task-team', [mine]);
    const ok = await api(s, `/boards/${board}/checkins`, {
      body: { cardId: mine, status: 'on-track', summary: { fr: 'En bonne voie', en: 'On track' } },
      cookie: member.cookie,
    });
    expect(ok.status).toBe(201);
    await waitFor(
      () =>
        [...council.doc.getMap('checkinLog').values()].some(
          (c) => (c as { cardId: string }).cardId === mine,
        ),
      'check-in shows live',
    );
    const refused = await api(s, `/boards/${board}/checkins`, {
      body: { cardId: theirs, status: 'blocked' },
      cookie: member.cookie,
    });
    expect(refused.status).toBe(403);
    const invalid = await api(s, `/boards/${board}/checkins`, {
      body: { cardId: mine, status: 'dancing' },
      cookie: member.cookie,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errorFr).toBeTruthy();
  });
});

describe('audit log', () => {
  it('records who did what, for the secretariat, as JSON and CSV', async () => {
    const s = await server();
    const board = await createBoard(s);
    await api(s, `/boards/${board}/invites`, { body: { role: 'observer' }, cookie: s.cookie });
    const log = await api(s, `/boards/${board}/audit`, { cookie: s.cookie });
    const actions = (log.json.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('invite-created');
    const csv = await api(s, `/boards/${board}/audit?format=csv`, { cookie: s.cookie });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('at,actor,action,target,details');
    expect(csv.text).toContain('invite-created');
  });
});

describe('password reset by an administrator', () => {
  it('issues a one-time link that sets a new password and ends old sessions', async () => {
    const s = await server();
    const user = await s.auth.createUser(
      { email: 'forgot@gc.ca', name: 'F', password: 'old password here', isAdmin: false },
      null,
    );
    const signedIn = await api(s, '/auth/signin', {
      body: { email: 'forgot@gc.ca', password: 'old password here' },
    });
    const oldCookie = cookieOf(signedIn.headers);
    const link = await api(s, `/admin/users/${user.id}/reset`, { body: {}, cookie: s.cookie });
    expect(link.status).toBe(201);
    const token = String(link.json.url).split('#')[1];
    expect(
      (await api(s, '/auth/reset', { body: { token, password: 'brand new password' } })).status,
    ).toBe(200);
    expect(
      (await api(s, '/auth/reset', { body: { token, password: 'another new password' } })).status,
    ).toBe(410);
    expect((await api(s, '/auth/me', { cookie: oldCookie })).status).toBe(401);
    expect(
      (
        await api(s, '/auth/signin', {
          body: { email: 'forgot@gc.ca', password: 'brand new password' },
        })
      ).status,
    ).toBe(200);
  });
});
