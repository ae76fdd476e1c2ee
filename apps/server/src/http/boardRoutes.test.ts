import { BOARD_TITLE_MAX, type Roadmap, toJSON } from '@fdr/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from '../storage/Storage.ts';
import { waitFor } from '../test/clients.ts';
import { startTestServer, type TestServer } from '../test/testServer.ts';
import { BOARD_ID } from './boardId.ts';
import { importedRoadmap, initialRoadmap, newBoardId } from './boardRoutes.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose();
});

async function server(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(overrides);
  servers.push(s);
  return s;
}

interface Entry {
  id: string;
  title: { fr: string; en: string };
  template: string;
  createdAt: number;
  updatedAt: number;
}

async function create(s: TestServer, body: unknown): Promise<Response> {
  return fetch(`${s.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function patch(s: TestServer, id: string, body: unknown): Promise<Response> {
  return fetch(`${s.url}/api/boards/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: s.cookie },
    body: JSON.stringify(body),
  });
}

/** What storage holds for a board, read back as the model sees it. */
async function storedRoadmap(storage: Storage, id: string): Promise<Roadmap> {
  const stored = await storage.load(id);
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return toJSON(doc);
}

describe('boards API', () => {
  it('creates a board from the 2016 template: stored, listed, ten domains and the task teams', async () => {
    const s = await server();
    const res = await create(s, {
      title: { fr: 'Feuille de route 2016', en: '2016 roadmap' },
      template: 'joint-councils-2016',
    });
    expect(res.status).toBe(201);
    const { board } = (await res.json()) as { board: Entry };
    expect(board.id).toMatch(BOARD_ID);
    expect(board).toMatchObject({
      title: { fr: 'Feuille de route 2016', en: '2016 roadmap' },
      template: 'joint-councils-2016',
    });

    const roadmap = await storedRoadmap(s.storage, board.id);
    expect(roadmap.board).toMatchObject({
      id: board.id,
      title: { fr: 'Feuille de route 2016', en: '2016 roadmap' },
    });
    expect(roadmap.domains).toHaveLength(10);
    expect(roadmap.domains[0]?.label.en).toBe('Digital governance');
    expect(roadmap.phases.map((p) => p.id)).toEqual(['phase-1', 'phase-2']);
    expect(roadmap.cards.length).toBeGreaterThanOrEqual(31);

    const list = (await (
      await fetch(`${s.url}/api/boards`, { headers: { cookie: s.cookie } })
    ).json()) as { boards: Entry[] };
    expect(list.boards.map((b) => b.id)).toEqual([board.id]);
    const one = (await (
      await fetch(`${s.url}/api/boards/${board.id}`, { headers: { cookie: s.cookie } })
    ).json()) as {
      board: Entry;
    };
    expect(one.board.id).toBe(board.id);
  });

  it('creates a blank board with the lanes and columns but no cards', async () => {
    const s = await server();
    const res = await create(s, { title: { fr: '', en: 'Blank' }, template: 'blank' });
    expect(res.status).toBe(201);
    const { board } = (await res.json()) as { board: Entry };
    const roadmap = await storedRoadmap(s.storage, board.id);
    expect(roadmap.domains).toHaveLength(10);
    expect(roadmap.phases).toHaveLength(2);
    expect(roadmap.cards).toEqual([]);
    expect(roadmap.items).toEqual([]);
    // No time frame sent: three six-month periods from the current month.
    const now = new Date();
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(roadmap.phases[0]?.start).toBe(`${month}-01`);
    expect(roadmap.phases[0]?.periods).toHaveLength(3);
  });

  it('dates a blank board from the chosen start, period count and length', async () => {
    const s = await server();
    const res = await create(s, {
      title: { fr: 'Feuille 2027', en: '2027 roadmap' },
      template: 'blank',
      structure: { start: '2027-04', periodCount: 4, periodMonths: 6 },
    });
    expect(res.status).toBe(201);
    const { board } = (await res.json()) as { board: Entry };
    const roadmap = await storedRoadmap(s.storage, board.id);
    expect(roadmap.domains).toHaveLength(10);
    expect(roadmap.phases.map((p) => [p.id, p.start, p.end])).toEqual([
      ['phase-1', '2027-04-01', '2029-03-31'],
      ['phase-2', '2029-04-01', null],
    ]);
    expect(roadmap.phases[0]?.periods.map((p) => [p.label.en, p.start, p.end])).toEqual([
      ['Period 1', '2027-04-01', '2027-09-30'],
      ['Period 2', '2027-10-01', '2028-03-31'],
      ['Period 3', '2028-04-01', '2028-09-30'],
      ['Period 4', '2028-10-01', '2029-03-31'],
    ]);
  });

  it('keeps the 2016 template as drafted: its teams, items and dates', async () => {
    const s = await server();
    const res = await create(s, { title: { fr: 'A', en: 'A' }, template: 'joint-councils-2016' });
    const { board } = (await res.json()) as { board: Entry };
    const roadmap = await storedRoadmap(s.storage, board.id);
    expect(roadmap.items).toHaveLength(29);
    expect(roadmap.phases[0]).toMatchObject({ start: '2016-10-01', end: '2018-03-31' });
  });

  it('sends the new roadmap to a client already connected to the board id', async () => {
    const s = await server();
    const id = newBoardId();
    // Nobody can know a fresh id, but the write path must still be the normal one: stored, then
    // broadcast. Simulate it by letting the server pick a known id through the registry.
    const client = s.connect(id);
    await client.synced;
    const board = await s.registry.acquire(id);
    const { initialRoadmap, REST_ORIGIN } = await import('./boardRoutes.ts');
    const { loadRoadmap } = await import('@fdr/model');
    loadRoadmap(board.doc, initialRoadmap('blank', id, { fr: 'X', en: 'Y' }), REST_ORIGIN);
    s.registry.release(id);
    await waitFor(() => client.doc.getMap('domains').size === 10, 'client received the lanes');
    client.destroy();
  });

  it('refuses bad input with a 400 in both languages', async () => {
    const s = await server();
    const cases: [unknown, string][] = [
      ['{not json', 'body'],
      [[1, 2], 'body'],
      [{ template: 'blank' }, 'title'],
      [{ title: 'Roadmap', template: 'blank' }, 'title'],
      [{ title: { fr: '  ', en: '' }, template: 'blank' }, 'title'],
      [{ title: { fr: 3, en: 'x' }, template: 'blank' }, 'title.fr'],
      [{ title: { fr: 'x'.repeat(BOARD_TITLE_MAX + 1), en: 'x' }, template: 'blank' }, 'title.fr'],
      [{ title: { fr: 'x', en: 'x' } }, 'template'],
      [{ title: { fr: 'x', en: 'x' }, template: 'kanban' }, 'template'],
      [{ title: { fr: 'x', en: 'x' }, template: 'blank', structure: 'soon' }, 'structure'],
      [
        { title: { fr: 'x', en: 'x' }, template: 'blank', structure: { start: '2027-13' } },
        'start',
      ],
      [
        { title: { fr: 'x', en: 'x' }, template: 'blank', structure: { start: '1999-12' } },
        'start',
      ],
      [
        {
          title: { fr: 'x', en: 'x' },
          template: 'blank',
          structure: { start: '2027-04', periodCount: 13 },
        },
        'periodCount',
      ],
      [
        {
          title: { fr: 'x', en: 'x' },
          template: 'blank',
          structure: { start: '2027-04', periodMonths: 0 },
        },
        'periodMonths',
      ],
      [
        {
          title: { fr: 'x', en: 'x' },
          template: 'joint-councils-2016',
          structure: { start: '2027-04' },
        },
        'structure',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await create(s, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = (await res.json()) as { error: string; errorFr: string; field: string };
      expect(error.field).toBe(field);
      expect(error.error.length).toBeGreaterThan(0);
      expect(error.errorFr.length).toBeGreaterThan(0);
      expect(error.errorFr).not.toBe(error.error);
    }
    expect((await s.storage.listCatalog()).length).toBe(0);
  });

  it('renames a board in the catalog and in its document, one language at a time', async () => {
    const s = await server();
    const created = (await (
      await create(s, { title: { fr: 'Avant', en: 'Before' }, template: 'blank' })
    ).json()) as { board: Entry };
    const id = created.board.id;

    const res = await patch(s, id, { title: { fr: 'Après' } });
    expect(res.status).toBe(200);
    const { board } = (await res.json()) as { board: Entry };
    expect(board.title).toEqual({ fr: 'Après', en: 'Before' });
    expect(board.updatedAt).toBeGreaterThanOrEqual(created.board.updatedAt);
    expect((await storedRoadmap(s.storage, id)).board.title).toEqual({ fr: 'Après', en: 'Before' });

    // A client sees the rename live.
    const client = s.connect(id);
    await client.synced;
    await patch(s, id, { title: { en: 'After' } });
    await waitFor(
      () => client.doc.getMap('meta').get('title.en') === 'After',
      'client received the new title',
    );
    client.destroy();
  });

  it('answers 404 for unknown or malformed ids, 400 for a bad rename', async () => {
    const s = await server();
    expect(
      (await fetch(`${s.url}/api/boards/nobody`, { headers: { cookie: s.cookie } })).status,
    ).toBe(404);
    expect(
      (await fetch(`${s.url}/api/boards/..%2F..`, { headers: { cookie: s.cookie } })).status,
    ).toBe(404);
    expect((await patch(s, 'nobody', { title: { fr: 'x' } })).status).toBe(404);
    const { board } = (await (
      await create(s, { title: { fr: 'A', en: 'B' }, template: 'blank' })
    ).json()) as { board: Entry };
    const bad = await patch(s, board.id, { title: { fr: '', en: '' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'title' });
  });

  it('trims Unicode spaces, refuses titles with nothing visible or with control characters', async () => {
    const s = await server();
    // Ideographic and no-break spaces, zero-width characters: nothing visible, so no title.
    const blank = await create(s, {
      title: { fr: '\u3000\u3000', en: '\u00A0\u200B\u2003' },
      template: 'blank',
    });
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ field: 'title' });
    const created = await create(s, {
      title: { fr: '\u3000Feuille\u00A0de route\u200B', en: '' },
      template: 'blank',
    });
    expect(created.status).toBe(201);
    const { board } = (await created.json()) as { board: Entry };
    expect(board.title).toEqual({ fr: 'Feuille\u00A0de route', en: '' });
    const spaces = await patch(s, board.id, { title: { fr: '\u3000 \u00A0', en: '\u2028' } });
    expect(spaces.status).toBe(400);
    for (const text of ['Plan\n2026', '\u0007\u0001', 'Plan\u001B[31m']) {
      const res = await patch(s, board.id, { title: { en: text } });
      expect(res.status, JSON.stringify(text)).toBe(400);
      const error = (await res.json()) as { field: string; error: string; errorFr: string };
      expect(error.field).toBe('title.en');
      expect(error.error).toMatch(/control characters/);
      expect(error.errorFr).toMatch(/caractère de contrôle/);
    }
    expect(s.logs.some((l) => l.msg === 'board request refused' && l.field === 'title.en')).toBe(
      true,
    );
    expect((await s.storage.catalogEntry(board.id))?.title).toEqual({
      fr: 'Feuille\u00A0de route',
      en: '',
    });
  });

  it('lists the most recently active board first', async () => {
    const s = await server();
    const ids: string[] = [];
    for (const name of ['one', 'two']) {
      const res = await create(s, { title: { fr: name, en: name }, template: 'blank' });
      ids.push(((await res.json()) as { board: Entry }).board.id);
      await new Promise((r) => setTimeout(r, 5));
    }
    let list = (await (
      await fetch(`${s.url}/api/boards`, { headers: { cookie: s.cookie } })
    ).json()) as { boards: Entry[] };
    expect(list.boards.map((b) => b.id)).toEqual([ids[1], ids[0]]);
    await new Promise((r) => setTimeout(r, 5));
    await patch(s, ids[0]!, { title: { fr: 'un' } });
    list = (await (
      await fetch(`${s.url}/api/boards`, { headers: { cookie: s.cookie } })
    ).json()) as { boards: Entry[] };
    expect(list.boards.map((b) => b.id)).toEqual([ids[0], ids[1]]);
  });

  it('records when the cards came onto a new board; an import keeps the dates it knows', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const title = { fr: 'T', en: 'T' };
    const created = initialRoadmap('joint-councils-2016', 'b1', title, null, now);
    expect(new Set(created.cards.map((c) => c.createdAt))).toEqual(new Set([now.toISOString()]));
    const [first, ...rest] = created.cards.map((c) => ({ ...c, createdAt: null }));
    const file = { ...created, cards: [{ ...first!, createdAt: '2017-01-01T00:00:00Z' }, ...rest] };
    const imported = importedRoadmap(file, 'b2', title, now);
    expect(imported.board.id).toBe('b2');
    expect(imported.cards[0]?.createdAt).toBe('2017-01-01T00:00:00Z');
    expect(imported.cards[1]?.createdAt).toBe(now.toISOString());
  });

  it('generates ids that are valid board and model ids, and distinct', () => {
    const ids = new Set(Array.from({ length: 500 }, newBoardId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[a-z2-9]{16}$/);
  });
});

describe('GET /api/config', () => {
  it('gives the tldraw license key, or null without one, and how people sign in', async () => {
    const without = await server();
    const res = await fetch(`${without.url}/api/config`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // No single sign-on configured: the password form only.
    // No relay configured: no mail.
    expect(await res.json()).toEqual({
      tldrawLicenseKey: null,
      sso: null,
      passwordSignIn: true,
      mail: false,
    });
    const withKey = await server({ tldrawLicenseKey: 'tldraw-2026/abc.def' });
    expect(await (await fetch(`${withKey.url}/api/config`)).json()).toEqual({
      tldrawLicenseKey: 'tldraw-2026/abc.def',
      sso: null,
      passwordSignIn: true,
      mail: false,
    });
  });
});

describe('board permissions', () => {
  it('lists only the boards a user has a role on; only administrators create', async () => {
    const s = await server();
    const a = (await (
      await create(s, { title: { fr: 'A', en: 'A' }, template: 'blank' })
    ).json()) as { board: Entry };
    await create(s, { title: { fr: 'B', en: 'B' }, template: 'blank' });
    const member = await s.session(a.board.id, 'observer');
    const list = (await (
      await fetch(`${s.url}/api/boards`, { headers: { cookie: member.cookie } })
    ).json()) as {
      boards: (Entry & { role: string })[];
    };
    expect(list.boards.map((b) => [b.id, b.role])).toEqual([[a.board.id, 'observer']]);
    const refused = await fetch(`${s.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: member.cookie },
      body: JSON.stringify({ title: { fr: 'C', en: 'C' }, template: 'blank' }),
    });
    expect(refused.status).toBe(403);
    const rename = await fetch(`${s.url}/api/boards/${a.board.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: member.cookie },
      body: JSON.stringify({ title: { fr: 'Pirate', en: 'Pirate' } }),
    });
    expect(rename.status).toBe(403);
    expect((await fetch(`${s.url}/api/boards`)).status).toBe(401);
  });
});
