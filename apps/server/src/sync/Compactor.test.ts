import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger, tempStorage, updatesOf } from '../test/boardKit.ts';
import { applyStored } from './applyStored.ts';
import { Compactor } from './Compactor.ts';

describe('Compactor', () => {
  for (const shared of [false, true]) {
    it(`folds the log into one state that loads the same board (${shared ? 'from storage' : 'from the live doc'})`, async () => {
      const { storage, dispose } = tempStorage();
      const doc = new Y.Doc();
      const updates = updatesOf((d) => {
        for (let i = 0; i < 20; i++) d.getMap('m').set(`k${i % 5}`, i);
      });
      for (const u of updates) Y.applyUpdate(doc, u);
      const lastSeq = await storage.append('b', updates);
      const compactor = new Compactor(
        { boardId: 'b', storage, log: silentLogger(), doc, threshold: 1000, shared },
        { lastSeq: 0, logLength: 0, bytes: 0 },
      );
      compactor.stored(updates, lastSeq);
      expect(compactor.logLength).toBe(20);
      await compactor.compact();
      expect(compactor.logLength).toBe(0);
      const stored = await storage.load('b');
      expect(stored.updates).toHaveLength(0);
      const reloaded = new Y.Doc();
      applyStored(reloaded, stored);
      expect(reloaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
      await dispose();
    });
  }

  it('compacts on its own once the log reaches the threshold', async () => {
    const { storage, dispose } = tempStorage();
    const doc = new Y.Doc();
    const updates = updatesOf((d) => {
      for (let i = 0; i < 4; i++) d.getMap('m').set(`k${i}`, i);
    });
    for (const u of updates) Y.applyUpdate(doc, u);
    const compactor = new Compactor(
      { boardId: 'b', storage, log: silentLogger(), doc, threshold: 4, shared: false },
      { lastSeq: 0, logLength: 0, bytes: 0 },
    );
    compactor.stored(updates, await storage.append('b', updates));
    await new Promise((resolve) => setImmediate(resolve));
    await compactor.compact();
    expect((await storage.load('b')).updates).toHaveLength(0);
    expect(compactor.logLength).toBe(0);
    await dispose();
  });
});
