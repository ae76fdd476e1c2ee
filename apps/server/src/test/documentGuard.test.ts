import { docRoots, findInvalidRecords, fromJSON, type RecordRef, toJSON } from '@fdr/model';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { connectClient, type TestClient, waitFor } from './clients.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function boardWithTemplate(s: TestServer): Promise<string> {
  const res = await fetch(`${s.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie },
    body: JSON.stringify({
      title: { fr: 'Feuille', en: 'Roadmap' },
      template: 'joint-councils-2016',
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { board: { id: string } }).board.id;
}

function open(s: TestServer, boardId: string, cookie: string): TestClient {
  const c = connectClient(s.syncUrl, boardId, { headers: { cookie } });
  cleanups.push(() => c.destroy());
  return c;
}

/** Every record of a doc, for the model's check. */
function allRecords(doc: Y.Doc): RecordRef[] {
  const roots = docRoots(doc);
  return [
    { kind: 'board', id: 'board' },
    ...[...roots.domains.keys()].map((id) => ({ kind: 'domain' as const, id })),
    ...[...roots.cards.keys()].map((id) => ({ kind: 'card' as const, id })),
    ...[...roots.items.keys()].map((id) => ({ kind: 'item' as const, id })),
  ];
}

/** Valid by the strict model: the doc's JSON builds a new doc without a ModelError. */
function expectValid(doc: Y.Doc): void {
  expect(findInvalidRecords(doc, allRecords(doc))).toEqual([]);
  expect(() => fromJSON(toJSON(doc))).not.toThrow();
}

describe('document guard', () => {
  it("corrects a member's invalid writes for everyone and in storage, keeping the valid ones", async () => {
    const s = await startTestServer({});
    cleanups.push(() => s.dispose());
    const boardId = await boardWithTemplate(s);
    // The secretariat: a lane's label and colour are structure, which only it may change.
    const council = await s.session(boardId, 'secretariat');
    const writer = open(s, boardId, council.cookie);
    const reader = open(s, boardId, s.cookie);
    await Promise.all([writer.synced, reader.synced]);

    const before = toJSON(writer.doc);
    const lane = before.domains[0]!;
    const moved = before.cards[0]!;
    const renamed = before.cards[1]!;
    const roots = docRoots(writer.doc);
    const cardMap = (id: string) => roots.cards.get(id) as Y.Map<unknown>;
    // One transaction, as a modified client could send it: two writes the model refuses, one
    // new record it cannot keep, and valid edits that must survive.
    writer.doc.transact(() => {
      const domain = roots.domains.get(lane.id) as Y.Map<unknown>;
      domain.set('colour', 'not-a-colour');
      domain.set('label.en', 'Renamed lane');
      cardMap(moved.id).set('cell', { domainId: 'nowhere', phaseId: moved.phaseId, order: 'V' });
      cardMap(renamed.id).set('title.en', 'A new title');
      const item = new Y.Map<unknown>();
      roots.items.set('bogus', item);
      item.set('label.fr', 'Activité');
      item.set('domainId', lane.id);
      item.set('startPeriodId', 'no-such-period');
    });

    const corrected = (doc: Y.Doc) => {
      const { domains, cards } = docRoots(doc);
      const domain = domains.get(lane.id) as Y.Map<unknown>;
      const card = cards.get(moved.id) as Y.Map<unknown>;
      return (
        domain.get('colour') === lane.colour &&
        (card.get('cell') as { domainId: string }).domainId === moved.domainId &&
        !docRoots(doc).items.has('bogus')
      );
    };
    await waitFor(() => corrected(reader.doc), 'the second client receives the correction');
    // The writer gets the same correction: every peer ends with the same valid record.
    await waitFor(() => corrected(writer.doc), 'the writer receives the correction');
    for (const doc of [reader.doc, writer.doc]) {
      const state = toJSON(doc);
      expect(state.domains[0]).toMatchObject({
        colour: lane.colour,
        label: { en: 'Renamed lane' },
      });
      expect(state.cards.find((c) => c.id === renamed.id)?.title.en).toBe('A new title');
      expect(state.cards.find((c) => c.id === moved.id)).toMatchObject({
        domainId: moved.domainId,
        order: moved.order,
      });
      expectValid(doc);
    }

    const warned = s.logs.filter((l) => l.msg === 'write refused by the model: record corrected');
    expect(warned.map((l) => [l.record, l.correction]).sort()).toEqual([
      [`card:${moved.id}`, 'restored'],
      [`domain:${lane.id}`, 'restored'],
      ['item:bogus', 'removed'],
    ]);
    expect(warned[0]).toMatchObject({ level: 40, board: boardId, user: council.user.id });
    expect(warned.find((l) => l.record === `domain:${lane.id}`)?.reason).toContain('#rrggbb');

    // Reopened from storage, the board is the corrected one.
    await s.close();
    const storage = new SqliteStorage({ file: `${s.dataDir}/boards.sqlite` });
    cleanups.push(() => storage.close());
    const stored = await storage.load(boardId);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    expect(corrected(doc)).toBe(true);
    expect(toJSON(doc).domains[0]?.label.en).toBe('Renamed lane');
    expectValid(doc);
  });

  it('puts back an over-long title and a rewritten check-in, and cuts the title of a new card', async () => {
    const s = await startTestServer({});
    cleanups.push(() => s.dispose());
    const boardId = await boardWithTemplate(s);
    const card = (await (
      await fetch(`${s.url}/api/boards/${boardId}/checkins`, { headers: { cookie: s.cookie } })
    ).json()) as { cards: { id: string }[] };
    const cardId = card.cards[0]!.id;
    const posted = await fetch(`${s.url}/api/boards/${boardId}/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie },
      body: JSON.stringify({ id: 'k1', cardId, status: 'on-track' }),
    });
    expect(posted.status).toBe(201);
    const council = await s.session(boardId, 'council');
    const writer = open(s, boardId, council.cookie);
    const reader = open(s, boardId, s.cookie);
    await Promise.all([writer.synced, reader.synced]);
    const roots = docRoots(writer.doc);
    const original = roots.checkinLog.get('k1') as { status: string };
    const title = (roots.cards.get(cardId) as Y.Map<unknown>).get('title.fr');
    writer.doc.transact(() => {
      (roots.cards.get(cardId) as Y.Map<unknown>).set('title.fr', 'é'.repeat(5000));
      roots.checkinLog.set('k1', { ...original, status: 'done' });
      // A new card has no previous value: it gets what the readers show.
      const copy = new Y.Map<unknown>();
      roots.cards.set('copy', copy);
      for (const [key, value] of (roots.cards.get(cardId) as Y.Map<unknown>).entries()) {
        copy.set(key, value);
      }
    });
    const readerRoots = docRoots(reader.doc);
    const titleOf = (id: string) => (readerRoots.cards.get(id) as Y.Map<unknown>)?.get('title.fr');
    await waitFor(
      () =>
        titleOf(cardId) === title &&
        (titleOf('copy') as string | undefined)?.length === 300 &&
        (readerRoots.checkinLog.get('k1') as { status: string }).status === original.status,
      'title put back, new title cut, check-in put back',
    );
    expectValid(reader.doc);
  });
});

describe('the board structure over the sync socket', () => {
  it("puts back a council member's lane and column changes for everyone, keeps the secretariat's", async () => {
    const s = await startTestServer({});
    cleanups.push(() => s.dispose());
    const boardId = await boardWithTemplate(s);
    const council = await s.session(boardId, 'council');
    const secretariat = await s.session(boardId, 'secretariat');
    const member = open(s, boardId, council.cookie);
    const admin = open(s, boardId, secretariat.cookie);
    await Promise.all([member.synced, admin.synced]);
    const before = toJSON(member.doc);

    const roots = docRoots(member.doc);
    member.doc.transact(() => {
      (roots.domains.get('domain-digital-skills') as Y.Map<unknown>).set('label.en', 'Talent');
      (roots.periods.get('period-1') as Y.Map<unknown>).set('end', '2016-12-31');
      (roots.cards.get('card-security') as Y.Map<unknown>).set('title.en', 'Cyber security');
    });
    const settled = (doc: Y.Doc) =>
      toJSON(doc).cards.find((c) => c.id === 'card-security')?.title.en === 'Cyber security' &&
      toJSON(doc).domains.find((d) => d.id === 'domain-digital-skills')?.label.en ===
        'Digital skills' &&
      toJSON(doc).phases[0]?.periods[0]?.end === '2017-03-31';
    await waitFor(() => settled(admin.doc), 'the secretariat sees the card edit, not the rest');
    await waitFor(() => settled(member.doc), 'the council member gets the lane and period back');
    expect(toJSON(member.doc).domains).toEqual(before.domains);
    expect(
      s.logs.filter((l) => l.msg?.toString().startsWith('structure change refused')).length,
    ).toBe(2);

    // The same change from the secretariat stands.
    const adminRoots = docRoots(admin.doc);
    admin.doc.transact(() =>
      (adminRoots.domains.get('domain-digital-skills') as Y.Map<unknown>).set('label.en', 'Talent'),
    );
    await waitFor(
      () => toJSON(member.doc).domains.some((d) => d.label.en === 'Talent'),
      'the council member sees the secretariat rename the lane',
    );
  });
});
