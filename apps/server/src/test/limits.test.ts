import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../sync/CloseCode.ts';
import { encodeSyncUpdate } from '../sync/messages.ts';
import { waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { testScope } from './testScope.ts';

const { server, client } = testScope();

describe('per-connection limits', () => {
  it('closes a connection that floods past MAX_MESSAGES_PER_SECOND, and only that one', async () => {
    const s = await server({ maxMessagesPerSecond: 50 });
    const calm = client(s, 'flood');
    await calm.synced;
    const raw = await openRawSocket(`${s.syncUrl}/flood`, { cookie: s.cookie });
    for (let i = 0; i < 1000; i++) raw.ws.send(Uint8Array.of(3));
    expect((await raw.closed).code).toBe(CloseCode.policyViolation);
    expect(s.logs.some((l) => /MAX_MESSAGES_PER_SECOND/.test(String(l.reason)))).toBe(true);
    calm.doc.getMap('m').set('still', 'fine');
    const other = client(s, 'flood');
    await other.synced;
    await waitFor(() => other.doc.getMap('m').get('still') === 'fine', 'calm client served');
  });

  it('lets a normal burst through', async () => {
    const s = await server({ maxMessagesPerSecond: 50 });
    const raw = await openRawSocket(`${s.syncUrl}/burst`, { cookie: s.cookie });
    for (let i = 0; i < 90; i++) raw.ws.send(Uint8Array.of(3));
    // Every query-awareness was answered, and the socket is still open after the last answer.
    await waitFor(() => raw.received.filter((m) => m[0] === 1).length >= 90, 'answers');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it('closes a connection whose message blocks the event loop past MESSAGE_BUDGET_MS', async () => {
    const s = await server({ messageBudgetMs: 1 });
    const raw = await openRawSocket(`${s.syncUrl}/slow`, { cookie: s.cookie });
    const doc = new Y.Doc();
    // Many separate structs (map keys), so integrating them takes well over a millisecond.
    const map = doc.getMap('m');
    for (let i = 0; i < 20_000; i++) map.set(`k${i}`, i);
    raw.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.policyViolation);
    expect(closed.reason).toMatch(/MESSAGE_BUDGET_MS/);
  });
});

describe('periodic resync', () => {
  it('recovers an update the network lost, through the server’s periodic state vector', async () => {
    const s = await server({ resyncIntervalMs: 1000 });
    const a = client(s, 'lossy');
    const b = client(s, 'lossy');
    await Promise.all([a.synced, b.synced]);
    // Lose A's next message on the way to the server.
    const ws = a.provider.ws as unknown as { send: (data: unknown) => void };
    const send = ws.send.bind(ws);
    ws.send = () => {
      ws.send = send;
    };
    a.doc.getMap('m').set('lost', 'then found');
    // A's next message reaches the server after the lost one: once B sees it, the update would
    // have crossed too, had it not been lost.
    // (A presence of the app's shape: the server drops any other.)
    // Marked by its id: the name is the account's, stamped by the server.
    a.provider.awareness.setLocalStateField('user', {
      id: 'after-the-loss',
      name: 'after the loss',
      color: '#336699',
    });
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.id === 'after-the-loss',
      'a later message crossed',
    );
    expect(b.doc.getMap('m').has('lost')).toBe(false);
    await waitFor(
      () => b.doc.getMap('m').get('lost') === 'then found',
      'recovered by resync',
      5000,
    );
  });
});
