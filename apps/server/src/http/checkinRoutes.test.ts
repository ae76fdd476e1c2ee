import { archiveCard, type CheckinRecord, type StatusSummary } from '@fdr/model';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../test/clients.ts';
import { startTestServer, type TestServer } from '../test/testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface ListedCard {
  id: string;
  title: { fr: string; en: string };
  latestStatus: StatusSummary | null;
  stale: boolean;
  mayCheckIn: boolean;
  checkins: CheckinRecord[];
}

async function setup() {
  const s: TestServer = await startTestServer({});
  cleanups.push(() => s.dispose());
  const api = async (
    path: string,
    init: { body?: unknown; rawBody?: string; cookie?: string | null } = {},
  ) => {
    const hasBody = init.body !== undefined || init.rawBody !== undefined;
    const res = await fetch(`${s.url}/api${path}`, {
      method: hasBody ? 'POST' : 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.cookie === null ? {} : { cookie: init.cookie ?? s.cookie }),
      },
      ...(hasBody ? { body: init.rawBody ?? JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const created = await api('/boards', {
    body: { title: { fr: 'Feuille', en: 'Roadmap' }, template: 'joint-councils-2016' },
  });
  const boardId = (created.json.board as { id: string }).id;
  const listed = await api(`/boards/${boardId}/checkins`);
  const cardIds = (listed.json.cards as ListedCard[]).map((c) => c.id);
  const list = async (cookie?: string, query = '') =>
    (await api(`/boards/${boardId}/checkins${query}`, cookie ? { cookie } : {})).json
      .cards as ListedCard[];
  return { s, api, boardId, cardIds, list };
}

describe('check-ins over REST', () => {
  it('keeps the whole history of a card, ordered by time, with the latest as its status', async () => {
    const { s, api, boardId, cardIds, list } = await setup();
    const [card, other] = [cardIds[0]!, cardIds[1]!];
    const member = await s.session(boardId, 'task-team', [card]);
    const statuses = ['not-started', 'on-track', 'at-risk'] as const;
    for (const status of statuses) {
      const res = await api(`/boards/${boardId}/checkins`, {
        body: { cardId: card, status, summary: { fr: `État ${status}`, en: '' } },
        cookie: member.cookie,
      });
      expect(res.status).toBe(201);
    }
    const cards = await list();
    const mine = cards.find((c) => c.id === card)!;
    expect(mine.checkins.map((c) => c.status)).toEqual([...statuses]);
    const times = mine.checkins.map((c) => c.at);
    expect([...times].sort()).toEqual(times);
    expect(mine.latestStatus).toMatchObject({ status: 'at-risk', author: 'Test' });
    expect(mine.stale).toBe(false);
    // A card that never checked in on a board created today is not overdue: staleness counts
    // from the card's creation, never from nothing.
    const untouched = cards.find((c) => c.id === other)!;
    expect(untouched).toMatchObject({ checkins: [], latestStatus: null, stale: false });
    expect(cards.filter((c) => c.stale)).toEqual([]);
  });

  it('keeps both of two check-ins posted at the same moment', async () => {
    const { s, api, boardId, cardIds, list } = await setup();
    const card = cardIds[2]!;
    const [one, two] = await Promise.all([
      s.session(boardId, 'task-team', [card]),
      s.session(boardId, 'task-team', [card]),
    ]);
    const council = await s.session(boardId, 'council');
    const results = await Promise.all(
      [
        { cookie: one.cookie, status: 'on-track' },
        { cookie: two.cookie, status: 'blocked' },
        { cookie: council.cookie, status: 'at-risk' },
      ].map(({ cookie, status }) =>
        api(`/boards/${boardId}/checkins`, { body: { cardId: card, status }, cookie }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = results.map((r) => r.json.id as string);
    expect(new Set(ids).size).toBe(3);
    const history = (await list()).find((c) => c.id === card)!.checkins;
    expect(history.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(history.map((c) => c.status).sort()).toEqual(['at-risk', 'blocked', 'on-track']);
  });

  it('a retried post (same id) is recorded once', async () => {
    const { api, boardId, cardIds, list } = await setup();
    const body = { id: 'retry-1', cardId: cardIds[0]!, status: 'done' };
    expect((await api(`/boards/${boardId}/checkins`, { body })).status).toBe(201);
    const again = await api(`/boards/${boardId}/checkins`, { body });
    expect(again).toMatchObject({ status: 200, json: { id: 'retry-1' } });
    expect((await list()).find((c) => c.id === cardIds[0])!.checkins).toHaveLength(1);
    // The same id for another card is a conflict, not a retry.
    const clash = await api(`/boards/${boardId}/checkins`, {
      body: { ...body, cardId: cardIds[1]! },
    });
    expect(clash.status).toBe(400);
  });

  it('refuses invalid input with an error naming the field, in both languages', async () => {
    const { s, api, boardId, cardIds } = await setup();
    const card = cardIds[0]!;
    const post = (body: unknown) => api(`/boards/${boardId}/checkins`, { body });
    const status = await post({ cardId: card, status: 'dancing' });
    expect(status.status).toBe(400);
    expect(status.json).toMatchObject({ code: 'invalid-input', field: 'status' });
    expect(status.json.error).toMatch(/^status: /);
    expect(status.json.errorFr).toMatch(/^status : /);

    const progress = await post({ cardId: card, status: 'on-track', progress: 150 });
    expect(progress.status).toBe(400);
    expect(progress.json.field).toBe('progress');

    const milestone = await post({
      cardId: card,
      status: 'on-track',
      nextMilestone: { label: { fr: '', en: '' }, targetDate: '2018-02-30' },
    });
    expect(milestone.status).toBe(400);
    expect(String(milestone.json.field)).toMatch(/^nextMilestone\./);

    const summary = await post({ cardId: card, status: 'on-track', summary: 'plain text' });
    expect(summary.status).toBe(400);
    expect(summary.json.field).toBe('summary');

    // Every problem at once, unknown fields included (nothing unvalidated reaches the model).
    const several = await post({ cardId: card, status: 'dancing', progress: '50', colour: 'red' });
    expect(several.status).toBe(400);
    expect((several.json.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'colour',
      'status',
      'progress',
    ]);
    const extra = await post({ cardId: card, status: 'on-track', author: 'Someone else' });
    expect(extra.status).toBe(400);
    expect(extra.json.field).toBe('author');
    expect(s.logs.some((l) => l.msg === 'check-in refused: invalid input')).toBe(true);

    const notJson = await api(`/boards/${boardId}/checkins`, { rawBody: '{"cardId":' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.errorFr).toBeTruthy();

    const unknown = await post({ cardId: 'no-such-card', status: 'on-track' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe('not-found');

    const client = s.connect(boardId);
    cleanups.push(() => client.destroy());
    await client.synced;
    archiveCard(client.doc, { id: cardIds[5]! }, 'test');
    await waitFor(
      async () =>
        (await post({ cardId: cardIds[5]!, status: 'on-track' })).json.code === 'archived',
      'archived card refused',
    );
  });

  it('enforces who may post and read', async () => {
    const { s, api, boardId, cardIds, list } = await setup();
    const [mine, theirs] = [cardIds[0]!, cardIds[1]!];
    const post = (cookie: string | null, cardId: string) =>
      api(`/boards/${boardId}/checkins`, { body: { cardId, status: 'on-track' }, cookie });
    const taskTeam = await s.session(boardId, 'task-team', [mine]);
    const observer = await s.session(boardId, 'observer');
    const council = await s.session(boardId, 'council');
    const secretariat = await s.session(boardId, 'secretariat');
    const stranger = await s.session('another-board', 'council');

    expect((await post(null, mine)).status).toBe(401);
    expect((await post(taskTeam.cookie, mine)).status).toBe(201);
    expect((await post(taskTeam.cookie, theirs)).status).toBe(403);
    expect((await post(observer.cookie, mine)).status).toBe(403);
    expect((await post(stranger.cookie, mine)).status).toBe(403);
    expect((await post(council.cookie, theirs)).status).toBe(201);
    expect((await post(secretariat.cookie, theirs)).status).toBe(201);
    // The administrator has no membership and acts as secretariat.
    expect((await post(s.cookie, theirs)).status).toBe(201);

    // Every member reads; a task-team member may narrow the list to their own cards.
    const asTaskTeam = await list(taskTeam.cookie);
    expect(asTaskTeam.filter((c) => c.mayCheckIn).map((c) => c.id)).toEqual([mine]);
    expect((await list(taskTeam.cookie, '?mine=1')).map((c) => c.id)).toEqual([mine]);
    expect((await list(observer.cookie)).some((c) => c.mayCheckIn)).toBe(false);
    expect((await list(council.cookie)).every((c) => c.mayCheckIn)).toBe(true);
    expect((await api(`/boards/${boardId}/checkins`, { cookie: stranger.cookie })).status).toBe(
      404,
    );
    expect((await api(`/boards/${boardId}/checkins`, { cookie: null })).status).toBe(401);
    expect((await api('/boards/no-such-board/checkins')).status).toBe(404);
  });
});
