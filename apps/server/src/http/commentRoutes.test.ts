import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

type Json = Record<string, unknown>;
interface View {
  id: string;
  parentId: string | null;
  body: string | null;
  mentions: { id: string; name: string }[];
  deleted: boolean;
  hidden: boolean;
  author: { id: string; name: string };
}

async function setup(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const s: TestServer = await startTestServer(overrides);
  cleanups.push(() => s.dispose());
  const api = async (
    path: string,
    init: { method?: string; body?: unknown; rawBody?: string; cookie?: string | null } = {},
  ) => {
    const hasBody = init.body !== undefined || init.rawBody !== undefined;
    const res = await fetch(`${s.url}/api${path}`, {
      method: init.method ?? (hasBody ? 'POST' : 'GET'),
      headers: {
        'content-type': 'application/json',
        ...(init.cookie === null ? {} : { cookie: init.cookie ?? s.cookie }),
      },
      ...(hasBody ? { body: init.rawBody ?? JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const boardOf = async () => {
    const created = await api('/boards', {
      body: { title: { fr: 'Feuille', en: 'Roadmap' }, template: 'joint-councils-2016' },
    });
    const boardId = (created.json.board as { id: string }).id;
    const listed = await api(`/boards/${boardId}/checkins`);
    const cardIds = (listed.json.cards as { id: string }[]).map((c) => c.id);
    return { boardId, cardIds };
  };
  const { boardId, cardIds } = await boardOf();
  const post = (cookie: string, body: Json, board = boardId) =>
    api(`/boards/${board}/comments`, { body, cookie });
  const thread = async (targetId: string, cookie?: string) =>
    (
      await api(
        `/boards/${boardId}/comments?targetKind=card&targetId=${encodeURIComponent(targetId)}`,
        cookie ? { cookie } : {},
      )
    ).json.comments as View[];
  const unread = async (cookie: string) =>
    (await api('/notifications', { cookie })).json as {
      unread: number;
      items: {
        kind: string;
        commentId: string | null;
        excerpt: string | null;
        role: string | null;
      }[];
    };
  return { s, api, boardOf, boardId, cardIds, post, thread, unread };
}

describe('comments over REST', () => {
  it('threads, replies, counts, edits and deletes, with the right views', async () => {
    const { s, api, boardId, cardIds, post, thread } = await setup();
    const council = await s.session(boardId, 'council');
    const card = cardIds[0]!;
    const first = await post(council.cookie, {
      targetKind: 'card',
      targetId: card,
      body: '  Hello  ',
    });
    expect(first.status).toBe(201);
    const root = first.json.comment as View;
    expect(root).toMatchObject({ body: 'Hello', parentId: null, deleted: false, hidden: false });
    const reply = await post(s.cookie, {
      targetKind: 'card',
      targetId: card,
      parentId: root.id,
      body: 'Line one\n\tLine two',
    });
    expect(reply.status).toBe(201);
    // A reply to a reply, or to another card's thread, is refused.
    const replyId = (reply.json.comment as View).id;
    expect(
      (await post(s.cookie, { targetKind: 'card', targetId: card, parentId: replyId, body: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (
        await post(s.cookie, {
          targetKind: 'card',
          targetId: cardIds[1]!,
          parentId: root.id,
          body: 'x',
        })
      ).json.code,
    ).toBe('invalid-parent');
    expect((await thread(card)).map((c) => c.parentId)).toEqual([null, root.id]);

    const edited = await api(`/boards/${boardId}/comments/${root.id}`, {
      method: 'PATCH',
      body: { body: 'Hello again' },
      cookie: council.cookie,
    });
    expect(edited.status).toBe(200);
    expect((edited.json.comment as { editedAt: number | null }).editedAt).toBeTypeOf('number');
    const counts = await api(`/boards/${boardId}/comment-counts`);
    expect(counts.json.counts).toEqual({ [`card:${card}`]: 2 });

    const removed = await api(`/boards/${boardId}/comments/${root.id}`, {
      method: 'DELETE',
      cookie: council.cookie,
    });
    expect(removed.json.comment).toMatchObject({ deleted: true, body: null, mentions: [] });
    // The deleted root keeps its place; its reply still hangs from it.
    expect((await thread(card)).map((c) => [c.deleted, c.body])).toEqual([
      [true, null],
      [false, 'Line one\n\tLine two'],
    ]);
    expect((await api(`/boards/${boardId}/comment-counts`)).json.counts).toEqual({
      [`card:${card}`]: 1,
    });

    // Since a time: with the target's label, for the meeting pages.
    const since = await api(`/boards/${boardId}/comments?since=0`);
    const listed = since.json.comments as (View & { targetLabel?: { en: string } })[];
    expect(listed).toHaveLength(2);
    expect(listed[0]!.targetLabel?.en).toBeTruthy();
    expect(
      ((await api(`/boards/${boardId}/comments?since=${Date.now() + 60_000}`)).json.comments as [])
        .length,
    ).toBe(0);
  });

  it('a retried post with the same id answers 200 with the same comment, once', async () => {
    const { s, boardId, cardIds, post, thread, unread } = await setup();
    const team = await s.session(boardId, 'task-team', [cardIds[0]!]);
    const id = globalThis.crypto.randomUUID();
    const body = { id, targetKind: 'card', targetId: cardIds[0]!, body: 'Once' };
    const [a, b] = await Promise.all([post(s.cookie, body), post(s.cookie, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((a.json.comment as View).id).toBe(id);
    expect((b.json.comment as View).id).toBe(id);
    expect(await thread(cardIds[0]!)).toHaveLength(1);
    expect((await unread(team.cookie)).unread).toBe(1);
    // The same id from someone else, or for another card, is not a retry.
    const other = await s.session(boardId, 'council');
    expect((await post(other.cookie, body)).status).toBe(409);
    expect((await post(s.cookie, { ...body, targetId: cardIds[1]! })).status).toBe(409);
  });

  it('roles: observers read only; only authors edit and delete; only the secretariat hides', async () => {
    const { s, api, boardId, cardIds, post, thread } = await setup();
    const card = cardIds[0]!;
    const observer = await s.session(boardId, 'observer');
    const council = await s.session(boardId, 'council');
    const team = await s.session(boardId, 'task-team', [cardIds[3]!]);
    const secretariat = await s.session(boardId, 'secretariat');
    const stranger = await s.session('another-board', 'council');
    const body = { targetKind: 'card', targetId: card, body: 'Mine' };

    expect((await post(observer.cookie, body)).status).toBe(403);
    expect((await api(`/boards/${boardId}/comments`, { body, cookie: null })).status).toBe(401);
    expect((await post(stranger.cookie, body)).status).toBe(403);
    // A task-team member may write on any card: a thread is a conversation, not an edit.
    expect((await post(team.cookie, body)).status).toBe(201);
    const mine = (await post(council.cookie, body)).json.comment as View;

    expect(await thread(card, observer.cookie)).toHaveLength(2);
    expect(
      (
        await api(`/boards/${boardId}/comments?targetKind=card&targetId=${card}`, {
          cookie: stranger.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await api(`/boards/${boardId}/people`, { cookie: stranger.cookie })).status).toBe(404);

    const path = `/boards/${boardId}/comments/${mine.id}`;
    for (const cookie of [team.cookie, secretariat.cookie, s.cookie]) {
      expect((await api(path, { method: 'PATCH', body: { body: 'Theirs' }, cookie })).status).toBe(
        403,
      );
      expect((await api(path, { method: 'DELETE', cookie })).status).toBe(403);
    }
    expect((await api(path, { method: 'DELETE', cookie: observer.cookie })).status).toBe(403);
    expect((await thread(card)).find((c) => c.id === mine.id)!.body).toBe('Mine');

    for (const cookie of [council.cookie, team.cookie, observer.cookie, stranger.cookie]) {
      expect([403, 404]).toContain((await api(`${path}/hide`, { body: {}, cookie })).status);
    }
    const hidden = await api(`${path}/hide`, { body: {}, cookie: secretariat.cookie });
    expect(hidden.status).toBe(200);
    expect(hidden.json.comment).toMatchObject({ hidden: true, body: null });
    // The author can no longer change it; the audit log keeps what it said.
    expect(
      (await api(path, { method: 'PATCH', body: { body: 'Again' }, cookie: council.cookie }))
        .status,
    ).toBe(409);
    const audit = await s.auth.store.auditLog({ boardId });
    const line = audit.find((e) => e.action === 'comment-hidden');
    expect(line).toMatchObject({ target: mine.id, details: { body: 'Mine' } });
    expect((await api(`/boards/${boardId}/comment-counts`)).json.counts).toEqual({
      [`card:${card}`]: 1,
    });
    // An instance administrator hides too.
    const other = (await post(team.cookie, body)).json.comment as View;
    expect((await api(`/boards/${boardId}/comments/${other.id}/hide`, { body: {} })).status).toBe(
      200,
    );

    const people = await api(`/boards/${boardId}/people`, { cookie: observer.cookie });
    const list = people.json.people as Json[];
    expect(list).toHaveLength(4);
    expect(list.every((p) => Object.keys(p).sort().join() === 'id,name,role')).toBe(true);
  });

  it('refuses bad bodies and targets clearly, in both languages', async () => {
    const { s, api, boardId, cardIds, post, boardOf } = await setup({ commentMaxChars: 100 });
    const card = cardIds[0]!;
    const send = (body: unknown, extra: Json = {}) =>
      post(s.cookie, { targetKind: 'card', targetId: card, body, ...extra });
    for (const [body, code] of [
      ['   \n ', 'empty'],
      ['x'.repeat(101), 'too-long'],
      ['bell\u0007', 'control'],
      ['escape \u001b[31m', 'control'],
      ['nul \u0000', 'control'],
    ] as const) {
      const res = await send(body);
      expect(res.status).toBe(400);
      expect(res.json.code).toBe(code);
      expect(res.json.errorFr).toBeTruthy();
    }
    expect((await send('x'.repeat(100))).status).toBe(201);
    expect(s.logs.some((l) => l.msg === 'comment refused' && l.code === 'control')).toBe(true);
    // Far over: refused before parsing.
    expect((await send('x'.repeat(10_000))).status).toBe(413);
    expect((await send(42)).status).toBe(400);
    expect((await api(`/boards/${boardId}/comments`, { rawBody: '{"body":' })).status).toBe(400);
    expect((await send('ok', { id: 'not-a-uuid' })).status).toBe(400);
    expect((await send('ok', { targetKind: 'domain' })).status).toBe(400);
    expect((await send('ok', { targetId: 'no-such-card' })).json.code).toBe('unknown-target');
    // A card of another board is not a target here.
    const other = await boardOf();
    const foreign = await send('ok', {
      targetId: other.cardIds.find((c) => !cardIds.includes(c)) ?? 'x',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.code).toBe('unknown-target');
    expect(
      (
        await api('/boards/no-such-board/comments', {
          body: { targetKind: 'card', targetId: card, body: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('ten thousand mentions are refused before any lookup', async () => {
    const { s, boardId, cardIds, post } = await setup({ commentMaxChars: 1_000_000 });
    const member = await s.session(boardId, 'council');
    const body = Array.from({ length: 10_000 }, () => `@[X](${member.user.id})`).join(' ');
    const distinct = Array.from({ length: 10_000 }, (_, i) => `@[X](id-${i})`).join(' ');
    const started = performance.now();
    const res = await post(s.cookie, { targetKind: 'card', targetId: cardIds[0]!, body: distinct });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('too-many-mentions');
    expect(performance.now() - started).toBeLessThan(1000);
    // The same person ten thousand times is one mention.
    expect((await post(s.cookie, { targetKind: 'card', targetId: cardIds[0]!, body })).status).toBe(
      201,
    );
  });
});

describe('notifications', () => {
  it('mention, reply and team comment: once per person and event, never to the author', async () => {
    const { s, api, boardId, cardIds, post, unread } = await setup();
    const card = cardIds[0]!;
    const author = await s.session(boardId, 'council');
    const mentioned = await s.session(boardId, 'observer');
    const team = await s.session(boardId, 'task-team', [card]);
    const otherTeam = await s.session(boardId, 'task-team', [cardIds[1]!]);
    const stranger = await s.session('another-board', 'council');
    const body = `Hi @[Obs](${mentioned.user.id}) and @[Team](${team.user.id}), @[Me](${author.user.id}) @[Who](${stranger.user.id})`;
    const first = await post(author.cookie, { targetKind: 'card', targetId: card, body });
    expect(first.status).toBe(201);
    const root = first.json.comment as View;
    // Only members are mentions.
    expect(root.mentions.map((m) => m.id).sort()).toEqual(
      [mentioned.user.id, team.user.id, author.user.id].sort(),
    );
    expect((await unread(author.cookie)).unread).toBe(0);
    expect((await unread(stranger.cookie)).unread).toBe(0);
    expect((await unread(otherTeam.cookie)).unread).toBe(0);
    const seen = await unread(mentioned.cookie);
    expect(seen.unread).toBe(1);
    expect(seen.items[0]).toMatchObject({ kind: 'mention', commentId: root.id });
    expect(seen.items[0]!.excerpt).toBe('Hi @Obs and @Team, @Me @Who');
    // Mentioned and in the card's team: the mention only.
    const teamSeen = await unread(team.cookie);
    expect(teamSeen.items.map((i) => i.kind)).toEqual(['mention']);

    // A reply: the thread's earlier authors (not the replier), the team once more.
    const reply = await post(team.cookie, {
      targetKind: 'card',
      targetId: card,
      parentId: root.id,
      body: 'Noted',
    });
    expect(reply.status).toBe(201);
    const authorSeen = await unread(author.cookie);
    expect(authorSeen.items.map((i) => i.kind)).toEqual(['reply']);
    expect((await unread(team.cookie)).unread).toBe(1);
    // An edit that adds nobody notifies nobody again.
    await api(`/boards/${boardId}/comments/${root.id}`, {
      method: 'PATCH',
      body: { body },
      cookie: author.cookie,
    });
    expect((await unread(mentioned.cookie)).unread).toBe(1);

    // Mail is not configured here: nothing waits in the outbox.
    const [outbox] = await s.auth.store.executor.all(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM mail_outbox',
    );
    expect(Number(outbox?.n)).toBe(0);

    // Read one, then all.
    const items = (await api('/notifications', { cookie: author.cookie })).json.items as {
      id: string;
      boardTitle: { en: string };
      actor: { id: string };
    }[];
    expect(items[0]!.boardTitle.en).toBe('Roadmap');
    expect(items[0]!.actor.id).toBe(team.user.id);
    expect(
      (await api(`/notifications/${items[0]!.id}/read`, { body: {}, cookie: mentioned.cookie }))
        .status,
    ).toBe(404);
    const read = await api(`/notifications/${items[0]!.id}/read`, {
      body: {},
      cookie: author.cookie,
    });
    expect(read.json).toEqual({ unread: 0 });
    expect((await api('/notifications/read-all', { body: {}, cookie: team.cookie })).json).toEqual({
      unread: 0,
    });
    expect((await unread(team.cookie)).unread).toBe(0);
  });

  it('roles given and check-ins asked are notified', async () => {
    const { s, api, boardId, cardIds, unread } = await setup();
    const person = await s.session('elsewhere', 'observer');
    const put = await api(`/boards/${boardId}/members/${person.user.id}`, {
      method: 'PUT',
      body: { role: 'task-team', cardIds: [cardIds[0]!] },
    });
    expect(put.status).toBe(200);
    const seen = await unread(person.cookie);
    expect(seen.items[0]).toMatchObject({ kind: 'role', role: 'task-team' });

    // An accepted invitation gives a role: the person who accepted is told, once.
    const invited = await api(`/boards/${boardId}/invites`, { body: { role: 'council' } });
    const token = String(invited.json.url).split('#')[1];
    const joiner = await s.session('elsewhere', 'observer');
    const accepted = await api('/invites/accept', { body: { token }, cookie: joiner.cookie });
    expect(accepted.status).toBe(200);
    expect((await unread(joiner.cookie)).items).toMatchObject([{ kind: 'role', role: 'council' }]);

    const council = await s.session(boardId, 'council');
    const ask = (cookie: string, body: unknown) =>
      api(`/boards/${boardId}/checkins/ask`, { body, cookie });
    expect((await ask(council.cookie, { cardIds: [cardIds[0]!] })).status).toBe(403);
    expect((await ask(s.cookie, { cardIds: 'x' })).status).toBe(400);
    const asked = await ask(s.cookie, { cardIds: [cardIds[0]!, cardIds[1]!] });
    expect(asked.json).toEqual({ asked: 1 });
    expect((await unread(person.cookie)).items[0]).toMatchObject({ kind: 'checkin-asked' });
  });
});
