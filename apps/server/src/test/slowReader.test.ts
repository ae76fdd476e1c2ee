import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../sync/CloseCode.ts';
import { encodeSyncStep1, encodeSyncUpdate } from '../sync/messages.ts';
import { type TestClient, waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const MiB = 1024 * 1024;
const REQUESTS = 100;

describe('a client that does not read', () => {
  it('is sent one whole board at a time however often it asks, and is closed (1013) once too much waits for it', async () => {
    const s: TestServer = await startTestServer({ maxBufferedBytes: 8 * MiB });
    cleanups.push(() => s.dispose());
    const writer: TestClient = s.connect('slow');
    cleanups.push(() => writer.destroy());
    await writer.synced;
    // A 2 MiB board: every answer to a sync step 1 with an empty state vector holds all of it.
    writer.doc.getText('t').insert(0, 'x'.repeat(2 * MiB));
    await waitFor(async () => (await s.storage.load('slow')).updates.length > 0, 'board stored');

    const observer = await s.session('slow', 'observer');
    const raw = await openRawSocket(`${s.syncUrl}/slow`, { cookie: observer.cookie });
    const conn = s.logs.find(
      (l) => l.msg === 'connection opened' && l.principal === observer.user.id,
    )?.conn;
    raw.ws.pause(); // reads nothing from now on
    const everything = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < REQUESTS; i++) raw.ws.send(everything);
    // An observer's update is dropped with a log line: it proves the requests before it were handled.
    const edit = new Y.Doc();
    edit.getMap('m').set('x', 1);
    raw.ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(edit)));
    await waitFor(
      () => s.logs.some((l) => l.peer === conn && l.msg === 'update from read-only peer dropped'),
      'requests handled',
    );
    // A hundred requests did not queue a hundred boards: the connection is still under the limit.
    const closedLog = () =>
      s.logs.find((l) => l.conn === conn && l.msg === 'connection closed: bad input');
    expect(closedLog()).toBeUndefined();

    // The board keeps changing; what is broadcast to the observer piles up until it is cut off.
    for (let i = 0; i < 40 && !closedLog(); i++) {
      const text = writer.doc.getText('t');
      text.insert(0, String(i % 10).repeat(MiB));
      const board = await s.registry.peek('slow');
      await waitFor(() => board?.doc.getText('t').length === text.length, 'edit received');
      await board?.whenPersisted(); // stored, so broadcast
    }
    expect(closedLog()?.code).toBe(CloseCode.tryAgainLater);
    expect(String(closedLog()?.reason)).toMatch(/MAX_BUFFERED_BYTES/);

    raw.ws.resume();
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.tryAgainLater);
    const wholeBoards = raw.received.filter(
      (m) => m[0] === 0 && m[1] === 1 && m.byteLength > 2 * MiB,
    );
    expect(wholeBoards.length).toBeGreaterThanOrEqual(1);
    expect(wholeBoards.length).toBeLessThanOrEqual(5);
  });
});
