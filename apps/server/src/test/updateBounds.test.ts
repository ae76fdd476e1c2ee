import { createCard, createTemplateDoc, toJSON, updateCard } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStored } from '../sync/applyStored.ts';
import { CloseCode } from '../sync/CloseCode.ts';
import { encodeSyncUpdate } from '../sync/messages.ts';
import { waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { testScope } from './testScope.ts';
import type { TestServer } from './testServer.ts';

const { server, client } = testScope();

/** The 2016 template grown to 300 cards, as a client that built it offline holds it. */
function threeHundredCards(): Y.Doc {
  const doc = createTemplateDoc();
  const { domains, phases, cards } = toJSON(doc);
  for (let i = cards.length; i < 300; i++) {
    createCard(
      doc,
      {
        title: { fr: `Équipe spéciale ${i}`, en: `Task team ${i}` },
        role: 'Int',
        domainId: domains[i % domains.length]!.id,
        phaseId: phases[i % phases.length]!.id,
        members: ['Ontario', 'Québec', 'Canada'],
        mandate: { fr: 'Mandat '.repeat(20), en: 'Mandate '.repeat(20) },
      },
      'offline',
    );
  }
  return doc;
}

async function storedMap(s: TestServer, board: string): Promise<Y.Map<unknown>> {
  const doc = new Y.Doc();
  applyStored(doc, await s.storage.load(board));
  return doc.getMap('m');
}

describe('bounded client updates', () => {
  it('lets a legitimate client’s largest messages through: a 300-card board’s whole state, then 2,000 offline edits', async () => {
    // The time budget depends on the machine; this test is about the size and structure limits.
    const s = await server({ messageBudgetMs: 60_000 });
    const offline = threeHundredCards();
    const author = client(s, 'big', offline);
    const watcher = client(s, 'big');
    await waitFor(() => watcher.doc.getMap('cards').size === 300, 'whole board received', 30_000);
    author.provider.disconnect();
    const cards = toJSON(author.doc).cards;
    for (let i = 0; i < 2000; i++) {
      const card = cards[i % cards.length]!;
      updateCard(author.doc, { id: card.id, title: { en: `Renamed ${i}` } }, 'offline');
    }
    author.provider.connect();
    const last = cards[1999 % cards.length]!.id;
    await waitFor(
      () => toJSON(watcher.doc).cards.find((c) => c.id === last)?.title.en === 'Renamed 1999',
      'offline edits received',
      30_000,
    );
    expect(s.logs.filter((l) => l.msg === 'connection closed: bad input')).toEqual([]);
  });

  it('refuses an update with too many structs before applying it: not stored, not broadcast', async () => {
    const s = await server();
    const a = client(s, 'flood');
    const b = client(s, 'flood');
    await Promise.all([a.synced, b.synced]);
    const hostile = new Y.Doc();
    const map = hostile.getMap('m');
    hostile.transact(() => {
      for (let i = 0; i < 200_000; i++) map.set(`k${i}`, i);
    });
    const raw = await openRawSocket(`${s.syncUrl}/flood`, { cookie: s.cookie });
    raw.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(hostile)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.messageTooBig);
    expect(closed.reason).toMatch(/MAX_UPDATE_STRUCTS/);
    expect(s.logs.some((l) => /MAX_UPDATE_STRUCTS/.test(String(l.reason)))).toBe(true);
    // A later edit reaches the other client; the refused one never did.
    a.doc.getMap('m').set('legit', 1);
    await waitFor(() => b.doc.getMap('m').get('legit') === 1, 'legit edit received');
    expect(b.doc.getMap('m').has('k0')).toBe(false);
    expect((await s.registry.peek('flood'))?.doc.getMap('m').has('k0')).toBe(false);
    const stored = await storedMap(s, 'flood');
    expect(stored.get('legit')).toBe(1);
    expect(stored.has('k0')).toBe(false);
  });

  it('refuses an update larger than MAX_UPDATE_BYTES before applying it', async () => {
    const s = await server({ maxUpdateBytes: 64 * 1024 });
    const a = client(s, 'large');
    await a.synced;
    const large = new Y.Doc();
    large.getMap('m').set('blob', 'x'.repeat(100_000));
    const raw = await openRawSocket(`${s.syncUrl}/large`, { cookie: s.cookie });
    raw.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(large)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.messageTooBig);
    expect(closed.reason).toMatch(/MAX_UPDATE_BYTES/);
    a.doc.getMap('m').set('legit', 1);
    await waitFor(async () => (await storedMap(s, 'large')).get('legit') === 1, 'legit stored');
    expect((await storedMap(s, 'large')).has('blob')).toBe(false);
    expect(a.doc.getMap('m').has('blob')).toBe(false);
  });
});
