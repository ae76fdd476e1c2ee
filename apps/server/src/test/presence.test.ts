import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAwarenessMessage } from '../sync/messages.ts';
import { type TestClient, waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function awarenessOf(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encodeAwarenessMessage(encoding.toUint8Array(encoder));
}

describe('presence checked against the app’s shape', () => {
  it('never relays a presence whose user name is an object; a good one from the same board arrives', async () => {
    const s: TestServer = await startTestServer();
    cleanups.push(() => s.dispose());
    const good: TestClient = s.connect('presence');
    const watcher: TestClient = s.connect('presence');
    cleanups.push(
      () => good.destroy(),
      () => watcher.destroy(),
    );
    await Promise.all([good.synced, watcher.synced]);
    // A signed-in council member, speaking the protocol by hand.
    const member = await s.session('presence', 'council');
    const raw = await openRawSocket(`${s.syncUrl}/presence`, { cookie: member.cookie });
    raw.ws.send(
      awarenessOf(4242, 1, { user: { id: 'evil', name: { evil: 1 }, color: '#000000' } }),
    );
    // The query's answer proves the server handled the presence before it.
    raw.ws.send(Uint8Array.of(3));
    await waitFor(() => raw.received.some((m) => m[0] === 1), 'query answered');
    good.provider.awareness.setLocalStateField('user', {
      id: 'alice',
      name: 'Alice',
      color: '#1f4e79',
    });
    const goodId = good.provider.awareness.clientID;
    // Under the account's name ('Test'), which the server stamps whatever the browser sent.
    await waitFor(
      () =>
        (watcher.provider.awareness.getStates().get(goodId) as { user?: { name?: string } })?.user
          ?.name === 'Test',
      'good presence received',
    );
    expect(watcher.provider.awareness.getStates().has(4242)).toBe(false);
    expect(s.logs.some((l) => l.msg === 'presence that does not fit the app’s shape dropped')).toBe(
      true,
    );
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });
});
