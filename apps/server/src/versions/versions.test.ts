import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { toJSON, validateRoadmap } from '@fdr/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStored } from '../sync/applyStored.ts';
import { type TestClient, waitFor } from '../test/clients.ts';
import { startTestServer, type TestServer } from '../test/testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup() {
  const s = await startTestServer({});
  cleanups.push(() => s.dispose());
  const api = async (
    path: string,
    init: { body?: unknown; cookie?: string; method?: string } = {},
  ) => {
    const res = await fetch(`${s.url}/api${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', cookie: init.cookie ?? s.cookie },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return {
      status: res.status,
      json: (await res.json()) as Record<string, unknown>,
      headers: res.headers,
    };
  };
  const created = await api('/boards', {
    body: { title: { fr: 'Feuille', en: 'Roadmap' }, template: 'joint-councils-2016' },
  });
  const boardId = (created.json.board as { id: string }).id;
  return { s, api, boardId };
}

/** The board as stored in its SQLite file, read back. */
async function storedDoc(s: TestServer, board: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const loaded = await s.storage.load(board);
  if (loaded.state) Y.applyUpdate(doc, loaded.state);
  for (const u of loaded.updates) Y.applyUpdate(doc, u);
  return doc;
}

function client(s: TestServer, board: string): TestClient {
  const c = s.connect(board);
  cleanups.push(() => c.destroy());
  return c;
}

describe('versions', () => {
  it('take, edit, restore: every connected client ends with the version’s content', async () => {
    const { s, api, boardId } = await setup();
    const clients = [client(s, boardId), client(s, boardId), client(s, boardId)];
    await Promise.all(clients.map((c) => c.synced));
    const taken = await api(`/boards/${boardId}/versions`, {
      body: { name: 'Réunion de février 2018', note: 'Avant' },
    });
    expect(taken.status).toBe(201);
    const version = taken.json.version as { id: string; bytes: number };
    expect(version.bytes).toBeGreaterThan(1000);
    const snapshot = toJSON(clients[0]!.doc);

    // Edit: move a card and archive-free changes from two clients.
    const { moveCard, renameDomain } = await import('@fdr/model');
    const card = snapshot.cards[0]!;
    const target = snapshot.domains.find((d) => d.id !== card.domainId)!;
    moveCard(clients[0]!.doc, { id: card.id, domainId: target.id, phaseId: card.phaseId }, 'a');
    renameDomain(
      clients[1]!.doc,
      { id: target.id, label: { fr: 'Nouveau nom', en: 'New name' } },
      'b',
    );
    await waitFor(
      () => clients.every((c) => toJSON(c.doc).domains.some((d) => d.label.fr === 'Nouveau nom')),
      'edits everywhere',
    );

    const compare = await api(`/boards/${boardId}/versions/${version.id}/compare?with=now`);
    const kinds = (compare.json.changes as { kind: string }[]).map((c) => c.kind);
    expect(kinds).toContain('card-moved');

    const restored = await api(`/boards/${boardId}/versions/${version.id}/restore`, { body: {} });
    expect(restored.status).toBe(200);
    await waitFor(
      () => clients.every((c) => JSON.stringify(toJSON(c.doc)) === JSON.stringify(snapshot)),
      'restored everywhere',
    );

    // The state just before the restore is kept.
    const list = (await api(`/boards/${boardId}/versions`)).json.versions as {
      id: string;
      kind: string;
      name: string;
    }[];
    expect(list.map((v) => v.kind)).toEqual(['before-restore', 'named']);
    // Named after the restored version, in both languages, never with the same name.
    expect(list[0]!.name).toBe(
      'Avant la restauration de « Réunion de février 2018 » / Before restoring “Réunion de février 2018”',
    );
    const before = await api(`/boards/${boardId}/versions/${list[0]!.id}`);
    expect(
      (before.json.roadmap as { domains: { label: { fr: string } }[] }).domains.some(
        (d) => d.label.fr === 'Nouveau nom',
      ),
    ).toBe(true);
  });

  it('answers a restore only once the restored board is stored', async () => {
    const { s, api, boardId } = await setup();
    const c = client(s, boardId);
    await c.synced;
    const taken = await api(`/boards/${boardId}/versions`, { body: { name: 'v1', note: '' } });
    const version = (taken.json.version as { id: string }).id;
    const { renameDomain } = await import('@fdr/model');
    const domain = toJSON(c.doc).domains[0]!;
    renameDomain(c.doc, { id: domain.id, label: { fr: 'Renommé', en: 'Renamed' } }, 'a');
    const storedLabel = async () =>
      toJSON(await storedDoc(s, boardId)).domains.find((d) => d.id === domain.id)?.label.fr;
    await waitFor(async () => (await storedLabel()) === 'Renommé', 'the rename is stored');

    // From here the board's update log refuses every write (a real SQLite error, retried by the
    // server), while versions are still saved: the restore's change cannot be stored.
    const db = new DatabaseSync(join(s.dataDir, 'boards.sqlite'));
    cleanups.push(() => db.close());
    db.exec(`CREATE TRIGGER hold_updates BEFORE INSERT ON board_updates
             BEGIN SELECT RAISE(ABORT, 'held by the test'); END`);
    const failures = () => s.logs.filter((l) => l.msg.startsWith('storing updates failed')).length;
    const failedBefore = failures();
    let labelWhenAnswered: string | undefined;
    const answered = api(`/boards/${boardId}/versions/${version}/restore`, { body: {} }).then(
      async (res) => {
        labelWhenAnswered = await storedLabel();
        return res;
      },
    );
    // The server tried to store the restore, and tried again: it has handled the request.
    await waitFor(() => failures() >= failedBefore + 3, 'the restore reached storage, refused');
    db.exec('DROP TRIGGER hold_updates');
    expect((await answered).status).toBe(200);
    expect(labelWhenAnswered).toBe(domain.label.fr);
  });

  it('only the secretariat takes and restores; every member lists, opens and compares', async () => {
    const { s, api, boardId } = await setup();
    const taken = await api(`/boards/${boardId}/versions`, { body: { name: 'v1', note: '' } });
    const id = (taken.json.version as { id: string }).id;
    const observer = await s.session(boardId, 'observer');
    const council = await s.session(boardId, 'council');
    expect(
      (
        await api(`/boards/${boardId}/versions`, {
          body: { name: 'x', note: '' },
          cookie: observer.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(`/boards/${boardId}/versions`, {
          body: { name: 'x', note: '' },
          cookie: council.cookie,
        })
      ).status,
    ).toBe(403);
    expect(
      (await api(`/boards/${boardId}/versions/${id}/restore`, { body: {}, cookie: council.cookie }))
        .status,
    ).toBe(403);
    expect((await api(`/boards/${boardId}/versions`, { cookie: observer.cookie })).status).toBe(
      200,
    );
    expect(
      (await api(`/boards/${boardId}/versions/${id}`, { cookie: observer.cookie })).status,
    ).toBe(200);
    expect(
      (await api(`/boards/${boardId}/versions/${id}/compare`, { cookie: observer.cookie })).status,
    ).toBe(200);
    const stranger = await s.session('elsewhere', 'secretariat');
    expect((await api(`/boards/${boardId}/versions`, { cookie: stranger.cookie })).status).toBe(
      404,
    );
    expect((await api(`/boards/${boardId}/versions/nope`)).status).toBe(404);
    expect(
      (await api(`/boards/${boardId}/versions`, { body: { name: '', note: '' } })).status,
    ).toBe(400);
  });

  it('compares two versions, and gives both roadmaps when asked (for the canvas)', async () => {
    const { s, api, boardId } = await setup();
    const c = client(s, boardId);
    await c.synced;
    const first = await api(`/boards/${boardId}/versions`, { body: { name: 'v1', note: '' } });
    const before = toJSON(c.doc);
    const card = before.cards[0]!;
    const { moveCard } = await import('@fdr/model');
    const target = before.domains.find((d) => d.id !== card.domainId)!;
    moveCard(c.doc, { id: card.id, domainId: target.id, phaseId: card.phaseId }, 'a');
    await waitFor(async () => {
      const res = await api(
        `/boards/${boardId}/versions/${(first.json.version as { id: string }).id}/compare`,
      );
      return (res.json.changes as { kind: string }[]).length > 0;
    }, 'move stored');
    const second = await api(`/boards/${boardId}/versions`, { body: { name: 'v2', note: '' } });
    const [v1, v2] = [first, second].map((r) => (r.json.version as { id: string }).id);
    const plain = await api(`/boards/${boardId}/versions/${v1}/compare?with=${v2}`);
    expect(plain.json.roadmaps).toBeUndefined();
    expect(plain.json.changes).toEqual([
      expect.objectContaining({ kind: 'card-moved', cardId: card.id }),
    ]);
    const full = await api(`/boards/${boardId}/versions/${v1}/compare?with=${v2}&roadmaps=1`);
    const roadmaps = full.json.roadmaps as { from: typeof before; to: typeof before };
    expect(roadmaps.from.cards.find((x) => x.id === card.id)?.domainId).toBe(card.domainId);
    expect(roadmaps.to.cards.find((x) => x.id === card.id)?.domainId).toBe(target.id);
    expect(full.json.changes).toEqual(plain.json.changes);
  });

  it('exports a version as JSON and imports it as a new board', async () => {
    const { s, api, boardId } = await setup();
    const taken = await api(`/boards/${boardId}/versions`, { body: { name: 'export', note: '' } });
    const id = (taken.json.version as { id: string }).id;
    const exported = await fetch(`${s.url}/api/boards/${boardId}/versions/${id}/export`, {
      headers: { cookie: s.cookie },
    });
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="roadmap-/);
    const roadmap = (await exported.json()) as { board: { id: string }; cards: unknown[] };
    const imported = await api('/boards', {
      body: { template: 'imported', roadmap, title: { fr: 'Copie', en: 'Copy' } },
    });
    expect(imported.status).toBe(201);
    const newId = (imported.json.board as { id: string }).id;
    expect(newId).not.toBe(boardId);
    const c = client(s, newId);
    await c.synced;
    const copy = toJSON(c.doc);
    expect(copy.cards).toEqual(roadmap.cards);
    expect(copy.board.title).toEqual({ fr: 'Copie', en: 'Copy' });
    const bad = await api('/boards', {
      body: { template: 'imported', roadmap: { format: 'nope' } },
    });
    expect(bad.status).toBe(400);
  });

  it('takes automatic versions of changed boards, once per interval, and prunes old ones', async () => {
    const { s, boardId } = await setup();
    expect(await s.versions.takeDueAutomatic()).toBe(1);
    expect(await s.versions.takeDueAutomatic()).toBe(0); // unchanged since
    const c = client(s, boardId);
    await c.synced;
    c.doc.getMap('annotations').set('shape:x', { id: 'shape:x', typeName: 'shape' });
    // This edit stored (not only the board's creation, which may still be in the log).
    await waitFor(async () => {
      const doc = new Y.Doc();
      applyStored(doc, await s.storage.load(boardId));
      return doc.getMap('annotations').has('shape:x');
    }, 'stored');
    await new Promise((r) => setTimeout(r, 5));
    expect(await s.versions.takeDueAutomatic()).toBe(0); // changed, but the last one is recent
    expect(await s.versions.takeDueAutomatic(Date.now() + 25 * 3_600_000)).toBe(1);
    const autos = (await s.versions.list(boardId)).filter((v) => v.kind === 'auto');
    expect(autos).toHaveLength(2);
    const stored = await s.storage.version(boardId, autos[0]!.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored!.state);
    expect(doc.getMap('annotations').has('shape:x')).toBe(true);
  });

  it('reads a version holding a bad record around it: no blank page, the problem named', async () => {
    const { s, api, boardId } = await setup();
    // As an older server let through: written on the server, where no guard checks it.
    const board = await s.registry.acquire(boardId);
    const domains = board.doc.getMap('domains');
    const laneId = [...domains.keys()][0]!;
    board.doc.transact(() => {
      (domains.get(laneId) as Y.Map<unknown>).set('colour', 'not-a-colour');
    }, 'an-older-server');
    await board.whenPersisted();
    s.registry.release(boardId);
    const taken = await api(`/boards/${boardId}/versions`, { body: { name: 'Avec erreur' } });
    const versionId = (taken.json.version as { id: string }).id;

    const one = await api(`/boards/${boardId}/versions/${versionId}`);
    expect(one.status).toBe(200);
    expect(() => validateRoadmap(one.json.roadmap)).not.toThrow();
    expect(one.json.problems).toEqual([
      expect.objectContaining({ kind: 'domain', id: laneId, field: 'colour', outcome: 'repaired' }),
    ]);
    const compared = await api(`/boards/${boardId}/versions/${versionId}/compare?roadmaps=1`);
    expect(compared.status).toBe(200);
    expect(compared.json.problems).toHaveLength(1);
    const { from, to } = compared.json.roadmaps as { from: unknown; to: unknown };
    expect(() => validateRoadmap(from)).not.toThrow();
    expect(() => validateRoadmap(to)).not.toThrow();
    const exported = await api(`/boards/${boardId}/versions/${versionId}/export`);
    expect(() => validateRoadmap(exported.json)).not.toThrow();
  });
});
