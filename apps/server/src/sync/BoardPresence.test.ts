import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  awarenessMessages,
  awarenessUpdate,
  defaultPacing,
  presenceSeen,
  silentLogger,
  testPeer,
} from '../test/boardKit.ts';
import { BoardPresence, withAccountName } from './BoardPresence.ts';
import { ConnectionError } from './CloseCode.ts';
import type { Peer } from './Peer.ts';

function presenceFor(peers: Set<Peer>): BoardPresence {
  return new BoardPresence({
    boardId: 'b',
    doc: new Y.Doc(),
    log: silentLogger(),
    limits: { maxBytes: 4096, maxDepth: 8 },
    peers: () => peers,
    interval: () => Math.min(defaultPacing.maxMs, peers.size * defaultPacing.perClientMs),
  });
}

const alice77 = { user: { id: 'alice', name: 'Alice', color: '#1f4e79' } };

describe('BoardPresence', () => {
  it('refuses a newer awareness state for a client id another principal owns', () => {
    const alice = testPeer('a', 'alice');
    const mallory = testPeer('m', 'mallory');
    const peers = new Set<Peer>([alice, mallory]);
    const presence = presenceFor(peers);
    presence.receive(alice, awarenessUpdate(77, 1, alice77));
    expect(() =>
      presence.receive(
        mallory,
        awarenessUpdate(77, 2, { user: { id: 'alice', name: 'Fake', color: '#000000' } }),
      ),
    ).toThrow(ConnectionError);
    expect(presence.awareness.getStates().get(77)).toEqual(alice77);
    // The same principal on a new connection (a reconnect) may take its id over.
    const aliceAgain = testPeer('a2', 'alice');
    peers.add(aliceAgain);
    presence.receive(
      aliceAgain,
      awarenessUpdate(77, 3, { user: { id: 'alice', name: 'Alice 2', color: '#1f4e79' } }),
    );
    expect(presence.awareness.getStates().get(77)).toEqual({
      user: { id: 'alice', name: 'Alice 2', color: '#1f4e79' },
    });
    presence.leave(aliceAgain);
    expect(presence.awareness.getStates().has(77)).toBe(false);
    presence.destroy();
  });

  it('shows a signed-in connection under its account name, whatever name its browser sent', () => {
    const camille = { ...testPeer('c', 'camille'), displayName: 'Camille Conseil' };
    const presence = presenceFor(new Set<Peer>([camille]));
    presence.receive(
      camille,
      awarenessUpdate(5, 1, {
        // A browser claiming another account's id gets its own account's.
        user: { id: 'camille', name: 'Claire Council 541', color: '#1f4e79', accountId: 'sophie' },
      }),
    );
    expect(presence.awareness.getStates().get(5)).toEqual({
      user: { id: 'camille', name: 'Camille Conseil', color: '#1f4e79', accountId: 'camille' },
    });
    presence.destroy();
    // Without an account, a claimed account id is removed.
    expect(withAccountName({ user: { ...alice77.user, accountId: 'sophie' } }, null, null)).toEqual(
      { user: alice77.user },
    );
    // The cursor label too; nothing added where there was nothing, nothing changed anonymously.
    const canvas = { userName: 'X' } as never;
    expect(withAccountName({ presence: canvas }, 'A')).toEqual({ presence: { userName: 'A' } });
    expect(withAccountName({ drag: null }, 'A')).toEqual({ drag: null });
    expect(withAccountName({ user: alice77.user }, null)).toEqual({ user: alice77.user });
  });

  it('sends presence paced: a burst on a crowded board reaches each peer as few messages, latest states only', async () => {
    const list = Array.from({ length: 150 }, (_, i) => testPeer(`p${i}`, `user${i}`));
    const peers = new Set<Peer>(list);
    const presence = presenceFor(peers);
    const observer = list[0]!;
    // Every client announces itself, then moves its cursor twice, all within a few milliseconds.
    for (const step of [0, 1, 2]) {
      for (const [i, p] of list.entries()) {
        presence.receive(
          p,
          awarenessUpdate(1000 + i, 1 + step, {
            drag: { cards: [{ cardId: `c${i}`, x: step, y: 0 }] },
          }),
        );
      }
    }
    await vi.waitFor(() => expect(presenceSeen(observer.sent).size).toBe(150), { timeout: 2000 });
    // 450 changes; one message per pacing interval (22.5 ms for 150 peers), not one per change.
    expect(awarenessMessages(observer.sent).length).toBeLessThan(10);
    const states = presenceSeen(observer.sent);
    for (let i = 0; i < 150; i++)
      expect(states.get(1000 + i)).toEqual({ drag: { cards: [{ cardId: `c${i}`, x: 2, y: 0 }] } });
    // A departure is presence too: the others learn that the client is gone.
    peers.delete(list[5]!);
    presence.leave(list[5]!);
    await vi.waitFor(() => expect(presenceSeen(observer.sent).has(1005)).toBe(false));
    presence.destroy();
  });

  it('sends the presence of a small board on the next turn', async () => {
    const alice = testPeer('a', 'alice');
    const bob = testPeer('b', 'bob');
    const presence = presenceFor(new Set([alice, bob]));
    presence.receive(alice, awarenessUpdate(7, 1, alice77));
    await new Promise((resolve) => setImmediate(resolve));
    expect(presenceSeen(bob.sent).get(7)).toEqual(alice77);
    presence.destroy();
  });

  it('drops a state that does not fit the app’s shape, relays the others, and cuts unknown fields', async () => {
    const alice = testPeer('a', 'alice');
    const mallory = testPeer('m', 'mallory');
    const bob = testPeer('b', 'bob');
    const presence = presenceFor(new Set([alice, mallory, bob]));
    presence.receive(
      mallory,
      awarenessUpdate(66, 1, { user: { id: 'm', name: { evil: 1 }, color: '#000000' } }),
    );
    presence.receive(alice, awarenessUpdate(7, 1, { ...alice77, extra: 'x'.repeat(100) }));
    await vi.waitFor(() => expect(presenceSeen(bob.sent).get(7)).toEqual(alice77));
    expect(presenceSeen(bob.sent).has(66)).toBe(false);
    expect(presence.awareness.getStates().has(66)).toBe(false);
    presence.destroy();
  });
});
