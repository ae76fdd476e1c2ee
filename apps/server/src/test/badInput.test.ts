import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../sync/CloseCode.ts';
import { encodeAwarenessMessage, encodeSyncStep1, encodeSyncUpdate } from '../sync/messages.ts';
import { snapshot, waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { startTestServer, type TestServer } from './testServer.ts';

function awareness(entries: { id: number; clock: number; json: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.id);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.json);
  }
  return encodeAwarenessMessage(encoding.toUint8Array(encoder));
}

/** An update that needs an earlier one the server never saw. */
function updateWithMissingDependency(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'first');
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(5, ' second');
  return Y.encodeStateAsUpdate(doc, before);
}

function sync(type: number, payload: number[] | Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, Uint8Array.from(payload));
  return encoding.toUint8Array(encoder);
}

const deep = JSON.stringify(
  Array.from({ length: 20 }).reduce<unknown>((inner) => ({ inner }), { leaf: true }),
);

const cases: { name: string; frame: () => Uint8Array | string; code: number; log: RegExp }[] = [
  { name: 'a text frame', frame: () => 'hello', code: CloseCode.unsupportedData, log: /bad input/ },
  {
    name: 'an unknown message type',
    frame: () => Uint8Array.of(7),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'a truncated varint',
    frame: () => Uint8Array.of(0x80),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'an overlong varint',
    frame: () => Uint8Array.of(...Array(12).fill(0xff), 1),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'an unknown sync type',
    frame: () => Uint8Array.of(0, 9, 0),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'a huge declared length',
    frame: () => Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'trailing bytes',
    frame: () => Uint8Array.of(3, 1, 2),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'an undecodable Yjs update',
    frame: () => sync(2, [5, 200, 1, 7, 7, 7, 7, 7, 7]),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'an undecodable state vector',
    frame: () => encodeSyncStep1(Uint8Array.of(0xff)),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
  {
    name: 'a message over MAX_MESSAGE_BYTES',
    frame: () => new Uint8Array(64 * 1024),
    code: CloseCode.messageTooBig,
    log: /websocket protocol error/,
  },
  {
    name: 'an awareness update over its size limit',
    frame: () => awareness([{ id: 1, clock: 1, json: JSON.stringify({ pad: 'x'.repeat(3000) }) }]),
    code: CloseCode.policyViolation,
    log: /bad input/,
  },
  {
    name: 'awareness nested too deep',
    frame: () => awareness([{ id: 2, clock: 1, json: deep }]),
    code: CloseCode.policyViolation,
    log: /bad input/,
  },
  {
    name: 'awareness that is not JSON',
    frame: () => awareness([{ id: 3, clock: 1, json: '{nope' }]),
    code: CloseCode.invalidPayload,
    log: /bad input/,
  },
];

describe('bad input closes only the offending connection', () => {
  let server: TestServer;
  let expected: unknown;

  beforeAll(async () => {
    server = await startTestServer({
      maxMessageBytes: 32 * 1024,
      awarenessMaxBytes: 2048,
      awarenessMaxDepth: 8,
    });
    const writer = server.connect('target');
    await writer.synced;
    writer.doc.getText('t').insert(0, 'intact');
    writer.doc.getMap('m').set('k', 1);
    await waitFor(
      async () => ((await server.storage.info('target'))?.logLength ?? 0) > 0,
      'stored',
    );
    expected = snapshot(writer.doc);
    writer.destroy();
  });
  afterAll(() => server.dispose());

  it.each(cases)('$name', async ({ frame, code, log }) => {
    const bystander = server.connect('target');
    await bystander.synced;
    const raw = await openRawSocket(`${server.syncUrl}/target`, { cookie: server.cookie });
    raw.ws.send(frame());
    const closed = await raw.closed;
    expect(closed.code).toBe(code);

    await waitFor(
      () => server.logs.some((l) => log.test(l.msg) && l.code === code),
      'a log line names the close code',
    );

    // The server and the other connection carry on, and the board is untouched.
    expect(bystander.provider.wsconnected).toBe(true);
    const healthy = server.connect('target');
    await healthy.synced;
    expect(snapshot(healthy.doc)).toEqual(expected);
    healthy.doc.getMap('m').set('after', code);
    await waitFor(() => bystander.doc.getMap('m').get('after') === code, 'bystander still served');
    healthy.doc.getMap('m').delete('after');
    await waitFor(() => !bystander.doc.getMap('m').has('after'), 'cleanup delivered');
    healthy.destroy();
    bystander.destroy();
  });

  it('drops the part of an update whose dependencies it lacks, and asks for them instead of closing', async () => {
    const raw = await openRawSocket(`${server.syncUrl}/target`, { cookie: server.cookie });
    const before = raw.received.length;
    raw.ws.send(encodeSyncUpdate(updateWithMissingDependency()));
    // The answer is a sync step 1 (our state vector), so the client sends what we lack.
    await waitFor(
      () => raw.received.slice(before).some((m) => m[0] === 0 && m[1] === 0),
      'resync requested',
    );
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    const healthy = server.connect('target');
    await healthy.synced;
    expect(snapshot(healthy.doc)).toEqual(expected);
    healthy.destroy();
    raw.ws.close();
  });

  it('writes exactly one log line per refused message', async () => {
    const before = server.logs.length;
    const open = new Set(server.connections.values());
    const raw = await openRawSocket(`${server.syncUrl}/target`, { cookie: server.cookie });
    const mine = [...server.connections.values()].find((c) => !open.has(c));
    expect(mine).toBeDefined();
    raw.ws.send(Uint8Array.of(42));
    await raw.closed;
    // The server's last step for a socket is to forget it: every line about it is written by then.
    await waitFor(
      () => ![...server.connections.values()].includes(mine!),
      'the server handled the close',
    );
    const added = server.logs.slice(before).filter((l) => l.level >= 40);
    expect(added).toHaveLength(1);
    expect(added[0]?.reason).toMatch(/unknown message type 42/);
  });

  it('accepts the relays the stock client sends and ignores stale removals', async () => {
    const owner = server.connect('target');
    await owner.synced;
    owner.provider.awareness.setLocalStateField('user', {
      id: 'owner',
      name: 'Owner',
      color: '#1f4e79',
    });
    const id = owner.doc.clientID;
    const probe = server.connect('target');
    await waitFor(() => probe.provider.awareness.getStates().has(id), 'server knows the owner');
    probe.destroy();
    const clock = (owner.provider.awareness.meta.get(id)?.clock ?? 0) as number;
    // A relay (same clock) is harmless and dropped; a newer clock from elsewhere is a spoof.
    const relay = await openRawSocket(`${server.syncUrl}/target`, { cookie: server.cookie });
    relay.ws.send(
      awareness([
        {
          id,
          clock,
          json: JSON.stringify({ user: { id: 'owner', name: 'Owner', color: '#1f4e79' } }),
        },
      ]),
    );
    // Removing someone else's presence with the clock we already have is ignored too.
    const spoof = await openRawSocket(`${server.syncUrl}/target`, { cookie: server.cookie });
    spoof.ws.send(awareness([{ id, clock, json: 'null' }]));
    // A socket's messages are handled in order: the answer to a later query-awareness proves
    // the relay and the removal were handled.
    for (const socket of [relay, spoof]) {
      const before = socket.received.length;
      socket.ws.send(Uint8Array.of(3));
      await waitFor(
        () => socket.received.slice(before).some((m) => m[0] === 1),
        'query-awareness answered',
      );
    }
    const watcher = server.connect('target');
    await watcher.synced;
    await waitFor(() => watcher.provider.awareness.getStates().has(id), 'owner still present');
    expect(relay.ws.readyState).toBe(relay.ws.OPEN);
    expect(spoof.ws.readyState).toBe(spoof.ws.OPEN);
    relay.ws.close();
    spoof.ws.close();
    watcher.destroy();
    owner.destroy();
  });
});
