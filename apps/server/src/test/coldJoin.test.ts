import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { encodeSyncStep1 } from '../sync/messages.ts';
import { waitFor } from './clients.ts';
import { openRawSocket } from './rawSocket.ts';
import { testScope } from './testScope.ts';
import { startTestServer, tempDir } from './testServer.ts';

const { cleanups, client } = testScope();

/** A board stored as a compacted state plus a log, on a storage whose reads take 300 ms. */
async function coldBoard() {
  const dataDir = tempDir();
  const real = new SqliteStorage({ file: `${dataDir}/boards.sqlite` });
  const author = new Y.Doc();
  const map = author.getMap<number>('m');
  for (let i = 0; i < 200; i++) map.set(`s${i}`, i);
  const seq = await real.append('cold', [Y.encodeStateAsUpdate(author)]);
  await real.compact('cold', Y.encodeStateAsUpdate(author), seq);
  const log: Uint8Array[] = [];
  author.on('update', (u: Uint8Array) => log.push(u));
  for (let i = 0; i < 5; i++) map.set(`l${i}`, i);
  await real.append('cold', log);
  const slow = Object.assign(Object.create(real) as SqliteStorage, {
    async load(id: string) {
      await new Promise((r) => setTimeout(r, 300));
      return real.load(id);
    },
  });
  const s = await startTestServer({ dataDir }, { storage: slow });
  cleanups.push(() => s.dispose());
  return { s, author };
}

const isStep2 = (m: Uint8Array) => m[0] === 0 && m[1] === 1;
const isStep1 = (m: Uint8Array) => m[0] === 0 && m[1] === 0;
const isUpdate = (m: Uint8Array) => m[0] === 0 && m[1] === 2;

describe('a new client joining a board that is still loading', () => {
  it('is answered from what storage holds before the doc is built, and is not sent it twice', async () => {
    const { s, author } = await coldBoard();
    const raw = await openRawSocket(`${s.syncUrl}/cold`, { cookie: s.cookie });
    raw.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => raw.received.some(isStep1), 'the server greeted');
    // The answer came before the server's own sync step 1, which it sends once the doc is built.
    const firstSync = raw.received.findIndex((m) => isStep2(m) || isStep1(m));
    expect(isStep2(raw.received[firstSync]!)).toBe(true);
    const doc = new Y.Doc();
    for (const m of raw.received.filter((x) => isStep2(x) || isUpdate(x))) {
      Y.applyUpdate(doc, m.subarray(m[2]! < 128 ? 3 : 4)); // [0, 1|2, varint length, update]
    }
    expect(doc.getMap('m').toJSON()).toEqual(author.getMap('m').toJSON());
    // After the build, what was owed beyond the read is nothing: no second copy of the board.
    await new Promise((r) => setTimeout(r, 200));
    const stateBytes = Y.encodeStateAsUpdate(author).byteLength;
    const sent = raw.received
      .filter((m) => isStep2(m) || isUpdate(m))
      .reduce((n, m) => n + m.byteLength, 0);
    expect(sent).toBeLessThan(stateBytes * 1.5);
    raw.ws.close();
  });

  it('gives stock clients the whole board and every later edit, whether they joined during the load or after', async () => {
    const { s, author } = await coldBoard();
    const early = client(s, 'cold');
    await early.synced;
    expect(early.doc.getMap('m').toJSON()).toEqual(author.getMap('m').toJSON());
    early.doc.getMap('m').set('after', 1);
    const late = client(s, 'cold');
    await late.synced;
    await waitFor(() => late.doc.getMap('m').get('after') === 1, 'later edit reached');
    late.doc.getMap('m').set('back', 2);
    await waitFor(() => early.doc.getMap('m').get('back') === 2, 'edit reached the early joiner');
    expect(late.doc.getMap('m').size).toBe(207);
  });

  it('leaves a log longer than it answers from storage (a crash before compaction) to the built doc', async () => {
    const dataDir = tempDir();
    const real = new SqliteStorage({ file: `${dataDir}/boards.sqlite` });
    const author = new Y.Doc();
    const log: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => log.push(u));
    for (let i = 0; i < 1500; i++) author.getMap('m').set(`k${i % 50}`, i);
    await real.append('long', log);
    const s = await startTestServer({ dataDir }, { storage: real });
    cleanups.push(() => s.dispose());
    const raw = await openRawSocket(`${s.syncUrl}/long`, { cookie: s.cookie });
    raw.ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => raw.received.some(isStep2), 'answered');
    // One answer, from the doc, after the server's greeting; not 1,500 messages.
    const firstSync = raw.received.findIndex((m) => isStep2(m) || isStep1(m));
    expect(isStep1(raw.received[firstSync]!)).toBe(true);
    expect(raw.received.filter(isUpdate)).toHaveLength(0);
    const doc = new Y.Doc();
    const step2 = raw.received.find(isStep2)!;
    Y.applyUpdate(doc, step2.subarray(step2[2]! < 128 ? 3 : step2[3]! < 128 ? 4 : 5));
    expect(doc.getMap('m').toJSON()).toEqual(author.getMap('m').toJSON());
    raw.ws.close();
  });
});
