import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from './Storage.ts';

/**
 * The behaviour every storage adapter must show. An adapter's test file calls this with a factory;
 * `reopen` must give a new adapter over the same underlying data (a restart).
 */
export interface StorageHarness {
  open(): Promise<Storage>;
  reopen(previous: Storage): Promise<Storage>;
}

function docFrom(board: { state: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (board.state) Y.applyUpdate(doc, board.state);
  for (const update of board.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** The merge the server uses: a fresh doc, so deleted content is garbage-collected. */
function mergeIntoState(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  return Y.encodeStateAsUpdate(docFrom({ state, updates }));
}

/** Records every update a doc emits, the way the server's write path sees them. */
function recorder(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return updates;
}

export function storageContract(name: string, harness: StorageHarness): void {
  describe(`storage contract: ${name}`, () => {
    it('loads an unknown board as empty', async () => {
      const storage = await harness.open();
      const board = await storage.load('nothing-here');
      expect(board).toEqual({ state: null, updates: [], lastSeq: 0 });
      expect(await storage.info('nothing-here')).toBeNull();
      await storage.close();
    });

    it('returns appended updates in order, with increasing sequence numbers', async () => {
      const storage = await harness.open();
      const a = await storage.append('b1', [Uint8Array.of(1), Uint8Array.of(2, 2)]);
      const b = await storage.append('b1', [Uint8Array.of(3, 3, 3)]);
      expect(b).toBeGreaterThan(a);
      const board = await storage.load('b1');
      expect(board.state).toBeNull();
      expect(board.updates.map((u) => Array.from(u))).toEqual([[1], [2, 2], [3, 3, 3]]);
      expect(board.lastSeq).toBe(b);
      await storage.close();
    });

    it('refuses an empty append', async () => {
      const storage = await harness.open();
      await expect(storage.append('b1', [])).rejects.toThrow();
      await storage.close();
    });

    it('keeps boards apart', async () => {
      const storage = await harness.open();
      await storage.append('left', [Uint8Array.of(1)]);
      await storage.append('right', [Uint8Array.of(2)]);
      expect((await storage.load('left')).updates.map((u) => u[0])).toEqual([1]);
      expect((await storage.load('right')).updates.map((u) => u[0])).toEqual([2]);
      await storage.close();
    });

    it('compacts: state replaces the log up to a sequence number, later updates stay', async () => {
      const storage = await harness.open();
      const doc = new Y.Doc();
      const written = recorder(doc);
      const text = doc.getText('t');
      for (let i = 0; i < 20; i++) text.insert(text.length, `${i},`);
      const seq = await storage.append('b', written.splice(0));
      const state = Y.encodeStateAsUpdate(doc);
      text.insert(0, 'after:');
      const later = await storage.append('b', written.splice(0));
      await storage.compact('b', state, seq);

      const board = await storage.load('b');
      expect(board.state).not.toBeNull();
      expect(board.updates).toHaveLength(1);
      expect(board.lastSeq).toBe(later);
      expect(docFrom(board).getText('t').toString()).toBe(text.toString());
      const info = await storage.info('b');
      expect(info?.logLength).toBe(1);
      expect(info?.stateBytes).toBe(state.byteLength);
      await storage.close();
    });

    it('ignores a compaction older than the stored one', async () => {
      const storage = await harness.open();
      const doc = new Y.Doc();
      const written = recorder(doc);
      doc.getMap('m').set('a', 1);
      const s1 = await storage.append('b', written.splice(0));
      const old = Y.encodeStateAsUpdate(doc);
      doc.getMap('m').set('b', 2);
      const s2 = await storage.append('b', written.splice(0));
      await storage.compact('b', Y.encodeStateAsUpdate(doc), s2);
      await storage.compact('b', old, s1);
      const loaded = docFrom(await storage.load('b'));
      expect(loaded.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
      await storage.close();
    });

    it('survives a restart with every update and compaction intact', async () => {
      const first = await harness.open();
      const doc = new Y.Doc();
      const written = recorder(doc);
      const arr = doc.getArray<number>('a');
      for (let i = 0; i < 50; i++) arr.push([i]);
      const seq = await first.append('persist', written.splice(0));
      await first.compact('persist', Y.encodeStateAsUpdate(doc), seq);
      arr.push([50]);
      await first.append('persist', written.splice(0));
      const second = await harness.reopen(first);
      const loaded = docFrom(await second.load('persist'));
      expect(loaded.getArray('a').toArray()).toEqual(arr.toArray());
      await second.close();
    });

    it('compacts from what it stores, and leaves later appends in the log', async () => {
      const storage = await harness.open();
      expect(await storage.compactStored('stored', mergeIntoState)).toBeNull();
      const doc = new Y.Doc();
      const written = recorder(doc);
      for (let i = 0; i < 30; i++) doc.getMap('m').set(`k${i}`, i);
      await storage.append('stored', written.splice(0, 10));
      await storage.append('stored', written.splice(0));
      expect(await storage.compactStored('stored', mergeIntoState)).toBe(30);
      doc.getMap('m').set('later', true);
      await storage.append('stored', written.splice(0));
      const board = await storage.load('stored');
      expect(board.updates).toHaveLength(1);
      expect(docFrom(board).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
      expect(await storage.compactStored('stored', mergeIntoState)).toBe(1);
      expect((await storage.load('stored')).updates).toHaveLength(0);
      await storage.close();
    });

    it('loses nothing when compactions race appends', async () => {
      const storage = await harness.open();
      const doc = new Y.Doc();
      const written = recorder(doc);
      const work: Promise<unknown>[] = [];
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 5; i++) doc.getMap('m').set(`r${round}-${i}`, i);
        work.push(storage.append('race', written.splice(0)));
        if (round % 3 === 0) work.push(storage.compactStored('race', mergeIntoState));
      }
      await Promise.all(work);
      expect(docFrom(await storage.load('race')).getMap('m').size).toBe(100);
      await storage.close();
    });

    it('lists boards, most recently updated first', async () => {
      const storage = await harness.open();
      await storage.append('older', [Uint8Array.of(1)]);
      await new Promise((r) => setTimeout(r, 5));
      await storage.append('newer', [Uint8Array.of(1, 2)]);
      const list = await storage.list();
      const ids = list.map((b) => b.id);
      expect(ids.indexOf('newer')).toBeLessThan(ids.indexOf('older'));
      const newer = list.find((b) => b.id === 'newer');
      expect(newer).toMatchObject({ logLength: 1, logBytes: 2, stateBytes: 0 });
      expect(newer?.updatedAt).toBeGreaterThan(0);
      await storage.close();
    });

    it('removes a board and its log', async () => {
      const storage = await harness.open();
      await storage.append('gone', [Uint8Array.of(1)]);
      await storage.compact('gone', Uint8Array.of(0, 0), 1_000_000);
      await storage.remove('gone');
      expect(await storage.load('gone')).toEqual({ state: null, updates: [], lastSeq: 0 });
      expect((await storage.list()).some((b) => b.id === 'gone')).toBe(false);
      await storage.close();
    });

    it('keeps every update of concurrent appends, each batch contiguous', async () => {
      const storage = await harness.open();
      const batches = Array.from({ length: 20 }, (_, i) => [
        Uint8Array.of(i, 0),
        Uint8Array.of(i, 1),
      ]);
      await Promise.all(batches.map((batch) => storage.append('many', batch)));
      const { updates } = await storage.load('many');
      expect(updates).toHaveLength(40);
      for (let i = 0; i < updates.length; i += 2) {
        expect(updates[i]![0]).toBe(updates[i + 1]![0]);
        expect([updates[i]![1], updates[i + 1]![1]]).toEqual([0, 1]);
      }
      await storage.close();
    });

    it('stores large updates byte for byte', async () => {
      const storage = await harness.open();
      const big = new Uint8Array(3 * 1024 * 1024);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
      await storage.append('big', [big]);
      const [back] = (await storage.load('big')).updates;
      expect(back?.byteLength).toBe(big.byteLength);
      expect(Buffer.compare(Buffer.from(back!), Buffer.from(big))).toBe(0);
      await storage.close();
    });

    it('records boards in the catalog and reads them back', async () => {
      const storage = await harness.open();
      expect(await storage.catalogEntry('cat')).toBeNull();
      expect(await storage.listCatalog()).toEqual([]);
      await storage.addToCatalog({
        id: 'cat',
        title: { fr: 'Feuille « été »', en: 'Summer roadmap' },
        template: 'joint-councils-2016',
        createdAt: 1_700_000_000_000,
      });
      const entry = {
        id: 'cat',
        title: { fr: 'Feuille « été »', en: 'Summer roadmap' },
        template: 'joint-councils-2016',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
      };
      expect(await storage.catalogEntry('cat')).toEqual(entry);
      expect(await storage.listCatalog()).toEqual([entry]);
      await storage.close();
    });

    it('refuses a second catalog entry with the same id', async () => {
      const storage = await harness.open();
      const entry = {
        id: 'twice',
        title: { fr: 'Un', en: 'One' },
        template: 'blank' as const,
        createdAt: 1,
      };
      await storage.addToCatalog(entry);
      await expect(
        storage.addToCatalog({ ...entry, title: { fr: 'Deux', en: 'Two' } }),
      ).rejects.toThrow();
      expect((await storage.catalogEntry('twice'))?.title).toEqual({ fr: 'Un', en: 'One' });
      await storage.close();
    });

    it('renames a catalog entry, and says when the id is unknown', async () => {
      const storage = await harness.open();
      await storage.addToCatalog({
        id: 'named',
        title: { fr: 'Avant', en: 'Before' },
        template: 'blank',
        createdAt: 1_000,
      });
      const renamed = await storage.renameInCatalog('named', { fr: 'Après', en: '' }, 2_000);
      expect(renamed).toMatchObject({ title: { fr: 'Après', en: '' }, updatedAt: 2_000 });
      expect(await storage.renameInCatalog('nobody', { fr: 'x', en: 'y' }, 3_000)).toBeNull();
      expect(await storage.catalogEntry('nobody')).toBeNull();
      await storage.close();
    });

    it('dates catalog entries by their latest board activity, newest first', async () => {
      const storage = await harness.open();
      await storage.addToCatalog({
        id: 'quiet',
        title: { fr: 'Calme', en: 'Quiet' },
        template: 'blank',
        createdAt: 2_000,
      });
      await storage.addToCatalog({
        id: 'busy',
        title: { fr: 'Actif', en: 'Busy' },
        template: 'blank',
        createdAt: 1_000,
      });
      const before = Date.now();
      await storage.append('busy', [Uint8Array.of(1)]);
      const list = await storage.listCatalog();
      expect(list.map((e) => e.id)).toEqual(['busy', 'quiet']);
      expect(list[0]?.updatedAt).toBeGreaterThanOrEqual(before);
      expect(list[1]?.updatedAt).toBe(2_000);
      // A compaction empties the log; the state's date keeps the activity.
      await storage.compact('busy', Uint8Array.of(0, 0), 1_000_000);
      expect((await storage.catalogEntry('busy'))?.updatedAt).toBeGreaterThanOrEqual(before);
      // Boards outside the catalog are not listed.
      await storage.append('raw', [Uint8Array.of(1)]);
      expect((await storage.listCatalog()).map((e) => e.id)).toEqual(['busy', 'quiet']);
      await storage.close();
    });

    it('keeps the catalog across a restart, and removes an entry with its board', async () => {
      const first = await harness.open();
      await first.addToCatalog({
        id: 'kept',
        title: { fr: 'Gardé', en: 'Kept' },
        template: 'blank',
        createdAt: 5,
      });
      await first.addToCatalog({
        id: 'dropped',
        title: { fr: 'Retiré', en: 'Dropped' },
        template: 'blank',
        createdAt: 6,
      });
      const second = await harness.reopen(first);
      expect((await second.listCatalog()).map((e) => e.id).sort()).toEqual(['dropped', 'kept']);
      await second.remove('dropped');
      expect(await second.catalogEntry('dropped')).toBeNull();
      expect((await second.listCatalog()).map((e) => e.id)).toEqual(['kept']);
      await second.close();
    });

    it('keeps versions with their states, newest first, and deletes them on request', async () => {
      const storage = await harness.open();
      const base = {
        boardId: 'v',
        note: '',
        kind: 'named' as const,
        authorId: 'u',
        authorName: 'Ada',
        bytes: 0,
      };
      await storage.addVersion(
        { ...base, id: 'v1', name: 'Février', createdAt: 1000 },
        Uint8Array.of(1, 2, 3),
      );
      await storage.addVersion(
        { ...base, id: 'v2', name: 'Août', createdAt: 2000, kind: 'auto' },
        Uint8Array.of(4),
      );
      await storage.addVersion(
        { ...base, id: 'x', boardId: 'other', name: 'Ailleurs', createdAt: 3000 },
        Uint8Array.of(5),
      );
      const list = await storage.listVersions('v');
      expect(list.map((v) => [v.id, v.name, v.kind, v.bytes])).toEqual([
        ['v2', 'Août', 'auto', 1],
        ['v1', 'Février', 'named', 3],
      ]);
      const one = await storage.version('v', 'v1');
      expect(Array.from(one?.state ?? [])).toEqual([1, 2, 3]);
      expect(one?.info).toMatchObject({ authorName: 'Ada', createdAt: 1000 });
      expect(await storage.version('v', 'x')).toBeNull();
      await storage.deleteVersions('v', ['v1', 'nope']);
      expect((await storage.listVersions('v')).map((v) => v.id)).toEqual(['v2']);
      await storage.close();
    });

    it('answers ping, and its write probe stores nothing', async () => {
      const storage = await harness.open();
      await expect(storage.ping()).resolves.toBeUndefined();
      await expect(storage.ping()).resolves.toBeUndefined();
      expect(await storage.listCatalog()).toEqual([]);
      await storage.close();
    });
  });
}
