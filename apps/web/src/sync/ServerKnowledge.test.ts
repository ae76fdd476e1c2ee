import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRange, covers, ServerKnowledge } from './ServerKnowledge.ts';

/** A server doc and a client doc in sync, the client recording its own updates. */
function pair() {
  const server = new Y.Doc();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sent: Uint8Array[] = [];
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') sent.push(update);
  });
  return { server, client, sent };
}

describe('ServerKnowledge', () => {
  it('calls a fresh local edit pending until the server echoes it', () => {
    const { server, client, sent } = pair();
    const known = new ServerKnowledge();
    known.addStateVector(Y.encodeStateVector(server));
    expect(known.holdsEverythingOf(client)).toBe(true);

    client.getMap('m').set('a', 1);
    expect(known.holdsEverythingOf(client)).toBe(false);
    // The server stores the update and echoes it back.
    for (const update of sent.splice(0)) Y.applyUpdate(server, update);
    known.addUpdate(Y.encodeStateAsUpdate(server, Y.encodeStateVector(new Y.Doc())));
    expect(known.holdsEverythingOf(client)).toBe(true);
  });

  it('tracks deletions, which move no state vector', () => {
    const { server, client, sent } = pair();
    const map = client.getMap('m');
    map.set('a', 1);
    for (const update of sent.splice(0)) Y.applyUpdate(server, update);
    const known = new ServerKnowledge();
    known.addUpdate(Y.encodeStateAsUpdate(server));
    expect(known.holdsEverythingOf(client)).toBe(true);

    map.delete('a');
    const svBefore = Y.encodeStateVector(server);
    expect(Y.encodeStateVector(client)).toEqual(svBefore);
    expect(known.holdsEverythingOf(client)).toBe(false);
    const [deletion] = sent.splice(0);
    Y.applyUpdate(server, deletion!);
    known.addUpdate(deletion!);
    expect(known.holdsEverythingOf(client)).toBe(true);
  });

  it('learns what the server already had from its sync step 2 after a reconnect', () => {
    const { server, client, sent } = pair();
    client.getMap('m').set('a', 1);
    client.getMap('m').delete('a');
    client.getMap('m').set('b', 2);
    for (const update of sent.splice(0)) Y.applyUpdate(server, update);
    // A new session: the client knew nothing, the server answers its step 1.
    const known = new ServerKnowledge();
    expect(known.holdsEverythingOf(client)).toBe(false);
    known.addStateVector(Y.encodeStateVector(server));
    known.addUpdate(Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
    expect(known.holdsEverythingOf(client)).toBe(true);
  });

  it('does not confirm an edit when the server sends only other peers’ updates', () => {
    const { server, client } = pair();
    const other = new Y.Doc();
    const known = new ServerKnowledge();
    client.getMap('m').set('mine', 1);
    other.getMap('m').set('theirs', 2);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    known.addUpdate(Y.encodeStateAsUpdate(other));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other), 'server');
    expect(known.holdsEverythingOf(client)).toBe(false);
  });

  it('survives a JSON round trip and ignores garbage', () => {
    const { server, client, sent } = pair();
    client.getMap('m').set('a', 1);
    client.getMap('m').delete('a');
    for (const update of sent.splice(0)) Y.applyUpdate(server, update);
    const known = new ServerKnowledge();
    known.addUpdate(Y.encodeStateAsUpdate(server));
    const back = ServerKnowledge.fromJSON(JSON.parse(JSON.stringify(known.toJSON())));
    expect(back.holdsEverythingOf(client)).toBe(true);
    expect(ServerKnowledge.fromJSON('nonsense').holdsEverythingOf(client)).toBe(false);
    expect(
      ServerKnowledge.fromJSON({ sv: { 1: 'x' }, ds: { 1: [[0, 'y']], 2: 3 } }).toJSON(),
    ).toEqual({ sv: {}, ds: {} });
  });
});

describe('clock ranges', () => {
  it('merge what they touch and stay sorted', () => {
    let ranges = addRange([], 10, 12);
    ranges = addRange(ranges, 0, 2);
    ranges = addRange(ranges, 5, 6);
    expect(ranges).toEqual([
      [0, 2],
      [5, 6],
      [10, 12],
    ]);
    ranges = addRange(ranges, 2, 5);
    expect(ranges).toEqual([
      [0, 6],
      [10, 12],
    ]);
    ranges = addRange(ranges, 4, 11);
    expect(ranges).toEqual([[0, 12]]);
  });

  it('cover only what lies inside one range', () => {
    const ranges: [number, number][] = [
      [0, 4],
      [6, 9],
    ];
    expect(covers(ranges, 1, 3)).toBe(true);
    expect(covers(ranges, 6, 9)).toBe(true);
    expect(covers(ranges, 3, 7)).toBe(false);
    expect(covers(ranges, 9, 10)).toBe(false);
  });
});
