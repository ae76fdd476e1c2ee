import { describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { silentLogger, tempStorage, updatesOf } from '../test/boardKit.ts';
import { RemoteRelay, remoteOrigin } from './RemoteRelay.ts';

function relayOn(storage: ReturnType<typeof tempStorage>['storage'], flushDue = () => false) {
  const doc = new Y.Doc();
  const broadcasts: Uint8Array[] = [];
  const relay: RemoteRelay = new RemoteRelay({
    boardId: 'b',
    storage,
    log: silentLogger(),
    doc,
    awareness: new awarenessProtocol.Awareness(doc),
    earliest: () => 0,
    flushDue,
    broadcast: (m) => broadcasts.push(m),
    onFailure: () => {},
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === remoteOrigin) relay.queue(update);
  });
  return { doc, relay, broadcasts };
}

describe('RemoteRelay', () => {
  it('applies another instance’s update and relays it to our peers', async () => {
    const { storage, dispose } = tempStorage();
    const { doc, relay, broadcasts } = relayOn(storage);
    const [update] = updatesOf((d) => d.getMap('m').set('x', 1));
    relay.apply({ kind: 'update', from: 'there', payload: update! });
    expect(doc.getMap('m').get('x')).toBe(1);
    await vi.waitFor(() => expect(broadcasts).toHaveLength(1));
    relay.destroy();
    await dispose();
  });

  it('holds relays while a flush of ours is due: they join its message', async () => {
    const { storage, dispose } = tempStorage();
    const { relay, broadcasts } = relayOn(storage, () => true);
    const [update] = updatesOf((d) => d.getMap('m').set('x', 1));
    relay.apply({ kind: 'update', from: 'there', payload: update! });
    await new Promise((resolve) => setImmediate(resolve));
    expect(broadcasts).toHaveLength(0);
    expect(relay.take()).toHaveLength(1);
    relay.destroy();
    await dispose();
  });

  it('catches up from storage when a published update was missed', async () => {
    const { storage, dispose } = tempStorage();
    const { doc, relay } = relayOn(storage);
    const [first, second] = updatesOf((d) => {
      d.getMap('m').set('a', 1);
      d.getMap('m').set('b', 2);
    });
    // The first was stored by the other instance but its message never reached us.
    await storage.append('b', [first!, second!]);
    relay.apply({ kind: 'update', from: 'there', payload: second! });
    await vi.waitFor(() => expect(doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 }));
    expect(doc.store.pendingStructs).toBeNull();
    relay.destroy();
    await dispose();
  });
});
